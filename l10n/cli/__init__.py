"""The ``l10n`` command: a click group whose commands live in sibling modules.

Commands parse options, call one library function and print. Library errors
(``L10nError``) become ``click.ClickException`` (exit 1); usage errors keep
click's exit status 2.
"""

from __future__ import annotations

import click

from .. import __version__
from .common import L10nGroup


@click.group(cls=L10nGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="l10n")
def cli() -> None:
    """Norwegian news articles to reviewed translations.

    \b
    Typical session:
      l10n init myproject --source nb --target en
      cd myproject && cp ~/artikler/*.md source_articles/
      l10n run                # extract, update, translate, build
      l10n review --lang en   # or open locales/en/LC_MESSAGES/*.po in Poedit
      l10n qa --lang en       # findings; exit 1 on errors
      l10n build --lang en    # build/en/<slug>.md
      l10n serve              # review in the browser

    Settings live in l10n.toml, found by walking up from the current folder
    (override with --project DIR on each command).
    """


def main() -> None:
    cli(prog_name="l10n")


# Command modules register themselves on ``cli`` when imported, on first use
# (see L10nGroup), so each command loads only what it needs.
_PROJECT = f"{__name__}.project_cmds"
cli.lazy_commands = {
    **{name: _PROJECT for name in ("init", "extract", "update", "build", "stats", "run")},
    "segment": f"{__name__}.segment_cmd",
    "translate": f"{__name__}.translate_cmd",
    "tm": f"{__name__}.tm_cmds",
    "glossary": f"{__name__}.glossary_cmds",
    "review": f"{__name__}.review_cmd",
    "qa": f"{__name__}.qa_cmd",
    "serve": f"{__name__}.serve_cmd",
}
