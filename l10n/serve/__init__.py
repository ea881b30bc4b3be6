"""``l10n serve``: the browser review desk (Starlette + Jinja2 + uvicorn).

Each article is shown as an article, source and translation side by side, every
sentence editable in place; each action is saved at once under the catalogue
lock. Install with ``pip install -e '.[serve]'``.
"""

from __future__ import annotations

from .security import ServeError, is_loopback, require_token_off_loopback

__all__ = ["ServeError", "create_app", "is_loopback", "require_token_off_loopback", "run_desk"]


def create_app(*args, **kwargs):  # type: ignore[no-untyped-def]
    """See :func:`l10n.serve.app.create_app` (imported on use: Starlette is an extra)."""
    from .app import create_app as factory

    return factory(*args, **kwargs)


def run_desk(*args, **kwargs) -> None:  # type: ignore[no-untyped-def]
    from .server import run_desk as run

    run(*args, **kwargs)
