"""``l10n review``: the terminal front end of :class:`l10n.review.ReviewSession`."""

from __future__ import annotations

import os
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
        """One keypress on a terminal; a line (first letter counts) from a pipe or a test.
        Ctrl-D (end of input) quits, keeping every decision already saved."""
        if sys.stdin.isatty():
            click.echo(f"{PROMPT}? ", nl=False)
            try:
                key = click.getchar().lower()
            except EOFError:  # click turns Ctrl-D into EOFError
                key = "\x04"
            click.echo(key if key.isprintable() else "")
            return "q" if key in ("\x04", "") else key
        try:
            return click.prompt(PROMPT, prompt_suffix="? ").strip().lower()[:1]
        except click.Abort:
            return "q"

    def _edit(self, view: EntryView, inline: bool) -> str | None:
        """The edited text, or None when nothing changed (the entry stays as it was)."""
        suggestion = view.target or ""
        if not inline and not (os.environ.get("VISUAL") or os.environ.get("EDITOR")):
            click.echo("no $EDITOR set: editing inline (set EDITOR to use your editor)")
            inline = True
        if inline:
            text = inline_edit(suggestion)
        else:
            try:
                edited = click.edit(f"{suggestion}\n\n# Source: {view.source}\n# Lines starting with # are ignored.\n")
            except click.ClickException as exc:
                click.echo(f"{exc.format_message()}: editing inline")
                edited = inline_edit(suggestion)
            text = " ".join(line for line in (edited or "").splitlines() if not line.startswith("#")).strip()
        if not text or text == suggestion.strip():
            click.echo("unchanged; the entry stays as it was (a accepts it)")
            return None
        return text

    def notify(self, message: str) -> None:
        click.echo(click.style(message, fg="red"), err=True)


def inline_edit(suggestion: str) -> str:
    """Read one line with the suggestion already typed in (readline on a terminal, click's
    default from a pipe), so the translator edits rather than retypes. End of input: ""."""
    if sys.stdin.isatty():
        try:
            import readline
        except ImportError:  # pragma: no cover - readline is missing on some platforms
            readline = None
        if readline is not None:
            readline.set_startup_hook(lambda: readline.insert_text(suggestion))
        try:
            return input("translation: ").strip()
        except EOFError:
            click.echo("")
            return ""
        finally:
            if readline is not None:
                readline.set_startup_hook()
    try:
        return click.prompt("translation", default=suggestion, show_default=False).strip()
    except click.Abort:
        return ""


@cli.command("review")
@project_option
@lang_option
@click.option("--reviewer", "-r", default=None, help="Name recorded in reviewed entries (default: [review] reviewer).")
@click.option("--order", type=click.Choice(["catalogue", "risk"]), default="catalogue", show_default=True,
              help="Entry order: as in the catalogues, or riskiest first (QA findings, raw MT, fuzzy TM match).")
@click.argument("article", required=False)
def review_cmd(project: Path | None, lang: str | None, reviewer: str | None, order: str, article: str | None) -> None:
    """Review fuzzy and untranslated entries one at a time.

    Each entry shows its neighbours, the current suggestion and where it came
    from, translation-memory matches, glossary terms and QA findings. Every
    decision is saved at once (catalogue and memory), so you can quit any
    time and carry on later, or in Poedit.

    \b
    Keys: a accept, e edit in $EDITOR (inline when none is set), i edit inline
    (the suggestion is typed in for you; an empty or unchanged edit keeps the
    entry as it was), s skip, b back, q or Ctrl-D quit.
    Examples:
      l10n review --lang en
      l10n review --lang en --reviewer "Kari Nordmann" kim-jong-un-moter-putin
      l10n review --lang en --order risk
    """
    config = get_config(project)
    tm = open_memory(config)
    try:
        session = ReviewSession.from_project(
            config, lang, article, reviewer=reviewer, tm=tm, glossary=load_project_glossary(config), order=order
        )
        summary = session.run(ClickUI())
    finally:
        if tm is not None:
            tm.close()
    click.echo(
        f"\n{summary.accepted} accepted, {summary.edited} edited, {summary.skipped} skipped; "
        f"{summary.remaining} entries still need review"
    )
