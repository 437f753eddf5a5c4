"""--shuffle-dom: ids, names, class order and the order of form items change on every load; labels do not,
so a person (or a driver) who goes by the labels still files the project."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.mock_site import test_pages_helpers as ui
from tests.mock_site.test_pages_filing import BASIC, EXPECTED, fill_basic, fill_implementation
from tests.support import MockServer

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def shuffled():
    server = MockServer("--shuffle-dom")
    yield server
    server.stop()


@pytest.fixture
def spage(browser: Browser, shuffled: MockServer):
    shuffled.reset()
    context = browser.new_context(base_url=shuffled.url, locale="zh-CN")
    yield context.new_page()
    context.close()


def snapshot(page: Page) -> dict:
    return page.evaluate("""() => ({
        ids: [...document.querySelectorAll('[id]')].map(e => e.id),
        names: [...document.querySelectorAll('[name]')].map(e => e.getAttribute('name')),
        labels: [...document.querySelectorAll('.el-tab-pane:not([aria-hidden]) .el-form-item__label')]
                    .map(e => e.textContent.trim()),
        classes: [...document.querySelectorAll('.el-tab-pane:not([aria-hidden]) .el-form-item')]
                    .map(e => e.getAttribute('class')),
        tabs: [...document.querySelectorAll('.el-tabs__item')].map(e => e.textContent.trim()),
    })""")


def test_ids_names_classes_and_item_order_change_but_labels_do_not(spage: Page):
    ui.login(spage)
    project_id = ui.new_project(spage)
    first = snapshot(spage)
    spage.reload()
    second = snapshot(spage)
    assert first["tabs"] == second["tabs"] == ["基本信息", "实施信息", "研究内容", "研究设计", "招募信息", "其他信息",
                                               "数据共享", "相关附件"]
    assert sorted(first["labels"]) == sorted(second["labels"])
    assert first["labels"] != second["labels"]  # 13 items: the same order twice is a 1-in-6-billion chance
    assert set(first["ids"]).isdisjoint(second["ids"])
    assert "project_name" not in first["names"] + second["names"]
    assert set(first["names"]).isdisjoint(second["names"])
    assert sorted(" ".join(sorted(c.split())) for c in first["classes"]) == \
        sorted(" ".join(sorted(c.split())) for c in second["classes"])
    assert any(c.split()[0] != "el-form-item" for c in first["classes"] + second["classes"])
    # table columns keep their order
    spage.goto(f"/projects/{project_id}/edit?tab=research_content")
    headers = ui.item(spage, "结局指标").locator(".el-table__header-wrapper th").all_inner_texts()
    assert [h.strip() for h in headers] == ["序号", "指标名称", "指标类型", "测量时间点", "测量方法", "操作"]


def test_a_project_is_filled_by_its_labels_on_a_shuffled_page(spage: Page, shuffled: MockServer):
    ui.login(spage)
    project_id = ui.new_project(spage)
    fill_basic(spage)
    assert ui.save(spage).status == 200
    ui.tab(spage, "实施信息")
    fill_implementation(spage)
    assert ui.save(spage).status == 200
    stored = ui.project_of(shuffled, project_id)["modules"]
    assert stored["basic_info"] == BASIC
    assert stored["implementation"] == EXPECTED["implementation"]
    spage.reload()
    expect(ui.item(spage, "参与单位").locator(".el-table__body-wrapper tr.el-table__row")).to_have_count(2)
