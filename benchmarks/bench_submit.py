"""How long a full filing takes with autofiler, side by side with a lean hand-written peer script, per face and
per example.

For each face (`--face live-2026|sop-2020`, default both) and each of its examples, a fresh mock of that face
(`--fast` unless --transitions; live-2026 on layui, sop-2020 on the genuine Vue + Element UI app) serves --runs
rounds; in each round the driver and the peer take turns, so that
both meet the same machine load:
  driver  autofiler: browser start + login + new project + every tab (fill, save) + read-back + 提交
  peer    the face's hand-written script (benchmarks/peer_live.py, benchmarks/peer_submit.py): browser start +
          login + filing + 提交, no read-back, no state
Each run is a process of its own and files a project of its own. Printed: each run's seconds, the medians, and
the ratio driver/peer (the target is at most 0.80).

    .venv/bin/python benchmarks/bench_submit.py [--face live-2026] [--runs 3] [--spec FILE ...]

Figures depend on the machine; run it on a quiet one.
"""

from __future__ import annotations

import argparse
import copy
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from mock_site.launcher import DEMO_PI, RunningMock, launch

TARGET = 0.80
# people of the demo institution the examples pick as team members (the selection dialog lists accounts)
STAFF = [("13800000011", "赵护士"), ("13800000022", "钱统计")]


@dataclass(frozen=True)
class Face:
    examples: list[Path]
    title: tuple[str, str]  # module and field of the project's title
    peer: str


FACES = {
    "live-2026": Face(sorted((ROOT / "specs" / "live-2026").glob("*.yaml")), ("basic_info", "research_title"),
                      "peer_live"),
    "sop-2020": Face([ROOT / "specs" / "single-center.yaml", ROOT / "specs" / "multi-center.yaml"],
                     ("basic_info", "project_name"), "peer_submit"),
}


def settings(site: str, state: str) -> Any:
    from autofiler import config

    args = SimpleNamespace(site=site, user=DEMO_PI["phone"], state_dir=state, config=None, selectors=None,
                           browser_path=None, channel=None, headed=False, slowmo=0, captcha_cmd=None, verbose=0)
    return config.resolve(args)


def retitled(values: dict[str, Any], where: tuple[str, str], title: str) -> dict[str, Any]:
    """The spec's values under a title of this run's own, so that every run files a new project."""
    out = copy.deepcopy(values)
    out.setdefault(where[0], {})[where[1]] = title
    return out


def drive(face: str, site: str, state: str, spec: Path, n: int) -> float:
    """One filing by autofiler, from browser start to 提交; returns seconds."""
    from autofiler.filing.element_service import file_on_site
    from autofiler.filing.spec_input import load_spec, spec_parts
    from autofiler.site.filing_display import FilingDisplay

    result = load_spec(str(spec))
    name, values, spec_path, position = spec_parts(result)
    title = f"{name}（autofiler {n}）"
    values = retitled(values, FACES[face].title, title)
    s = settings(site, state)
    quiet = FilingDisplay(out=io.StringIO())
    started = time.perf_counter()
    if face == "live-2026":
        from autofiler.filing.classic_service import file_classic
        from autofiler.site.maps import choose, resolve

        code = file_classic(s, resolve.load(choose.shipped(face)), quiet, title, values, spec_path, yes=True,
                            no_submit=False, interactive=False, confirm=lambda _q: True)
    else:
        from autofiler.site.session.site_session import open_site
        from autofiler.store import Store

        with Store(s.state_dir) as store, open_site(s) as opened:
            code = file_on_site(opened, store, quiet, title, values, spec_path, position, yes=True, dry_run=False,
                                no_submit=False, interactive=False)
    if code != 0:
        raise SystemExit(f"filing failed (exit {code})")
    return time.perf_counter() - started


def peer(face: str, site: str, spec: Path, n: int) -> float:
    module = __import__(FACES[face].peer)
    run: Callable[..., float] = module.run
    return run(site, spec)


