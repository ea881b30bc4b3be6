"""``l10n glossary``: list terms, check catalogues against them, import TBX."""

from __future__ import annotations

from pathlib import Path

import click

from ..catalog import read_catalog
from ..glossary import Glossary, check_catalog, load_project_glossary, write_glossary
from ..review import project_catalogs
from ..tbx import read_tbx, write_tbx
from . import cli
from .common import get_config, json_option, lang_option, print_json, project_option

glossary_option = click.option(
    "--glossary", "-g", "glossary_path", type=click.Path(path_type=Path, dir_okay=False), default=None,
    help="Glossary CSV or TBX file (default: [glossary] path in l10n.toml).",
)


@cli.group("glossary")
def glossary_group() -> None:
    """Approved terms and names, with the wrong renderings MT is known to produce.

    \b
    The CSV header is source,target,type,forbidden,note; source lists
    inflected forms (Sjojgu|Sjojgus), type is name, term or dnt (do not
    translate), forbidden lists known wrong renderings (Shojo|Shoygu).
    Examples:
      l10n glossary list
      l10n glossary check --lang en
      l10n glossary import termbase.tbx -o glossary.csv
      l10n glossary export termbase.tbx
    """


@glossary_group.command("list")
@project_option
@glossary_option
@json_option
def list_cmd(project: Path | None, glossary_path: Path | None, as_json: bool) -> None:
    """Print the glossary's terms: source forms → target [type], and known wrong renderings.

    \b
    Examples:
      l10n glossary list
      l10n glossary list --json
      l10n glossary list --glossary other-terms.csv
    """
    glossary = load_project_glossary(get_config(project), glossary_path)
    if as_json:
        print_json([{"sources": list(t.sources), "target": t.target, "alternatives": list(t.alternatives),
                     "type": t.type, "forbidden": list(t.forbidden), "note": t.note} for t in glossary.terms])
        return
    for t in glossary.terms:
        wrong = f"  (not: {', '.join(t.forbidden)})" if t.forbidden else ""
        click.echo(f"{' | '.join(t.sources)} → {t.target} [{t.type}]{wrong}")
    click.echo(f"{len(glossary)} terms", err=True)


@glossary_group.command("check")
@project_option
@lang_option
@glossary_option
@click.option("--reviewed-only", is_flag=True, help="Skip fuzzy entries.")
@json_option
@click.argument("article", required=False)
def check_cmd(project: Path | None, lang: str | None, glossary_path: Path | None, reviewed_only: bool,
              as_json: bool, article: str | None) -> None:
    """List glossary violations: forbidden renderings present, approved term missing.

    Exit status 1 when there are violations.

    \b
    Examples:
      l10n glossary check --lang en
      l10n glossary check --json kim-jong-un-moter-putin
    """
    config = get_config(project)
    glossary = load_project_glossary(config, glossary_path)
    report = []
    for target in config.languages(lang):
        for path in project_catalogs(config, target, article):
            terms = glossary.for_language(target)
            for v in check_catalog(terms, read_catalog(path), include_fuzzy=not reviewed_only):
                report.append({"file": str(path), "lang": target, **v.as_dict()})
    if as_json:
        print_json(report)
    else:
        for item in report:
            state = " (fuzzy)" if item["fuzzy"] else ""
            click.echo(f"{item['file']}:{item['line']}: {item['kind']}{state}: {item['message']}")
        click.echo(f"{len(report)} glossary violations", err=True)
    if report:
        click.get_current_context().exit(1)


@glossary_group.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@project_option
@lang_option
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="CSV to write (default: the project's glossary path). Existing terms are kept.")
@click.option("--replace", is_flag=True, help="Replace the output's terms instead of adding to them.")
def import_cmd(file: Path, project: Path | None, lang: str | None, output: Path | None, replace: bool) -> None:
    """Import a TBX-Basic termbase into the glossary CSV.

    \b
    Examples:
      l10n glossary import termbase.tbx -o glossary.csv
      l10n glossary import termbase.tbx --lang en
    """
    config = get_config(project)
    imported = read_tbx(file, config.source_language, config.languages(lang)[0])
    dest = output or config.resolve(config.section("glossary").get("path", "glossary.csv"))
    glossary = load_project_glossary(config, dest) if dest.exists() and not replace else None
    known = {t.sources[0] for t in glossary.terms} if glossary else set()
    terms = [*(glossary.terms if glossary else []), *(t for t in imported.terms if t.sources[0] not in known)]
    write_glossary(Glossary(terms, dest), dest)
    click.echo(f"{dest}: {len(terms) - len(known)} terms imported from {file}, {len(terms)} in total")


@glossary_group.command("export")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@project_option
@lang_option
@glossary_option
def export_cmd(file: Path, project: Path | None, lang: str | None, glossary_path: Path | None) -> None:
    """Write the glossary as TBX-Basic (.tbx) or CSV (.csv).

    \b
    Examples:
      l10n glossary export termbase.tbx --lang en
      l10n glossary export terms-copy.csv
    """
    config = get_config(project)
    glossary = load_project_glossary(config, glossary_path)
    if file.suffix.lower() == ".tbx":
        target = config.languages(lang)[0]
        write_tbx(glossary.for_language(target), file, config.source_language, target)
    else:
        write_glossary(glossary, file)
    click.echo(f"{file}: {len(glossary)} terms")
