"""Machine translation engines: one small class per service, listed in :mod:`.registry`."""

from __future__ import annotations

from .base import Engine, GarbageResultError, TransientEngineError, UnreachableError
from .registry import ENGINES, engine_names, get_engine, key_variable

__all__ = [
    "ENGINES",
    "Engine",
    "GarbageResultError",
    "TransientEngineError",
    "UnreachableError",
    "engine_names",
    "get_engine",
    "key_variable",
]
