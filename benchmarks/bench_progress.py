"""How long `progress --all` takes to read and record N projects, against the local mock registry.

Prints, for N = 10, 100 and 1,000 seeded projects, the time of one list read + record (after login: the browser
is started and logged in before the clock starts; median of three runs), and for N = 100 the time of opening
every project's 备案进度 page one by one, which is what reading progress without the list would cost.

    .venv/bin/python benchmarks/bench_progress.py [--sizes 10,100,1000] [--runs 3] [--mock-fast] [--headed] [--pages]
    .venv/bin/python benchmarks/bench_progress.py --sizes 10000 --list-latency-ms 50 --one-by-one 0   # a large office

By default the lists are read from their JSON (the site map's list_api); --pages reads the rendered list pages
instead, as autofiler does on a site whose map has no list_api.

Targets: 1,000 projects in under 3 s; time(1000) / time(10) <= 3; the list >= 50x faster than one by one;
10,000 projects with 50 ms of latency per list request in <= 3 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from autofiler.config import Settings
from autofiler.site.lists import list_reading
from autofiler.site.lists import progress_page as reader
from autofiler.site.session.site_session import open_site
from autofiler.store import Store
from autofiler.tracking.changes import record
from mock_site.launcher import DEMO_PI, launch

CHROMIUM = os.environ.get("AUTOFILER_BROWSER", "/usr/bin/chromium")


def timed_list(site, store: Store, settings: Settings) -> tuple[float, int]:
    start = time.perf_counter()
    projects = list_reading.ListReader(site).read(list_reading.list_menu(site, subcenters=False))
    record(store, settings.site, DEMO_PI["phone"], "all", projects)
    return time.perf_counter() - start, len(projects)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--one-by-one", type=int, default=100, help="N for the one-by-one comparison (0: skip)")
    parser.add_argument("--headed", action="store_true")
    parser.add_argument("--mock-fast", action="store_true",
                        help="run the mock with --fast (no pop-up transitions: measures autofiler, not animations)")
    parser.add_argument("--pages", action="store_true", help="read the rendered list pages, not the lists' JSON")
    parser.add_argument("--list-latency-ms", type=float, default=0,
                        help="the mock delays every list JSON answer this long (a distant site)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    os.environ["AUTOFILER_PASSWORD"] = DEMO_PI["password"]
    mock = launch("--face", "sop-2020", *(["--fast"] if args.mock_fast else []))
    medians: dict[int, float] = {}
    try:
        with tempfile.TemporaryDirectory() as state:
            selectors = None
            if args.pages:
                data = yaml.safe_load((ROOT / "selectors" / "registry.yaml").read_text(encoding="utf-8"))
                data.pop("list_api", None)
                selectors = Path(state) / "registry.yaml"
                selectors.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
            load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
            source = "the pages" if args.pages else "their JSON"
            latency = f"; {args.list_latency_ms:g} ms per list request" if args.list_latency_ms else ""
            print(f"mock {mock.url}{' --fast' if args.mock_fast else ''}{latency}; chromium {CHROMIUM}; {args.runs} runs "
                  f"each, median; lists read from {source}; {os.cpu_count()} CPUs, load average {load:.1f} at start")
            print(f"{'N':>6} {'read+record':>12} {'per project':>12} {'runs':>24}")
            for n in sizes + ([args.one_by_one] if args.one_by_one and args.one_by_one not in sizes else []):
                mock.reset()
                mock.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": n})
                if args.list_latency_ms:
                    mock.control("POST", "faults", {"list_latency_ms": args.list_latency_ms})
                settings = Settings(site=mock.url, user=DEMO_PI["phone"], state_dir=Path(state) / str(n),
                                    browser_path=CHROMIUM, headed=args.headed, selectors=selectors)
                with open_site(settings) as site, Store(settings.state_dir) as store:
                    runs = []
                    for _ in range(args.runs):
                        seconds, count = timed_list(site, store, settings)
                        assert count == n, f"read {count} of {n}"
                        runs.append(seconds)
                    medians[n] = statistics.median(runs)
                    if n in sizes:
                        shown = ", ".join(f"{r:.2f}" for r in runs)
                        print(f"{n:>6} {medians[n]:>11.2f}s {medians[n] / n * 1000:>10.1f}ms {shown:>24}")
                    if n == args.one_by_one:
                        ids = [str(p["id"]) for p in mock.projects()]
                        start = time.perf_counter()
                        for pid in ids:
                            reader.read_timeline(site, pid)
                        one_by_one = time.perf_counter() - start
        lo, hi = min(sizes), max(sizes)
        if lo != hi:
            print(f"time({hi}) / time({lo}) = {medians[hi] / medians[lo]:.2f}   (target <= 3)")
        print(f"{hi} projects: {medians[hi]:.2f} s   (target < 3 s)")
        if args.one_by_one:
            n = args.one_by_one
            per_page = one_by_one / n
            print(f"one by one, N={n}: {one_by_one:.2f} s ({per_page * 1000:.0f} ms per 备案进度 page); "
                  f"the list is {one_by_one / medians[n]:.0f}x faster at N={n}   (target >= 50x)")
            print(f"per project: list at N={hi} {medians[hi] / hi * 1000:.1f} ms, one by one {per_page * 1000:.0f} ms: "
                  f"{per_page / (medians[hi] / hi):.0f}x")
    finally:
        mock.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
