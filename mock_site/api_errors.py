"""The mock's own refusals; the XHR layer turns each into its HTTP status and a {"message"} body."""

from __future__ import annotations


class UploadRejected(Exception):
    """An upload the site refuses (HTTP 400); the message is the reason the page shows."""


class Conflict(Exception):
    """The request does not fit the project's state (HTTP 409)."""


class Invalid(Exception):
    """A request with a bad value (HTTP 400); the message names it."""


class ApiError(Exception):
    """An XHR answer other than success: the app turns it into `status` with {"message", **extra}."""

    def __init__(self, status: int, message: str, **extra: object) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.extra = extra
