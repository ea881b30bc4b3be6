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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.url = base_url(self.url)

    def make_client(self) -> Any:
        from deep_translator import LibreTranslator

        client = LibreTranslator(source="auto", target="auto", api_key=self.api_key or "-", custom_url=self.url)
        client.api_key = self.api_key or ""
        return client


def base_url(url: str) -> str:
    """The server's base URL with a final "/" (deep-translator appends "translate" to it), also when
    the endpoint itself was given; one spelling, so the MT cache knows it is the same server."""
    if not url:
        return url
    base = url if url.endswith("/") else url + "/"  # else "…:5000translate"
    return base[: -len("translate/")] if base.endswith("/translate/") else base
