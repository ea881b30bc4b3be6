"""Running the desk with uvicorn, after the address and token are known to be safe."""

from __future__ import annotations

import os
from typing import Callable

from ..config import Config
from .security import ServeError, require_token_off_loopback

TOKEN_VARIABLE = "L10N_SERVE_TOKEN"


def desk_url(host: str, port: int, token: str | None) -> str:
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{shown}:{port}/" + (f"?token={token}" if token else "")


def run_desk(config: Config, host: str = "127.0.0.1", port: int = 8000, lang: str | None = None,
             token: str | None = None, reviewer: str | None = None,
             announce: Callable[[str], None] | None = None) -> None:
    """Serve the desk until interrupted; refuses a non-loopback address without a token."""
    token = token or os.environ.get(TOKEN_VARIABLE) or None
    require_token_off_loopback(host, token)
    try:
        import uvicorn

        from .app import create_app
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        raise ServeError(f"the review desk needs its extra: pip install 'l10n[serve]' ({exc.name} missing)") from None
    app = create_app(config, lang, token=token, reviewer=reviewer)
    if announce:
        announce(f"l10n desk for {config.name}: {desk_url(host, port, token)}  (Ctrl+C to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
