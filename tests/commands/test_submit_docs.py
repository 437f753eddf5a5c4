"""The README's documented calls do what it says: approving a project on the mock, and the exit codes."""

from __future__ import annotations

import json
import re
import urllib.request

from autofiler import errors
from tests.support import DEMO_PI, ROOT


def readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_documented_review_call_approves_one_step(mock):
    text = readme()
    m = re.search(r"curl -X POST http://127\.0\.0\.1:8765(/__mock__/projects/)1(/review).*?-d '(\{.*?\})'", text,
                  re.DOTALL)
    assert m, "the README shows the review call"
    mock.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 12})
    project = next(p for p in mock.projects() if p["status"] == "academic_review")
    req = urllib.request.Request(f"{mock.url}{m.group(1)}{project['id']}{m.group(2)}", method="POST",
                                 data=m.group(3).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        assert resp.status == 200
    [after] = [p for p in mock.projects() if p["id"] == project["id"]]
    assert after["status"] == "ethics_review"
    assert json.loads(m.group(3))["decision"] == "approve"


def test_the_readme_lists_every_exit_code():
    text = " ".join(readme().split())
    for code, words in ((errors.EXIT_SITE_DOWN, "the site did not answer"),
                        (errors.EXIT_NOT_SUBMITTED, "stopped before 提交 because no terminal could confirm"),
                        (errors.EXIT_CRASH, "unexpected error"), (errors.EXIT_INTERRUPTED, "interrupted")):
        assert f"{code} " in text and words in text
