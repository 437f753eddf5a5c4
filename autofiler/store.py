"""Local state in SQLite: filings and their module checkpoints, progress history, and the notification outbox.

Every run opens its own connection; WAL mode and a busy timeout let several runs share the file. A named file
lock serialises the runs that must not overlap (two submits of one project, two progress checks of one account).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Self

from autofiler.errors import BusyError
from autofiler.paths import state_dir

SCHEMA = """
CREATE TABLE IF NOT EXISTS filings (
  id INTEGER PRIMARY KEY,
  site TEXT NOT NULL, user TEXT NOT NULL, project_name TEXT NOT NULL,
  project_id TEXT, status TEXT, spec_path TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  UNIQUE (site, user, project_name)
);
CREATE TABLE IF NOT EXISTS spec_projects (
  site TEXT NOT NULL, user TEXT NOT NULL, spec_path TEXT NOT NULL,
  project_id TEXT NOT NULL, updated_at TEXT NOT NULL,
  PRIMARY KEY (site, user, spec_path)
);
CREATE TABLE IF NOT EXISTS check_failures (
  id INTEGER PRIMARY KEY,
  site TEXT NOT NULL, user TEXT NOT NULL, failed_at TEXT NOT NULL, error TEXT NOT NULL,
  after_check INTEGER NOT NULL DEFAULT 0  -- the newest good check of the account when this one failed
);
CREATE TABLE IF NOT EXISTS module_checkpoints (
  filing_id INTEGER NOT NULL REFERENCES filings(id) ON DELETE CASCADE,
  module TEXT NOT NULL, hash TEXT NOT NULL, saved_at TEXT NOT NULL,
  PRIMARY KEY (filing_id, module)
);
CREATE TABLE IF NOT EXISTS checks (
  id INTEGER PRIMARY KEY,
  site TEXT NOT NULL, user TEXT NOT NULL, scope TEXT NOT NULL, checked_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS snapshots (
  check_id INTEGER NOT NULL REFERENCES checks(id) ON DELETE CASCADE,
  project_id TEXT NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (check_id, project_id)
);
CREATE TABLE IF NOT EXISTS outbox (
  id INTEGER PRIMARY KEY,
  target TEXT NOT NULL, payload TEXT NOT NULL, created_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, sent_at TEXT
);
"""


def now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def spec_key(spec_path: str) -> str:
    """A spec file as the store knows it: its resolved path."""
    return str(Path(spec_path).expanduser().resolve())


def content_hash(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass
class Filing:
    id: int
    site: str
    user: str
    project_name: str
    project_id: str | None
    status: str | None
    spec_path: str | None


class Store:
    def __init__(self, directory: str | Path | None = None) -> None:
        self.dir = state_dir(directory)
        self.path = self.dir / "state.db"
        self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.executescript(SCHEMA)
        self.path.chmod(0o600)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def lock(self, name: str, timeout: float = 0) -> Iterator[None]:
        """Hold the named lock; wait up to `timeout` seconds for it, then raise BusyError."""
        from filelock import FileLock, Timeout

        safe = hashlib.sha1(name.encode()).hexdigest()[:16]
        lock = FileLock(str(self.dir / f"{safe}.lock"))
        try:
            lock.acquire(timeout=timeout)
        except Timeout:
            raise BusyError(
                f"另一个 autofiler 正在运行（{name}） / another autofiler run holds the lock: {name}",
                hint="wait for it to finish, or run again later",
            ) from None
        try:
            yield
        finally:
            lock.release()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # filings -------------------------------------------------------------------------------------------
    def filing(self, site: str, user: str, project_name: str) -> Filing | None:
        row = self.db.execute(
            "SELECT * FROM filings WHERE site=? AND user=? AND project_name=?", (site, user, project_name)
        ).fetchone()
        if row is None:
            return None
        return Filing(**{k: row[k] for k in Filing.__dataclass_fields__})

    def save_filing(self, site: str, user: str, project_name: str, **fields: str | None) -> Filing:
        allowed = {"project_id", "status", "spec_path"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"unknown filing fields: {unknown}")
        with self.transaction() as db:
            db.execute(
                "INSERT INTO filings (site, user, project_name, created_at, updated_at) VALUES (?,?,?,?,?)"
                " ON CONFLICT (site, user, project_name) DO NOTHING",
                (site, user, project_name, now(), now()),
            )
            for key, value in fields.items():
                db.execute(
                    f"UPDATE filings SET {key}=?, updated_at=? WHERE site=? AND user=? AND project_name=?",
                    (value, now(), site, user, project_name),
                )
        filing = self.filing(site, user, project_name)
        assert filing is not None
        return filing

    def known_project_ids(self, site: str, user: str) -> set[str]:
        """Every project id this account's filings on this site have recorded."""
        rows = self.db.execute("SELECT project_id FROM filings WHERE site=? AND user=? AND project_id IS NOT NULL",
                               (site, user))
        return {r["project_id"] for r in rows}

    def filing_of_project(self, site: str, user: str, project_id: str) -> Filing | None:
        """The newest filing record of a site project, whatever name it was filed under."""
        row = self.db.execute("SELECT * FROM filings WHERE site=? AND user=? AND project_id=? ORDER BY updated_at "
                              "DESC, id DESC LIMIT 1", (site, user, project_id)).fetchone()
        return None if row is None else Filing(**{k: row[k] for k in Filing.__dataclass_fields__})

    def rename_filing(self, filing_id: int, project_name: str) -> None:
        """A renamed project keeps its record and module checkpoints under the new name."""
        self.db.execute("UPDATE filings SET project_name=?, updated_at=? WHERE id=?", (project_name, now(), filing_id))

    # which project a spec file went into -----------------------------------------------------------------
    def spec_project(self, site: str, user: str, spec_path: str) -> str | None:
        row = self.db.execute("SELECT project_id FROM spec_projects WHERE site=? AND user=? AND spec_path=?",
                              (site, user, spec_key(spec_path))).fetchone()
        return None if row is None else row["project_id"]

    def remember_spec(self, site: str, user: str, spec_path: str, project_id: str) -> None:
        self.db.execute(
            "INSERT INTO spec_projects (site, user, spec_path, project_id, updated_at) VALUES (?,?,?,?,?)"
            " ON CONFLICT (site, user, spec_path) DO UPDATE SET project_id=excluded.project_id,"
            " updated_at=excluded.updated_at",
            (site, user, spec_key(spec_path), project_id, now()),
        )

    def module_hashes(self, filing_id: int) -> dict[str, str]:
        rows = self.db.execute("SELECT module, hash FROM module_checkpoints WHERE filing_id=?", (filing_id,))
        return {r["module"]: r["hash"] for r in rows}

    def record_module(self, filing_id: int, module: str, digest: str) -> None:
        self.db.execute(
            "INSERT INTO module_checkpoints (filing_id, module, hash, saved_at) VALUES (?,?,?,?)"
            " ON CONFLICT (filing_id, module) DO UPDATE SET hash=excluded.hash, saved_at=excluded.saved_at",
            (filing_id, module, digest, now()),
        )

    def forget_modules(self, filing_id: int) -> None:
        self.db.execute("DELETE FROM module_checkpoints WHERE filing_id=?", (filing_id,))

    # progress history ----------------------------------------------------------------------------------
    def last_check(self, site: str, user: str, scope: str) -> dict[str, dict]:
        """The projects seen by the newest check of this scope, by project id ({} before the first)."""
        row = self.db.execute(
            "SELECT id FROM checks WHERE site=? AND user=? AND scope=? ORDER BY id DESC LIMIT 1",
            (site, user, scope),
        ).fetchone()
        if row is None:
            return {}
        rows = self.db.execute("SELECT project_id, data FROM snapshots WHERE check_id=?", (row["id"],))
        return {r["project_id"]: json.loads(r["data"]) for r in rows}

    def has_check(self, site: str, user: str, scope: str) -> bool:
        """Whether a check of this scope was ever recorded (a first check has nothing to compare with)."""
        row = self.db.execute(
            "SELECT 1 FROM checks WHERE site=? AND user=? AND scope=? LIMIT 1", (site, user, scope)
        ).fetchone()
        return row is not None

    def state_history(self, site: str, user: str, scope: str) -> dict[str, list[tuple[str, str]]]:
        """Per project, each state it was seen in by the checks of this scope, with the first check that saw it:
        [(checked_at, status_label), ...] in time order, repeats folded."""
        rows = self.db.execute(
            "SELECT c.checked_at AS at, s.project_id AS pid, json_extract(s.data, '$.status_label') AS label "
            "FROM snapshots s JOIN checks c ON c.id = s.check_id WHERE c.site=? AND c.user=? AND c.scope=? "
            "ORDER BY c.id", (site, user, scope))
        out: dict[str, list[tuple[str, str]]] = {}
        for r in rows:
            seen = out.setdefault(r["pid"], [])
            if r["label"] and (not seen or seen[-1][1] != r["label"]):
                seen.append((r["at"], r["label"]))
        return out

    def checked_at(self, check_id: int) -> str:
        return self.db.execute("SELECT checked_at FROM checks WHERE id=?", (check_id,)).fetchone()["checked_at"]

    def record_check(self, site: str, user: str, scope: str, projects: list[dict]) -> int:
        with self.transaction() as db:
            cur = db.execute(
                "INSERT INTO checks (site, user, scope, checked_at) VALUES (?,?,?,?)", (site, user, scope, now())
            )
            check_id = cur.lastrowid
            db.executemany(
                "INSERT OR REPLACE INTO snapshots (check_id, project_id, data) VALUES (?,?,?)",
                [(check_id, str(p["id"]), json.dumps(p, ensure_ascii=False)) for p in projects],
            )
        assert check_id is not None
        return check_id

    # failed checks: the site did not answer ------------------------------------------------------------
    def record_failure(self, site: str, user: str, error: str) -> int:
        """Record a check that failed; returns how many checks in a row have failed since the last good one."""
        self.db.execute("INSERT INTO check_failures (site, user, failed_at, error, after_check) VALUES (?,?,?,?,?)",
                        (site, user, now(), error[:500], self._last_check_id(site, user)))
        return self.failures_in_a_row(site, user)

    def _last_check_id(self, site: str, user: str) -> int:
        row = self.db.execute("SELECT MAX(id) AS n FROM checks WHERE site=? AND user=?", (site, user)).fetchone()
        return int(row["n"] or 0)

    def failures_in_a_row(self, site: str, user: str) -> int:
        row = self.db.execute("SELECT COUNT(*) AS n FROM check_failures WHERE site=? AND user=? AND after_check=?",
                              (site, user, self._last_check_id(site, user))).fetchone()
        return int(row["n"])

    # notification outbox -------------------------------------------------------------------------------
    def queue(self, target: str, payload: dict) -> int:
        cur = self.db.execute(
            "INSERT INTO outbox (target, payload, created_at) VALUES (?,?,?)",
            (target, json.dumps(payload, ensure_ascii=False), now()),
        )
        assert cur.lastrowid is not None
        return cur.lastrowid

    def pending(self) -> list[sqlite3.Row]:
        return list(self.db.execute("SELECT * FROM outbox WHERE sent_at IS NULL ORDER BY id"))

    def mark_sent(self, item_id: int) -> None:
        self.db.execute("UPDATE outbox SET sent_at=?, attempts=attempts+1 WHERE id=?", (now(), item_id))

    def mark_failed(self, item_id: int, error: str) -> None:
        self.db.execute(
            "UPDATE outbox SET attempts=attempts+1, last_error=? WHERE id=?", (error[:500], item_id)
        )
