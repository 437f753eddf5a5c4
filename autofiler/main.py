"""Argument wiring only: each subcommand calls one function in autofiler.commands that returns an exit code.

Command modules are imported lazily so that offline commands never load Playwright.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from autofiler import __version__
from autofiler.errors import EXIT_CODES_HELP, error_handler


def _site_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("site and browser")
    g.add_argument("--site", help="registry address or preset name (env AUTOFILER_SITE, config file)")
    g.add_argument("--user", help="login name: the mobile number (env AUTOFILER_USER)")
    g.add_argument("--config", help="config file (default: autofiler.toml in the state folder)")
    g.add_argument("--state-dir", help="local state folder (env AUTOFILER_STATE_DIR)")
    g.add_argument("--selectors", help="a site map that replaces the shipped selectors/registry.yaml")
    g.add_argument("--browser-path", help="the Chromium, Chrome or Edge executable")
    g.add_argument("--channel", choices=["chrome", "msedge"], help="use an installed Chrome or Edge")
    g.add_argument("--headed", action="store_true", help="show the browser window")
    g.add_argument("--slowmo", type=int, default=0, metavar="MS", help="slow every browser action down")
    g.add_argument("--captcha-cmd", help="command that reads a captcha image on stdin and prints its text")
    g.add_argument("-v", "--verbose", action="count", default=0)


def _progress_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("targets", nargs="*", metavar="SPEC_OR_ID", help="project specs or site project ids")
    p.add_argument("--all", action="store_true", help="every project this account can see")
    p.add_argument("--subcenters", action="store_true", help="the 分中心项目 view")
    p.add_argument("--format", choices=["table", "json", "csv", "xlsx", "html"], default="table")
    p.add_argument("--out", help="write the report to this file")
    p.add_argument("--exit-code-on-change", type=int, metavar="N", help="exit N when anything changed")
    p.add_argument("--no-notify", action="store_true", help="do not send notifications")
    p.add_argument("--opinions", action="store_true",
                   help="with --all/--subcenters: also read the opinion of each 退回修改 project")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="autofiler",
        description="在医学研究登记备案信息系统中按 YAML 备案临床研究 / "
        "file clinical research in the national registry from a YAML spec",
        epilog=EXIT_CODES_HELP,
    )
    parser.add_argument("--version", action="version", version=f"autofiler {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("validate", help="check specs offline")
    p.add_argument("specs", nargs="+", metavar="SPEC")
    p.add_argument("--json", action="store_true", help="print the findings as JSON")
    p.add_argument("--strict", action="store_true", help="fail on warnings too")

    form_help = "form generation: sop-2020 (the SOP's form) or live-2026 (the 2026 form)"
    p = sub.add_parser("init", help="write a commented spec template")
    p.add_argument("path", nargs="?", default="project.yaml")
    p.add_argument("--form", metavar="FORM", help=f"{form_help}; default sop-2020")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")

    p = sub.add_parser("schema", help="print the JSON Schema of a spec")
    p.add_argument("--form", metavar="FORM", help=f"{form_help}; default sop-2020")
    p.add_argument("--out", help="write to this file instead of stdout")

    p = sub.add_parser("migrate", help="move a spec to another form generation")
    p.add_argument("spec", metavar="SPEC")
    p.add_argument("--to", required=True, metavar="FORM", help="the generation to move to, e.g. live-2026")
    p.add_argument("--out", help="the new spec (default: SPEC with .<FORM>.yaml)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")

    p = sub.add_parser("login", help="store the password in the OS keyring")
    _site_options(p)
    p.add_argument("--forget", action="store_true", help="remove the stored password")

    p = sub.add_parser("submit", help="file a spec on the registry")
    p.add_argument("spec", metavar="SPEC")
    p.add_argument("--yes", action="store_true", help="submit without asking")
    p.add_argument("--dry-run", action="store_true", help="fill the forms but never click 保存 or 提交")
    p.add_argument("--no-submit", action="store_true", help="fill and save, then stop before 提交")
    _site_options(p)

    p = sub.add_parser("plan", help="show what submit would change, module by module")
    p.add_argument("spec", metavar="SPEC")
    p.add_argument("--detailed-exitcode", action="store_true", help="exit 2 when changes are pending")
    _site_options(p)

    p = sub.add_parser("progress", help="review progress (备案进度) of projects")
    _progress_options(p)
    _site_options(p)

    p = sub.add_parser("watch", help="check progress again and again")
    p.add_argument("--every", default="6h", help="interval such as 30m, 6h, 1d")
    p.add_argument("--times", type=int, default=0, help="stop after this many checks (0: never)")
    _progress_options(p)
    _site_options(p)

    p = sub.add_parser("doctor", help="check the browser, fonts, keyring and the site map")
    _site_options(p)

    p = sub.add_parser("demo", help="file the example spec on a local mock registry")
    p.add_argument("--spec", help="another spec to file instead of the example")
    p.add_argument("--shuffle-dom", action="store_true", help="run the mock with shuffled ids and order")
    _site_options(p)

    p = sub.add_parser("accounts", help="the Appendix-1 PI account application sheet")
    acc = p.add_subparsers(dest="accounts_command", metavar="ACTION", required=True)
    a = acc.add_parser("template", help="write the empty template")
    a.add_argument("out", metavar="OUT.xlsx")
    a = acc.add_parser("check", help="check a filled sheet")
    a.add_argument("sheet", metavar="IN.xlsx")
    a.add_argument("--json", action="store_true")
    a.add_argument("--fill", metavar="OUT.xlsx", help="write a copy with default passwords and findings")
    a = acc.add_parser("upload", help="upload the sheet through the site's 账号管理 page")
    a.add_argument("sheet", metavar="IN.xlsx")
    _site_options(a)

    p = sub.add_parser("ledger", help="the office's ledger of ethics-approved projects")
    led = p.add_subparsers(dest="ledger_command", metavar="ACTION", required=True)
    a = led.add_parser("template", help="write the empty ledger with its guide sheet")
    a.add_argument("out", metavar="OUT.xlsx")
    a.add_argument("--force", action="store_true", help="overwrite an existing file")

    p = sub.add_parser("reconcile", help="the ledger against the site: filed, missing, overdue, sub-centers")
    p.add_argument("ledger", metavar="LEDGER.xlsx")
    p.add_argument("--format", choices=["table", "json", "csv", "xlsx", "html"], default="table")
    p.add_argument("--out", help="write the report to this file")
    p.add_argument("--overdue-days", type=int, default=30, metavar="N",
                   help="not filed N days after the ethics approval counts as overdue (default 30)")
    p.add_argument("--exit-code-on-gap", type=int, metavar="N", help="exit N when any row is not filed")
    _site_options(p)
    return parser


COMMANDS = {
    "validate": "validate",
    "init": "init",
    "schema": "schema",
    "migrate": "migrate",
    "login": "login",
    "submit": "submit",
    "plan": "plan",
    "progress": "progress",
    "watch": "watch",
    "doctor": "doctor",
    "demo": "demo",
    "accounts": "accounts",
    "ledger": "ledger",
    "reconcile": "reconcile",
}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 0
    with error_handler(getattr(args, "state_dir", None)) as code:
        module = importlib.import_module(f"autofiler.commands.{COMMANDS[args.command]}")
        return module.run(args)
    return code[0]


if __name__ == "__main__":
    sys.exit(main())
