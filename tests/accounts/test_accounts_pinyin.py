"""Default passwords: pinyin initials + _123456, with surnames read as surnames."""

from __future__ import annotations

import pytest

from autofiler.accounts.pinyin import default_password

NAMES = [
    ("张三", "zs_123456"),
    ("李小明", "lxm_123456"),
    # single-character surnames pypinyin reads with their everyday reading
    ("单雄信", "sxx_123456"),
    ("曾国藩", "zgf_123456"),
    ("解缙", "xj_123456"),
    ("仇英", "qy_123456"),
    ("朴槿惠", "pjh_123456"),
    ("区志坚", "ozj_123456"),
    ("查良镛", "zly_123456"),
    ("覃伟", "qw_123456"),
    ("盖聂", "gn_123456"),
    ("缪小红", "mxh_123456"),
    # compound surnames
    ("尉迟恭", "ycg_123456"),
    ("欧阳修", "oyx_123456"),
    ("司马迁", "smq_123456"),
    ("诸葛亮", "zgl_123456"),
    ("长孙无忌", "zswj_123456"),
    ("上官婉儿", "sgwe_123456"),
    ("东方明", "dfm_123456"),
    ("皇甫谧", "hfm_123456"),
    ("令狐冲", "lhc_123456"),
    ("慕容复", "mrf_123456"),
    ("司徒雷登", "stld_123456"),
    ("夏侯惇", "xhd_123456"),
    ("宇文泰", "ywt_123456"),
    ("公孙胜", "gss_123456"),
    ("澹台明月", "ttmy_123456"),
    # names in Latin letters, and names with separators
    ("John Smith", "js_123456"),
    ("Mary Ann O'Neil", "mao_123456"),
    ("阿依古丽·买买提", "ayglmmt_123456"),
    ("王 芳", "wf_123456"),
]


@pytest.mark.parametrize(("name", "password"), NAMES)
def test_default_password(name: str, password: str) -> None:
    assert default_password(name) == password


def test_a_polyphonic_character_is_read_normally_outside_the_surname() -> None:
    # 单 is shan only as a surname; inside a given name pypinyin's dan stands
    assert default_password("王单") == "wd_123456"


def test_two_character_name_is_not_taken_for_a_compound_surname() -> None:
    # 单于 alone is surname 单 (shan) + given name 于, not the compound surname chanyu
    assert default_password("单于") == "sy_123456"


def test_a_name_without_letters_has_no_default() -> None:
    assert default_password("") is None
    assert default_password("123") is None
