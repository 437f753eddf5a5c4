"""Keeps the secrets this process has seen so that every text leaving it can be scrubbed."""

from __future__ import annotations

MASK = "******"
_secrets: set[str] = set()


def register(secret: str | None) -> None:
    # Very short values would mask ordinary words; passwords that short are refused by the site anyway.
    if secret and len(secret) >= 4:
        _secrets.add(secret)


def scrub(text: str) -> str:
    for secret in sorted(_secrets, key=len, reverse=True):
        text = text.replace(secret, MASK)
    return text


def scrub_bytes(data: bytes) -> bytes:
    for secret in sorted(_secrets, key=len, reverse=True):
        data = data.replace(secret.encode(), MASK.encode())
    return data
