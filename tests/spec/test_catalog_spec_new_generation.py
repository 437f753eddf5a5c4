"""A third form generation is a new catalog file, not new Python: a spec naming it is checked from it."""

from __future__ import annotations

import shutil

import pytest

from autofiler.forms import catalog as form_catalog
from autofiler.spec import catalog_index, load
from autofiler.spec.template_catalog import render

MINI = """\
generation: mini-2030
label: 假想的 2030 表单
modules:
- key: basics
  label: 基本信息
  fields:
  - {key: title, label: 研究题目, widget: text, required: true, max_length: 20}
  - {key: kind, label: 研究类型, widget: radio, required: true, options: [干预, 观察]}
  - {key: arms, label: 分组数, widget: number, required: true, visible_if: kind == 干预}
- key: files
  label: 附件
  fields:
  - {key: plan, label: 研究方案, widget: pdf, required: true, data_size: 1}
"""


@pytest.fixture
def mini(tmp_path, monkeypatch):
    forms = tmp_path / "forms"
    forms.mkdir()
    for name in ("sop-2020.yaml", "live-2026.yaml"):
        shutil.copy(form_catalog.HERE / name, forms / name)
    (forms / "mini-2030.yaml").write_text(MINI, encoding="utf-8")
    monkeypatch.setattr(form_catalog, "HERE", forms)
    form_catalog.load.cache_clear()
    catalog_index.index.cache_clear()
    yield tmp_path
    form_catalog.load.cache_clear()
    catalog_index.index.cache_clear()


def test_a_spec_of_a_new_generation_is_checked_from_its_catalog(mini):
    spec = mini / "spec.yaml"
    spec.write_text("form: mini-2030\nbasics:\n  title: 一个很长很长很长很长很长很长很长很长的题目\n  kind: 观察\n  arms: 2\n",
                    encoding="utf-8")
    found = {(f.rule, f.path, f.label) for f in load(spec).findings}
    assert found == {("max-length", "basics.title", "研究题目"), ("not-applicable", "basics.arms", "分组数"),
                     ("required", "files", "附件")}
    spec.write_text("form: mini-2030\nbasics: {title: 短题目, kind: 干预, arms: 2}\nfiles: {plan: plan.pdf}\n",
                    encoding="utf-8")
    result = load(spec)
    assert [f.rule for f in result.findings] == ["pdf-missing"]
    template = render("mini-2030")
    assert "form: mini-2030" in template and "研究题目 | 必填 | 文本 | 最多 20 字" in template
