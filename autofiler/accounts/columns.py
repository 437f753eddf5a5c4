"""The Appendix-1 sheet (SOP 附件1): its 14 columns, which are required, and the filling rule of each.

The same table writes the template and its 填写说明 sheet and drives the checks, so the two cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_PASSWORD_SUFFIX = "_123456"
RESULT_HEADER = "检查结果"
GUIDE_SHEET = "填写说明"
DATA_SHEET = "账号申请"
DATA_ROWS = 500  # rows below the header pre-formatted as text

EDUCATION_LEVELS = ("高中", "专科", "本科", "硕士研究生", "博士研究生")
DEGREES = ("学士", "硕士", "博士")
# 高中 and 专科 confer no degree in mainland China, so their 学位 is written 无.
NO_DEGREE = "无"
NO_DEGREE_LEVELS = ("高中", "专科")
SEXES = ("男", "女", "male", "female")


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    rule: str  # the filling rule, in Chinese, as the 填写说明 sheet shows it
    example: str
    width: int


COLUMNS: tuple[Column, ...] = (
    Column("姓名", True, "申请人真实姓名；中文姓名不加空格，外文姓名用英文字母，如 John Smith", "张三", 12),
    Column(
        "证件号码", True,
        "18 位居民身份证号（最后一位可为 X），出生日期和校验位须正确；护照、港澳台通行证等其他证件"
        "可以填写，但会被提示人工核对。必须是文本格式，否则 Excel 会显示成 1.1E+17 并丢失末尾数字",
        "11010519491231002X", 22,
    ),
    Column("院系/科室", False, "所在院系或科室", "心内科", 16),
    Column("职务", False, "职务或职称", "主任医师", 12),
    Column("性别", False, "男 或 女（也可写 male / female）", "男", 8),
    Column(
        "固定电话", False,
        "区号-号码，可加分机号：010-12345678、0571-87654321、010-12345678-801；必须是文本格式",
        "010-12345678", 18,
    ),
    Column(
        "移动电话", True, "11 位手机号，以 13-19 开头，不加 +86 和空格；必须是文本格式；也是登录账号",
        "13812345678", 15,
    ),
    Column("邮箱", True, "常用电子邮箱，如 zhangsan@example.com；不能用全角字符", "zhangsan@example.com", 26),
    Column("邮编", False, "6 位数字邮政编码；必须是文本格式，否则开头的 0 会丢失", "100034", 10),
    Column("地址", False, "通讯地址", "北京市西城区西什库大街8号", 30),
    Column(
        "研究领域", False, "一个或多个研究领域，多个之间用英文分号 ; 分隔（不能用中文分号 ；），不留空项",
        "心血管病学;老年医学", 24,
    ),
    Column(
        "密码", False,
        "留空则使用默认密码：姓名拼音首字母小写 + _123456（张三 → zs_123456）；自定义密码建议不少于 8 位。"
        "默认密码在首次登录后必须立即修改",
        "", 14,
    ),
    Column(
        "工作经历", False,
        "每段为 开始年月+结束年月+工作单位+工作描述，年月写作 YYYY-MM，结束不早于开始；"
        "多段之间用 || 连接；各段内不能再出现 + 号",
        "2005-04+2010-03+A医院外科+主治医师||2010-04+2020-12+B医院心内科+副主任医师", 50,
    ),
    Column(
        "教育背景", False,
        "每段为 开始年月+结束年月+毕业学校+专业+学历+学位，多段之间用 || 连接；学历为 高中、专科、本科、"
        "硕士研究生、博士研究生 之一；学位为 学士、硕士、博士 之一，高中和专科的学位写 无",
        "1995-09+2000-07+北京大学医学部+临床医学+本科+学士||2000-09+2005-07+北京大学医学部+内科学+博士研究生+博士",
        50,
    ),
)

HEADERS: tuple[str, ...] = tuple(c.name for c in COLUMNS)
REQUIRED: frozenset[str] = frozenset(c.name for c in COLUMNS if c.required)
# Columns holding digit strings: a numeric cell drops leading zeros, or digits beyond 15 significant ones.
DIGIT_COLUMNS: frozenset[str] = frozenset({"证件号码", "固定电话", "移动电话", "邮编"})

GENERAL_RULES: tuple[str, ...] = (
    "每位申请人占一行，从第 2 行开始填写；不要修改、增加、删除或移动第 1 行的表头和列。",
    "不要合并单元格，每个单元格只填一个值。",
    "所有单元格都是文本格式；证件号码、电话、邮编若被改成数字格式会丢失数字，请保持文本格式。",
    "姓名、证件号码、移动电话、邮箱为必填项。",
    "同一表格中证件号码、移动电话、邮箱不能重复。",
    "密码留空时使用默认密码（姓名拼音首字母小写 + _123456，例如 张三 → zs_123456，欧阳修 → oyx_123456）。",
    "默认密码只用于首次登录，首次登录后必须立即修改为个人密码。",
)
