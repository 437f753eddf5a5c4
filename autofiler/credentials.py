"""Passwords: the OS keyring (service `autofiler`, username `<site>|<user>`), or AUTOFILER_PASSWORD for CI.

A password never comes from the command line. Every password this process handles is registered with
autofiler.redact so that logs, bug reports and error messages are scrubbed of it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

import keyring
import keyring.errors

from autofiler import redact
from autofiler.config import Settings
from autofiler.errors import CredentialError

SERVICE = "autofiler"
ENV_PASSWORD = "AUTOFILER_PASSWORD"


def account(settings: Settings) -> str:
    return f"{settings.site}|{settings.require_user()}"


def from_keyring(settings: Settings) -> str | None:
    try:
        secret = keyring.get_password(SERVICE, account(settings))
    except keyring.errors.KeyringError:
        return None
    redact.register(secret)
    return secret


def password(settings: Settings) -> str:
    """The password for the configured site and user: env first (CI, schedules), then the keyring."""
    secret = os.environ.get(ENV_PASSWORD) or from_keyring(settings)
    if not secret:
        raise CredentialError(
            f"没有 {settings.require_user()} 的密码 / no password stored for {settings.user} at {settings.site}",
            hint="run `autofiler login` once, or set AUTOFILER_PASSWORD for unattended runs",
        )
    redact.register(secret)
    return secret


def save(settings: Settings, secret: str) -> None:
    redact.register(secret)
    try:
        keyring.set_password(SERVICE, account(settings), secret)
    except keyring.errors.KeyringError as e:
        raise CredentialError(
            f"无法写入系统钥匙串 / the OS keyring refused the password: {type(e).__name__}",
            hint="on a machine without a keyring, set AUTOFILER_PASSWORD instead",
        ) from None


def forget(settings: Settings) -> bool:
    """Remove the stored password; False when there was none."""
    try:
        keyring.delete_password(SERVICE, account(settings))
    except keyring.errors.PasswordDeleteError:
        return False
    except keyring.errors.KeyringError as e:
        raise CredentialError(f"the OS keyring refused: {type(e).__name__}") from None
    return True


def scrubbed_env() -> dict[str, str]:
    """This process's environment without the password, for the processes it starts."""
    return {k: v for k, v in os.environ.items() if k != ENV_PASSWORD}


@contextlib.contextmanager
def env_hidden() -> Iterator[None]:
    """Keep the password out of the environment while a child process (Playwright's driver, which starts the
    browser) is being started; it inherits the environment at that moment."""
    saved = os.environ.pop(ENV_PASSWORD, None)
    try:
        yield
    finally:
        if saved is not None:
            os.environ[ENV_PASSWORD] = saved


def backend_name() -> str:
    ring = keyring.get_keyring()
    return f"{type(ring).__module__}.{type(ring).__name__}"


def backend_usable() -> bool:
    """False for keyring's fail/null backends, which cannot keep a password."""
    name = backend_name()
    return not name.startswith(("keyring.backends.fail", "keyring.backends.null"))
