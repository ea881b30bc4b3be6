"""Options and error handling shared by every command (sqlite-utils style decorators)."""

from __future__ import annotations

import importlib
import logging
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import click

from ..errors import L10nError
from ..notes import LOGGER, OncePerMessage

if TYPE_CHECKING:
    from ..config import Config


class L10nGroup(click.Group):
    """A group that turns library errors into one-line ``Error: …`` messages (exit 1)
    and imports a subsystem's command module only when that command is used, so
    ``l10n qa`` does not pay for loading the MT engines."""

    lazy_commands: dict[str, tuple[str, str]] = {}  # name -> (module, one-line summary)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in self.lazy_commands:
            importlib.import_module(self.lazy_commands[name][0])
        return super().get_command(ctx, name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list of ``--help`` from the summaries, importing no command module."""
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            cmd = self.commands.get(name)
            if cmd is None:
                summary = click.Command(name, help=self.lazy_commands[name][1])  # click's own shortening
                rows.append((name, summary.get_short_help_str(limit)))
            elif not cmd.hidden:
                rows.append((name, cmd.get_short_help_str(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        handler = _NoteHandler()
        LOGGER.addHandler(handler)
        LOGGER.propagate = False
        try:
            return super().invoke(ctx)
        except L10nError as exc:
            raise click.ClickException(str(exc)) from exc
        except sqlite3.DatabaseError as exc:  # damaged after it opened (a torn page): say how out
            raise click.ClickException(f"a database file is damaged ({exc}): {DAMAGED_HINT}") from exc
        finally:
            LOGGER.removeHandler(handler)


DAMAGED_HINT = ("'l10n tm rebuild' recreates the translation memory from the catalogues; the MT cache "
                "(.l10n/mt-cache.sqlite) only saves repeated requests and may be deleted")


class _NoteHandler(logging.Handler):
    """Library notes (:mod:`l10n.notes`) as ``note: …`` lines on stderr, each once."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.addFilter(OncePerMessage())

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"note: {record.getMessage()}", err=True)


def project_option(fn: Callable) -> Callable:
    return click.option(
        "--project",
        "project",
        type=click.Path(path_type=Path, file_okay=True, dir_okay=True),
        default=None,
        help="Project folder (or its l10n.toml). Default: search upwards from the current folder.",
    )(fn)


def lang_option(fn: Callable) -> Callable:
    return click.option(
        "--lang",
        "-l",
        "lang",
        default=None,
        metavar="CODE",
        help="Target language (BCP 47, e.g. en). Default: every target language in l10n.toml.",
    )(fn)


def json_option(fn: Callable) -> Callable:
    return click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON on stdout.")(fn)


def quiet_option(fn: Callable) -> Callable:
    return click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")(fn)


def get_config(project: Path | None) -> Config:
    from ..config import load_config

    return load_config(project)


def print_json(data: Any) -> None:
    import json

    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def progress_reporter(label: str, quiet: bool = False) -> Callable[[int, int], None] | None:
    """A callback drawing a progress bar on stderr when it is a terminal."""
    if quiet or not sys.stderr.isatty():
        return None
    state: dict[str, Any] = {}

    def report(done: int, total: int) -> None:
        bar = state.get("bar")
        if bar is None:
            # drawn at most ~200 times however long the run: a redraw per segment cost a 10,000-segment
            # run more CPU than its requests (click applies the remainder when the bar finishes)
            bar = click.progressbar(length=total, label=label, file=sys.stderr, update_min_steps=max(1, total // 200))
            bar.__enter__()
            state["bar"] = bar
            state["done"] = 0
        bar.update(done - state["done"])
        state["done"] = done
        if done >= total:
            bar.__exit__(None, None, None)

    return report
