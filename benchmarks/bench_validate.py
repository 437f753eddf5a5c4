"""Start-up and offline validation speed.

Prints the median time of `autofiler --help` (a fresh process each run) and the time of one `autofiler validate`
call over 1,000 spec copies generated in a temporary folder, once for sop-2020 specs and once for live-2026 specs
(checked from the catalog). Targets: 0.25 s and 2 s each.

    .venv/bin/python benchmarks/bench_validate.py [--copies 1000] [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ("single-center.yaml", "multi-center.yaml")
LIVE_EXAMPLES = ("live-2026/single-center.yaml", "live-2026/multi-center-chictr.yaml", "live-2026/observational.yaml")
# the key holding each generation's project title, made different per copy
TITLE = {"sop-2020": "  project_name: ", "live-2026": "  research_title: "}


def command() -> list[str]:
    script = Path(sys.executable).parent / "autofiler"
    return [str(script)] if script.exists() else [sys.executable, "-m", "autofiler"]


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(args: list[str]) -> tuple[float, subprocess.CompletedProcess[bytes]]:
    start = time.perf_counter()
    done = subprocess.run(args, check=False, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start, done


def make_copies(folder: Path, copies: int, form: str = "sop-2020") -> list[str]:
    folder.mkdir(exist_ok=True)
    shutil.copytree(ROOT / "specs" / "files", folder / "files")
    names = EXAMPLES if form == "sop-2020" else LIVE_EXAMPLES
    texts = [(ROOT / "specs" / name).read_text(encoding="utf-8") for name in names]
    paths = []
    for i in range(copies):
        text = texts[i % len(texts)]
        # a different project name per copy, as a research office's folder of specs would have
        first, rest = text.split(TITLE[form], 1)
        name, tail = rest.split("\n", 1)
        path = folder / f"project-{i:04d}.yaml"
        path.write_text(f"{first}{TITLE[form]}{name}（第{i + 1}号）\n{tail}", encoding="utf-8")
        paths.append(str(path))
    return paths


def bench_validate(form: str, copies: int, runs: int) -> int:
    with tempfile.TemporaryDirectory(prefix="autofiler-bench-") as tmp:
        paths = make_copies(Path(tmp) / form, copies, form)
        times, cpus = [], []
        for _ in range(max(1, runs // 2)):
            cpu = cpu_of_children()
            seconds, done = timed([*command(), "validate", *paths])
            cpus.append(cpu_of_children() - cpu)
            if done.returncode != 0:
                print(done.stdout.decode()[-2000:], done.stderr.decode()[-2000:], file=sys.stderr)
                print(f"autofiler validate exited {done.returncode}", file=sys.stderr)
                return 1
            times.append(seconds)
        summary = done.stdout.decode().strip().splitlines()[-1]
    print(f"autofiler validate, {copies} {form} specs in one call: median {statistics.median(times):.3f} s over "
          f"{len(times)} runs (min {min(times):.3f}); target 2 s")
    # On a busy machine wall time says little; the CPU time (all processes) shows the work itself.
    print(f"  CPU time of that call (user+sys, all processes): median {statistics.median(cpus):.3f} s on "
          f"{os.cpu_count()} cores; load average now {os.getloadavg()[0]:.1f}")
    print(f"  {summary}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7)
    opts = parser.parse_args()

    helps, help_cpus = [], []
    for _ in range(opts.runs):
        cpu = cpu_of_children()
        seconds, done = timed([*command(), "--help"])
        help_cpus.append(cpu_of_children() - cpu)
        if done.returncode != 0 or b"validate" not in done.stdout:
            print(done.stderr.decode()[-2000:], f"autofiler --help exited {done.returncode}", file=sys.stderr)
            return 1
        helps.append(seconds)
    print(f"autofiler --help: median {statistics.median(helps):.3f} s over {opts.runs} runs "
          f"(min {min(helps):.3f}, max {max(helps):.3f}); target 0.25 s")
    print(f"  CPU time (user+sys): median {statistics.median(help_cpus):.3f} s; load average now "
          f"{os.getloadavg()[0]:.1f}")

    for form in ("sop-2020", "live-2026"):
        if bench_validate(form, opts.copies, opts.runs):
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
