"""DeepL through the official ``deepl`` package, with the article as context and the glossary on DeepL's side.

Each request is one paragraph (``batch_unit = "paragraph"``); its ``context``
holds the sentences around the paragraph's batch, which DeepL reads but
neither translates nor bills. The project glossary travels as a DeepL glossary
(:mod:`l10n.engines.deepl_glossary`), so terms are not masked; links, URLs and
code still are, as XML tags kept in place by ``tag_handling=xml``. The
settings ``model_type``, ``formality`` and ``custom_instructions`` come from
``[translate]`` in l10n.toml. Keys ending in ``:fx`` use the free endpoint.

The package retries 429/5xx itself with its own backoff; l10n's dispatcher
does that (and counts requests), so the package's retries are switched off
and its timeout set to the engine's.
"""

from __future__ import annotations

from typing import Any

from ..errors import EngineError, RateLimitError, UnsupportedLanguageError
from ..glossary import Glossary
from .base import Engine, EngineTimeoutError, GarbageResultError, UnreachableError
from .deepl_glossary import GlossarySync
from .request import MTRequest

_TARGET_VARIANTS = {"en": "EN-GB", "en-GB": "EN-GB", "en-US": "EN-US", "pt": "PT-PT", "pt-PT": "PT-PT",
                    "pt-BR": "PT-BR", "zh": "ZH-HANS", "zh-Hans": "ZH-HANS", "zh-Hant": "ZH-HANT", "no": "NB"}
_UNSUPPORTED = {"nn"}
FREE_URL, PRO_URL = "https://api-free.deepl.com", "https://api.deepl.com"


def _package() -> Any:
    try:
        import deepl
    except ImportError:  # an extra: pip install -e '.[deepl]'
        raise EngineError("deepl: the official 'deepl' package is not installed (pip install 'l10n[deepl]')") from None
    deepl.http_client.max_network_retries = 0  # l10n's dispatcher retries, counts and rate-limits
    return deepl


class DeepLEngine(Engine):
    name = "deepl"
    label = "DeepL API (official deepl package: context, glossary, XML tags)"
    uses_context = True
    uses_glossary = True
    batch_unit = "paragraph"
    batch_size = 25
    max_batch_chars = 30000
    max_chars = 5000
    context_sentences = 3
    settings = ("model_type", "formality", "custom_instructions")
    default_workers = 4
    needs_key = True
    cost_per_million_chars = 25.0
    token_style = "xml"
    reuse_connections = False  # the package keeps its own session per Translator

    def __init__(self, url: str | None = None, api_key: str | None = None, **kwargs: Any) -> None:
        if not url and api_key:
            url = FREE_URL if api_key.endswith(":fx") else PRO_URL
        super().__init__(url=url, api_key=api_key, **kwargs)
        self.sync = GlossarySync(None, "project")

    def attach_glossary(self, glossary: Glossary | None, project: str) -> None:
        """Use ``glossary`` as the project's DeepL glossary (synced lazily, on the first request)."""
        self.sync = GlossarySync(glossary, project)

    # -- language codes -----------------------------------------------------
    def map_source(self, code: str) -> str:
        base = code.split("-")[0]
        if base in _UNSUPPORTED:
            raise UnsupportedLanguageError(f"deepl: {code} is not supported")
        return "NB" if base == "no" else base.upper()

    def map_target(self, code: str) -> str:
        if code.split("-")[0] in _UNSUPPORTED:
            raise UnsupportedLanguageError(f"deepl: {code} is not supported")
        return _TARGET_VARIANTS.get(code) or _TARGET_VARIANTS.get(code.split("-")[0]) or code.split("-")[0].upper()

    # -- translating ----------------------------------------------------------
    def _translator(self) -> Any:
        deepl = _package()
        deepl.http_client.min_connection_timeout = self.timeout
        return self.thread_client("translator", lambda: deepl.Translator(
            self.api_key, server_url=self.url.rstrip("/") + "/", send_platform_info=False))

    def _translate_requests(self, requests: list[MTRequest], source: str, target: str) -> list[str]:
        deepl = _package()
        translator = self._translator()
        try:
            options = self._options(requests)
            gid = self.sync.glossary_id(translator, source, target)
            if gid is not None:
                options["glossary"] = gid
            results = translator.translate_text([r.text for r in requests], source_lang=source,
                                                target_lang=target, tag_handling="xml", **options)
        except deepl.DeepLException as exc:
            raise self._mapped(exc) from None
        return [r.text for r in results]

    def _options(self, requests: list[MTRequest]) -> dict[str, Any]:
        options: dict[str, Any] = {}
        context = context_for(requests)
        if context:
            options["context"] = context
        for key in ("model_type", "formality"):
            if self.options.get(key):
                options[key] = str(self.options[key])
        instructions = self.options.get("custom_instructions")
        if instructions:
            options["custom_instructions"] = [instructions] if isinstance(instructions, str) else list(instructions)
        return options

    def _mapped(self, exc: Exception) -> EngineError:
        """deepl's exceptions as l10n's: status first, then the connection failure underneath."""
        status = getattr(exc, "http_status_code", None)
        if status == 456 or type(exc).__name__ == "QuotaExceededException":
            return EngineError("deepl: character quota for this billing period used up (HTTP 456)")
        if status is None and type(exc).__name__ == "ConnectionException":
            import requests

            cause = exc.__cause__
            if isinstance(cause, requests.exceptions.Timeout) and not isinstance(
                    cause, requests.exceptions.ConnectTimeout):
                return EngineTimeoutError(f"deepl: no answer from {self.where} within {self.timeout:g} s")
            from .http import connection_reason

            return UnreachableError(f"deepl: cannot reach {self.where}: {connection_reason(cause or exc)}")
        if status is None:
            return GarbageResultError(self.redact(f"deepl: malformed answer from {self.where}"))
        error = self.map_status(status, exc)
        if isinstance(error, RateLimitError) or status >= 500:
            return error
        detail = str(exc).split("message: ", 1)[-1] if "message: " in str(exc) else ""
        return type(error)(self.redact(f"{error}: {detail}" if detail else str(error)))


def context_for(requests: list[MTRequest]) -> str:
    """The sentences before the batch's first and after its last, in document order (a batch is
    one paragraph, so these are the paragraph's neighbours and any of its sentences not sent)."""
    own = {r.text for r in requests}
    around = dict.fromkeys(s for s in (*requests[0].before, *requests[-1].after) if s not in own)
    return " ".join(around)
