"""Default passwords: the pinyin initials of the name, lower case, plus _123456 (张三 -> zs_123456).

pypinyin reads a character the way it is most often read, which is wrong for several surnames (单 is shan
as a surname, not dan) and for compound surnames (长孙 is zhang-sun). The surname is therefore looked up in
the table below first, longest match first, and only the given name goes through pypinyin.
"""

from __future__ import annotations

import re
import unicodedata

from pypinyin import Style, lazy_pinyin

from autofiler.accounts.columns import DEFAULT_PASSWORD_SUFFIX

# Surnames read differently as surnames, with their syllables as surnames.
SURNAMES: dict[str, tuple[str, ...]] = {
    # single characters pypinyin reads with their common (non-surname) reading
    "单": ("shan",), "曾": ("zeng",), "解": ("xie",), "仇": ("qiu",), "朴": ("piao",), "区": ("ou",),
    "查": ("zha",), "覃": ("qin",), "盖": ("ge",), "缪": ("miao",), "翟": ("zhai",), "秘": ("bi",),
    "种": ("chong",), "召": ("shao",), "繁": ("po",), "宓": ("fu",), "句": ("gou",), "折": ("she",),
    "阚": ("kan",), "隗": ("wei",), "尉": ("wei",),
    # compound surnames: two syllables, so two initials
    "欧阳": ("ou", "yang"), "司马": ("si", "ma"), "诸葛": ("zhu", "ge"), "长孙": ("zhang", "sun"),
    "上官": ("shang", "guan"), "东方": ("dong", "fang"), "皇甫": ("huang", "fu"), "令狐": ("ling", "hu"),
    "慕容": ("mu", "rong"), "司徒": ("si", "tu"), "夏侯": ("xia", "hou"), "宇文": ("yu", "wen"),
    "尉迟": ("yu", "chi"), "公孙": ("gong", "sun"), "澹台": ("tan", "tai"), "端木": ("duan", "mu"),
    "轩辕": ("xuan", "yuan"), "呼延": ("hu", "yan"), "万俟": ("mo", "qi"), "单于": ("chan", "yu"),
    "闻人": ("wen", "ren"), "南宫": ("nan", "gong"), "申屠": ("shen", "tu"), "钟离": ("zhong", "li"),
    "赫连": ("he", "lian"), "拓跋": ("tuo", "ba"), "独孤": ("du", "gu"), "西门": ("xi", "men"),
    "公冶": ("gong", "ye"), "太叔": ("tai", "shu"), "淳于": ("chun", "yu"), "濮阳": ("pu", "yang"),
    "宗政": ("zong", "zheng"), "司空": ("si", "kong"), "百里": ("bai", "li"), "东郭": ("dong", "guo"),
    "左丘": ("zuo", "qiu"), "乐正": ("yue", "zheng"), "亓官": ("qi", "guan"), "第五": ("di", "wu"),
}
_LONGEST = max(len(s) for s in SURNAMES)
_HAN = re.compile(r"[\u3400-\u9fff]")
_WORD = re.compile(r"[^\W\d_]+")
# separators that may sit inside a name: spaces (also full-width) and the middle dots of transliterated names
_SEPARATORS = re.compile(r"[\s\u00b7\u30fb\u2022\uff0e.]+")


def _latin_initials(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch) and ch not in "'\u2019")
    return "".join(word[0].lower() for word in _WORD.findall(plain))


def initials(name: str) -> str:
    """The lower-case initials of a Chinese or Latin-letter name ('' when it has no letters at all)."""
    name = name.strip()
    if not _HAN.search(name):
        return _latin_initials(name)
    compact = _SEPARATORS.sub("", name)
    head = ""
    for size in range(min(_LONGEST, len(compact) - 1), 0, -1):
        # a lone character is never read as a surname table entry: the name must go on after it
        if compact[:size] in SURNAMES:
            head = "".join(syllable[0] for syllable in SURNAMES[compact[:size]])
            compact = compact[size:]
            break
    # pypinyin gives one letter per Chinese character and passes other runs through unchanged
    return head + "".join(_latin_initials(part) for part in lazy_pinyin(compact, style=Style.FIRST_LETTER))


def default_password(name: str) -> str | None:
    """The SOP's default password for this name, or None when the name gives no initials."""
    letters = initials(name)
    return letters + DEFAULT_PASSWORD_SUFFIX if letters else None
