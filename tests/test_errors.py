import subprocess
import sys

from autofiler import redact
from autofiler.errors import EXIT_CRASH, EXIT_ERROR, EXIT_INTERRUPTED, SiteError, error_handler


def test_user_error_prints_message_and_hint(capsys):
    with error_handler() as code:
        raise SiteError("项目正在审核中 / under review", hint="wait for the review")
    assert code == [EXIT_ERROR]
    err = capsys.readouterr().err
    assert "项目正在审核中" in err and "wait for the review" in err and "Traceback" not in err


def test_interrupt_exits_130(capsys):
    with error_handler() as code:
        raise KeyboardInterrupt
    assert code == [EXIT_INTERRUPTED]


def test_crash_writes_a_scrubbed_bug_report(tmp_path, capsys):
    redact.register("S3cret-pass-42")
    with error_handler(str(tmp_path)) as code:
        raise RuntimeError("boom with S3cret-pass-42 inside")
    assert code == [EXIT_CRASH]
    err = capsys.readouterr().err
    assert "S3cret-pass-42" not in err
    [report] = list((tmp_path / "logs").glob("bug-report-*.md"))
    text = report.read_text()
    assert str(report) in err
    assert "RuntimeError" in text and "python:" in text and "platform:" in text
    assert "S3cret-pass-42" not in text


def test_help_is_fast_to_import_and_does_not_load_playwright():
    out = subprocess.run(
        [sys.executable, "-c", ("import sys; from autofiler.main import main\n"
         "try:\n  main(['--help'])\nexcept SystemExit: pass\n"
         "print('playwright' in sys.modules, 'pydantic' in sys.modules)")],
        capture_output=True, text=True, check=True,
    )
    assert out.stdout.strip().endswith("False False")


def test_no_command_prints_help_and_exits_0():
    out = subprocess.run([sys.executable, "-m", "autofiler"], capture_output=True, text=True, check=False)
    assert out.returncode == 0 and "validate" in out.stdout


def test_a_closed_pipe_is_not_a_crash(tmp_path):
    code = (
        "import sys\nfrom autofiler.errors import error_handler\n"
        "with error_handler(sys.argv[1]) as code:\n"
        "    raise BrokenPipeError\n"
        "sys.exit(code[0])\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=False)
    assert out.returncode == 1 and "unexpected" not in out.stderr
    assert not (tmp_path / "logs").exists()
