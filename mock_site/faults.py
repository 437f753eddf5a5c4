"""Fault injection for saves, uploads and submits: errors, latency, dropped or altered fields, session expiry.

Every random draw comes from one generator seeded by the faults call (or --seed), so the same calls in the
same order meet the same faults.
"""

from __future__ import annotations

import asyncio
import random
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from mock_site.alter import OptionsOf, alter_one
from mock_site.api_errors import ApiError, Invalid

BUSY = "服务器繁忙，请稍后重试"


@dataclass
class FaultSettings:
    error_rate: float = 0.0          # share of save/upload/submit calls answered 500 (nothing stored)
    latency_ms: list[float] = field(default_factory=lambda: [0.0, 0.0])  # delay drawn per call
    session_ttl_s: float | None = None  # None: the --session-ttl default
    drop_field_rate: float = 0.0     # share of saves that answer success but store one field less
    seed: int | None = None
    fail_next: dict[str, int] = field(default_factory=dict)  # the next N calls of a kind answer 500, for sure
    list_latency_ms: float = 0.0     # delay of every list JSON answer (a distant site, for the list benchmark)
    alter_field_rate: float = 0.0    # share of saves that answer success but store one value other than posted


KINDS = ("save", "upload", "submit", "list")


def _fail_next(body: dict[str, Any]) -> dict[str, int]:
    value = body.get("fail_next") or {}
    if not isinstance(value, dict) or any(k not in KINDS for k in value) or any(
            isinstance(n, bool) or not isinstance(n, int) or n < 0 for n in value.values()):
        raise Invalid("fail_next 应为 {save|upload|submit|list: 次数}")
    return dict(value)


def _rate(body: dict[str, Any], key: str) -> float:
    value = body.get(key, 0.0)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise Invalid(f"{key} 应为 0 到 1 之间的数")
    return float(value)


def parse(body: Any) -> FaultSettings:
    """The faults call's body; omitted keys mean no such fault."""
    if not isinstance(body, dict):
        raise Invalid("请求体应为 JSON 对象")
    unknown = set(body) - set(FaultSettings.__dataclass_fields__)
    if unknown:
        raise Invalid(f"未知参数：{', '.join(sorted(unknown))}")
    latency = body.get("latency_ms") or [0, 0]
    if (not isinstance(latency, list) or len(latency) != 2
            or not all(isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0 for v in latency)
            or latency[0] > latency[1]):
        raise Invalid("latency_ms 应为 [最小, 最大] 毫秒")
    ttl = body.get("session_ttl_s")
    if ttl is not None and (isinstance(ttl, bool) or not isinstance(ttl, (int, float)) or ttl <= 0):
        raise Invalid("session_ttl_s 应为正数")
    seed = body.get("seed")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
        raise Invalid("seed 应为整数")
    list_latency = body.get("list_latency_ms", 0.0)
    if isinstance(list_latency, bool) or not isinstance(list_latency, (int, float)) or list_latency < 0:
        raise Invalid("list_latency_ms 应为非负毫秒数")
    return FaultSettings(_rate(body, "error_rate"), [float(v) for v in latency], ttl,
                         _rate(body, "drop_field_rate"), seed, _fail_next(body), float(list_latency),
                         alter_field_rate=_rate(body, "alter_field_rate"))


class Faults:
    def __init__(self, default_seed: int | None = None) -> None:
        self.default_seed = default_seed
        self.lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        self.configure(FaultSettings(seed=self.default_seed))

    def configure(self, settings: FaultSettings) -> None:
        with self.lock:
            self.settings = settings
            self.rng = random.Random(settings.seed if settings.seed is not None else self.default_seed)
            self.injected = {"errors": 0, "drops": 0, "alters": 0}

    def snapshot(self) -> dict[str, Any]:
        with self.lock:
            return {**asdict(self.settings), "injected": dict(self.injected)}

    async def before(self, kind: str) -> None:
        """Called first by a save, upload or submit: wait the drawn latency, maybe fail with 500."""
        with self.lock:
            lo, hi = self.settings.latency_ms
            delay = self.rng.uniform(lo, hi) / 1000 if hi > 0 else 0.0
            fail = self.settings.error_rate > 0 and self.rng.random() < self.settings.error_rate
            if self.settings.fail_next.get(kind, 0) > 0:
                self.settings.fail_next[kind] -= 1
                fail = True
            if fail:
                self.injected["errors"] += 1
        if delay:
            await asyncio.sleep(delay)  # the mock's own latency, not a wait in autofiler
        if fail:
            raise ApiError(500, BUSY)

    async def before_list(self) -> None:
        """Called first by a list JSON answer: the configured latency of a distant site; a 500 when asked
        (`fail_next: {list: N}`)."""
        with self.lock:
            fail = self.settings.fail_next.get("list", 0) > 0
            if fail:
                self.settings.fail_next["list"] -= 1
                self.injected["errors"] += 1
        delay = self.settings.list_latency_ms / 1000
        if delay:
            await asyncio.sleep(delay)  # the mock's own latency, not a wait in autofiler
        if fail:
            raise ApiError(500, BUSY)

    def dropper(self) -> Callable[[dict[str, Any]], dict[str, Any]] | None:
        """For one save: None, or a function that removes one stored field (the save still answers success)."""
        with self.lock:
            if not (self.settings.drop_field_rate > 0 and self.rng.random() < self.settings.drop_field_rate):
                return None
            pick = self.rng.random()

        def drop(values: dict[str, Any]) -> dict[str, Any]:
            keys = sorted(values)
            if not keys:
                return values
            with self.lock:
                self.injected["drops"] += 1  # counted only when a save that passed its checks loses a field
            gone = keys[int(pick * len(keys))]
            return {k: v for k, v in values.items() if k != gone}

        return drop

    def alterer(self, options_of: OptionsOf) -> Callable[[dict[str, Any]], dict[str, Any]] | None:
        """For one save: None, or a function that stores one value other than the one posted (still success)."""
        with self.lock:
            if not (self.settings.alter_field_rate > 0 and self.rng.random() < self.settings.alter_field_rate):
                return None
            seed = self.rng.random()

        def alter(values: dict[str, Any]) -> dict[str, Any]:
            changed, key = alter_one(values, options_of, random.Random(seed))
            if key is not None:
                with self.lock:
                    self.injected["alters"] += 1  # counted only when a stored value really differs
            return changed

        return alter

    def mutator(self, options_of: OptionsOf) -> Callable[[dict[str, Any]], dict[str, Any]] | None:
        """The save faults of one save, dropped field first (draws in the order of older seeds), then altered."""
        steps = [f for f in (self.dropper(), self.alterer(options_of)) if f is not None]
        if not steps:
            return None

        def apply(values: dict[str, Any]) -> dict[str, Any]:
            for step in steps:
                values = step(values)
            return values

        return apply
