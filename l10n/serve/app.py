"""The application factory: a Starlette app over one project, with Jinja2 templates
(autoescaped) and static files shipped as package data."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.templating import Jinja2Templates

from ..config import Config
from ..review import default_reviewer
from .actions import Actions
from .desk import Desk
from .engine import configured_engine_name
from .routes import EXCEPTION_HANDLERS, ROUTES
from .security import LOOPBACK_HOSTS, Csrf, DeskSecurityMiddleware
from .templating import register_filters


def create_app(config: Config, lang: str | None = None, *, token: str | None = None,
               allowed_hosts: list[str] | None = None, reviewer: str | None = None) -> Starlette:
    """The desk for ``config``'s articles in ``lang`` (default: every target language).

    ``allowed_hosts`` guards against DNS rebinding: loopback names only unless the desk
    listens publicly (then the token is the guard and any Host is accepted).
    """
    langs = config.languages(lang)
    env = Environment(loader=PackageLoader("l10n.serve", "templates"), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    register_filters(env)
    hosts = allowed_hosts or (["*"] if token else LOOPBACK_HOSTS)
    app = Starlette(routes=ROUTES, exception_handlers=EXCEPTION_HANDLERS, middleware=[
        Middleware(TrustedHostMiddleware, allowed_hosts=hosts),
        Middleware(DeskSecurityMiddleware, token=token),
    ])
    desk = Desk(config, langs)
    app.state.desk = desk
    app.state.actions = Actions(desk)
    app.state.csrf = Csrf()
    app.state.templates = Jinja2Templates(env=env)
    app.state.default_reviewer = default_reviewer(config, reviewer)
    app.state.engine_name = configured_engine_name(config)
    return app
