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


# Command modules register themselves on ``cli`` when imported, on first use (see
# L10nGroup), so each command loads only what it needs. Each entry: the module, and the
# one-line summary ``l10n --help`` lists, so listing commands imports none of them
# (tests/test_cli_startup.py holds every summary equal to its command's docstring).
_PROJECT = f"{__name__}.project_cmds"
cli.lazy_commands = {
    "build": (_PROJECT, "Reassemble translated articles into build/<lang>/<slug>.<ext>."),
    "extract": (_PROJECT, "Segment articles into sentences and write locales/templates/<slug>.pot."),
    "glossary": (f"{__name__}.glossary_cmds",
                 "Approved terms and names, with the wrong renderings MT is known to produce."),
    "init": (_PROJECT, "Create a translation project in FOLDER or --project DIR (default: here)."),
    "qa": (f"{__name__}.qa_cmd",
           "Check translations: review state, glossary, names, numbers and dates, mechanics, MT pitfalls."),
    "review": (f"{__name__}.review_cmd", "Review fuzzy and untranslated entries one at a time."),
    "run": (_PROJECT, "Do the whole job: extract, update, translation memory, translate, build."),
    "segment": (f"{__name__}.segment_cmd", "Print the sentences of FILE (or standard input, '-'), one per line."),
    "serve": (f"{__name__}.serve_cmd", "Review translations in the browser, article by article."),
    "stats": (_PROJECT, "Entries and source words translated / fuzzy / untranslated, per article and in total."),
    "tm": (f"{__name__}.tm_cmds", "Translation memory: reviewed translations, reused before any MT call."),
    "translate": (f"{__name__}.translate_cmd", "Fill untranslated sentences from the translation memory, then by MT."),
    "update": (_PROJECT, "Create or merge locales/<lang>/LC_MESSAGES/<slug>.po from the templates."),
}