def child(kind: str, face: str, site: str, spec: Path, n: int) -> float:
    """One run in its own process (Playwright's sync API allows one instance per thread); it prints its time."""
    with tempfile.TemporaryDirectory() as state:
        cmd = [sys.executable, __file__, "--child", kind, "--face", face, "--site", site, "--state", state,
               "--spec", str(spec), "--n", str(n)]
        out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"{kind} run failed ({face}, {spec.name}):\n{out.stdout[-3000:]}\n{out.stderr[-3000:]}")
    return float(out.stdout.strip().splitlines()[-1])


def prepared(face: str, fast: bool) -> RunningMock:
    mock = launch("--face", face, *(["--fast"] if fast else []))
    for phone, name in STAFF:
        mock.control("POST", "users", {"phone": phone, "password": "Staff@2025", "name": name,
                                       "institution": "示例医院", "role": "pi"})
    return mock


def bench(face: str, spec: Path, runs: int, fast: bool) -> tuple[list[float], list[float]]:
    drivers: list[float] = []
    peers: list[float] = []
    mock = prepared(face, fast)
    try:
        for n in range(runs):
            drivers.append(child("driver", face, mock.url, spec, n))
            peers.append(child("peer", face, mock.url, spec, n))
    finally:
        mock.stop()
    return drivers, peers


def report(face: str, spec: Path, drivers: list[float], peers: list[float]) -> float:
    dm, pm = statistics.median(drivers), statistics.median(peers)
    paired = [d / p for d, p in zip(drivers, peers, strict=True)]
    print(f"{face} {spec.name}:")
    print(f"  autofiler (browser + login + filing + read-back + 提交): median {dm:6.2f} s  "
          f"[{', '.join(f'{x:.1f}' for x in drivers)}]")
    print(f"  peer script (browser + login + filing + 提交):           median {pm:6.2f} s  "
          f"[{', '.join(f'{x:.1f}' for x in peers)}]")
    print(f"  ratio autofiler/peer: {dm / pm:.2f} (target ≤ {TARGET:.2f}); run by run "
          f"[{', '.join(f'{r:.2f}' for r in paired)}]", flush=True)
    return dm / pm


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--face", choices=sorted(FACES), action="append", help="default: both")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--spec", action="append", help="only these examples, of the one --face given (default: every "
                                                   "example of the face)")
    p.add_argument("--transitions", action="store_true", help="the mock with its transitions (no --fast)")
    p.add_argument("--child", choices=["driver", "peer"], help=argparse.SUPPRESS)
    p.add_argument("--site", help=argparse.SUPPRESS)
    p.add_argument("--state", help=argparse.SUPPRESS)
    p.add_argument("--n", type=int, default=0, help=argparse.SUPPRESS)
    a = p.parse_args()
    os.environ["AUTOFILER_PASSWORD"] = DEMO_PI["password"]
    faces = a.face or ["live-2026", "sop-2020"]
    if a.spec and len(faces) != 1:
        p.error("--spec needs one --face")
    if a.child:
        spec = Path(a.spec[0])
        if a.child == "peer":
            print(peer(faces[0], a.site, spec, a.n))
        else:
            print(drive(faces[0], a.site, a.state, spec, a.n))
        return
    ratios = []
    for face in faces:
        examples = [Path(s).resolve() for s in a.spec] if a.spec else FACES[face].examples
        for spec in examples:
            drivers, peers = bench(face, spec, a.runs, not a.transitions)
            ratios.append((face, spec.name, report(face, spec, drivers, peers)))
    print(f"{a.runs} runs each, mock {'with transitions' if a.transitions else '--fast'}; "
          f"load average {os.getloadavg()[0]:.2f}")
    for face, name, r in ratios:
        print(f"  {face:9s} {name:28s} ratio {r:.2f}  {'ok' if r <= TARGET else 'over the target'}")


if __name__ == "__main__":
    main()
