"""autofiler plan SPEC: log in, find the project, read every module back and print what submit would change.
A live-2026 spec (a classic-family site map) is planned by the classic flow, tab by tab, after the site checks
(unregistered units, options the site does not offer: exit 1).

Changes nothing on the site. Exit 0; with --detailed-exitcode, exit 2 when changes are pending (a module differs
or the project does not exist yet), so that a script can tell "in sync" from "changes pending". With --json, one
JSON record of the run on stdout (its `pending`, each module's diffs), the console text on stderr.
"""

from __future__ import annotations

from typing import Any

from autofiler import config
from autofiler.filing.spec_input import load_spec, spec_parts

EXIT_PENDING = 2


def run(args: Any) -> int:
    from autofiler.filing.run_record import display, recorded
    from autofiler.site.maps.choose import for_spec

    result = load_spec(args.spec)
    as_json = bool(getattr(args, "json", False))
    # The site map of the spec's form generation names the UI family (as for submit).
    map_path, family = for_spec(getattr(result.spec, "form", "sop-2020"), getattr(args, "selectors", None))
    if family == "classic":
        from autofiler.filing.classic_common import setup
        from autofiler.filing.classic_preview import plan_classic

        settings, site = setup(args, map_path)
        spec = result.spec
        reporter = display(settings.verbosity, as_json)

        def pending() -> bool:
            return plan_classic(settings, site, reporter, spec.project_name, spec.site_values(),
                                str(getattr(result, "path", "")), getattr(spec, "site_project_id", None))
    else:
        from autofiler.filing.element_plan import plan

        settings = config.resolve(args)
        name, values, spec_path, _pos = spec_parts(result)
        user = settings.require_user()
        reporter = display(settings.verbosity, as_json)

        def pending() -> bool:
            return plan(settings, reporter, name, values, user, spec_path=spec_path,
                        site_project_id=getattr(result.spec, "site_project_id", None))

    def work() -> int:
        reporter.run.pending = pending()
        return EXIT_PENDING if reporter.run.pending and getattr(args, "detailed_exitcode", False) else 0

    return recorded("plan", str(args.spec), reporter, as_json, work)
