"""``l10n translate``: machine-translate untranslated entries (thin wrapper over translate_project)."""

from __future__ import annotations

import click

from ..engines import ENGINES
from ..errors import EngineError
from ..translate import translate_project
from . import cli
from .common import get_config, json_option, lang_option, print_json, progress_reporter, project_option, quiet_option

_ENGINE_HELP = "\n".join(f"  {name:10} {cls.label}" for name, cls in ENGINES.items())


@cli.command("translate", help=f"""Fill untranslated sentences from the translation memory, then by MT.

Machine output is marked fuzzy with a '#. mt: <engine> <date>' comment, so it
never reaches a built article unreviewed; reviewed entries are never touched.
Glossary terms, URLs and e-mail addresses are protected from the engine.
Results are saved as they arrive, so an interrupted run resumes, and an MT
cache (.l10n/mt-cache.sqlite) makes reruns free. API keys are read only from
L10N_<ENGINE>_KEY (e.g. L10N_DEEPL_KEY).

\b
Engines:
{_ENGINE_HELP}

\b
Examples:
  l10n translate --engine libre --engine-url http://127.0.0.1:5000/
  l10n translate --lang en --engine deepl --dry-run
  l10n translate --engine google --workers 2 --rate-limit 1 kim-putin
  l10n translate --wait      # start when a translate already running here ends
  l10n translate --engine openai --model gpt-4.1-mini --dry-run
  l10n translate --engine openai --engine-url http://127.0.0.1:8080/v1 --model local
  l10n translate --engine anthropic --model claude-sonnet-4-5 --max-cost 2.50
""")
@lang_option
@click.option("--engine", "-e", "engine", metavar="NAME", type=click.Choice(list(ENGINES)), default=None,
              help="MT engine (default: [translate] engine in l10n.toml).")
@click.option("--engine-url", metavar="URL", default=None, help="Base URL of the service (self-hosted or test server).")
@click.option("--workers", "-w", type=click.IntRange(1, 64), default=None, help="Concurrent requests (default per engine).")
@click.option("--rate-limit", type=click.FloatRange(min=0, min_open=True), default=None, metavar="R",
              help="At most R requests per second.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None, metavar="SECONDS",
              help="Timeout of each request.")
@click.option("--model", "-m", metavar="NAME", default=None,
              help="Model of an LLM engine (openai, anthropic, ollama); default: [translate] model.")
@click.option("--dry-run", is_flag=True, help="Only count segments, characters, tokens and estimated cost per article.")
@click.option("--max-cost", type=click.FloatRange(min=0), default=None, metavar="USD",
              help="Stop before the estimated spend would pass USD (prices: l10n/data/prices.toml, [translate.prices]).")
@click.option("--retranslate-fuzzy", is_flag=True, help="Also refresh fuzzy entries that are still raw MT.")
@click.option("--wait", is_flag=True,
              help="If another translate runs on this project, wait for it to end (default: stop with an error).")
@json_option
@quiet_option
@project_option
@click.argument("articles", nargs=-1, metavar="[ARTICLE]...")
def translate_cmd(lang, engine, engine_url, workers, rate_limit, timeout, model, dry_run, max_cost, retranslate_fuzzy, wait,
                  as_json, quiet, project, articles) -> None:
    config = get_config(project)
    try:
        summary = translate_project(
            config, lang=lang, engine=engine, articles=list(articles), workers=workers, rate_limit=rate_limit,
            engine_url=engine_url, timeout=timeout, dry_run=dry_run, retranslate_fuzzy=retranslate_fuzzy, wait=wait,
            model=model, max_cost=max_cost,
            progress=progress_reporter("Translating", quiet or as_json),
        )
    except EngineError as exc:
        _partial_summary(getattr(exc, "summary", None), quiet)
        raise
    if as_json:
        print_json(summary.as_dict())
    elif not quiet:
        for line in summary.lines():
            click.echo(line)
    if summary.failed:
        raise EngineError(f"{len(summary.failed)} segments failed; they stay untranslated for a later run")
    if summary.stopped:
        raise EngineError(summary.stopped)


def _partial_summary(partial, quiet: bool) -> None:
    """Before the error of an engine that failed mid-run, say what was saved.

    An engine that was unreachable from the start saved nothing: then the
    ``Error:`` line alone says it all (one line, as the README promises).
    """
    if partial is None or quiet or not (partial.translated or partial.from_tm):
        return
    for line in partial.lines():
        click.echo(line, err=True)
