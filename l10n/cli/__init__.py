"""The ``l10n`` command.

``l10n --help`` and ``l10n --version`` are answered by :mod:`l10n.cli.toplevel`
without importing click (which costs more than starting Python); everything
else runs the click group :data:`cli` of :mod:`l10n.cli.group`, imported on
first use.
"""

from __future__ import annotations

import sys
from typing import Any

__all__ = ["cli", "main"]


def main() -> None:
    from .toplevel import PROG, answer

    text = answer(sys.argv[1:])
    if text is not None:
        try:
            sys.stdout.write(text + "\n")
            sys.stdout.flush()
        except BrokenPipeError:  # the reader went away (| head): exit 1 quietly, as click does
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
        return
    from .group import cli

    try:
        cli(prog_name=PROG)
    finally:
        # The process ends here: every file is written and closed, the databases too. What it
        # still holds is freed as the interpreter exits; left to the collector, the interpreter's
        # last collections would first rescan all of it (3 % of a no-op run's CPU).
        import gc

        gc.freeze()


def __getattr__(name: str) -> Any:
    """``l10n.cli.cli``, the click group, loaded (with click) only when asked for."""
    if name == "cli":
        from .group import cli

        return cli
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
