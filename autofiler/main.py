"""The command line's entry point: `autofiler ...` and `main(argv)` for in-process callers such as the tests.

The commands live in autofiler.cli.app (typed parameters, one call into autofiler.commands each); their modules are
imported only when run, so offline commands never load Playwright.
"""

from __future__ import annotations

import sys

HELP = ("-h", "--help")


def main(argv: list[str] | None = None) -> int:
    """Run the command line on `argv` (default: sys.argv[1:]) and return its exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or any(a in HELP for a in args):
        from autofiler.cli.lean import import_help_renderer

        import_help_renderer()
    from autofiler.cli.app import app

    try:
        app(args=args, prog_name="autofiler")
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
