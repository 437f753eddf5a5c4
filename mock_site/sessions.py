"""Login sessions: the `mr_session` cookie, idle expiry, and the helpers pages and XHRs use to find the user.

Pages call `page_user(request)` (a user dict, or a redirect to answer instead); XHR handlers call
`api_user(request)`, which raises `ApiError(401)` once the session is gone.
"""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from mock_site.api_errors import ApiError

COOKIE = "mr_session"
EXPIRED = "登录已过期，请重新登录"
PROFILE_PATH = "/profile/complete"


@dataclass
class Session:
    token: str
    user_id: int | None
    last_seen: float
    captcha: str | None = None


class SessionStore:
    """Sessions in memory; one idle after `ttl` seconds is gone. The ttl can change while running (faults)."""

    def __init__(self, ttl: float) -> None:
        self.ttl = ttl
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()

    def new(self, user_id: int | None = None) -> Session:
        session = Session(secrets.token_urlsafe(24), user_id, time.monotonic())
        with self._lock:
            self._sessions[session.token] = session
        return session

    def get(self, token: str | None, touch: bool = True) -> Session | None:
        """The live session of this token (its idle clock restarts), or None when absent or expired."""
        if not token:
            return None
        with self._lock:
            session = self._sessions.get(token)
            if session is None:
                return None
            now = time.monotonic()
            if now - session.last_seen > self.ttl:
                del self._sessions[token]
                return None
            if touch:
                session.last_seen = now
            return session

    def drop(self, token: str | None) -> None:
        with self._lock:
            self._sessions.pop(token or "", None)

    def clear(self) -> None:
        with self._lock:
            self._sessions.clear()


def store(request: Request) -> SessionStore:
    return request.app.state.sessions


def session_of(request: Request, touch: bool = True) -> Session | None:
    return store(request).get(request.cookies.get(COOKIE), touch)


def current_user(request: Request) -> dict[str, Any] | None:
    """The logged-in user of this request, or None (no cookie, expired, or an anonymous captcha session)."""
    session = session_of(request)
    if session is None or session.user_id is None:
        return None
    return request.app.state.registry.get_user(session.user_id)


def login_redirect(request: Request) -> RedirectResponse:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)


def page_user(request: Request, allow_incomplete: bool = False) -> dict[str, Any] | Response:
    """For a page: the user, or the redirect to answer (303 to /login when expired, to 完善个人信息 when due)."""
    user = current_user(request)
    if user is None:
        return login_redirect(request)
    if not user["profile_complete"] and not allow_incomplete and request.url.path != PROFILE_PATH:
        return RedirectResponse(PROFILE_PATH, status_code=303)
    return user


def api_user(request: Request) -> dict[str, Any]:
    """For an XHR: the user, or ApiError 401 {"message": "登录已过期，请重新登录"}."""
    user = current_user(request)
    if user is None:
        raise ApiError(401, EXPIRED)
    return user


def set_cookie(response: Response, session: Session) -> None:
    response.set_cookie(COOKIE, session.token, httponly=True, samesite="lax", path="/")
