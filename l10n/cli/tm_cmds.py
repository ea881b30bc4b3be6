"""``l10n tm``: build, query and exchange the translation memory."""

from __future__ import annotations

from pathlib import Path

import click

from ..config import Config
from ..errors import TMError
from ..memory import TranslationMemory, memory_threshold, open_memory
from ..tmx import export_file, import_file
from . import cli
from .common import get_config, json_option, lang_option, print_json, project_option, quiet_option


def _memory(config: Config) -> TranslationMemory:
    tm = open_memory(config)
    if tm is None:
        raise TMError("the translation memory is disabled ([memory] enabled = false)", config.path)
    return tm


def _one_language(config: Config, lang: str | None) -> str:
    return config.languages(lang)[0]


@cli.group("tm")
def tm_group() -> None:
    """Translation memory: reviewed translations, reused before any MT call.

    \b
    Examples:
      l10n tm update                      # learn from reviewed entries of every catalogue
      l10n tm lookup "Møtet er onsdag."   # best matches with scores
      l10n tm export memory.tmx           # TMX 1.4b for OmegaT, Translate Toolkit, …
      l10n tm import from-omegat.tmx --lang en
      l10n tm stats --json
      l10n tm rebuild                     # a damaged memory: recreate it from the catalogues
    """


@tm_group.command("update")
@project_option
@lang_option
@quiet_option
def update_cmd(project: Path | None, lang: str | None, quiet: bool) -> None:
    """Add reviewed (non-fuzzy) catalogue entries to the memory.

    Fuzzy entries, machine translations and untranslated copies of the
    source are never added. Catalogues edited in Poedit, Weblate or Lokalize
    are read as they are.

    \b
    Examples:
      l10n tm update                      # every target language
      l10n tm update --lang en --quiet
      l10n tm update --project ~/nyheter
    """
    from ..incremental import update_memory

    config = get_config(project)
    with _memory(config) as tm:
        counts = update_memory(config, tm, lang)
    if not quiet:
        click.echo(
            f"{counts.catalogues} catalogues: {counts.added} added, {counts.updated} updated, "
            f"{counts.unchanged} unchanged, {counts.skipped} skipped"
        )


@tm_group.command("rebuild")
@project_option
@quiet_option
def rebuild_cmd(project: Path | None, quiet: bool) -> None:
    """Recreate the memory from the catalogues (the way out of a damaged memory file).

    The old file is moved aside as memory.sqlite.old-<time>, never deleted:
    units imported from TMX files are only there (import them again).

    \b
    Examples:
      l10n tm rebuild
      l10n tm rebuild --project ~/nyheter --quiet
    """
    from ..tmrebuild import rebuild_memory

    config = get_config(project)
    result = rebuild_memory(config)
    if not quiet:
        c = result.counts
        kept = f"; the old file is kept as {result.kept.name}" if result.kept else ""
        click.echo(f"{result.path.name}: rebuilt from {c.catalogues} catalogues, {c.added} units{kept}")


@tm_group.command("lookup")
@click.argument("text")
@project_option
@lang_option
@click.option("--limit", "-n", default=5, show_default=True, help="Number of matches.")
@click.option("--threshold", "-t", type=click.IntRange(0, 100), default=None,
              help="Minimum score in percent (default: memory.fuzzy_threshold, 75).")
@json_option
def lookup_cmd(text: str, project: Path | None, lang: str | None, limit: int, threshold: int | None, as_json: bool) -> None:
    """Show the memory's best matches for a source sentence.

    \b
    Examples:
      l10n tm lookup "Kim Jong-un kom til Russland tirsdag." --lang en
      l10n tm lookup "Møtet er onsdag." --threshold 60 --limit 3 --json
    """
    config = get_config(project)
    target = _one_language(config, lang)
    with _memory(config) as tm:
        cutoff = memory_threshold(config) if threshold is None else threshold
        matches = tm.lookup(text, config.source_language, target, limit=limit, threshold=cutoff)
    if as_json:
        print_json([m.as_dict() for m in matches])
        return
    if not matches:
        click.echo(f"no match at {cutoff}% or more")
    for m in matches:
        click.echo(f"{m.score:3d}%  {m.source}\n      {m.target}\n      ({m.origin or 'unknown origin'}"
                   f"{', ' + m.reviewer if m.reviewer else ''})")


@tm_group.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@project_option
@lang_option
@click.option("--source-lang", default=None, metavar="CODE", help="Source language (default: the project's).")
def import_cmd(file: Path, project: Path | None, lang: str | None, source_lang: str | None) -> None:
    """Import a TMX 1.4b file or the reviewed entries of a PO catalogue.

    \b
    Examples:
      l10n tm import project_save.tmx --lang en
      l10n tm import old/kim-putin.po --lang en
    """
    config = get_config(project)
    target = _one_language(config, lang)
    with _memory(config) as tm:
        counts = import_file(tm, file, source_lang or config.source_language, target)
    click.echo(f"{file}: {counts.added} added, {counts.updated} updated, {counts.unchanged} unchanged, "
               f"{counts.skipped} skipped")


@tm_group.command("export")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@project_option
@lang_option
def export_cmd(file: Path, project: Path | None, lang: str | None) -> None:
    """Export reviewed units to TMX 1.4b (.tmx) or a PO catalogue (.po).

    \b
    Examples:
      l10n tm export memory.tmx            # every target language
      l10n tm export memory-en.po --lang en
    """
    config = get_config(project)
    target = None if lang is None and file.suffix.lower() == ".tmx" else _one_language(config, lang)
    with _memory(config) as tm:
        count = export_file(tm, file, config.source_language, target)
    click.echo(f"{file}: {count} units")


@tm_group.command("stats")
@project_option
@json_option
def stats_cmd(project: Path | None, as_json: bool) -> None:
    """Units by language pair, state, origin and reviewer.

    \b
    Examples:
      l10n tm stats
      l10n tm stats --json --project ~/nyheter
    """
    config = get_config(project)
    with _memory(config) as tm:
        stats = tm.stats()
    if as_json:
        print_json(stats)
        return
    click.echo(f"{stats['path']}: {stats['units']} reviewed units")
    for pair, states in stats["pairs"].items():  # type: ignore[union-attr]
        click.echo(f"  {pair}: " + ", ".join(f"{n} {state}" for state, n in states.items()))
    for origin, n in stats["origins"].items():  # type: ignore[union-attr]
        click.echo(f"  {n:6d}  {origin or '(unknown origin)'}")
