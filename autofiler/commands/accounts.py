"""`autofiler accounts template|check|upload`: the SOP's Appendix-1 PI account application sheet."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from autofiler.errors import EXIT_ERROR, EXIT_OK


def run(args: Any) -> int:
    action = args.accounts_command
    if action == "template":
        return _template(args)
    if action == "check":
        return _check(args)
    return _upload(args)


def _template(args: Any) -> int:
    from autofiler.accounts.template import write_template

    out = Path(args.out)
    write_template(out)
    print(f"已写入模板 {out}：在第 1 个工作表中每行填写一位申请人，填写要求见「填写说明」工作表。")
    return EXIT_OK


def _check(args: Any) -> int:
    from autofiler.accounts.check import check_file
    from autofiler.accounts.check_output import REMINDER, render
    from autofiler.accounts.fill import fill_copy

    source = Path(args.sheet)
    result = fill_copy(source, Path(args.fill)) if args.fill else check_file(source)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        if any(a.password_is_default for a in result.accounts):
            print(REMINDER, file=sys.stderr)
    else:
        print(render(result, source.name))
    if args.fill:
        print(f"已写入带检查结果的副本 {args.fill}（默认密码已填入「密码」列，可发回申请人修改）",
              file=sys.stderr)
    return EXIT_ERROR if result.errors else EXIT_OK


def _upload(args: Any) -> int:
    from autofiler.accounts.check import check_file
    from autofiler.accounts.check_output import render
    from autofiler.accounts.sheet_upload import upload_sheet
    from autofiler.config import resolve

    source = Path(args.sheet)
    result = check_file(source)
    if result.errors:
        print(render(result, source.name))
        print("表格有错误，未上传；请改正后再上传。", file=sys.stderr)
        return EXIT_ERROR
    outcome = upload_sheet(resolve(args), source)
    print(outcome.render())
    return EXIT_OK if outcome.all_ok else EXIT_ERROR
