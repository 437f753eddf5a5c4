"""`autofiler accounts upload` against the mock registry in real Chromium, as an institution admin runs it."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from autofiler.main import main
from tests.accounts.sheets import applicant, write_sheet
from tests.support import ADMIN, CHROMIUM, DEMO_PI

pytestmark = pytest.mark.e2e


@pytest.fixture
def admin_env(monkeypatch, mock):
    monkeypatch.setenv("AUTOFILER_PASSWORD", ADMIN["password"])
    monkeypatch.setenv("AUTOFILER_BROWSER", CHROMIUM)
    return mock


def can_log_in(url: str, phone: str, password: str) -> bool:
    body = json.dumps({"username": phone, "password": password}).encode()
    req = urllib.request.Request(url + "/api/login", data=body, method="POST",
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status == 200
    except urllib.error.HTTPError:
        return False


def upload(capsys, mock, sheet: Path) -> tuple[int, str, str]:
    code = main(["accounts", "upload", str(sheet), "--site", mock.url, "--user", ADMIN["phone"]])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_upload_creates_the_accounts_and_reports_each_row(admin_env, tmp_path: Path, capsys) -> None:
    rows = [applicant(1, 姓名="单雄信"), applicant(2, 姓名="李四", 密码="Typed-Secret-9")]
    code, out, err = upload(capsys, admin_env, write_sheet(tmp_path / "附件1.xlsx", rows))
    assert code == 0, out + err
    assert "第 2 行  单雄信  成功" in out and "第 3 行  李四  成功" in out
    assert "首次登录后立即修改密码" in out
    assert can_log_in(admin_env.url, str(rows[0]["移动电话"]), "sxx_123456")
    assert can_log_in(admin_env.url, str(rows[1]["移动电话"]), "Typed-Secret-9")


def test_a_sheet_with_errors_is_not_uploaded(admin_env, tmp_path: Path, capsys) -> None:
    rows = [applicant(1), applicant(2, 研究领域="心血管病学；老年医学")]
    code, out, err = upload(capsys, admin_env, write_sheet(tmp_path / "bad.xlsx", rows))
    assert code == 1 and "未上传" in err and "fields.full_width_semicolon" in out
    assert not can_log_in(admin_env.url, str(rows[0]["移动电话"]), "zs_123456")


def test_the_sites_own_refusal_of_a_row_is_reported(admin_env, tmp_path: Path, capsys) -> None:
    rows = [applicant(1), applicant(2, 姓名="王五", 移动电话=DEMO_PI["phone"])]
    code, out, _ = upload(capsys, admin_env, write_sheet(tmp_path / "dup.xlsx", rows))
    assert code == 1
    assert "第 2 行  张三  成功" in out
    [line] = [ln for ln in out.splitlines() if "王五" in ln]
    assert "失败" in line and DEMO_PI["phone"] in line
    assert can_log_in(admin_env.url, str(rows[0]["移动电话"]), "zs_123456")


def test_a_returned_copy_with_its_result_column_uploads(admin_env, tmp_path: Path, capsys) -> None:
    source = write_sheet(tmp_path / "in.xlsx", [applicant(3, 姓名="欧阳修")])
    assert main(["accounts", "check", str(source), "--fill", str(tmp_path / "returned.xlsx")]) == 0
    capsys.readouterr()
    code, out, _ = upload(capsys, admin_env, tmp_path / "returned.xlsx")
    assert code == 0, out
    assert can_log_in(admin_env.url, str(applicant(3)["移动电话"]), "oyx_123456")
