"""Who may talk to the desk: loopback or a token, one CSRF token per browser session,
and response headers that keep article text inert even if escaping ever slipped."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
from typing import Awaitable, Callable
from urllib.parse import urlencode

from starlette.datastructures import URL
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from ..errors import L10nError

SESSION_COOKIE = "l10n_session"
TOKEN_COOKIE = "l10n_token"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
DESK_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'")
PREVIEW_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; base-uri 'none'; "
               "form-action 'none'; frame-ancestors 'self'")
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]


class ServeError(L10nError):
    """The desk cannot start as asked (e.g. a public address without a token)."""


def is_loopback(host: str) -> bool:
    if host.strip("[]") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def require_token_off_loopback(host: str, token: str | None) -> None:
    """Refuse to listen beyond this machine unless every request must carry a token."""
    if not is_loopback(host) and not (token and token.strip()):
        raise ServeError(f"refusing to listen on {host} without a token: pass --token or set L10N_SERVE_TOKEN "
                         f"(or bind to 127.0.0.1)")
    if token is not None and len(token.strip()) < 8:
        raise ServeError("the token must be at least 8 characters")


class Csrf:
    """CSRF tokens bound to a random per-browser session id by an HMAC with a per-server secret."""

    def __init__(self, secret: bytes | None = None) -> None:
        self.secret = secret or secrets.token_bytes(32)

    def token_for(self, session: str) -> str:
        return hmac.new(self.secret, session.encode("ascii", "replace"), hashlib.sha256).hexdigest()

    def valid(self, session: str | None, token: str | None) -> bool:
        return bool(session and token) and hmac.compare_digest(self.token_for(session), token)  # type: ignore[arg-type]


def new_session_id() -> str:
    return secrets.token_urlsafe(24)


class DeskSecurityMiddleware(BaseHTTPMiddleware):
    """Token check (when the desk has one), a session cookie for CSRF, and safe headers."""

    def __init__(self, app, token: str | None, secure_cookies: bool = False) -> None:  # type: ignore[no-untyped-def]
        super().__init__(app)
        self.token = token
        self.secure = secure_cookies

    async def dispatch(self, request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if self.token:
            denied = self._check_token(request)
            if denied is not None:
                return denied
        session = request.cookies.get(SESSION_COOKIE)
        fresh = None
        if not session or len(session) > 64:
            fresh = session = new_session_id()
        request.state.session = session
        response = await call_next(request)
        if fresh:
            response.set_cookie(SESSION_COOKIE, fresh, httponly=True, samesite="strict", secure=self.secure)
        response.headers.setdefault("Content-Security-Policy", DESK_CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "SAMEORIGIN"
        return response

    def _check_token(self, request: Request) -> Response | None:
        offered = request.query_params.get("token")
        if offered is not None and hmac.compare_digest(offered, self.token or ""):
            # First visit through the link with ?token=: keep it in a cookie, drop it from the address bar.
            rest = urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "token"])
            target = URL(str(request.url)).replace(query=rest)
            response = RedirectResponse(target.path + (f"?{rest}" if rest else ""), status_code=303)
            response.set_cookie(TOKEN_COOKIE, offered, httponly=True, samesite="strict", secure=self.secure)
            return response
        header = request.headers.get("authorization", "")
        candidates = [request.cookies.get(TOKEN_COOKIE, ""), header[7:] if header.lower().startswith("bearer ") else ""]
        if any(c and hmac.compare_digest(c, self.token or "") for c in candidates):
            return None
        return PlainTextResponse("This review desk needs its access token: open the link with ?token=…, "
                                 "or send 'Authorization: Bearer …'.", status_code=401)
