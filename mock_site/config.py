"""Every command-line flag of the mock, in one dataclass that the server side and the pages share."""

from __future__ import annotations

import argparse
from dataclasses import dataclass


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
    a = p.parse_args(argv)
    return MockConfig(
        host=a.host, port=a.port, db=a.db, control=a.control, captcha=a.captcha, shuffle_dom=a.shuffle_dom,
        fast=a.fast, session_ttl=a.session_ttl, upload_limit_mb=a.upload_limit_mb, seed=a.seed,
    )
