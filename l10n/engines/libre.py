"""LibreTranslate (self-hosted, at --engine-url) through deep-translator's ``LibreTranslator``.

deep-translator insists on a non-empty api_key at construction; without
L10N_LIBRE_KEY we pass a placeholder and then clear it so no key is sent.
The text travels in the query string, so segments are kept under 5,000 chars.
"""

from __future__ import annotations

from typing import Any

from .deeptr import DeepTranslatorEngine


class LibreEngine(DeepTranslatorEngine):
    name = "libre"
    label = "LibreTranslate (self-hosted, via deep-translator)"
    max_chars = 5000
    default_workers = 16
    timeout = 30.0  # a CPU-bound LibreTranslate queues concurrent requests
    needs_url = True
    language_map = {"no": "nb", "zh": "zh-Hans", "zh-Hant": "zh-Hant"}

    def make_client(self) -> Any:
        from deep_translator import LibreTranslator

        base = self.url if self.url.endswith("/") else self.url + "/"  # else "…:5000translate"
        client = LibreTranslator(source="auto", target="auto", api_key=self.api_key or "-", custom_url=base)
        client.api_key = self.api_key or ""
        return client
