from __future__ import annotations

from types import SimpleNamespace

from autofiler.filing.element_filer import Filer, module_digest
from autofiler.site import sitemap
from autofiler.site.flows_element.element_editor import SaveRejected
from autofiler.spec import load_text

MAP = sitemap.load()


def filer(position):
    site = SimpleNamespace(map=MAP, page=None)
    return Filer(site, "7", {}, store=None, filing_id=1, reporter=None, spec_path="p.yaml",  # type: ignore[arg-type]
                 position=position)


def test_a_refused_save_names_spec_path_label_and_line():
    spec = (
        "implementation:\n"
        "  has_participating_units: 有\n"
        "  participating_units:\n"
        "    - institution: 北京大学第一医院\n"
        "      unit_pi_name: 李四\n"
        "      unit_pi_phone: '123'\n"
    )
    result = load_text(spec, "p.yaml")
    f = filer(result.position)
    impl = MAP.module("implementation")
    e = SaveRejected("请检查标红的字段", [
        {"field": "participating_units[0].unit_pi_phone", "message": "联系电话格式不正确"},
        {"field": "funding_source", "message": "请填写经费来源"},
    ])
    text = f.rejected(impl, e)
    lines = text.splitlines()
    assert lines[0].startswith("实施信息 保存被拒绝")
    assert "p.yaml:6:" in lines[1]
    assert "implementation.participating_units[0].unit_pi_phone 参与单位 第1行 联系电话: 联系电话格式不正确" in lines[1]
    assert "implementation.funding_source 经费来源: 请填写经费来源" in lines[2]


def test_an_english_twin_error_gets_the_twin_label():
    f = filer(lambda path: None)
    e = SaveRejected("x", [{"field": "project_name_en", "message": "请填写英文"}])
    assert "项目名称（英文）" in f.rejected(MAP.module("basic_info"), e)


def test_the_checkpoint_hash_follows_file_content(tmp_path):
    att = MAP.module("attachments")
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4 one")
    one = module_digest(att, {"protocol": str(pdf), "other_files": [str(pdf)]})
    pdf.write_bytes(b"%PDF-1.4 two")
    two = module_digest(att, {"protocol": str(pdf), "other_files": [str(pdf)]})
    assert one != two
    basic = MAP.module("basic_info")
    assert module_digest(basic, {"project_name": "a"}) == module_digest(basic, {"project_name": "a"})
    assert module_digest(basic, {"project_name": "a"}) != module_digest(basic, {"project_name": "b"})
