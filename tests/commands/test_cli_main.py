"""The command line as a user and a script meet it: options, help, exit codes, what each command receives."""

from __future__ import annotations

import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from autofiler import __version__
from autofiler.errors import UNEXPECTED
from autofiler.main import main

ROOT = Path(__file__).resolve().parents[2]
SITE = {"browser_path": None, "captcha_cmd": None, "channel": None, "config": None, "headed": False,
        "selectors": None, "site": None, "slowmo": 0, "state_dir": None, "user": None, "verbose": 0}
WHICH = {"all": False, "subcenters": False, "targets": [], "format": "table", "out": None,
         "exit_code_on_change": None, "no_notify": False, "opinions": False}

# argv -> (command module, the attributes its run(args) reads): the names and defaults the argparse CLI gave,
# plus the options added since (schema --site-map, doctor --survey/--out/--project, institutions).
CASES = [
    (["validate", "a.yaml"], "validate", {"command": "validate", "json": False, "specs": ["a.yaml"], "strict": False}),
    (["init"], "init", {"command": "init", "force": False, "form": None, "path": "project.yaml"}),
    (["schema"], "schema", {"command": "schema", "form": None, "out": None, "site_map": False}),
    (["migrate", "a.yaml", "--to", "x"], "migrate",
     {"command": "migrate", "force": False, "out": None, "spec": "a.yaml", "to": "x"}),
    (["login"], "login", {**SITE, "command": "login", "forget": False}),
    (["submit", "a.yaml"], "submit",
     {**SITE, "command": "submit", "dry_run": False, "no_submit": False, "spec": "a.yaml", "yes": False,
      "json": False}),
    (["plan", "a.yaml"], "plan", {**SITE, "command": "plan", "detailed_exitcode": False, "spec": "a.yaml",
                                  "json": False}),
    (["progress"], "progress", {**SITE, **WHICH, "command": "progress"}),
    (["watch"], "watch", {**SITE, **WHICH, "command": "watch", "every": "6h", "times": 0}),
    (["doctor"], "doctor", {**SITE, "command": "doctor", "survey": False, "out": None, "project": None}),
    (["demo"], "demo", {**SITE, "command": "demo", "shuffle_dom": False, "spec": None}),
    (["accounts", "template", "o.xlsx"], "accounts",
     {"accounts_command": "template", "command": "accounts", "out": "o.xlsx"}),
    (["accounts", "check", "i.xlsx"], "accounts",
     {"accounts_command": "check", "command": "accounts", "fill": None, "json": False, "sheet": "i.xlsx"}),
    (["accounts", "upload", "i.xlsx"], "accounts",
     {**SITE, "accounts_command": "upload", "command": "accounts", "sheet": "i.xlsx"}),
    (["ledger", "template", "o.xlsx"], "ledger",
     {"command": "ledger", "force": False, "ledger_command": "template", "out": "o.xlsx"}),
    (["reconcile", "l.xlsx"], "reconcile",
     {**SITE, "command": "reconcile", "exit_code_on_gap": None, "format": "table", "ledger": "l.xlsx",
      "out": None, "overdue_days": 30}),
    (["institutions", "协和"], "institutions", {**SITE, "command": "institutions", "text": "协和", "json": False,
                                               "form": None}),
]


