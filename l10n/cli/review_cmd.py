"""``l10n review``: the terminal front end of :class:`l10n.review.ReviewSession`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..glossary import load_project_glossary
from ..memory import open_memory
from ..review import ACCEPT, BACK, EDIT, QUIT, SKIP, Decision, EntryView, ReviewSession
from . import cli
from .common import get_config, lang_option, project_option

KEYS = {"a": ACCEPT, "e": EDIT, "i": EDIT, "s": SKIP, "b": BACK, "q": QUIT}
PROMPT = "[a]ccept [e]dit [i]nline edit [s]kip [b]ack [q]uit"


class ClickUI:
    """Shows entries with click.echo and reads one-key decisions (no Enter needed on a terminal)."""

    def show(self, view: EntryView) -> None:
        echo = click.echo
        echo("")
        echo(click.style(f"── {view.position}/{view.total}  {view.path.name} [{view.lang}]  {view.state}", bold=True))
        for line in view.before:
            echo(click.style(f"   {line}", dim=True))
        echo(click.style(f" ▶ {view.source}", bold=True))
        for line in view.after:
            echo(click.style(f"   {line}", dim=True))
        if view.previous_source:
            echo(f"   was: {view.previous_source}")
        echo(f"\n   {view.lang}: {view.target or '(untranslated)'}")
        for line in view.provenance or (["(no provenance)"] if view.target else []):
            echo(f"   from {line}")
        for term in view.terms:
            echo(f"   term: {term}")
        for m in view.matches:
            echo(f"   TM {m.score}%: {m.target}  ({m.origin})")
        for finding in view.findings:
            echo(click.style(f"   ! {finding}", fg="yellow"))

    def decide(self, view: EntryView) -> Decision:
        while True:
            key = self._key()
            action = KEYS.get(key)
            if action is None:
                click.echo(f"unknown key {key!r}")
                continue
            if action != EDIT:
                return Decision(action)
            text = self._edit(view, inline=key == "i")
            if text is not None:
                return Decision(EDIT, text)

    @staticmethod
    def _key() -> str:
        """One keypress on a terminal; a line (first letter counts) from a pipe or a test."""
        if sys.stdin.isatty():
            click.echo(f"{PROMPT}? ", nl=False)
            key = click.getchar().lower()
            click.echo(key)
            return key
        return click.prompt(PROMPT, prompt_suffix="? ").strip().lower()[:1]

    def _edit(self, view: EntryView, inline: bool) -> str | None:
        if not inline:
            edited = click.edit(f"{view.target}\n\n# Source: {view.source}\n# Lines starting with # are ignored.\n")
            if edited is None:
                click.echo("unchanged")
                return None
            text = " ".join(line for line in edited.splitlines() if not line.startswith("#")).strip()
        else:
            text = click.prompt("translation", default=view.target or "", show_default=False).strip()
        if not text:
            click.echo("empty translation; not saved")
            return None
        return text

    def notify(self, message: str) -> None:
        click.echo(click.style(message, fg="red"), err=True)


@cli.command("review")
@project_option
@lang_option
@click.option("--reviewer", "-r", default=None, help="Name recorded in reviewed entries (default: [review] reviewer).")
@click.argument("article", required=False)
def review_cmd(project: Path | None, lang: str | None, reviewer: str | None, article: str | None) -> None:
    """Review fuzzy and untranslated entries one at a time.

    Each entry shows its neighbours, the current suggestion and where it came
    from, translation-memory matches, glossary terms and QA findings. Every
    decision is saved at once (catalogue and memory), so you can quit any
    time and carry on later, or in Poedit.

    \b
    Keys: a accept, e edit in $EDITOR, i edit inline, s skip, b back, q quit.
    Examples:
      l10n review --lang en
      l10n review --lang en --reviewer "Kari Nordmann" kim-jong-un-moter-putin
    """
    config = get_config(project)
    tm = open_memory(config)
    try:
        session = ReviewSession.from_project(
            config, lang, article, reviewer=reviewer, tm=tm, glossary=load_project_glossary(config)
        )
        summary = session.run(ClickUI())
    finally:
        if tm is not None:
            tm.close()
    click.echo(
        f"\n{summary.accepted} accepted, {summary.edited} edited, {summary.skipped} skipped; "
        f"{summary.remaining} entries still need review"
    )
