"""The classic finder adopts a draft without a title that no filing of this machine knows (a run that stopped
after the first tab, perhaps on another computer) and nothing else: a draft with a title, a draft this store
knows, a project past draft, or an older draft beyond the newest few stay where they are."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from autofiler.config import Settings
from autofiler.site.lists.classic_finder import find
from autofiler.site.lists.unnamed_drafts import ADOPT_CANDIDATES
from autofiler.site.maps.resolve import load
from autofiler.store import Store

ROOT = Path(__file__).resolve().parents[3]
SITE = load(ROOT / "selectors" / "live-2026.yaml")
BASE, USER = "https://registry.example", "13800000000"
TITLE = "利妥昔单抗治疗难治性肾病综合征"


class Answer:
    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.ok, self.status, self.rows = True, 200, rows

    def json(self) -> dict[str, Any]:
        return {"code": 0, "data": self.rows}


class ListingSession:
    """What the finder uses of a session: the site map, the settings and the list JSON (newest first)."""

    def __init__(self, rows: list[dict[str, Any]], state_dir: Path) -> None:
        self.smap = SITE.map
        self.settings = Settings(site=BASE, user=USER, state_dir=state_dir)
        self.asked: list[str] = []
        self.page = SimpleNamespace(request=SimpleNamespace(get=self.get))
        self.rows = rows

    def url(self, path: str) -> str:
        return BASE + path

    def get(self, url: str) -> Answer:
        self.asked.append(url)
        return Answer(self.rows)


def row(pid: int, name: str = "", label: str = "草稿") -> dict[str, Any]:
    return {"id": pid, "project_name": name, "status_label": label}


def found(tmp_path: Path, rows: list[dict[str, Any]], known: tuple[str, ...] = ()) -> Any:
    session = ListingSession(rows, tmp_path)
    with Store(tmp_path) as store:
        for i, pid in enumerate(known):
            store.save_filing(BASE, USER, f"另一个项目 {i}", project_id=pid, status="draft")
        result = find(session, store, TITLE, str(tmp_path / "spec.yaml"))  # type: ignore[arg-type]
    assert session.asked, "the finder never read the list"
    return result


def test_a_draft_without_a_title_unknown_to_the_store_is_adopted(tmp_path):
    result = found(tmp_path, [row(12, "另一项研究"), row(11), row(10)])
    assert result.project_id == "11"
    assert result.state == "draft"
    assert "11" in result.note


def test_a_draft_with_another_title_unknown_to_the_store_is_not_adopted(tmp_path):
    result = found(tmp_path, [row(12, "另一项研究"), row(10, "第三项研究", "退回修改")])
    assert result.project_id is None
    assert result.note == ""


def test_a_draft_without_a_title_this_store_filed_is_not_adopted(tmp_path):
    assert found(tmp_path, [row(11)], known=("11",)).project_id is None


def test_a_submitted_project_without_a_title_is_not_adopted(tmp_path):
    assert found(tmp_path, [row(11, "", "学术审查中")]).project_id is None


def test_only_the_newest_unknown_drafts_are_looked_at(tmp_path):
    titled = [row(100 - i, f"研究 {i}") for i in range(ADOPT_CANDIDATES)]
    assert found(tmp_path, [*titled, row(50)]).project_id is None
    assert found(tmp_path / "2", [*titled[1:], row(50)]).project_id == "50"


def test_the_title_on_the_site_wins_over_a_nameless_draft(tmp_path):
    assert found(tmp_path, [row(12), row(11, TITLE)]).project_id == "11"
