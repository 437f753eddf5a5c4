"""autofiler submit SPEC: validate offline, find or create the project, file every module, then 提交 after a yes.

Exit codes: 0 done (filed; stopped before 提交 as asked with --no-submit; a dry run; or already filed from this very
spec and submitted), 1 a user-facing error, 3 a crash, 4 the site did not answer, 5 saved but stopped before 提交
because no terminal could confirm, 130 interrupted. Every failure and interruption ends with one summary
(`closing`): the modules saved and verified, the rest, whether 提交 happened, and what to do next.

A new project's id (and the spec file it belongs to) is recorded the moment 新增 returns it. Its title is saved
with 基本信息, the first module filed: the site refuses a save of 基本信息 without its other required fields, so a
title alone cannot be saved earlier; a run that dies before that save is found again by the recorded id.
"""

from __future__ import annotations

import sys
from typing import Any

from autofiler import config
from autofiler.filing.spec_input import load_spec, spec_parts
from autofiler.site.filing_display import FilingDisplay


def confirm(prompt: str) -> bool:
    try:
        answer = input(prompt)
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes", "是", "确定")


def run(args: Any) -> int:
    from autofiler.filing.element_service import file_spec
    from autofiler.site.maps.choose import for_spec

    result = load_spec(args.spec)
    # The site map of the spec's form generation (or --selectors, which must be of it) names the UI family.
    map_path, family = for_spec(getattr(result.spec, "form", "sop-2020"), getattr(args, "selectors", None))
    if family == "classic":
        from autofiler.filing.classic_service import run_classic

        return run_classic(args, result, map_path, confirm)
    settings = config.resolve(args)
    name, values, spec_path, position = spec_parts(result)
    user = settings.require_user()
    reporter = FilingDisplay(settings.verbosity)
    return file_spec(settings, reporter, name, values, spec_path, position, yes=args.yes,
                     dry_run=args.dry_run, no_submit=args.no_submit, interactive=sys.stdin.isatty(), user=user,
                     site_project_id=getattr(result.spec, "site_project_id", None), confirm=confirm)
