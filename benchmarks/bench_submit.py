"""How long a full filing of the complete example takes with autofiler, and against the hand-written peer.

Starts the mock registry (transitions on: no --fast), then times, over --runs runs each (median printed; the
three kinds of run take turns so that all meet the same machine load):
  cold  browser start + login + find/create + 8 modules (fill, save, read back) + 提交
  warm  the same on a browser that is already up and logged in, a fresh project each time
  peer  benchmarks/peer_submit.py: the leanest hand-written script (no read-back, no state), browser start to 提交

    .venv/bin/python benchmarks/bench_submit.py [--runs 5] [--spec specs/multi-center.yaml]

Figures depend on the machine; run it on a quiet one.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import peer_submit

from autofiler import config
from autofiler.commands.submit import file_on_site, load_spec, spec_parts
from autofiler.site.report import Reporter
from autofiler.site.session import forget_cookies, open_site
from autofiler.store import Store
from mock_site.launcher import DEMO_PI, launch


def settings(site: str, state: str) -> config.Settings:
    args = SimpleNamespace(site=site, user=DEMO_PI["phone"], state_dir=state, config=None, selectors=None,
                           browser_path=None, channel=None, headed=False, slowmo=0, captcha_cmd=None, verbose=0)
    return config.resolve(args)


def unique(values: dict, name: str, n: int, kind: str) -> tuple[str, dict]:
    """A fresh project name per run, so that each run creates a new project."""
    fresh = f"{name}（{kind}{n}）"
    basic = dict(values["basic_info"], project_name=fresh)
    return fresh, {**values, "basic_info": basic}


def file_once(site, s: config.Settings, store: Store, name: str, values: dict, spec: str, position) -> None:
    quiet = Reporter(out=io.StringIO())
    code = file_on_site(site, store, quiet, name, values, spec, position, yes=True, dry_run=False,
                        no_submit=False, interactive=False)
    if code != 0:
        raise SystemExit(f"filing failed (exit {code})")


def cold(s: config.Settings, store: Store, parts, n: int, spec: str) -> float:
    name, values = unique(parts[1], parts[0], n, "cold")
    forget_cookies(s)  # a first run of the day: log in again
    started = time.perf_counter()
    with open_site(s) as site:
        file_once(site, s, store, name, values, spec, parts[3])
    return time.perf_counter() - started


def warm(site, s: config.Settings, store: Store, parts, n: int, spec: str) -> float:
    name, values = unique(parts[1], parts[0], n, "warm")
    started = time.perf_counter()
    file_once(site, s, store, name, values, spec, parts[3])
    return time.perf_counter() - started


def child(kind: str, site: str, state: str, spec: str, n: int) -> float:
    """One cold or peer filing in its own process (Playwright's sync API allows one instance per thread, and the
    warm browser stays open in this one); the child prints its own time."""
    cmd = [sys.executable, __file__, "--child", kind, "--site", site, "--state", state, "--spec", spec, "--n", str(n)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"{kind} run failed:\n{out.stdout}\n{out.stderr}")
    return float(out.stdout.strip().splitlines()[-1])


def run_child(a: argparse.Namespace, parts) -> None:
    if a.child == "peer":
        print(peer_submit.run(a.site, Path(a.spec)))
        return
    s = settings(a.site, a.state)
    with Store(s.state_dir) as store:
        print(cold(s, store, parts, a.n, a.spec))


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--spec", default=str(ROOT / "specs" / "multi-center.yaml"))
    p.add_argument("--child", choices=["cold", "peer"], help=argparse.SUPPRESS)
    p.add_argument("--site", help=argparse.SUPPRESS)
    p.add_argument("--state", help=argparse.SUPPRESS)
    p.add_argument("--n", type=int, default=0, help=argparse.SUPPRESS)
    a = p.parse_args()
    os.environ["AUTOFILER_PASSWORD"] = DEMO_PI["password"]
    parts = spec_parts(load_spec(a.spec))
    if a.child:
        run_child(a, parts)
        return
    mock = launch("--face", "sop-2020")
    try:
        with tempfile.TemporaryDirectory() as state:
            # cold, peer and warm runs take turns, so that all three meet the same machine load
            colds, peers, warms = [], [], []
            ws = settings(mock.url, str(Path(state) / "warm"))
            with Store(ws.state_dir) as warm_store, open_site(ws) as site:
                for n in range(a.runs):
                    colds.append(child("cold", mock.url, str(Path(state) / "cold"), a.spec, n))
                    peers.append(child("peer", mock.url, state, a.spec, n))
                    warms.append(warm(site, ws, warm_store, parts, n, a.spec))
    finally:
        mock.stop()
    cm, wm, pm = (statistics.median(x) for x in (colds, warms, peers))
    print(f"spec: {Path(a.spec).name}, {a.runs} runs each, mock transitions on")
    print(f"autofiler cold (browser + login + filing + read-back + 提交): median {cm:.2f} s  "
          f"[{', '.join(f'{x:.1f}' for x in colds)}]")
    print(f"autofiler warm (logged in, new project):                  median {wm:.2f} s  "
          f"[{', '.join(f'{x:.1f}' for x in warms)}]")
    print(f"peer script (browser + login + filing + 提交, no read-back): median {pm:.2f} s  "
          f"[{', '.join(f'{x:.1f}' for x in peers)}]")
    paired = [c / p for c, p in zip(colds, peers, strict=True)]
    print(f"ratio autofiler/peer, cold vs peer: {cm / pm:.2f}  (target ≤ 0.80); run by run "
          f"[{', '.join(f'{r:.2f}' for r in paired)}], median {statistics.median(paired):.2f}")


if __name__ == "__main__":
    main()
