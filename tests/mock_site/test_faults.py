"""Fault injection: server errors that store nothing, silently dropped fields, latency settings, seeds."""

from __future__ import annotations

from tests.mock_site.api_support import (
    client,
    complete,
    control_call,
    fill_project,
    new_project,
    pdf_bytes,
    save,
    upload,
)

BUSY = {"message": "服务器繁忙，请稍后重试"}


def test_an_error_rate_of_one_fails_save_upload_and_submit(mock):
    c = client(mock)
    project_id = new_project(c)
    fill_project(c, project_id)
    mock.control("POST", "faults", {"error_rate": 1})
    changed = {**complete()["basic_info"], "project_name": "改过的名称"}
    r = save(c, project_id, "basic_info", changed)
    assert r.status_code == 500 and r.json() == BUSY
    r = upload(c, project_id, "other_files", pdf_bytes())
    assert r.status_code == 500 and r.json() == BUSY
    r = c.post(f"/api/projects/{project_id}/submit")
    assert r.status_code == 500 and r.json() == BUSY
    [project] = mock.projects()
    assert project["modules"]["basic_info"]["project_name"] == complete()["basic_info"]["project_name"]
    assert "other_files" not in project["attachments"]
    assert project["status"] == "draft"
    assert mock.control("GET", "faults")["injected"]["errors"] == 3
    c.close()


def outcomes(mock, seed):
    """The status of ten saves under a 50 % error rate with this seed, on a fresh mock."""
    mock.reset()
    c = client(mock)
    project_id = new_project(c)
    mock.control("POST", "faults", {"error_rate": 0.5, "seed": seed})
    codes = [save(c, project_id, "data_sharing", complete()["data_sharing"]).status_code for _ in range(10)]
    c.close()
    return codes


def test_faults_repeat_with_the_same_seed(mock):
    first = outcomes(mock, 7)
    assert set(first) == {200, 500}
    assert outcomes(mock, 7) == first
    assert any(outcomes(mock, seed) != first for seed in (8, 9, 10))


def test_a_dropped_field_is_answered_as_saved(mock):
    c = client(mock)
    project_id = new_project(c)
    mock.control("POST", "faults", {"drop_field_rate": 1, "seed": 3})
    values = complete()["recruitment"]
    r = save(c, project_id, "recruitment", values)
    assert r.status_code == 200 and r.json()["message"] == "保存成功"
    stored = mock.projects()[0]["modules"]["recruitment"]
    assert len(set(values) - set(stored)) == 1
    assert stored == {k: values[k] for k in stored}  # the rest is stored as sent
    assert mock.control("GET", "faults")["injected"]["drops"] == 1
    c.close()


def test_latency_and_settings_are_reported(mock):
    settings = mock.control("POST", "faults", {"latency_ms": [5, 20], "seed": 1})
    assert settings["latency_ms"] == [5, 20] and settings["error_rate"] == 0 and settings["seed"] == 1
    c = client(mock)
    project_id = new_project(c)
    assert save(c, project_id, "data_sharing", complete()["data_sharing"]).status_code == 200
    c.close()
    # a new call replaces every setting
    assert mock.control("POST", "faults", {})["latency_ms"] == [0, 0]


def test_bad_fault_settings_are_refused(mock):
    for body in ({"error_rate": 2}, {"latency_ms": [30, 10]}, {"session_ttl_s": 0}, {"seed": "x"}, {"chaos": 1},
                 {"fail_next": {"login": 1}}, {"fail_next": {"save": -1}}, {"fail_next": [1]}):
        assert control_call(mock, "POST", "faults", body).status_code == 400, body
