"""The base of every part of an Element-family site map: frozen, and no key the model does not name."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def doc(text: str) -> Any:
    """A needed key, with its description for the JSON Schema."""
    return Field(description=text)
