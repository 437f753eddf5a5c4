"""--error-status on the sop-2020 Element face: a refused save or 提交 comes as 422, 400, or 200 with code 1."""

from __future__ import annotations

from contextlib import closing

import pytest

from tests.mock_site.api_support import COMPLETE, client, new_project, save
from tests.support import MockServer

BAD = {"project_name": "", "project_type": "不存在的类型"}
GOOD = COMPLETE["basic_info"]


@pytest.mark.parametrize("status", [422, 400, 200])
def test_a_refused_save_and_submit_answer_the_chosen_status_with_code_1(status: int) -> None:
    server = MockServer("--face", "sop-2020", "--error-status", str(status))
    try:
        with closing(client(server)) as c:
            pid = new_project(c)
            r = save(c, pid, "basic_info", BAD)
            assert r.status_code == status
            body = r.json()
            assert body["code"] == 1 and body["message"] == "请检查标红的字段"
            fields = {e["field"] for e in body["errors"]}
            assert {"project_name", "project_type"} <= fields
            assert server.control("GET", f"projects/{pid}")["modules"] == {}  # nothing stored
            ok = save(c, pid, "basic_info", GOOD)
            assert ok.status_code == 200 and ok.json()["message"] == "保存成功" and "code" not in ok.json()
            refused = c.post(f"/api/projects/{pid}/submit")
            assert refused.status_code == status
            assert refused.json()["code"] == 1 and refused.json()["missing"]
            assert server.control("GET", f"projects/{pid}")["status"] == "draft"
    finally:
        server.stop()
