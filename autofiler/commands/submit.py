"""autofiler submit SPEC: validate offline, find or create the project, file every module, then 提交 after a yes.

Exit codes: 0 done (filed; stopped before 提交 as asked with --no-submit; a dry run; or already filed from this very
spec and submitted), 1 a user-facing error, 3 a crash, 4 the site did not answer, 5 saved but stopped before 提交
because no terminal could confirm, 130 interrupted. Every failure and interruption ends with one summary
(`closing`): the modules saved and verified, the rest, whether 提交 happened, and what to do next. With --json
the console text goes to stderr and one JSON record of the run to stdout (filing/run_record.py).

A new project's id (and the spec file it belongs to) is recorded the moment 新增 returns it. Its title is saved
with 基本信息, the first module filed: the site refuses a save of 基本信息 without its other required fields, so a
title alone cannot be saved earlier; a run that dies before that save is found again by the recorded id.
"""

from __future__ import annotations

import sys
from typing import Any

from autofiler import config
from autofiler.filing.spec_input import load_spec, spec_parts


def confirm(prompt: str) -> bool:
    try:
        answer = input(prompt)
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes", "是", "确定")


def run(args: Any) -> int:
    from autofiler.filing.run_record import display, recorded
    from autofiler.site.maps.choose import for_spec

    result = load_spec(args.spec)
    as_json = bool(getattr(args, "json", False))
    # The site map of the spec's form generation (or --selectors, which must be of it) names the UI family.
    map_path, family = for_spec(getattr(result.spec, "form", "sop-2020"), getattr(args, "selectors", None))
    if family == "classic":
        from autofiler.filing.classic_common import setup
        from autofiler.filing.classic_service import run_classic

        settings, site = setup(args, map_path)
        reporter = display(settings.verbosity, as_json)
        return recorded("submit", str(args.spec), reporter, as_json,
                        lambda: run_classic(args, result, settings, site, reporter, confirm))
    from autofiler.filing.element_service import file_spec

    settings = config.resolve(args)
    name, values, spec_path, position = spec_parts(result)
    user = settings.require_user()
    reporter = display(settings.verbosity, as_json)
    return recorded("submit", str(args.spec), reporter, as_json, lambda: file_spec(
        settings, reporter, name, values, spec_path, position, yes=args.yes, dry_run=args.dry_run,
        no_submit=args.no_submit, interactive=sys.stdin.isatty(), user=user,
        site_project_id=getattr(result.spec, "site_project_id", None), confirm=confirm))
