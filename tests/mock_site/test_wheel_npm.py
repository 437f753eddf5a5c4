"""The wheel carries the library files the mock serves, so an installed copy runs both faces without Node.js;
without them, `python -m mock_site` says what to run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

from mock_site.launcher import ROOT, free_port
from mock_site.wheel_hook import served_files

pytestmark = pytest.mark.e2e  # builds a wheel (a build backend from the package index): tens of seconds

SERVED = ("layui/dist/layui.js", "layui/dist/css/layui.css", "layui/dist/font/iconfont.woff2",
          "vue/dist/vue.min.js", "element-ui/lib/index.js", "element-ui/lib/theme-chalk/index.css",
          "element-ui/lib/theme-chalk/fonts/element-icons.woff", "layui/LICENSE", "vue/LICENSE",
          "element-ui/LICENSE")
NODE_MODULES = ROOT / "mock_site" / "node_modules"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (NODE_MODULES / "layui" / "package.json").is_file():
        pytest.skip("npm ci has not run in mock_site/")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(out)],
                   check=True, timeout=600)
    (wheel,) = out.glob("autofiler-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for rel in SERVED:
        assert f"mock_site/node_modules/{rel}" in names, rel
    carried = {n for n in names if "/node_modules/" in n}
    # only the served files: no sources, maps or other packages
    assert carried == {p.relative_to(ROOT).as_posix() for p in served_files(NODE_MODULES)}
    assert not any(n.endswith(".map") for n in carried) and "mock_site/wheel_hook.py" not in names
    target = out / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, timeout=300)
    return target


def run(target: Path, *flags: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(target)}
    return subprocess.Popen([sys.executable, "-m", "mock_site", *flags], cwd=target.parent, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def get(url: str, proc: subprocess.Popen[bytes], deadline_s: float = 30) -> bytes:
    """The body at url once the server answers; each pause is a wait on the server process itself."""
    end = time.monotonic() + deadline_s
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                return r.read()  # type: ignore[no-any-return]
        except OSError:
            if time.monotonic() > end:
                raise
            try:
                proc.wait(timeout=0.05)
            except subprocess.TimeoutExpired:
                continue
            raise AssertionError(f"the mock exited: {proc.stderr.read().decode() if proc.stderr else ''}") from None


def test_the_installed_copy_is_the_one_run(installed: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(installed)}
    where = subprocess.run([sys.executable, "-c", "import mock_site; print(mock_site.__file__)"], cwd=installed.parent,
                           env=env, capture_output=True, text=True, check=True).stdout.strip()
    assert Path(where).is_relative_to(installed)


@pytest.mark.parametrize("face, paths", [
    (("--face", "live-2026"), ("/static/lib/layui/layui.js", "/static/lib/layui/css/layui.css")),
    (("--face", "sop-2020"), ("/static/lib/vue/vue.min.js", "/static/lib/element-ui/index.js",
                                               "/static/lib/element-ui/theme-chalk/fonts/element-icons.woff")),
])
def test_an_installed_wheel_serves_the_libraries(installed: Path, face: tuple[str, ...], paths: tuple[str, ...]) -> None:
    port = free_port()
    proc = run(installed, "--port", str(port), *face)
    try:
        url = f"http://127.0.0.1:{port}"
        assert "zh-CN" in get(url + "/login", proc).decode()
        for path in paths:
            assert len(get(url + path, proc)) > 1000, path
        layui = get(url + "/static/lib/layui/layui.js", proc) if "live-2026" in face else b""
        assert not layui or b"2.13.6" in layui
    finally:
        proc.terminate()
        proc.wait(10)
        if proc.stderr:
            proc.stderr.close()


@pytest.mark.parametrize("face", [("--face", "live-2026"), ("--face", "sop-2020")])
def test_without_the_files_the_mock_says_what_to_run(installed: Path, tmp_path: Path, face: tuple[str, ...]) -> None:
    bare = tmp_path / "site"
    shutil.copytree(installed, bare)
    shutil.rmtree(bare / "mock_site" / "node_modules")
    proc = run(bare, "--port", str(free_port()), *face)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode != 0
    assert "run `npm ci` in mock_site/" in err.decode()
