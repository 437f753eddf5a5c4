"""autofiler submit, in a process that dies (as under SIGKILL) the moment the site has created the project and
before the local store records its id. Run as `python -m tests.reliability.die_after_create <submit args>`."""

from __future__ import annotations

import os
import sys

from autofiler.main import main
from autofiler.store import Store

DIED = 137  # the exit status a SIGKILL gives

_original = Store.save_filing


def _die_before_recording(self, site, user, name, **fields):
    if fields.get("project_id"):
        os._exit(DIED)  # no clean-up of any kind, as a kill would leave it
    return _original(self, site, user, name, **fields)


if __name__ == "__main__":
    Store.save_filing = _die_before_recording
    sys.exit(main(sys.argv[1:]))
