"""DeepL through a direct, correct HTTP call.

deep-translator's ``DeeplTranslator`` sends ``GET /v2/translate?auth_key=…``,
which DeepL stopped accepting (the key must go in an
``Authorization: DeepL-Auth-Key`` header, the text in a POST body), so this
engine talks to the API with ``requests`` itself. Keys ending in ``:fx`` use
the free endpoint. Placeholders are XML tags with ``tag_handling=xml``, which
DeepL keeps in place.
"""

from __future__ import annotations

from typing import Any

import requests

from .base import Engine, EngineError, GarbageResultError, UnsupportedLanguageError

_TARGET_VARIANTS = {"en": "EN-GB", "en-GB": "EN-GB", "en-US": "EN-US", "pt": "PT-PT", "pt-PT": "PT-PT",
                    "pt-BR": "PT-BR", "zh": "ZH-HANS", "zh-Hans": "ZH-HANS", "zh-Hant": "ZH-HANT", "no": "NB"}
_UNSUPPORTED = {"nn"}


class DeepLEngine(Engine):
    name = "deepl"
    label = "DeepL API (direct HTTP)"
    batch_size = 25
    max_chars = 5000
    default_workers = 4
    needs_key = True
    cost_per_million_chars = 25.0
    token_style = "xml"
    reuse_connections = False  # it keeps its own per-thread session with the auth header

    def __init__(self, url: str | None = None, api_key: str | None = None, **kwargs: Any) -> None:
        if not url and api_key:
            url = "https://api-free.deepl.com" if api_key.endswith(":fx") else "https://api.deepl.com"
        super().__init__(url=url, api_key=api_key, **kwargs)

    def map_source(self, code: str) -> str:
        base = code.split("-")[0]
        if base in _UNSUPPORTED:
            raise UnsupportedLanguageError(f"deepl: {code} is not supported")
        return "NB" if base == "no" else base.upper()

    def map_target(self, code: str) -> str:
        if code.split("-")[0] in _UNSUPPORTED:
            raise UnsupportedLanguageError(f"deepl: {code} is not supported")
        return _TARGET_VARIANTS.get(code) or _TARGET_VARIANTS.get(code.split("-")[0]) or code.split("-")[0].upper()

    def _session(self) -> requests.Session:
        def build() -> requests.Session:
            session = requests.Session()
            session.headers["Authorization"] = f"DeepL-Auth-Key {self.api_key}"
            session.headers["User-Agent"] = "l10n"
            return session

        return self.thread_client("session", build)

    def _translate_batch(self, texts: list[str], source: str, target: str) -> list[str]:
        body = {"text": texts, "source_lang": source, "target_lang": target, "tag_handling": "xml"}
        url = self.url.rstrip("/") + "/v2/translate"
        response = self._session().post(url, json=body, timeout=self.timeout)
        if response.status_code == 456:
            raise EngineError("deepl: character quota for this billing period used up (HTTP 456)")
        if response.status_code != 200:
            raise self.map_status(response.status_code, RuntimeError())
        try:
            translations = response.json()["translations"]
            results = [item["text"] for item in translations]
        except (ValueError, KeyError, TypeError) as exc:
            raise GarbageResultError(f"deepl: malformed answer from {self.where}") from exc
        if len(results) != len(texts):
            raise GarbageResultError(f"deepl: {len(results)} translations for {len(texts)} texts")
        return results
