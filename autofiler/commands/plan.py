"""autofiler plan SPEC: log in, find the project, read every module back and print what submit would change.
A live-2026 spec (a classic-family site map) is planned by the classic flow, tab by tab, after the site checks
(unregistered units, options the site does not offer: exit 1).

Changes nothing on the site. Exit 0; with --detailed-exitcode, exit 2 when changes are pending (a module differs
or the project does not exist yet), so that a script can tell "in sync" from "changes pending".
"""

from __future__ import annotations

from typing import Any

from autofiler import config
from autofiler.filing.spec_input import load_spec, spec_parts
from autofiler.site.filing_display import FilingDisplay

EXIT_PENDING = 2


def run(args: Any) -> int:
    from autofiler.site.maps.choose import for_spec

    result = load_spec(args.spec)
    # The site map of the spec's form generation names the UI family (as for submit).
    map_path, family = for_spec(getattr(result.spec, "form", "sop-2020"), getattr(args, "selectors", None))
    if family == "classic":
        from autofiler.filing.classic_common import setup
        from autofiler.filing.classic_preview import plan_classic

        settings, site, reporter = setup(args, map_path)
        spec = result.spec
        pending = plan_classic(settings, site, reporter, spec.project_name, spec.site_values(),
                               str(getattr(result, "path", "")), getattr(spec, "site_project_id", None))
        return EXIT_PENDING if pending and getattr(args, "detailed_exitcode", False) else 0
    settings = config.resolve(args)
    name, values, spec_path, _pos = spec_parts(result)
    user = settings.require_user()
    reporter = FilingDisplay(settings.verbosity)
    from autofiler.filing.element_plan import plan

    pending = plan(settings, reporter, name, values, user, spec_path=spec_path,
                   site_project_id=getattr(result.spec, "site_project_id", None))
    return EXIT_PENDING if pending and getattr(args, "detailed_exitcode", False) else 0
