"""A deterministic offline engine for demos and tests (Weblate's ``dummy``).

It swaps a few dozen common Norwegian words for English ones and leaves the
rest, placeholders included, untouched, so output is stable and obviously fake.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..fsutil import package_data
from .base import Engine

_TOKEN = re.compile(r"\w+|\W+")


@lru_cache(maxsize=None)
def _words() -> dict[str, str]:
    text = package_data("nb", "dummy-words-en.tsv")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {row[0]: row[1] for row in rows}


class DummyEngine(Engine):
    name = "dummy"
    label = "dummy (offline, deterministic word swap)"
    batch_size = 50
    default_workers = 2

    def options_key(self) -> str:
        return "dummy-1"

    def _translate_batch(self, texts: list[str], source: str, target: str) -> list[str]:
        return [self._swap(text) for text in texts]

    @staticmethod
    def _swap(text: str) -> str:
        out = []
        for piece in _TOKEN.findall(text):
            word = _words().get(piece.lower())
            if word is None:
                out.append(piece)
            else:
                out.append(word.capitalize() if piece[:1].isupper() else word)
        return "".join(out)
