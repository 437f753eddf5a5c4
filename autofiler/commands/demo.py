"""autofiler demo: start a local mock registry, file the example spec on it, then walk the review to 已公开.

The mock runs as `python -m mock_site --port <free> --db :memory: --control` (mock_site.launcher); the filing runs as a child
`autofiler submit --yes` with the demo PI's password in its environment (never on a command line) and a
throwaway state folder, so the demo leaves nothing behind. Each review step is taken through the mock's control
API and the 备案进度 state is printed until the filing number is issued.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from autofiler.errors import EXIT_OK, AutofilerError, SiteError
from autofiler.paths import package_data
from autofiler.site import sitemap
from autofiler.site.filing_display import FilingDisplay

DEMO_USER = "13800000000"
DEMO_PASSWORD = "Demo@2025"  # the mock's documented demo account
START_S = 30
MAX_STEPS = 10
OPINIONS = ("学术审查通过", "伦理审查通过", "机构审核通过")


def start_mock(shuffle: bool) -> Any:
    """The mock registry as a child process (mock_site.launcher), on the SOP face the example spec is for."""
    from mock_site.launcher import MockStartError, launch

    try:
        return launch("--face", "sop-2020", *(["--shuffle-dom"] if shuffle else []), start_s=START_S)
    except MockStartError as e:
        raise SiteError(f"模拟站点无法启动 / {e}") from None


def child_args(args: Any, spec: Path, url: str, state: str) -> list[str]:
    cmd = [sys.executable, "-m", "autofiler", "submit", str(spec), "--yes", "--site", url, "--user", DEMO_USER,
           "--state-dir", state]
    if getattr(args, "headed", False):
        cmd.append("--headed")
    for opt in ("slowmo", "browser_path", "channel", "selectors"):
        value = getattr(args, opt, None)
        if value:
            cmd += ["--" + opt.replace("_", "-"), str(value)]
    return cmd + ["-v"] * int(getattr(args, "verbose", 0) or 0)


def run(args: Any) -> int:
    reporter = FilingDisplay(getattr(args, "verbose", 0))
    spec = Path(args.spec) if args.spec else package_data("examples") / "multi-center.yaml"
    if not spec.is_file():
        raise AutofilerError(f"找不到描述文件 / spec not found: {spec}")
    site_map = sitemap.load(getattr(args, "selectors", None))
    with start_mock(bool(args.shuffle_dom)) as mock:
        reporter.say(f"模拟站点已启动 / mock registry at {mock.url} (demo PI {DEMO_USER})", "bold")
        with tempfile.TemporaryDirectory(prefix="autofiler-demo-") as state:
            env = {**os.environ, "AUTOFILER_PASSWORD": DEMO_PASSWORD, "AUTOFILER_STATE_DIR": state}
            env.pop("AUTOFILER_SITE", None)
            code = subprocess.call(child_args(args, spec, mock.url, state), env=env)
            if code != EXIT_OK:
                reporter.say(f"备案未完成 / the filing did not finish (exit {code})", "red")
                return code
            review(mock, reporter, site_map)
            # The same 备案进度 as `autofiler progress` reads it from the site's pages.
            shown = subprocess.call([sys.executable, "-m", "autofiler", "progress", str(spec), "--site", mock.url,
                                     "--user", DEMO_USER, "--state-dir", state, "--no-notify"], env=env)
            if shown != EXIT_OK:
                reporter.say(f"（备案进度页面未能读取 / the progress page could not be read: exit {shown}）", "yellow")
    return EXIT_OK


def review(mock: Any, reporter: FilingDisplay, site_map: sitemap.SiteMap) -> None:
    """Approve the filed project step by step, printing its 备案进度 each time, until it is published."""
    filed = [p for p in mock.control("GET", "projects") if p.get("status") != "draft"]
    if not filed:
        raise SiteError("模拟站点上没有已提交的项目 / the mock holds no submitted project")
    project = filed[-1]
    label = site_map.states.as_dict()
    reporter.say(f"备案进度 / progress: {label.get(project['status'], project['status'])}")
    for step in range(MAX_STEPS):
        if project["status"] == "published":
            reporter.say(f"已公开，备案号 / published, filing number: {project.get('filing_no')}", "green")
            return
        opinion = OPINIONS[min(step, len(OPINIONS) - 1)]
        project = mock.control("POST", f"projects/{project['id']}/review", {"decision": "approve",
                                                                            "opinion": opinion})
        reporter.say(f"审核通过 / approved ({opinion}) → 备案进度 / progress: "
                     f"{label.get(project['status'], project['status'])}")
    raise SiteError("审核步骤过多 / the review did not reach 已公开")