class Recorder:
    """Stands in for command modules: records the args each run() got and returns a chosen exit code."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.monkeypatch = monkeypatch
        self.calls: list[tuple[str, dict[str, object]]] = []

    def install(self, name: str, code: int = 0, **extra: object) -> types.ModuleType:
        module = types.ModuleType(f"autofiler.commands.{name}")

        def run(args: object) -> int:
            self.calls.append((name, dict(vars(args))))
            return code

        module.run = run  # type: ignore[attr-defined]
        for key, value in extra.items():
            setattr(module, key, value)
        self.monkeypatch.setitem(sys.modules, module.__name__, module)
        return module


@pytest.fixture
def commands(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    return Recorder(monkeypatch)


@pytest.mark.parametrize(("argv", "module", "expected"), CASES, ids=[" ".join(c[0][:2]) for c in CASES])
def test_each_command_gets_the_attributes_it_always_read(argv, module, expected, commands):
    commands.install(module)
    assert main(argv) == 0
    assert commands.calls == [(module, expected)]


def test_options_arrive_typed_and_named_as_before(commands):
    commands.install("watch")
    code = main(["watch", "p1", "p2.yaml", "--every", "30m", "--times", "3", "--format", "csv", "--out", "r.csv",
                 "--exit-code-on-change", "9", "--no-notify", "--site", "https://x.example", "--user", "13800000000",
                 "--state-dir", "st", "--channel", "msedge", "--headed", "--slowmo", "250", "-vv"])
    assert code == 0
    [(_, args)] = commands.calls
    assert args["targets"] == ["p1", "p2.yaml"] and args["every"] == "30m" and args["times"] == 3
    assert args["format"] == "csv" and args["out"] == "r.csv" and args["exit_code_on_change"] == 9
    assert args["no_notify"] is True and args["channel"] == "msedge" and args["headed"] is True
    assert args["slowmo"] == 250 and args["verbose"] == 2 and args["state_dir"] == "st"


def test_the_new_options_are_wired(commands):
    commands.install("doctor")
    commands.install("institutions")
    assert main(["doctor", "--survey", "--out", "survey.json", "--project", "1234"]) == 0
    assert main(["institutions", "北京协和", "--json", "--site", "sop"]) == 0
    doctor, institutions = (args for _, args in commands.calls)
    assert (doctor["survey"], doctor["out"], doctor["project"]) == (True, "survey.json", "1234")
    assert (institutions["text"], institutions["json"], institutions["site"]) == ("北京协和", True, "sop")


def test_the_command_exit_code_is_the_process_exit_code(commands):
    commands.install("plan", code=2)
    assert main(["plan", "a.yaml", "--detailed-exitcode"]) == 2


def test_schema_site_map_needs_the_command_to_offer_it(commands, capsys):
    commands.install("schema")
    assert main(["schema", "--site-map"]) == 1
    assert "site_map_schema" in capsys.readouterr().err and commands.calls == []
    commands.install("schema", site_map_schema=lambda *a: {})
    assert main(["schema", "--site-map"]) == 0
    assert commands.calls[0][1]["site_map"] is True


def test_a_command_missing_from_this_build_is_exit_1_not_a_crash(monkeypatch, capsys, tmp_path):
    monkeypatch.setitem(sys.modules, "autofiler.commands.institutions", None)
    assert main(["institutions", "协和", "--state-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "institutions" in err and UNEXPECTED not in err
    assert not list(tmp_path.rglob("bug-report-*"))


def test_wrong_values_are_usage_errors_with_exit_2(capsys):
    assert main(["progress", "--format", "pdf"]) == 2
    assert main(["login", "--channel", "firefox"]) == 2
    assert main(["watch", "--times", "many"]) == 2
    assert main(["migrate", "a.yaml"]) == 2  # --to is required
    assert main(["nonsense"]) == 2
    err = capsys.readouterr().err
    assert "--format" in err and "--channel" in err and "--to" in err


def test_version_and_no_command(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"autofiler {__version__}"
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "validate" in out and "reconcile" in out


def test_help_groups_the_options_in_two_languages(capsys):
    assert main(["submit", "--help"]) == 0
    out = capsys.readouterr().out
    for text in ("站点与浏览器 / site and browser", "备案 / filing", "输出 / output", "--dry-run", "不询问直接提交",
                 "submit without asking", "--browser-path"):
        assert text in out, text
    assert "--no-dry-run" not in out  # on/off options keep argparse's single name
    assert main(["--help"]) == 0
    top = " ".join(capsys.readouterr().out.split())
    assert "离线 / offline" in top and "4 the site did not answer" in top and "130 interrupted" in top


@pytest.mark.parametrize("argv", [["--help"], ["submit", "--help"], ["accounts", "check", "--help"]])
def test_the_options_the_libraries_add_are_explained_in_both_languages_too(argv, capsys):
    assert main(argv) == 0
    out = " ".join(capsys.readouterr().out.replace("│", " ").split())
    assert "显示此帮助后退出" in out and "show this message and exit" in out
    assert "Show this message and exit." not in out and "Install completion for the current shell." not in out


def run_python(code: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})}, check=False)


def test_offline_commands_never_load_playwright(tmp_path):
    spec = ROOT / "specs" / "single-center.yaml"
    code = (
        "import sys\nfrom autofiler.main import main\nd = sys.argv[1]\n"
        "codes = [main(a) for a in (['validate', sys.argv[2]], ['init', d + '/p.yaml'], ['schema', '--out', "
        "d + '/s.json'], ['migrate', sys.argv[2], '--to', 'live-2026', '--out', d + '/m.yaml'], "
        "['accounts', 'template', d + '/a.xlsx'], ['accounts', 'check', d + '/a.xlsx'], "
        "['ledger', 'template', d + '/l.xlsx'])]\n"
        "print(codes, sorted(m for m in sys.modules if m.startswith('playwright')))\n"
    )
    done = run_python(code, str(tmp_path), str(spec))
    assert done.returncode == 0, done.stderr
    last = done.stdout.strip().splitlines()[-1]
    # every command ran (checking the empty account sheet finds "no applicants": 1), none loaded Playwright
    assert last == "[0, 0, 0, 0, 0, 1, 0] []", done.stdout


def test_help_loads_neither_the_browser_nor_the_markdown_parser():
    code = ("import sys\nfrom autofiler.main import main\nmain(['--help'])\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'playwright', 'pydantic', 'markdown_it', "
            "'pygments', 'autofiler.commands'}))")
    done = run_python(code)
    assert done.returncode == 0 and done.stdout.strip().endswith("[]"), done.stdout + done.stderr
    assert "autofiler.commands.validate" not in done.stdout


def test_shell_completion_offers_commands_and_files(tmp_path):
    (tmp_path / "trial.yaml").write_text("", encoding="utf-8")
    env = {"_AUTOFILER_COMPLETE": "complete_bash", "COMP_WORDS": "autofiler sub", "COMP_CWORD": "1"}
    done = run_python("from autofiler.main import main; main()", env=env)
    assert done.stdout.split() == ["submit"], done.stdout + done.stderr
    env = {**env, "COMP_WORDS": f"autofiler validate {tmp_path}/tr", "COMP_CWORD": "2"}
    done = run_python("from autofiler.main import main; main()", env=env)
    assert done.stdout.split() == [f"{tmp_path}/trial.yaml"], done.stdout + done.stderr
