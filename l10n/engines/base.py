"""The engine interface (Weblate's ``BatchMachineTranslation``, without Django).

An engine is configured by class attributes that declare what it can use
(context, glossary, how requests may be grouped, size limits, cost model, the
settings it reads) and implements :meth:`Engine._translate_requests` (or, for
an engine that only sees strings, :meth:`Engine._translate_batch`). The public
:meth:`Engine.translate_requests` adds the request timeout, maps every client
exception to an :class:`~l10n.errors.EngineError` subclass whose message never
contains the API key, and rejects empty/None/garbage results. Retrying,
caching and concurrency live in :mod:`l10n.engines.runner`; engines send
exactly one request per call.
"""

from __future__ import annotations

import json
import re
import threading
from urllib.parse import quote
from typing import Any, ClassVar

import requests

from ..errors import EngineError, RateLimitError, UnsupportedLanguageError
from ..invariant import is_invariant
from . import http
from .request import Estimate, MTRequest, plain

__all__ = [
    "Engine",
    "EngineError",
    "EngineTimeoutError",
    "DistrustedError",
    "PartlyDistrustedError",
    "GarbageResultError",
    "MTRequest",
    "RateLimitError",
    "RejectedError",
    "TransientEngineError",
    "UnreachableError",
    "UntranslatedError",
    "UnsupportedLanguageError",
    "has_words",
]


class TransientEngineError(EngineError):
    """A failure worth retrying: timeout, HTTP 5xx."""


class EngineTimeoutError(TransientEngineError):
    """No answer within the request timeout."""


class UnreachableError(EngineError):
    """The service cannot be reached at all (refused, DNS, TLS)."""


class GarbageResultError(EngineError):
    """The engine answered, but not with a translation (None, empty, an error page)."""


class UntranslatedError(GarbageResultError):
    """The engine sent the text back unchanged (not a malformed answer: it read the text)."""


class DistrustedError(GarbageResultError):
    """An answer that failed verification (ids, a shift, an echo, a reply): resend it smaller."""

    retryable = True


class PartlyDistrustedError(DistrustedError):
    """A long answer whose faults are confined to a few ids while every other text passed all checks,
    the shift test included: ``accepted`` maps request positions to their verified texts, and only
    the rest is sent again (as a smaller batch)."""

    def __init__(self, message: str, accepted: dict[int, str]) -> None:
        super().__init__(message)
        self.accepted = accepted


class RejectedError(EngineError):
    """The service refused this particular text (HTTP 400, 404, 413, 422 …)."""


class ContextTooLongError(RejectedError):
    """The request was over the model's context window: send fewer segments per request."""


_WORD = re.compile(r"[^\W\d_]{2,}")
_ALNUM = re.compile(r"[^\W_]")  # str.isalnum's characters: \w is isalnum() or "_"
_MARKUP = re.compile(r"<\s*(html|body|head|!doctype|div|script)\b", re.IGNORECASE)


def has_words(text: str) -> bool:
    """True if ``text`` holds a letter or digit, i.e. something an engine can translate
    (one regex scan: called twice per segment of a run; Hypothesis-held equal to
    ``any(ch.isalnum() for ch in text)``)."""
    return _ALNUM.search(text) is not None


def _kept_forms(request: MTRequest) -> tuple[str, ...]:
    """Glossary names and do-not-translate terms in the request: an echo of only these (and
    numbers) is a right translation (engines given the glossary see them unmasked)."""
    terms = request.terms
    if not terms:  # engines without the glossary: every request
        return ()
    return tuple(t.source for t in terms if t.kind in ("name", "dnt") and t.target == t.source)


