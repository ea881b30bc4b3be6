"""MyMemory (translated.net) through deep-translator's ``MyMemoryTranslator``.

Free, anonymous quota per day; ``email`` in [translate] raises it. Texts must
be shorter than 500 characters, so long segments are chunked.
"""

from __future__ import annotations

from typing import Any

from .base import EngineError, GarbageResultError
from .deeptr import DeepTranslatorEngine, endpoint


class MyMemoryEngine(DeepTranslatorEngine):
    name = "mymemory"
    label = "MyMemory (via deep-translator)"
    max_chars = 480
    default_workers = 2
    default_rate_limit = 2.0
    default_url = "http://api.mymemory.translated.net/get"
    language_map = {
        "nb": "nb-NO", "nn": "nn-NO", "no": "nb-NO", "en": "en-GB", "de": "de-DE", "fr": "fr-FR",
        "es": "es-ES", "sv": "sv-SE", "da": "da-DK", "fi": "fi-FI", "pl": "pl-PL", "uk": "uk-UA",
        "ru": "ru-RU", "it": "it-IT", "nl": "nl-NL", "pt": "pt-PT",
    }

    def make_client(self) -> Any:
        from deep_translator import MyMemoryTranslator

        client = MyMemoryTranslator(source="auto", target="auto", email=self.options.get("email"))
        client._base_url = endpoint(self.url, "get")
        return client

    def _translate_batch(self, texts: list[str], source: str, target: str) -> list[str]:
        results = super()._translate_batch(texts, source, target)
        for result in results:
            if isinstance(result, str) and result.startswith("MYMEMORY WARNING"):
                raise EngineError("mymemory: daily free quota used up (set translate.email or wait)")
            if isinstance(result, str) and result.startswith("QUERY LENGTH LIMIT"):
                raise GarbageResultError("mymemory: text too long for the service")
        return results
