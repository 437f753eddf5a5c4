"""Every command-line flag of the mock, in one dataclass that the server side and the pages share."""

from __future__ import annotations

import argparse
from dataclasses import dataclass

FACES = ("live-2026", "sop-2020")


@dataclass
class MockConfig:
    host: str = "127.0.0.1"
    port: int = 8765
    db: str = ":memory:"
    control: bool = False      # serve /__mock__/... for tests, benchmarks and the demo
    captcha: bool = False      # image captcha on the login page
    shuffle_dom: bool = False  # random ids/names/class order/form-item order (pages)
    fast: bool = False         # no transitions, debounce or toast delays (pages/JS)
    session_ttl: int = 1800    # idle seconds before a session expires
    upload_limit_mb: float = 20
    seed: int | None = None    # random seed for shuffling and fault injection; None: unseeded
    # which site the pages show; the command line defaults to live-2026, a config built in Python to sop-2020
    face: str = "sop-2020"
    error_status: int = 422    # HTTP status of a refused save/提交 on the live and Element faces (body: code 1)
    routes: str = "history"    # that app's addresses: history (/projects) or hash (/#/projects)
    submit_confirm: bool = True  # 提交 asks for a confirmation first
    institution_button: str = "row"  # 添加未在系统注册的医疗卫生机构: one per table row, or one per table
    form_file: str | None = None  # live face: this catalog YAML instead of the shipped live-2026 one

    @property
    def upload_limit(self) -> int:
        return int(self.upload_limit_mb * 2**20)


def parse_args(argv: list[str] | None = None) -> MockConfig:
    p = argparse.ArgumentParser(prog="python -m mock_site", description="The mock 医学研究登记备案信息系统")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--db", default=":memory:", help="SQLite file, or :memory:")
    p.add_argument("--control", action="store_true", help="serve the /__mock__ control API")
    p.add_argument("--captcha", action="store_true", help="ask for an image captcha at login")
    p.add_argument("--shuffle-dom", action="store_true", help="random ids, names, class order and item order")
    p.add_argument("--fast", action="store_true", help="no transitions, debounces or toast delays")
    p.add_argument("--session-ttl", type=int, default=1800, metavar="SECONDS", help="idle session expiry")
    p.add_argument("--upload-limit-mb", type=float, default=20, metavar="MB")
    p.add_argument("--seed", type=int, default=None, metavar="N", help="random seed (shuffling, faults)")
    p.add_argument("--face", choices=FACES, default="live-2026", help="which generation of the site to show")
    p.add_argument("--error-status", type=int, choices=(422, 400, 200), default=422,
                   help="HTTP status of a refused save on the live face and the Element face")
    p.add_argument("--routes", choices=("history", "hash"), default="history", help="the Element app's addresses")
    p.add_argument("--submit-confirm", action=argparse.BooleanOptionalAction, default=True,
                   help="ask for a confirmation before 提交")
    p.add_argument("--institution-button", choices=("row", "table"), default="row",
                   help="the unregistered-institution button: one per table row or one per table")
    p.add_argument("--form-file", default=None, metavar="PATH",
                   help="live face: show this live-2026 catalog YAML instead of the shipped one (a changed site)")
    a = p.parse_args(argv)
    return MockConfig(
        host=a.host, port=a.port, db=a.db, control=a.control, captcha=a.captcha, shuffle_dom=a.shuffle_dom,
        fast=a.fast, session_ttl=a.session_ttl, upload_limit_mb=a.upload_limit_mb, seed=a.seed,
        face=a.face, error_status=a.error_status,
        routes=a.routes, submit_confirm=a.submit_confirm,
        institution_button=a.institution_button, form_file=a.form_file,
    )