class Engine:
    """Base class: one instance is shared by all worker threads; clients are per thread."""

    name: ClassVar[str] = ""
    label: ClassVar[str] = ""
    # -- capabilities (read by the planner and the dispatcher) --
    uses_context: ClassVar[bool] = False  # reads MTRequest title/paragraph/before/after/examples
    uses_glossary: ClassVar[bool] = False  # takes MTRequest.terms instead of masked terms
    # sentence: any mix; paragraph: a batch never crosses one; article: document order, small articles
    # packed whole, a large one continued in the next batch (each request carries its context)
    batch_unit: ClassVar[str] = "sentence"
    batch_size: ClassVar[int] = 1  # segments per request
    max_batch_chars: ClassVar[int] = 0  # source characters per request (0: no limit besides batch_size)
    max_chars: ClassVar[int] = 5000  # per segment; longer ones are cut at sentence ends
    context_sentences: ClassVar[int] = 0  # neighbours on each side put into MTRequest.before/after
    examples: ClassVar[int] = 0  # similar TM pairs per segment
    cost_model: ClassVar[str] = "characters"  # characters: cost_per_million_chars; tokens: data/prices.toml
    settings: ClassVar[tuple[str, ...]] = ()  # [translate] keys passed to the constructor
    protect: ClassVar[str] = "all"  # all: terms + markup become tokens; markup: links/URLs/code only; none
    timeout: ClassVar[float] = 15.0
    default_workers: ClassVar[int] = 4
    default_rate_limit: ClassVar[float | None] = None
    cost_per_million_chars: ClassVar[float] = 0.0
    needs_key: ClassVar[bool] = False
    needs_url: ClassVar[bool] = False
    default_url: ClassVar[str] = ""
    machine: ClassVar[bool] = True
    reuse_connections: ClassVar[bool] = True  # route a client's throwaway sessions through a per-thread one
    token_style: ClassVar[str] = "bracket"
    language_map: ClassVar[dict[str, str]] = {}

    def __init__(
        self,
        url: str | None = None,
        api_key: str | None = None,
        timeout: float | None = None,
        **options: Any,
    ) -> None:
        self.url = url or self.default_url
        self.api_key = api_key or None
        if timeout is not None:
            self.timeout = float(timeout)  # type: ignore[misc]
        self.options = options
        self._local = threading.local()
        if self.needs_key and not self.api_key:
            env = f"L10N_{self.name.upper()}_KEY"
            raise EngineError(f"{self.name}: no API key; set the environment variable {env}")
        if self.needs_url and not self.url:
            raise EngineError(f"{self.name}: no server URL; pass --engine-url or set translate.engine_url")

    # -- language codes -------------------------------------------------
    def map_language(self, code: str) -> str:
        """Service code for a BCP 47 code: exact entry, then base language, then the code."""
        if code in self.language_map:
            return self.language_map[code]
        base = code.split("-")[0]
        return self.language_map.get(base, base)

    def map_source(self, code: str) -> str:
        return self.map_language(code)

    def map_target(self, code: str) -> str:
        return self.map_language(code)

    # -- identity for caching -------------------------------------------
    def options_key(self) -> str:
        """Settings that change results (never the key), as a stable string for the cache."""
        data = {"url": self.url, **{k: v for k, v in sorted(self.options.items()) if "key" not in k}}
        data.update(self.cache_parts())
        return json.dumps(data, sort_keys=True, default=str)

    def cache_parts(self) -> dict[str, str]:
        """Extra parts of the MT cache key (model, prompt version); the run adds context and glossary hashes."""
        return {}

    def estimate(self, requests: list[MTRequest]) -> Estimate:
        """Characters and cost of one request (``--dry-run``, ``--max-cost``); per character here."""
        chars = sum(len(r.text) for r in requests)
        return Estimate(chars, chars, cost=chars * self.cost_per_million_chars / 1_000_000)

    def attach_glossary(self, glossary: Any, project: str) -> None:
        """The run's project glossary, for engines that keep it on the service's side (DeepL)."""

    def provenance(self) -> str:
        """What produced a translation, after ``mt:`` (model names for LLM engines)."""
        return self.name

    @property
    def where(self) -> str:
        return http.host_of(self.url) if self.url else self.name

    # -- translating ----------------------------------------------------
    def translate_batch(self, texts: list[str], source: str, target: str) -> list[str]:
        """Translate bare ``texts`` with one request (no context)."""
        return self.translate_requests([plain(text, str(i)) for i, text in enumerate(texts, 1)], source, target)

    def translate_requests(self, requests: list[MTRequest], source: str, target: str) -> list[str]:
        """Translate ``requests`` with one call; raise an EngineError subclass on any failure.

        The result list is aligned with ``requests``.
        """
        if not requests:
            return []
        src, tgt = self.map_source(source), self.map_target(target)
        with http.request_scope(self.timeout, reuse=self.reuse_connections) as scope:
            try:
                results = self._translate_requests(requests, src, tgt)
            except EngineError as exc:
                raise self._redacted(exc) from None
            except Exception as exc:  # third-party clients raise anything
                raise self.map_exception(exc, scope) from None
        if len(results) != len(requests):
            raise GarbageResultError(f"{self.name}: {len(results)} translations for {len(requests)} texts")
        return [self._check_result(req.text, result, _kept_forms(req)) for req, result in zip(requests, results)]

    def _redacted(self, exc: EngineError) -> EngineError:
        message = self.redact(str(exc))
        if message == str(exc):
            return exc
        clone = type(exc)(message)
        clone.__dict__.update({k: v for k, v in exc.__dict__.items() if k not in ("message",)})
        return clone

    def _translate_requests(self, requests: list[MTRequest], source: str, target: str) -> list[str]:
        """Default for engines that see only strings: the (masked) texts."""
        return self._translate_batch([req.text for req in requests], source, target)

    def _translate_batch(self, texts: list[str], source: str, target: str) -> list[str]:
        raise NotImplementedError

    def _check_result(self, text: str, result: Any, keep: tuple[str, ...] = ()) -> str:
        if result is None or not isinstance(result, str):
            if result is None and not has_words(text):
                return text  # Google answers None when it echoes punctuation
            raise GarbageResultError(f"{self.name}: no translation returned")
        stripped = result.strip()
        if not stripped:
            raise GarbageResultError(f"{self.name}: empty translation returned")
        if "<" in result and _MARKUP.search(result) and not _MARKUP.search(text):  # every match starts with "<"
            raise GarbageResultError(f"{self.name}: an HTML page came back instead of a translation")
        if stripped == text.strip() and len(_WORD.findall(text)) >= 4 and not is_invariant(text, keep):
            raise UntranslatedError(f"{self.name}: text came back untranslated")
        return result

    # -- errors ---------------------------------------------------------
    def redact(self, message: str) -> str:
        """Remove the API key (raw or URL-encoded) from a message."""
        if self.api_key:
            for form in {self.api_key, quote(self.api_key, safe="")}:
                message = message.replace(form, "***")
        return message

    def map_exception(self, exc: BaseException, scope: http.Scope) -> EngineError:
        """Turn a client exception into a one-line EngineError without the key or the URL."""
        root = scope.exception or exc
        if isinstance(root, requests.exceptions.Timeout) and not isinstance(root, requests.exceptions.ConnectTimeout):
            return EngineTimeoutError(f"{self.name}: no answer from {self.where} within {self.timeout:g} s")
        if isinstance(root, requests.exceptions.ConnectionError) or isinstance(root, ConnectionError):
            reason = http.connection_reason(root)
            return UnreachableError(f"{self.name}: cannot reach {self.where}: {reason}")
        if isinstance(root, ValueError):  # requests' JSONDecodeError is both
            return GarbageResultError(f"{self.name}: malformed answer from {self.where} (not JSON)")
        if isinstance(root, requests.exceptions.RequestException):
            return EngineError(f"{self.name}: request failed ({type(root).__name__})")
        error = self.map_status(scope.status, exc)
        if isinstance(error, RejectedError) and scope.detail:
            error = RejectedError(self.redact(f"{error}: {scope.detail}"))  # "nb is not supported" says why
        return error

    def map_status(self, status: int | None, exc: BaseException) -> EngineError:
        kind = type(exc).__name__
        if status == 429 or kind == "TooManyRequests":
            return RateLimitError(f"{self.name}: too many requests (HTTP 429) from {self.where}")
        if status in (401, 403) or kind in ("AuthorizationException", "ApiKeyException"):
            env = f"L10N_{self.name.upper()}_KEY"
            return EngineError(f"{self.name}: {self.where} refused the API key (HTTP {status or 403}); check {env}")
        if status is not None and status >= 500:
            return TransientEngineError(f"{self.name}: server error HTTP {status} from {self.where}")
        if status is not None and 400 <= status < 500:
            return RejectedError(f"{self.name}: HTTP {status} from {self.where}")
        if status is not None and not 200 <= status < 300:
            return EngineError(f"{self.name}: HTTP {status} from {self.where}")
        if kind in ("LanguageNotSupportedException", "InvalidSourceOrTargetLanguage"):
            return UnsupportedLanguageError(f"{self.name}: language not supported")
        if kind in ("NotValidLength",):
            return EngineError(f"{self.name}: text too long for the service")
        return GarbageResultError(f"{self.name}: malformed answer from {self.where} ({kind})")

    # -- per-thread clients ----------------------------------------------
    def thread_client(self, key: Any, factory: Any) -> Any:
        """A client object private to the calling thread (deep-translator keeps request state)."""
        clients = getattr(self._local, "clients", None)
        if clients is None:
            clients = self._local.clients = {}
        if key not in clients:
            clients[key] = factory()
        return clients[key]
