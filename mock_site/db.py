"""The mock's state in SQLite: accounts, institutions, projects, files and the review timeline.

One connection shared by every request thread, guarded by a lock. Methods answer plain dicts.
Projects, uploads and the review workflow live in `projects.py` and `review.py`; this class assembles them.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from mock_site.api_errors import Conflict, Invalid, UploadRejected
from mock_site.projects import ProjectsMixin
from mock_site.review import ReviewMixin

__all__ = ["Conflict", "Invalid", "Registry", "UploadRejected"]

SCHEMA = """
CREATE TABLE IF NOT EXISTS users(
  id INTEGER PRIMARY KEY, phone TEXT UNIQUE NOT NULL, email TEXT, pw TEXT NOT NULL, name TEXT NOT NULL,
  institution TEXT NOT NULL, role TEXT NOT NULL, profile_complete INTEGER NOT NULL, profile TEXT NOT NULL DEFAULT '{}');
CREATE TABLE IF NOT EXISTS institutions(
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, province TEXT, city TEXT, address TEXT, added_by INTEGER);
CREATE INDEX IF NOT EXISTS institutions_name ON institutions(name);
CREATE TABLE IF NOT EXISTS settings(institution TEXT PRIMARY KEY, academic_exempt INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS projects(
  id INTEGER PRIMARY KEY, owner_id INTEGER NOT NULL, institution TEXT NOT NULL, status TEXT NOT NULL,
  filing_no TEXT, return_step TEXT, project_name TEXT, project_type TEXT, modules TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, form TEXT NOT NULL DEFAULT 'sop-2020');
CREATE INDEX IF NOT EXISTS projects_owner ON projects(owner_id);
CREATE TABLE IF NOT EXISTS units(project_id INTEGER NOT NULL, institution TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS units_institution ON units(institution);
CREATE TABLE IF NOT EXISTS files(
  id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL, size INTEGER NOT NULL,
  sha256 TEXT NOT NULL, data BLOB NOT NULL, created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS files_project ON files(project_id);
CREATE TABLE IF NOT EXISTS events(
  id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL, time TEXT NOT NULL, step TEXT NOT NULL,
  reviewer TEXT NOT NULL DEFAULT '', opinion TEXT NOT NULL DEFAULT '', result TEXT NOT NULL,
  filing_no TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS events_project ON events(project_id);
CREATE TABLE IF NOT EXISTS counters(name TEXT PRIMARY KEY, value INTEGER NOT NULL);
"""
TABLES = ("users", "institutions", "settings", "projects", "units", "files", "events", "counters")
PBKDF2_ROUNDS = 20_000  # a mock: enough to be a real hash, cheap enough for a sheet of accounts


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, PBKDF2_ROUNDS)
    return f"pbkdf2${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    _, salt, digest = stored.split("$")
    got = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt), PBKDF2_ROUNDS)
    return hmac.compare_digest(got.hex(), digest)


def _user(row: sqlite3.Row | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {
        "id": row["id"], "phone": row["phone"], "name": row["name"], "email": row["email"],
        "institution": row["institution"], "role": row["role"], "profile_complete": bool(row["profile_complete"]),
    }


def _rollback_journal(image: bytes) -> bytes:
    """A database image marked as not in WAL mode (header bytes 18-19), as an image held in memory must be."""
    if image[18:20] != b"\x02\x02":
        return image
    return image[:18] + b"\x01\x01" + image[20:]


class Registry(ProjectsMixin, ReviewMixin):
    def __init__(self, path: str = ":memory:", upload_limit: int = 20 * 2**20) -> None:
        self.path = path
        self.upload_limit = upload_limit
        self.lock = threading.RLock()
        self.conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self.conn.row_factory = sqlite3.Row
        if path != ":memory:":
            self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.executescript(SCHEMA)
        columns = {r[1] for r in self.conn.execute("PRAGMA table_info(projects)")}
        if "form" not in columns:  # a database file from before form generations were stored per project
            self.conn.execute("ALTER TABLE projects ADD COLUMN form TEXT NOT NULL DEFAULT 'sop-2020'")

    @contextmanager
    def tx(self) -> Iterator[sqlite3.Connection]:
        """One transaction under the lock: all of a request's writes land, or none."""
        with self.lock:
            self.conn.execute("BEGIN")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def query(self, sql: str, params: tuple | list = ()) -> list[sqlite3.Row]:
        with self.lock:
            return self.conn.execute(sql, params).fetchall()

    def wipe(self) -> None:
        """Every table emptied (the seed module then puts the demo accounts back)."""
        with self.tx() as c:
            for table in TABLES:
                c.execute(f"DELETE FROM {table}")

    def snapshot(self) -> bytes:
        """The whole state as the bytes of an SQLite database file (what `restore` takes back)."""
        with self.lock:
            return _rollback_journal(self.conn.serialize())

    def restore(self, data: bytes) -> None:
        """Replace the whole state with a snapshot's; the database stays where it is (a --db file stays a file)."""
        if len(data) < 100:  # shorter than an SQLite header
            raise Invalid("快照不是 SQLite 数据库")
        source = sqlite3.connect(":memory:")
        try:
            try:
                source.deserialize(_rollback_journal(data))
                tables = {r[0] for r in source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            except sqlite3.DatabaseError:
                raise Invalid("快照不是 SQLite 数据库") from None
            if not set(TABLES) <= tables:
                raise Invalid("快照缺少表：" + "、".join(sorted(set(TABLES) - tables)))
            with self.lock:
                source.backup(self.conn)
        finally:
            source.close()

    def is_empty(self) -> bool:
        return not self.query("SELECT 1 FROM users LIMIT 1")

    def next_counter(self, c: sqlite3.Connection, name: str) -> int:
        c.execute("INSERT INTO counters(name, value) VALUES(?, 1) "
                  "ON CONFLICT(name) DO UPDATE SET value = value + 1", (name,))
        return c.execute("SELECT value FROM counters WHERE name = ?", (name,)).fetchone()[0]

    # --- users
    def authenticate(self, login: str, password: str) -> dict[str, Any] | None:
        login = (login or "").strip()
        rows = self.query("SELECT * FROM users WHERE phone = ? OR (email IS NOT NULL AND lower(email) = lower(?))",
                          (login, login))
        for row in rows:
            if check_password(password or "", row["pw"]):
                return _user(row)
        return None

    def get_user(self, user_id: int) -> dict[str, Any] | None:
        rows = self.query("SELECT * FROM users WHERE id = ?", (user_id,))
        return _user(rows[0] if rows else None)

    def user_by_phone(self, phone: str) -> dict[str, Any] | None:
        rows = self.query("SELECT * FROM users WHERE phone = ?", (phone,))
        return _user(rows[0] if rows else None)

    def user_by_email(self, email: str) -> dict[str, Any] | None:
        rows = self.query("SELECT * FROM users WHERE lower(email) = lower(?)", (email,))
        return _user(rows[0] if rows else None)

    def create_user(self, phone: str, password: str, name: str, institution: str, role: str = "pi",
                    profile_complete: bool = True, email: str | None = None,
                    profile: dict[str, Any] | None = None) -> dict[str, Any]:
        if role not in ("pi", "admin"):
            raise Invalid("role 只能为 pi 或 admin")
        if not phone or not password or not name or not institution:
            raise Invalid("phone、password、name、institution 均为必填")
        with self.tx() as c:
            if c.execute("SELECT 1 FROM users WHERE phone = ?", (phone,)).fetchone():
                raise Conflict(f"账号 {phone} 已存在")
            cur = c.execute(
                "INSERT INTO users(phone, email, pw, name, institution, role, profile_complete, profile) "
                "VALUES(?,?,?,?,?,?,?,?)",
                (phone, email, hash_password(password), name, institution, role, int(profile_complete),
                 json.dumps(profile or {}, ensure_ascii=False)),
            )
            user_id = cur.lastrowid
        return self.get_user(user_id)  # type: ignore[return-value]

    def complete_profile(self, user_id: int, values: dict[str, Any]) -> dict[str, Any]:
        """Store the 完善个人信息 form (name, email, optional new password, the rest as profile details)."""
        values = dict(values)
        password = values.pop("password", None)
        with self.tx() as c:
            row = c.execute("SELECT * FROM users WHERE id = ?", (user_id,)).fetchone()
            if row is None:
                raise Invalid("账号不存在")
            profile = {**json.loads(row["profile"]), **{k: v for k, v in values.items() if k not in ("name", "email")}}
            c.execute("UPDATE users SET name = ?, email = ?, profile = ?, profile_complete = 1 WHERE id = ?",
                      (values.get("name") or row["name"], values.get("email") or row["email"],
                       json.dumps(profile, ensure_ascii=False), user_id))
            if password:
                c.execute("UPDATE users SET pw = ? WHERE id = ?", (hash_password(password), user_id))
        return self.get_user(user_id)  # type: ignore[return-value]

    def user_profile(self, user_id: int) -> dict[str, Any]:
        """The extra details of an account (department, title ...), as stored from the sheet or the profile form."""
        rows = self.query("SELECT profile FROM users WHERE id = ?", (user_id,))
        return json.loads(rows[0]["profile"]) if rows else {}

    def list_users(self, institution: str | None = None) -> list[dict[str, Any]]:
        if institution is None:
            rows = self.query("SELECT * FROM users ORDER BY id")
        else:
            rows = self.query("SELECT * FROM users WHERE institution = ? ORDER BY id", (institution,))
        return [_user(r) for r in rows]  # type: ignore[misc]

    # --- institutions
    def search_institutions(self, q: str, user_id: int | None = None, limit: int = 20) -> list[dict[str, Any]]:
        """Registered institutions plus those this user added, whose name contains q; best matches first."""
        q = (q or "").strip()
        rows = self.query(
            "SELECT name, province, city FROM institutions WHERE instr(name, ?) > 0 "
            "AND (added_by IS NULL OR added_by = ?) "
            "ORDER BY (name = ?) DESC, (substr(name, 1, length(?)) = ?) DESC, length(name), name",
            (q, user_id if user_id is not None else -1, q, q, q),
        )
        seen: set[str] = set()
        out = []
        for r in rows:
            if r["name"] not in seen:
                seen.add(r["name"])
                out.append({"name": r["name"], "province": r["province"], "city": r["city"]})
            if len(out) >= limit:
                break
        return out

    def institution(self, name: str, user_id: int | None = None) -> dict[str, Any] | None:
        """The institution of this name if it is registered or this user added it."""
        rows = self.query(
            "SELECT name, province, city, address FROM institutions WHERE name = ? "
            "AND (added_by IS NULL OR added_by = ?) ORDER BY added_by IS NOT NULL LIMIT 1",
            (name, user_id if user_id is not None else -1),
        )
        return dict(rows[0]) if rows else None

    def add_institution(self, name: str, province: str, city: str, address: str = "",
                        added_by: int | None = None) -> dict[str, Any]:
        """Register an institution (added_by None) or add one for a single user (the unregistered dialog)."""
        name = (name or "").strip()
        if not name:
            raise Invalid("请填写机构名称")
        existing = self.institution(name, added_by)
        if existing:
            return existing
        with self.tx() as c:
            c.execute("INSERT INTO institutions(name, province, city, address, added_by) VALUES(?,?,?,?,?)",
                      (name, province, city, address or "", added_by))
        return {"name": name, "province": province, "city": city, "address": address or ""}

    def list_institutions(self) -> list[dict[str, Any]]:
        rows = self.query("SELECT name, province, city, address FROM institutions WHERE added_by IS NULL ORDER BY id")
        return [dict(r) for r in rows]

    # --- settings
    def set_academic_exempt(self, institution: str, exempt: bool) -> None:
        with self.tx() as c:
            c.execute("INSERT INTO settings(institution, academic_exempt) VALUES(?, ?) "
                      "ON CONFLICT(institution) DO UPDATE SET academic_exempt = excluded.academic_exempt",
                      (institution, int(bool(exempt))))

    def academic_exempt(self, institution: str) -> bool:
        rows = self.query("SELECT academic_exempt FROM settings WHERE institution = ?", (institution,))
        return bool(rows and rows[0][0])
