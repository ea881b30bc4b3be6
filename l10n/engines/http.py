"""Timeouts and error translation for HTTP calls made by third-party clients.

deep-translator calls module-level ``requests.get/post`` without ``timeout=``
and ``socket.setdefaulttimeout`` has no effect on them, so we wrap
``requests.Session.request`` once: inside :func:`request_scope` a call gets the
scope's timeout, goes through a keep-alive session kept per thread (instead of
a new connection per call) and its status/exception is remembered for error
mapping.
Outside a scope the wrapper does nothing, so other users of requests are unaffected.
"""

from __future__ import annotations

import logging
import re
import threading
from typing import Any
from urllib.parse import urlsplit

import requests

_state = threading.local()
_install_lock = threading.Lock()
_LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


class Scope:
    """What one engine call sees of its HTTP traffic (per thread)."""

    def __init__(self, timeout: float, reuse: bool = True) -> None:
        self.timeout = timeout
        self.reuse = reuse
        self.status: int | None = None
        self.exception: BaseException | None = None
        self.detail = ""  # the service's own short error message on a 4xx answer
        self.requests = 0


def _thread_session() -> requests.Session:
    """A keep-alive session per worker thread: deep-translator opens a new connection per call."""
    session = getattr(_state, "session", None)
    if session is None:
        session = _state.session = requests.Session()
    return session


def _wrapped_request(original: Any) -> Any:
    def request(self: requests.Session, method: str, url: str, **kwargs: Any) -> Any:
        scope: Scope | None = getattr(_state, "scope", None)
        if scope is None:
            return original(self, method, url, **kwargs)
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = scope.timeout
        session = _thread_session() if scope.reuse else self
        if urlsplit(url).hostname in _LOOPBACK:
            session.trust_env = False  # never send loopback traffic through HTTP(S)_PROXY
        scope.requests += 1
        scope.status, scope.exception, scope.detail = None, None, ""
        try:
            response = original(session, method, url, **kwargs)
        except BaseException as exc:
            scope.exception = exc
            raise
        scope.status = response.status_code
        if 400 <= response.status_code < 500:
            scope.detail = error_detail(response)
        return response

    request._l10n_wrapped = True  # type: ignore[attr-defined]
    return request


_SECRET_PARAM = re.compile(r"((?:api_key|auth_key|key|token)=)[^&\s\"']+", re.IGNORECASE)


class RedactingFilter(logging.Filter):
    """Blank key-like query parameters in urllib3's debug lines (deep-translator puts keys in URLs)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = _SECRET_PARAM.sub(r"\1***", message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


_installed = False


def install() -> None:
    """Wrap ``requests.Session.request`` once per process (idempotent; after the first call it
    costs one attribute lookup per request, re-wrapping only if someone replaced the method)."""
    global _installed
    if _installed and getattr(requests.sessions.Session.request, "_l10n_wrapped", False):
        return
    with _install_lock:
        pool_log = logging.getLogger("urllib3.connectionpool")
        if not any(isinstance(f, RedactingFilter) for f in pool_log.filters):
            pool_log.addFilter(RedactingFilter())
        current = requests.sessions.Session.request
        if not getattr(current, "_l10n_wrapped", False):
            requests.sessions.Session.request = _wrapped_request(current)  # type: ignore[method-assign]
        _installed = True


class request_scope:  # noqa: N801 - used as a function: ``with request_scope(15.0) as scope``
    """Give every requests call in this thread a default timeout while the block runs
    (a plain class, not a generator: it wraps every engine call)."""

    def __init__(self, timeout: float, reuse: bool = True) -> None:
        install()
        self.scope = Scope(timeout, reuse)

    def __enter__(self) -> Scope:
        self.previous = getattr(_state, "scope", None)
        _state.scope = self.scope
        return self.scope

    def __exit__(self, *exc: object) -> None:
        _state.scope = self.previous


def error_detail(response: requests.Response, limit: int = 120) -> str:
    """The short reason a service gives with a 4xx (LibreTranslate: {"error": "nb is not supported"})."""
    try:
        data = response.json()
    except ValueError:
        return ""
    if isinstance(data, dict):
        data = data.get("error") or data.get("message") or ""
        if isinstance(data, dict):
            data = data.get("message") or ""
    if not isinstance(data, str):
        return ""
    text = " ".join(data.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def host_of(url: str) -> str:
    """``host:port`` of a URL for messages (never the path or query, which may hold a key)."""
    parts = urlsplit(url)
    host = parts.hostname or url
    if ":" in host:
        host = f"[{host}]"
    return f"{host}:{parts.port}" if parts.port else host


def connection_reason(exc: BaseException) -> str:
    """A short human reason for a failed connection, found in the exception chain."""
    seen: set[int] = set()
    stack: list[BaseException | None] = [exc]
    text = ""
    while stack:
        cur = stack.pop()
        if cur is None or id(cur) in seen:
            continue
        seen.add(id(cur))
        if isinstance(cur, ConnectionRefusedError):
            return "connection refused"
        if isinstance(cur, (TimeoutError, requests.exceptions.Timeout)):
            return "connection timed out"
        text += " " + type(cur).__name__ + " " + " ".join(str(a) for a in getattr(cur, "args", ()))
        stack.extend([cur.__cause__, cur.__context__, getattr(cur, "reason", None)])
        stack.extend(a for a in getattr(cur, "args", ()) if isinstance(a, BaseException))
    lowered = text.lower()
    if "refused" in lowered:
        return "connection refused"
    if "name or service" in lowered or "resolution" in lowered or "getaddrinfo" in lowered:
        return "host name not found"
    if "reset" in lowered or "aborted" in lowered:
        return "connection reset"
    if "ssl" in lowered:
        return "TLS error"
    return "connection failed"


def is_loopback(url: str) -> bool:
    """True for a server on this machine (its traffic must not go through HTTP(S)_PROXY)."""
    return (urlsplit(url).hostname or "") in _LOOPBACK
