"""Microsoft Translator through deep-translator's ``MicrosoftTranslator``.

The stock constructor downloads the language list from
api.cognitive.microsofttranslator.com (with no timeout), which hangs or fails
offline and ignores any URL override. We subclass it and skip that step: our
``language_map`` decides the codes, so the list is not needed.
"""

from __future__ import annotations

from typing import Any

from .deeptr import DeepTranslatorEngine, endpoint


def _client_class() -> type:
    from deep_translator import MicrosoftTranslator

    class OfflineMicrosoftTranslator(MicrosoftTranslator):
        def _get_supported_languages(self) -> dict[str, str]:
            return {}

    return OfflineMicrosoftTranslator


class MicrosoftEngine(DeepTranslatorEngine):
    name = "microsoft"
    label = "Microsoft Translator (via deep-translator)"
    max_chars = 5000
    default_workers = 4
    needs_key = True
    cost_per_million_chars = 10.0
    default_url = "https://api.cognitive.microsofttranslator.com/translate?api-version=3.0"
    language_map = {"no": "nb", "nn": "nb", "zh": "zh-Hans", "pt-PT": "pt-pt", "pt-BR": "pt"}

    def make_client(self) -> Any:
        client = _client_class()(
            source="auto", target="auto", api_key=self.api_key, region=self.options.get("region")
        )
        client._base_url = endpoint(self.url, "translate?api-version=3.0")
        return client
