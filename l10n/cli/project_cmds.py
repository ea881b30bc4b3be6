"""Project commands: init, extract, update, build, stats, run."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import project as lib
from ..config_schema import BUILD_FALLBACKS as FALLBACKS, BUILD_FORMATS as FORMATS
from . import cli
from .common import get_config, json_option, lang_option, print_json, project_option, quiet_option

articles_argument = click.argument("articles", nargs=-1, metavar="[ARTICLE]...")


@cli.command("init")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False), required=False)
@click.option("--source", "-s", default="nb", show_default=True, help="Source language of the articles.")
@click.option("--target", "-t", "targets", multiple=True, default=("en",), show_default=True,
              help="Target language; repeat for several.")
@click.option("--name", default=None, help="Project name for PO headers (default: the folder's name).")
@click.option("--project", "project", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Folder to create the project in, as with every other command (same as FOLDER).")
def init_cmd(folder: Path | None, source: str, targets: tuple[str, ...], name: str | None,
             project: Path | None) -> None:
    """Create a translation project in FOLDER or --project DIR (default: here).

    \b
    Writes l10n.toml, source_articles/, locales/ and an empty glossary.csv.
    Examples:
      l10n init nyheter --source nb --target en --target de
      l10n init --project ~/nyheter --target en
      l10n init                              # in the current folder
    """
    if folder is not None and project is not None and folder.resolve() != project.resolve():
        raise click.UsageError(f"FOLDER ({folder}) and --project ({project}) name different folders")
    folder = folder or project or Path(".")
    path = lib.init_project(folder, source, targets, name)
    click.echo(f"Created {path}. Put articles (.md or .txt) in {folder / 'source_articles'}/ and run 'l10n run'.")


@cli.command("extract")
@project_option
@json_option
@quiet_option
@articles_argument
def extract_cmd(project: Path | None, as_json: bool, quiet: bool, articles: tuple[str, ...]) -> None:
    """Segment articles into sentences and write locales/templates/<slug>.pot.

    \b
    Examples:
      l10n extract                       # every article in source_articles/
      l10n extract kim-jong-un-moter-putin
    """
    config = get_config(project)
    results = lib.extract_project(config, articles)
    if as_json:
        print_json([dict(slug=r.slug, path=str(r.path), segments=r.segments, entries=r.entries, words=r.words,
                         changed=r.changed, removed=r.removed) for r in results])
        return
    for res in results:
        if quiet:
            continue
        if res.removed:
            click.echo(f"{res.slug}: article gone, template removed (catalogues keep their translations)")
        else:
            state = "updated" if res.changed else "unchanged"
            click.echo(f"{res.slug}: {res.entries} entries, {res.words} words ({state})")


@cli.command("update")
@project_option
@lang_option
@json_option
@quiet_option
@articles_argument
def update_cmd(project: Path | None, lang: str | None, as_json: bool, quiet: bool, articles: tuple[str, ...]) -> None:
    """Create or merge locales/<lang>/LC_MESSAGES/<slug>.po from the templates.

    Works like 'msgmerge --previous': unchanged sentences keep their
    translations, a changed sentence gets the closest old translation marked
    fuzzy (with #| showing the old source), removed sentences become obsolete.

    \b
    Examples:
      l10n update --lang en
    """
    config = get_config(project)
    results = lib.update_project(config, lang, articles)
    if as_json:
        print_json([dict(slug=r.slug, lang=r.lang, path=str(r.path), created=r.created, changed=r.changed,
                         **r.stats.as_dict()) for r in results])
        return
    for res in results:
        if not quiet:
            s = res.stats
            verb = "created" if res.created else ("updated" if res.changed else "unchanged")
            click.echo(f"{res.lang}/{res.slug}: {verb}; {s.kept} kept, {s.fuzzy} fuzzy, {s.new} new, {s.obsolete} obsolete")


def _build_options(fn):
    fn = click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default=None,
                      help="Output format (default from l10n.toml, else md).")(fn)
    fn = click.option("--fallback", type=click.Choice(FALLBACKS), default=None,
                      help="For sentences without a reviewed translation: keep the source, "
                      "mark it, or leave it out (default from l10n.toml, else source).")(fn)
    fn = click.option("--include-fuzzy", is_flag=True, help="Use unreviewed (fuzzy) translations too.")(fn)
    return fn


@cli.command("build")
@project_option
@lang_option
@_build_options
@click.option("--fail-on", type=click.Choice(("error", "warning", "untranslated")), default=None,
              help="Check first (the checks of l10n qa) and write no article whose translations have a finding "
              "at this level; 'untranslated' also refuses articles with sentences not in the target language. "
              "Exit 1 if any article was refused.")
@json_option
@quiet_option
@articles_argument
def build_cmd(project: Path | None, lang: str | None, fmt: str | None, fallback: str | None,
              include_fuzzy: bool, fail_on: str | None, as_json: bool, quiet: bool, articles: tuple[str, ...]) -> None:
    """Reassemble translated articles into build/<lang>/<slug>.<ext>.

    Only reviewed (non-fuzzy) translations are used unless --include-fuzzy. A
    translation that adds HTML the source does not have is never used. The
    summary names every article with sentences left in the source language.

    \b
    Examples:
      l10n build --lang en --format html
      l10n build --fallback mark --include-fuzzy
      l10n build --fail-on untranslated        # for publishing and CI
    """
    from ..buildgate import GatedBuild, build_gated, left_in_source_note

    config = get_config(project)
    if fail_on:
        gated = build_gated(config, lang, fmt, fallback, include_fuzzy, articles, fail_on)
    else:
        gated = GatedBuild(lib.build_project(config, lang, fmt, fallback, include_fuzzy, articles))
    if as_json:
        print_json([*(dict(slug=r.slug, lang=r.lang, path=str(r.path), built=True, **r.stats.as_dict()) for r in gated.built),
                    *(dict(slug=r.slug, lang=r.lang, built=False, reasons=r.reasons) for r in gated.refused)])
    elif not quiet:
        for r in gated.built:
            click.echo(_build_line(r, config.root, config.source_language))
        note = left_in_source_note(gated.built, config.source_language)
        if note:
            click.echo(note)
    for refusal in gated.refused:
        shown = refusal.reasons[:3] + ([f"… {len(refusal.reasons) - 3} more (l10n qa)"] if len(refusal.reasons) > 3 else [])
        click.echo(f"{refusal.lang}/{refusal.slug}: not built (--fail-on {fail_on}): " + "; ".join(shown), err=True)
    if gated.refused:
        sys.exit(1)


def _build_line(r: lib.BuildResult, root: Path, source_lang: str = "") -> str:
    s = r.stats
    fuzzy = f"{s.fuzzy} fuzzy" + (" (used)" if s.fuzzy_used else " (unreviewed, left out; --include-fuzzy uses them)" if s.fuzzy else "")
    extra = f", {s.in_source} sentence(s) left in {source_lang or 'the source language'}" if s.in_source else ""
    extra += f", {s.refused} translation(s) not used: they add HTML (l10n qa --check added-markup)" if s.refused else ""
    return (f"{r.lang}/{r.slug}: {s.translated} translated, {fuzzy}, {s.missing} missing{extra}"
            f" -> {lib.relative_to(r.path, root)}")


@cli.command("stats")
@project_option
@lang_option
@json_option
@articles_argument
def stats_cmd(project: Path | None, lang: str | None, as_json: bool, articles: tuple[str, ...]) -> None:
    """Entries and source words translated / fuzzy / untranslated, per article and in total.

    Counts follow Translate Toolkit's pocount, so the figures agree on the same file.

    \b
    Examples:
      l10n stats
      l10n stats --lang en kim-jong-un-moter-putin
      l10n stats --json --project ~/nyheter
    """
    config = get_config(project)
    report = lib.stats_project(config, lang, articles)
    if as_json:
        click.echo(report.as_json())
        return
    header = f"{'article':32} {'lang':5} {'translated':>16} {'fuzzy':>14} {'untranslated':>16} {'%':>5}"
    click.echo(header)
    for slug, code, c in report.rows:
        click.echo(_stats_line(slug, code, c))
    for code in config.languages(lang):
        click.echo(_stats_line("TOTAL", code, report.total(code)))


def _stats_line(slug: str, code: str, c) -> str:
    pct = 100 * c.translated_words / c.total_words if c.total_words else 100.0
    return (f"{slug[:32]:32} {code:5} {c.translated:>5} ({c.translated_words:>6} w) {c.fuzzy:>4} ({c.fuzzy_words:>6} w)"
            f" {c.untranslated:>5} ({c.untranslated_words:>6} w) {pct:>5.1f}")


@cli.command("run")
@project_option
@lang_option
@click.option("--engine", "-e", default=None, help="MT engine for untranslated sentences (default: [translate] engine).")
@click.option("--engine-url", default=None, help="Base URL of a self-hosted engine (LibreTranslate).")
@click.option("--no-translate", is_flag=True, help="Skip machine translation even if an engine is configured.")
@quiet_option
def run_cmd(project: Path | None, lang: str | None, engine: str | None, engine_url: str | None,
            no_translate: bool, quiet: bool) -> None:
    """Do the whole job: extract, update, translation memory, translate, build.

    Machine translation runs only when an engine is configured in l10n.toml
    or given with --engine; with nothing to translate no request is sent.

    \b
    Examples:
      l10n run                                   # offline: catalogues and build/
      l10n run --engine libre --engine-url http://127.0.0.1:5000/
    """
    from ..pipeline import run_pipeline
    from .common import progress_reporter

    config = get_config(project)
    options = {"engine_url": engine_url} if engine_url else {}
    report = run_pipeline(config, lang, engine, translate=not no_translate,
                          progress=progress_reporter("Translating", quiet), **options)
    if quiet:
        if report.translate_error is not None:
            raise click.ClickException(f"machine translation failed: {report.translate_error}")
        return
    if report.tm_added is not None:
        click.echo(f"translation memory: {report.tm_added} new units from reviewed entries")
    if report.translate_skipped:
        click.echo(f"machine translation skipped: {report.translate_skipped}")
    elif report.translated is not None:
        click.echo(f"machine translation: {report.translated}")
    for line in report.lines():
        click.echo(line)
    from ..buildgate import left_in_source_note

    note = left_in_source_note(report.built, config.source_language)
    if note:
        click.echo(note)
    click.echo(f"built files are in {lib.relative_to(config.build_dir, config.root)}/")
    if report.translate_error is not None:
        raise click.ClickException(f"machine translation failed: {report.translate_error}")
