"""Google Translate's free web endpoint through deep-translator's ``GoogleTranslator``.

It scrapes ``translate.google.com/m`` (no key, no cost, informal rate limits),
so defaults are modest: 4 workers, 5 requests/s.
"""

from __future__ import annotations

from typing import Any

from .deeptr import DeepTranslatorEngine, endpoint


class GoogleEngine(DeepTranslatorEngine):
    name = "google"
    label = "Google Translate (web, via deep-translator)"
    max_chars = 4500  # deep-translator rejects len >= 5000
    default_workers = 4
    default_rate_limit = 5.0
    default_url = "https://translate.google.com/m"
    # Google has one Norwegian code; nb/nn/no all go to "no".
    language_map = {"nb": "no", "nn": "no", "he": "iw", "zh": "zh-CN", "zh-Hans": "zh-CN", "zh-Hant": "zh-TW"}

    def make_client(self) -> Any:
        from deep_translator import GoogleTranslator

        client = GoogleTranslator(source="auto", target="auto")
        client._base_url = endpoint(self.url, "m")  # no public option for the URL
        return client
