"""`autofiler validate`: compiler-style lines, summary, exit codes, --json, --strict."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from autofiler.main import main
from tests.spec.helpers import MULTI, ROOT, SINGLE, SPECS, copy_files, dump, edit, example, line_of, write


@pytest.fixture
def work(tmp_path):
    copy_files(tmp_path)
    return tmp_path


def run(capsys, *argv: str) -> tuple[int, str]:
    code = main(["validate", *argv])
    return code, capsys.readouterr().out


def test_clean_examples_exit_zero(capsys):
    code, out = run(capsys, str(SPECS / "single-center.yaml"), str(SPECS / "multi-center.yaml"))
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[-1].startswith("2 个文件：0 个错误，0 个警告，1 个提示")
    assert "note [read-only] implementation.lead_unit" in lines[0]


def test_errors_print_file_line_col_and_exit_one(capsys, work):
    text = dump(edit(example(MULTI), {"implementation.participating_units[1].unit_pi_phone": "0312 555",
                                      "basic_info.project_type": "非注册"}))
    path = write(work, text)
    code, out = run(capsys, str(path))
    assert code == 1
    phone = line_of(text, "unit_pi_phone: 0312 555")
    col = text.splitlines()[phone - 1].index("unit_pi_phone") + 1
    assert (f"{path}:{phone}:{col}: error [phone] implementation.participating_units[1].unit_pi_phone "
            "参与单位 第2行 联系电话: 「0312 555」格式不对，应为手机为 11 位数字，座机写作 区号-号码") in out
    assert f"{path}:{line_of(text, 'project_type:')}:3: error [option] basic_info.project_type 项目类型:" in out
    assert out.strip().splitlines()[-1].startswith("1 个文件：2 个错误")


def test_json_output(capsys, work):
    text = dump(edit(example(SINGLE), {"recruitment.contact_email": "nobody"}))
    path = write(work, text)
    code, out = run(capsys, "--json", str(path))
    assert code == 1
    findings = json.loads(out)
    assert findings == [{
        "file": str(path), "line": line_of(text, "contact_email:"), "col": 3, "severity": "error", "rule": "email",
        "path": "recruitment.contact_email", "label": "联系人邮箱",
        "message": "「nobody」格式不对，应为电子邮箱如 name@example.org / not valid: expected an e-mail address",
    }]


def test_strict_fails_on_warnings(capsys, work):
    path = write(work, edit(example(MULTI), {"research_design.sample_size_total": 200}))
    assert run(capsys, str(path))[0] == 0
    code, out = run(capsys, "--strict", str(path))
    assert code == 1 and "warning [sample-size-sum]" in out


def test_a_folder_means_its_yaml_files(capsys, work):
    write(work, example(SINGLE), "a.yaml")
    write(work, edit(example(SINGLE), {"recruitment.age_max": 200}), "b.yml")
    (work / "notes.txt").write_text("not a spec")
    code, out = run(capsys, str(work))
    assert code == 1
    assert f"{work / 'b.yml'}:" in out and "notes.txt" not in out
    assert out.strip().splitlines()[-1].startswith("2 个文件：1 个错误")


def test_unreadable_specs_are_findings(capsys, work):
    broken = write(work, "basic_info:\n  project_name: [\n", "broken.yaml")
    code, out = run(capsys, str(work / "absent.yaml"), str(broken))
    assert code == 1
    assert f"{work / 'absent.yaml'}: error [not-found]" in out
    assert f"{broken}:3:1: error [yaml-syntax]" in out
    assert "Traceback" not in out


def test_many_specs_in_one_call_as_a_user_runs_it(work):
    """Enough files for the parallel path; output keeps the order of the arguments."""
    paths = []
    for i in range(80):
        data = edit(example(SINGLE), {"recruitment.contact_phone": "12345"}) if i == 41 else example(SINGLE)
        paths.append(str(write(work, data, f"p{i:02d}.yaml")))
    done = subprocess.run([sys.executable, "-m", "autofiler", "validate", *paths], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 1, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 2 and lines[0].startswith(f"{paths[41]}:") and "[phone]" in lines[0]
    assert lines[1].startswith("80 个文件：1 个错误")


def test_validate_does_not_load_the_browser_stack(work):
    path = write(work, example(SINGLE))
    code = ("import sys\nfrom autofiler.main import main\nrc = main(['validate', sys.argv[1]])\n"
            "print(rc, 'playwright' in sys.modules, 'mock_site' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.stdout.strip().splitlines()[-1] == "0 False False", done.stderr
