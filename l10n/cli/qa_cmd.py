"""``l10n qa``: run the QA checks and print or write a report; the exit status is for CI."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..checks.registry import CHECKS
from ..errors import QAError
from ..fsutil import atomic_write_text
from ..glossary import load_glossary
from ..qa import FAIL_LEVELS, project_of, run_qa
from ..report import RENDERERS
from . import cli
from .common import get_config, lang_option, project_option


def _list_checks() -> None:
    width = max(len(c.check_id) for c in CHECKS)
    for c in CHECKS:
        off = " (off by default)" if c.default_disabled else ""
        click.echo(f"{c.check_id:<{width}}  {c.severity:<7}  {c.description}{off}")


@cli.command("qa")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, exists=True))
@project_option
@lang_option
@click.option("--glossary", "glossary_path", type=click.Path(path_type=Path, dir_okay=False), help="Glossary CSV (default: the project's).")
@click.option("--source-lang", default=None, metavar="CODE", help="Source language for PATHs outside a project (default nb).")
@click.option("--format", "fmt", type=click.Choice(sorted(RENDERERS)), default="text", show_default=True, help="Report format.")
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False), help="Write the report to FILE (atomically) instead of stdout.")
@click.option("--fail-on", type=click.Choice(FAIL_LEVELS), default="error", show_default=True, help="Exit 1 when findings at or above this severity exist.")
@click.option("--check", "only", multiple=True, metavar="ID", help="Run only this check (repeatable).")
@click.option("--skip", multiple=True, metavar="ID", help="Do not run this check (repeatable).")
@click.option("--list-checks", is_flag=True, help="List check ids with their severity and description, then exit.")
@click.option("--color/--no-color", default=None, help="Colour the text report (default: when stdout is a terminal).")
def qa_command(paths: tuple[Path, ...], project: Path | None, lang: str | None, glossary_path: Path | None,
               source_lang: str | None, fmt: str, output: Path | None, fail_on: str, only: tuple[str, ...],
               skip: tuple[str, ...], list_checks: bool, color: bool | None) -> None:
    """Check translations: review state, glossary, names, numbers and dates, mechanics, MT pitfalls.

    \b
    Examples:
      l10n qa --lang en                      # the project's English catalogues
      l10n qa article.po --source-lang nb    # a bare PO file, no l10n.toml needed
      l10n qa locales/ --format html -o qa.html
      l10n qa --format json --fail-on warning   # for CI
      l10n qa --skip fuzzy --check numbers --check dates
      l10n qa --list-checks

    Exit status: 1 when findings at or above --fail-on exist, 0 otherwise, 2 for usage
    errors. Silence a check on one entry with the PO flag ignore-<check-id>
    (or ignore-all-checks).
    """
    if list_checks:
        _list_checks()
        return
    try:
        result = _run(paths, project, lang, glossary_path, source_lang, only, skip)
    except QAError as exc:
        raise click.UsageError(str(exc)) from exc
    use_color = color if color is not None else (output is None and sys.stdout.isatty())
    text = RENDERERS[fmt](result, color=use_color) if fmt == "text" else RENDERERS[fmt](result)
    if output is not None:
        atomic_write_text(output, text)
        click.echo(f"wrote {output}: {len(result.findings)} finding(s)", err=True)
    else:
        click.echo(text, nl=False, color=use_color)
    if result.fails(fail_on):
        sys.exit(1)


def _run(paths, project, lang, glossary_path, source_lang, only, skip):
    glossary = load_glossary(glossary_path) if glossary_path else None
    if paths:  # files inside a project are checked with that project's glossary and languages
        config = get_config(project) if project is not None else project_of(paths[0])
        return run_qa(list(paths), config=config, lang=lang, glossary=glossary, checks=only, skip=skip,
                      source_lang=source_lang)
    config = get_config(project)
    return run_qa(None, config=config, lang=lang, glossary=glossary, checks=only, skip=skip, source_lang=source_lang)
