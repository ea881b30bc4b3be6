"""``l10n segment``: split a text into sentences, one per line, blocks separated by blank lines."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from ..errors import ArticleError
from ..extract import markdown_blocks
from ..fsutil import atomic_write_text, decode_utf8, read_text
from ..segment import export_srx, segment_blocks
from . import cli
from .common import get_config, json_option, print_json

_LINE_BREAK = re.compile(r"[ \t]*\r?\n\s*")


@cli.command("segment")
@click.argument("file", required=False, type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option(
    "--lang", "-l", default=None, metavar="CODE",
    help="Language of the text: nb (no), nn or en. Default: the project's source language with --project, else nb.",
)
@click.option("--project", "project", type=click.Path(path_type=Path, file_okay=True, dir_okay=True), default=None,
              help="Project folder (or its l10n.toml): its source language is the default --lang, and FILE may "
              "be an article slug in its source_articles/.")
@json_option
@click.option(
    "--srx",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Use the rules an SRX 2.0 file gives for --lang instead of the built-in ones.",
)
@click.option(
    "--export-srx",
    "export_path",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Write the built-in rules for --lang as SRX 2.0 (for OmegaT/Okapi); segment only if FILE is given.",
)
@click.option("--markdown/--plain", "markdown", default=None,
              help="Read FILE as a Markdown article (headings, lists, front matter) or as plain text. "
              "Default: Markdown for .md files, plain otherwise.")
def segment_cmd(file: Path | None, lang: str | None, project: Path | None, as_json: bool, srx: Path | None,
                export_path: Path | None, markdown: bool | None) -> None:
    """Print the sentences of FILE (or standard input, '-'), one per line.

    Blocks (paragraphs separated by blank lines; in Markdown, also headings,
    list items, quotes and captions) are segmented separately and separated by a
    blank line in the output. A line break inside a sentence is printed as a
    space; --json gives exact sentences with character offsets.

    \b
    Examples:
      l10n segment source_articles/storm.md
      echo "Møtet er kl. 10.30 i dag. Alle kommer." | l10n segment -
      l10n segment notes.txt --json
      l10n segment --export-srx nb.srx
      l10n segment --project ~/nyheter storm   # source_articles/storm.md, project's language
    """
    if project is not None:
        from ..project import article_paths  # only here: plain `l10n segment` stays light

        config = get_config(project)
        lang = lang or config.source_language
        if file is not None and str(file) != "-" and not file.exists():
            file = article_paths(config, [str(file)])[0]
    lang = lang or "nb"
    if export_path is not None:
        atomic_write_text(export_path, export_srx(lang))
        click.echo(f"Wrote SRX rules for {lang} to {export_path}", err=True)
        if file is None:
            return
    text = _read_input(file or Path("-"))
    if markdown is None:
        markdown = file is not None and file.suffix.lower() in (".md", ".markdown")
    if markdown and srx is None:
        blocks = markdown_blocks(text, lang, file.name if file is not None else "stdin.md")
    else:
        blocks = segment_blocks(text, lang, srx)
    if as_json:
        print_json([[{"text": text[s:e], "start": s, "end": e} for s, e in block] for block in blocks])
        return
    click.echo("\n\n".join("\n".join(_LINE_BREAK.sub(" ", text[s:e]) for s, e in block) for block in blocks))


def _read_input(path: Path) -> str:
    """UTF-8 text from a file or stdin; a bad byte is reported with its file and line."""
    if str(path) != "-":
        return read_text(path, ArticleError, "input file")
    return decode_utf8(sys.stdin.buffer.read(), ArticleError, "<stdin>")
