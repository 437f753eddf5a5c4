"""autofiler login: ask for the password, check it by logging in, keep it in the OS keyring. --forget removes it.

The store is named as it is: without a desktop keyring the keyring library may fall back to a plain file, and
that is said with a warning.

The password is read with getpass (never from the command line). AUTOFILER_PASSWORD, when set, is what the
other commands use instead; this command still stores what is typed.
"""

from __future__ import annotations

import getpass
import sys
from typing import Any

from autofiler import config, credentials, redact
from autofiler.errors import CredentialError


def ask_password(user: str, site: str) -> str:
    secret = getpass.getpass(f"{user} @ {site} 的密码 / password: ")
    redact.register(secret)
    if not secret:
        raise CredentialError("没有输入密码 / no password typed")
    return secret


def run(args: Any) -> int:
    from autofiler.site.session import site_session

    settings = config.resolve(args)
    user = settings.require_user()
    if args.forget:
        removed = credentials.forget(settings)
        site_session.forget_cookies(settings)
        print(f"已删除 / removed the stored password for {user} at {settings.site}" if removed
              else f"没有保存的密码 / no password was stored for {user} at {settings.site}")
        return 0
    secret = ask_password(user, settings.site)
    with site_session.open_site(settings, password=secret, fresh_login=True):
        pass  # reaching here means the site accepted the password
    credentials.save(settings, secret)
    print(f"登录成功，密码已保存到{credentials.store_description()} / logged in; the password is kept there",
          file=sys.stdout)
    if credentials.plain_file():
        print(f"警告 / warning: {credentials.PLAIN_FILE_ADVICE}", file=sys.stderr)
    return 0
