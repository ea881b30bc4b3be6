"""Argos Translate (offline, on this machine) if ``argostranslate`` and a model are installed.

The package is imported lazily so l10n works without it; asking for the
engine without it is a one-line EngineError, not an ImportError.
"""

from __future__ import annotations

from typing import Any

from .base import Engine, EngineError, UnsupportedLanguageError


def _argos() -> Any:
    try:
        import argostranslate.translate as argos_translate  # type: ignore[import-not-found]
    except ImportError as exc:
        raise EngineError("argos: argostranslate is not installed (pip install argostranslate, then a model)") from exc
    return argos_translate


class ArgosEngine(Engine):
    name = "argos"
    label = "Argos Translate (offline, needs argostranslate and a model)"
    default_workers = 1
    language_map = {"no": "nb"}

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._module = _argos()

    def options_key(self) -> str:
        return "argos"

    def _translation(self, source: str, target: str) -> Any:
        languages = {lang.code: lang for lang in self._module.get_installed_languages()}
        if source not in languages or target not in languages:
            raise UnsupportedLanguageError(f"argos: no installed model for {source}→{target}")
        translation = languages[source].get_translation(languages[target])
        if translation is None:
            raise UnsupportedLanguageError(f"argos: no installed model for {source}→{target}")
        return translation

    def _translate_batch(self, texts: list[str], source: str, target: str) -> list[str]:
        translation = self.thread_client((source, target), lambda: self._translation(source, target))
        return [translation.translate(text) for text in texts]
