"""The package's import graph runs one way: base → spec → site (with the settings that say how to reach the
site) → service (filing, tracking, office, accounts, store) → commands → cli. Every import counts, those inside functions too (a lazy import is still a dependency);
only imports under `if TYPE_CHECKING:` are left out. And the modules' top-level imports have no cycle."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "autofiler"
# First matching prefix wins; a module may import its own layer and the layers before it.
LAYERS = (
    ("base", ("autofiler.errors", "autofiler.paths", "autofiler.redact", "autofiler.forms", "autofiler.config_file",
              "autofiler.notify_targets", "autofiler.sheet_tables", "autofiler")),
    ("spec", ("autofiler.spec",)),
    ("site", ("autofiler.config", "autofiler.credentials", "autofiler.site")),
    ("service", ("autofiler.store", "autofiler.filing", "autofiler.tracking", "autofiler.office",
                 "autofiler.accounts")),
    ("commands", ("autofiler.commands",)),
    ("cli", ("autofiler.cli", "autofiler.main", "autofiler.__main__")),
)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def layer(module: str) -> int:
    for rank, (_name, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if module == prefix or (prefix != "autofiler" and module.startswith(prefix + ".")):
                return rank
    if module.startswith("autofiler."):  # a top-level module not named above
        raise AssertionError(f"{module} belongs to no layer: add it to LAYERS")
    return 0


def imports(module: str, top_only: bool) -> set[str]:
    """The package's modules that `module` imports (`from pkg import mod` counts as importing mod)."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            if top_only and isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            if isinstance(child, ast.Import):
                found.update(a.name for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.rsplit(".", child.level - 1)[0] if child.level > 1 else package
                    base = f"{anchor}.{base}" if base else anchor
                for alias in child.names:  # `from pkg import mod` is an import of mod, not of pkg's __init__
                    found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base)
            visit(child)

    visit(tree)
    return {m for m in found if m in MODULES and m != module}


def test_every_module_has_a_layer():
    for module in MODULES:
        layer(module)


def test_imports_never_go_up_a_layer():
    upward = []
    for module in sorted(MODULES):
        for target in sorted(imports(module, top_only=False)):
            if layer(target) > layer(module):
                upward.append(f"{module} ({LAYERS[layer(module)][0]}) imports {target} ({LAYERS[layer(target)][0]})")
    assert upward == []


def test_the_site_layer_keeps_no_local_state():
    assert [m for m in sorted(MODULES) if m.startswith("autofiler.site")
            and "autofiler.store" in imports(m, top_only=False)] == []


def test_top_level_imports_have_no_cycle():
    graph = {m: imports(m, top_only=True) for m in MODULES}
    state: dict[str, int] = {}  # 1: on the path, 2: done
    cycles: list[list[str]] = []

    def walk(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(path[path.index(nxt):] + [nxt])
            elif nxt not in state:
                walk(nxt, path + [nxt])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            walk(start, [start])
    assert cycles == []
