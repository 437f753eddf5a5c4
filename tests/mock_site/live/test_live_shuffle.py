"""--shuffle-dom on the live face: ids and item order change on every load; labels and control names do not,
so a person who goes by the labels still files a tab."""

from __future__ import annotations

import re
from contextlib import closing

import pytest
from playwright.sync_api import Browser, Page, expect

from mock_site.live.form import tabs
from mock_site.live.live_shuffle import units
from tests.mock_site.live import live_support as live
from tests.mock_site.live.ui import choose, item, radio, ready
from tests.support import DEMO_PI, MockServer


@pytest.fixture(scope="module")
def shuffled():
    server = MockServer("--face", "live-2026", "--fast", "--shuffle-dom")
    yield server
    server.stop()


def top_keys(html: str, index: int) -> list[str]:
    """The tab's own (not a row's) item keys in page order."""
    form = re.search(rf'<form [^>]*data-tab="{index}".*?</form>', html, re.DOTALL)
    assert form
    body = re.sub(r'<script type="text/html".*?</script>', "", form.group(0), flags=re.DOTALL)
    own = {c.key for c in tabs()[index].controls}
    found = re.findall(r'<div class="[^"]*live-item[^"]*" data-key="([^"]+)"', body)
    return list(dict.fromkeys(k for k in found if k in own))


def test_blocks_keep_a_dependent_select_after_its_parent_and_a_twin_after_its_field() -> None:
    t0, t1 = tabs()[0], tabs()[1]
    blocks = {b[0].key: [c.key for c in b] for b in units(t0)}
    assert blocks["research_type_l1"] == ["research_type_l1", "research_type_l2", "research_type_l3"]
    title = next(b for b in units(t1) if b[0].key == "research_title")
    assert [c.key for c in title][:2] == ["research_title", "research_title_en"]
    assert sum(len(b) for b in units(t0)) == len(t0.controls)


def test_every_load_moves_items_and_ids_but_keeps_labels_and_names(shuffled: MockServer) -> None:
    with closing(live.client(shuffled)) as c:
        first, second = c.get("/research/new").text, c.get("/research/new").text
    assert first != second
    orders = [(top_keys(first, i), top_keys(second, i)) for i in range(9)]
    assert all(sorted(a) == sorted(b) for a, b in orders)
    # tab 0 has 13 blocks: the same order on both loads is a one-in-billions chance
    assert orders[0][0] != orders[0][1]
    names = [sorted(re.findall(r' name="([^"]+)"', html)) for html in (first, second)]
    assert names[0] == names[1] and {"type1", "type2", "researchTitle", "eng.name", "funds.sourceId"} <= set(names[0])
    labels = [sorted(re.findall(r'<label class="layui-form-label">(.*?)</label>', html)) for html in (first, second)]
    assert labels[0] == labels[1]
    ids = [set(re.findall(r' id="([^"]+)"', html)) for html in (first, second)]
    assert ids[0] and ids[0].isdisjoint(ids[1]) and "tab0" not in ids[0] | ids[1]
    assert re.findall(r'lay-id="(tab\d)"', first) == [f"tab{i}" for i in range(9)]  # the addresses stay


@pytest.mark.e2e
def test_a_person_files_tab0_by_its_labels_on_a_shuffled_page(browser: Browser, shuffled: MockServer) -> None:
    shuffled.reset()
    context = browser.new_context(locale="zh-CN")
    page: Page = context.new_page()
    try:
        page.goto(shuffled.url + "/login")
        page.locator("input[name=username]").fill(DEMO_PI["phone"])
        page.locator("input[name=password]").fill(DEMO_PI["password"])
        page.locator("button", has_text="登录").click()
        expect(page.locator(".layui-header .live-user")).to_be_visible()
        page.goto(shuffled.url + "/research/new")
        ready(page)
        t0 = page.locator(".layui-tab-item.layui-show")
        choose(item(t0, "研究分类（一级）"), "研究者发起的临床研究")
        choose(item(t0, "研究分类（二级）"), "观察性研究")
        radio(item(t0, "是否是诊断试验"), "否")
        radio(item(t0, "干预措施（暴露因素）是否以中医理论为指导"), "否")
        radio(item(t0, "是否为侵入式脑机接口用于治疗神经精神疾病的临床研究"), "否")
        t0.locator("button", has_text="保存").click()
        expect(page).to_have_url(re.compile(r"/research/edit/\d+#tab0$"))
        ready(page)
        project_id = int(re.search(r"/edit/(\d+)", page.url).group(1))  # type: ignore[union-attr]
        assert live.stored(shuffled, project_id)["modules"]["research_category"] == {
            "implementing_unit": "示例医院", "research_type_l1": "研究者发起的临床研究",
            "research_type_l2": "观察性研究", "diagnostic_test": "否", "tcm_guided": "否", "invasive_bci": "否"}
        # the reloaded page shows the stored choices in its own new order
        expect(item(page.locator(".layui-tab-item.layui-show"), "研究分类（二级）")
               .locator(".layui-select-title input")).to_have_value("观察性研究")
    finally:
        context.close()
