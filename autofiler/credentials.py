"""Passwords: the OS keyring (service `autofiler`, username `<site>|<user>`), or AUTOFILER_PASSWORD for CI.

A password never comes from the command line. Every password this process handles is registered with
autofiler.redact so that logs, bug reports and error messages are scrubbed of it.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

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


# Where a password came from, as hints name it.
ENVIRONMENT = "environment"
KEYRING = "keyring"
PROMPT = "prompt"


def password(settings: Settings) -> str:
    """The password for the configured site and user: env first (CI, schedules), then the keyring."""
    return password_and_source(settings)[0]


def password_and_source(settings: Settings) -> tuple[str, str]:
    """The password and where it came from (ENVIRONMENT or KEYRING)."""
    secret = os.environ.get(ENV_PASSWORD)
    source = ENVIRONMENT
    if not secret:
        secret, source = from_keyring(settings), KEYRING
    if not secret:
        raise CredentialError(
            f"没有 {settings.require_user()} 的密码 / no password stored for {settings.user} at {settings.site}",
            hint="run `autofiler login` once, or set AUTOFILER_PASSWORD for unattended runs",
        )
    redact.register(secret)
    return secret, source


def refused_hint(source: str) -> str:
    """What to do when the site refused a password, by where that password came from."""
    if source == ENVIRONMENT:
        return (f"密码来自环境变量 {ENV_PASSWORD}，请改正或删除它 / the password came from the environment "
                f"({ENV_PASSWORD}): correct it, or unset it to use the saved one")
    if source == KEYRING:
        return (f"密码来自 {store_description()}；请运行 `autofiler login` 保存正确的密码 / the password came from "
                "the saved store: run `autofiler login` to save the right one")
    return ("请重新输入；忘记密码请在站点上重置 / the typed password was refused: type it again, or reset it on "
            "the site")


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


def _slow_hash(secret: str, salt: bytes) -> str:
    return hashlib.pbkdf2_hmac("sha256", secret.encode(), salt, 200_000).hex()


def write_fingerprint(path: Path, secret: str) -> None:
    """A salted, slow hash of a password (never the password itself), in a file only this user can read."""
    salt = secrets.token_bytes(16)
    data = json.dumps({"salt": salt.hex(), "pbkdf2_sha256": _slow_hash(secret, salt)})
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(data)


def matches_fingerprint(path: Path, secret: str) -> bool:
    """Whether `secret` is the password the fingerprint at `path` was made from (False when unknown)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return hmac.compare_digest(_slow_hash(secret, bytes.fromhex(data["salt"])), data["pbkdf2_sha256"])
    except (OSError, ValueError, KeyError, TypeError):
        return False


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


def _writing_backend() -> object:
    """The backend a password is written to (the first of a chain)."""
    ring = keyring.get_keyring()
    chained = getattr(ring, "backends", None)
    return chained[0] if chained else ring


def plain_file() -> str | None:
    """The file a password would be kept in when the store is a readable file rather than a real keyring
    (keyrings.alt's plaintext store: the password only base64-encoded); None for a real keyring."""
    ring = _writing_backend()
    cls = type(ring)
    if cls.__module__.startswith("keyrings.alt") and "Encrypted" not in cls.__name__:
        return str(getattr(ring, "file_path", "") or cls.__name__)
    return None


def store_description() -> str:
    """The store's real name, for messages: the OS keyring, or the plain file."""
    ring = _writing_backend()
    name = f"{type(ring).__module__}.{type(ring).__name__}"
    path = plain_file()
    if path:
        return f"明文文件 / a plain file {path} ({name})"
    return f"系统钥匙串 / the OS keyring ({name})"


PLAIN_FILE_ADVICE = (
    "任何能读取该文件的人都能得到密码；请安装桌面钥匙串（GNOME Keyring / KWallet，或 Windows、macOS 自带的），"
    "或改用只有自己能读的文件中的 AUTOFILER_PASSWORD / anyone who can read that file has the password: use a "
    "desktop keyring (GNOME Keyring, KWallet; Windows and macOS have one), or AUTOFILER_PASSWORD from a file only "
    "you can read"
)
