"""Wheel build hook: the library files the mock serves, taken from mock_site/node_modules when npm put them there.

So `pip install` of a wheel built after `npm ci` runs the mock (and `autofiler demo`) without Node.js. Only the
files the pages load go in, with each package's licence and package.json; the repository holds no copy. Without
node_modules the wheel is built without them and the mock says to run `npm ci` when a face needs them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

try:
    from hatchling.builders.hooks.plugin.interface import BuildHookInterface
except ImportError:  # read outside a build (the tests check the file list); only a build runs the hook
    BuildHookInterface = object  # type: ignore[misc,assignment]

# package -> the files under it that the mock serves (a trailing / takes a whole folder)
SERVED = {
    "layui": ("dist/layui.js", "dist/css/layui.css", "dist/font/"),
    "vue": ("dist/vue.min.js",),
    "element-ui": ("lib/index.js", "lib/theme-chalk/index.css", "lib/theme-chalk/fonts/"),
}
ALWAYS = ("package.json", "LICENSE")


def served_files(node_modules: Path) -> list[Path]:
    """The files of SERVED that exist under node_modules; [] when npm has not run."""
    out: list[Path] = []
    for package, paths in SERVED.items():
        root = node_modules / package
        if not (root / "package.json").is_file():
            continue
        for rel in (*paths, *ALWAYS):
            target = root / rel
            if rel.endswith("/"):
                out += sorted(p for p in target.iterdir() if p.is_file())
            elif target.is_file():
                out.append(target)
    return out


class NpmFilesHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        root = Path(self.root)
        node_modules = root / "mock_site" / "node_modules"
        files = served_files(node_modules)
        if not files:
            self.app.display_warning("mock_site/node_modules is missing: the wheel carries no layui, Vue or "
                                     "Element UI files (run `npm ci` in mock_site/ first)")
        for path in files:
            build_data["force_include"][str(path)] = path.relative_to(root).as_posix()
