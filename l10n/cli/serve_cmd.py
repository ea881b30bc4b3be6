"""``l10n serve``: start the browser review desk (library: :mod:`l10n.serve`)."""

from __future__ import annotations

from pathlib import Path

import click

from ..serve import run_desk
from . import cli
from .common import get_config, project_option


@cli.command("serve")
@project_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback needs --token.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="TCP port.")
@click.option("--lang", "-l", "lang", default=None, metavar="CODE",
              help="Target language to review (default: every target language in l10n.toml).")
@click.option("--token", default=None, envvar="L10N_SERVE_TOKEN", show_envvar=True,
              help="Access token every request must carry (required off loopback; at least 8 characters).")
@click.option("--reviewer", "-r", default=None,
              help="Default reviewer name for browsers that have not set one (default: [review] reviewer).")
def serve_cmd(project: Path | None, host: str, port: int, lang: str | None, token: str | None,
              reviewer: str | None) -> None:
    """Review translations in the browser, article by article.

    Source and translation side by side as the article reads, every sentence
    editable in place with its suggestion, where it came from, translation-memory
    matches, glossary terms and QA findings. Accept, Save, Reject, Retranslate and
    Add to glossary are saved at once under the catalogue lock, with the reviewer's
    name, so several translators can work on one article at the same time.

    \b
    Examples:
      l10n serve                                  # http://127.0.0.1:8000/
      l10n serve --lang en --port 8080
      L10N_SERVE_TOKEN=$(openssl rand -hex 16) l10n serve --host 0.0.0.0
    """
    config = get_config(project)
    run_desk(config, host=host, port=port, lang=lang, token=token, reviewer=reviewer, announce=click.echo)
