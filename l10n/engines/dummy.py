"""A deterministic offline engine for demos and tests (Weblate's ``dummy``).

It swaps a few dozen common Norwegian words for English ones and leaves the
rest, placeholders included, untouched, so output is stable and obviously fake.
"""

from __future__ import annotations

import re

from .base import Engine

_WORDS = {
    "og": "and", "i": "in", "er": "is", "det": "it", "på": "on", "en": "a", "et": "a", "til": "to",
    "med": "with", "for": "for", "som": "who", "av": "of", "ikke": "not", "har": "has", "sier": "says",
    "sa": "said", "var": "was", "den": "the", "de": "they", "om": "about", "fra": "from", "etter": "after",
    "ble": "was", "vil": "will", "kan": "can", "skal": "shall", "han": "he", "hun": "she", "vi": "we",
    "men": "but", "også": "also", "mot": "against", "under": "during", "år": "years", "dag": "day",
    "hei": "hello", "verden": "world", "nyheter": "news", "krigen": "the war", "landet": "the country",
}
_TOKEN = re.compile(r"\w+|\W+")


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
            word = _WORDS.get(piece.lower())
            if word is None:
                out.append(piece)
            else:
                out.append(word.capitalize() if piece[:1].isupper() else word)
        return "".join(out)
