"""A filing's sign of life: each module's line when its save is answered, the running step in a terminal."""

from __future__ import annotations

import io
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

from autofiler.site.filing_display import SAVED_WORDS, FilingDisplay, Outcome

ROOT = Path(__file__).resolve().parents[2]

# Drives a FilingDisplay from commands on stdin; its stdout is whatever the test gives (a terminal here).
DRIVER = """
import sys
from autofiler.site.filing_display import FilingDisplay, Outcome
r = FilingDisplay()
print("ready", flush=True)
for line in sys.stdin:
    cmd, _, arg = line.rstrip("\\n").partition(" ")
    if cmd == "step":
        r.step(arg)
    elif cmd == "saved":
        r.saved(arg)
    elif cmd == "verified":
        r.module(Outcome(arg, arg, "verified", 1.5))
    elif cmd == "say":
        r.say(arg)
    sys.__stdout__.write("\\x07")  # a bell: the command was handled (past rich's line-buffered proxy)
    sys.__stdout__.flush()
"""


def test_without_a_terminal_a_saved_module_is_printed_at_once():
    out = io.StringIO()
    r = FilingDisplay(out=out)
    r.step("正在填写 基本信息")
    assert out.getvalue() == ""  # steps are for the live display (or -v)
    r.saved("基本信息")
    assert out.getvalue().splitlines() == [f"✓ 基本信息   {SAVED_WORDS}"]  # before any read-back
    r.saved("实施信息")
    r.module(Outcome("basic_info", "基本信息", "verified", 2.0))
    lines = out.getvalue().splitlines()
    assert len(lines) == 3 and lines[1].startswith("✓ 实施信息") and "已保存并核对" in lines[2]
    assert r.saved_tabs == ["基本信息", "实施信息"] and r._display is None


def test_with_verbose_the_steps_are_plain_lines_too():
    out = io.StringIO()
    FilingDisplay(verbosity=1, out=out).step("上传 protocol.pdf")
    assert out.getvalue().strip() == "… 上传 protocol.pdf"


class Terminal:
    """The driver with its stdout on a pseudo-terminal; everything it writes is collected."""

    def __init__(self) -> None:
        master, slave = pty.openpty()
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
        self.proc = subprocess.Popen([sys.executable, "-c", DRIVER], stdin=subprocess.PIPE, stdout=slave,
                                     stderr=subprocess.PIPE, cwd=ROOT, env=env, text=True)
        os.close(slave)
        self.master = master
        self.seen = b""

    def _read(self, deadline: float) -> None:
        left = deadline - time.monotonic()
        assert left > 0, f"the driver did not answer: {self.seen[-600:]!r}"
        ready, _, _ = select.select([self.master], [], [], left)
        if ready:
            self.seen += os.read(self.master, 65536)

    def read_until(self, wanted: bytes, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while wanted not in self.seen:
            self._read(deadline)

    def send(self, line: str) -> bytes:
        """Send one command and wait until the driver has handled it; returns what it wrote for it."""
        start, bells = len(self.seen), self.seen.count(b"\x07")
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        deadline = time.monotonic() + 20
        while self.seen.count(b"\x07") <= bells:
            self._read(deadline)
        return self.seen[start:]

    def finish(self) -> bytes:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        assert self.proc.wait(timeout=20) == 0, self.proc.stderr.read() if self.proc.stderr else ""
        while True:
            ready, _, _ = select.select([self.master], [], [], 0.5)
            if not ready:
                break
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                break
            if not chunk:
                break
            self.seen += chunk
        os.close(self.master)
        return self.seen


def test_in_a_terminal_the_step_and_each_saved_module_show_while_filing():
    term = Terminal()
    term.read_until(b"ready")
    assert "正在填写 基本信息".encode() in term.send("step 正在填写 基本信息")
    shown = term.send("saved 基本信息")
    assert f"✓ 基本信息   {SAVED_WORDS}".encode() in shown  # in the live lines, before the read-back
    term.send("step 核对")
    shown = term.send("verified 基本信息")
    assert "已保存并核对".encode() in shown and "核对".encode() in shown
    said = term.send("say 现在提交备案？")
    assert "现在提交备案？".encode() in said
    # the status line was taken away before the message (erased), and is not drawn again after it
    message = said.index("现在提交备案？".encode())
    assert said.index(b"\x1b[2K") < message and "核对".encode() not in said[message:]
    assert "正在".encode() in term.send("step 正在提交")  # the next step brings it back
    end = term.finish()
    assert b"Traceback" not in end
