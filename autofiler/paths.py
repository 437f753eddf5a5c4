"""Where autofiler keeps its local state: the database, saved sessions, run folders and logs."""

from __future__ import annotations

import os
from pathlib import Path

ENV_STATE_DIR = "AUTOFILER_STATE_DIR"


def state_dir(override: str | os.PathLike | None = None) -> Path:
    if override:
        path = Path(override)
    elif os.environ.get(ENV_STATE_DIR):
        path = Path(os.environ[ENV_STATE_DIR])
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir("autofiler", appauthor=False))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def log_dir(override: str | os.PathLike | None = None) -> Path:
    path = state_dir(override) / "logs"
    path.mkdir(exist_ok=True, mode=0o700)
    return path


def runs_dir(override: str | os.PathLike | None = None) -> Path:
    path = state_dir(override) / "runs"
    path.mkdir(exist_ok=True, mode=0o700)
    return path


def package_data(name: str) -> Path:
    """A data folder shipped with the tool: inside the wheel, or beside the package in a checkout."""
    here = Path(__file__).resolve().parent
    inside = here / name
    if inside.is_dir():
        return inside
    return here.parent / {"selectors": "selectors", "examples": "specs"}.get(name, name)
