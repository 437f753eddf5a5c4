"""账号管理: the Appendix-1 sheet upload, row by row; good rows become accounts that can log in."""

from __future__ import annotations

import io

import httpx
import pytest
from openpyxl import Workbook

from tests.mock_site.api_support import client
from tests.support import ADMIN

COLUMNS = ["姓名", "证件号码", "院系/科室", "职务", "性别", "固定电话", "移动电话", "邮箱", "邮编", "地址", "研究领域",
           "密码", "工作经历", "教育背景"]


def row(**cells):
    base = {"姓名": "张三", "证件号码": "11010519491231002X", "院系/科室": "肾内科", "职务": "主任医师", "性别": "男",
            "移动电话": "13912345678", "邮箱": "zhangsan@example.org", "研究领域": "肾脏病学;风湿免疫学",
            "工作经历": "2005-04+2010-03+A医院外科+主治医师",
            "教育背景": "1995-09+2000-07+北京大学医学部+临床医学+本科+学士"}
    base.update(cells)
    return [base.get(col) for col in COLUMNS]


def xlsx(rows, header=COLUMNS):
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for r in rows:
        sheet.append(r)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def send(c, data):
    return c.post("/api/admin/accounts", files={"file": ("申请表.xlsx", data,
                                                         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")})


@pytest.fixture
def admin(mock):
    c = client(mock, ADMIN["phone"], ADMIN["password"])
    yield c
    c.close()


def test_good_rows_become_accounts_and_bad_rows_say_why(mock, admin):
    data = xlsx([
        row(),
        row(姓名="单雄信", 证件号码="110105194912310038", 移动电话="13912345679", 邮箱="sxx@example.org"),
        row(姓名="李四", 证件号码="110105194912310021", 移动电话="1391234", 邮箱="lisi@example.org"),
        row(姓名="王五", 移动电话="13912345670", 邮箱="wangwu@example.org"),  # repeats row 2's ID
        row(姓名="赵六", 证件号码="110105194912310046", 移动电话=13912345671, 邮箱="zl@example.org", 密码="Zhao@2025"),
        row(姓名="钱七", 证件号码="110105194912310054", 移动电话="13912345672", 邮箱="qq@example.org", 密码="Qian@2025"),
    ])
    r = send(admin, data)
    assert r.status_code == 200, r.text
    results = {x["row"]: x for x in r.json()["results"]}
    assert [results[n]["ok"] for n in range(2, 8)] == [True, True, False, False, False, True]
    assert results[2]["name"] == "张三"
    assert "证件号码" in results[4]["message"] and "移动电话格式不正确" in results[4]["message"]
    assert "证件号码与第2行重复" in results[5]["message"]
    assert "移动电话应为文本格式" in results[6]["message"]
    assert r.json()["created"] == 3

    def login(phone, password):
        with httpx.Client(base_url=mock.url) as c:
            return c.post("/api/login", json={"username": phone, "password": password})

    # the default password is the pinyin initials (单 read as shan) + _123456; first login completes the profile
    assert login("13912345678", "zs_123456").json()["redirect"] == "/profile/complete"
    assert login("13912345679", "sxx_123456").json()["redirect"] == "/profile/complete"
    assert login("13912345672", "Qian@2025").json()["redirect"] == "/quickstart"
    assert login("13912345670", "ww_123456").status_code == 400
    users = {u["phone"]: u for u in mock.control("GET", "users")}
    assert users["13912345678"]["institution"] == "示例医院" and users["13912345678"]["role"] == "pi"


def test_a_row_that_repeats_an_existing_account_is_refused(mock, admin):
    r = send(admin, xlsx([row(移动电话="13800000000")]))
    [result] = r.json()["results"]
    assert not result["ok"] and "已注册" in result["message"]


@pytest.mark.parametrize("cells", [
    {"性别": "未知"}, {"邮编": "1000"}, {"固定电话": "12345"}, {"研究领域": "肾脏病学；风湿免疫学"},
    {"工作经历": "2005-04+A医院"}, {"教育背景": "1995-09+2000-07+北医+临床医学+大专+学士"}, {"邮箱": None},
], ids=["sex", "postcode", "landline", "semicolon", "work", "education", "required"])
def test_each_format_rule(mock, admin, cells):
    [result] = send(admin, xlsx([row(**cells)])).json()["results"]
    assert not result["ok"], result


def test_a_sheet_with_other_columns_is_refused(mock, admin):
    r = send(admin, xlsx([row()], header=COLUMNS[:-1] + ["备注"]))
    assert r.status_code == 400 and "表头与模板不一致" in r.json()["message"]
    assert send(admin, b"not a workbook").status_code == 400


def test_only_an_admin_may_upload(mock):
    c = client(mock)
    assert send(c, xlsx([row()])).status_code == 403
    c.close()
