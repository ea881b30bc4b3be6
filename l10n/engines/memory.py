"""The ``memory`` engine: fill only from the translation memory, send nothing anywhere."""

from __future__ import annotations

from .base import Engine, EngineError


class MemoryEngine(Engine):
    name = "memory"
    label = "translation memory only (offline)"
    machine = False
    default_workers = 1

    def _translate_batch(self, texts: list[str], source: str, target: str) -> list[str]:
        raise EngineError("memory: this engine only fills entries from the translation memory")
