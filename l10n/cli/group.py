"""The ``l10n`` click group; its commands live in sibling modules and register on first use.

Commands parse options, call one library function and print. Library errors
(``L10nError``) become ``click.ClickException`` (exit 1); usage errors keep
click's exit status 2. The help text and the command table come from
:mod:`l10n.cli.toplevel`, which answers ``l10n --help`` without importing click.
"""

from __future__ import annotations

import click

from .. import __version__
from .common import L10nGroup
from .toplevel import COMMANDS, HELP, HELP_NAMES, MAX_WIDTH, PROG


@click.group(cls=L10nGroup, help=HELP,
             context_settings={"help_option_names": list(HELP_NAMES), "max_content_width": MAX_WIDTH})
@click.version_option(__version__, prog_name=PROG)
def cli() -> None:
    pass


# Command modules register themselves on ``cli`` when imported, on first use (see L10nGroup),
# so each command loads only what it needs and listing commands imports none of them.
cli.lazy_commands = COMMANDS
