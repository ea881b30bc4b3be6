"""Start-up: ``l10n --help`` lists commands without importing them; ``l10n stats`` loads no segmenter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest

from l10n.cli import cli

PROBE = """\
import sys
from l10n.cli import main
sys.argv = ["l10n", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print(" ".join(sorted(sys.modules)), file=sys.stderr)
"""


def loaded(args: list[str], cwd: Path) -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=cwd, capture_output=True, text=True, check=True)
    return set(done.stderr.strip().splitlines()[-1].split())


@pytest.mark.parametrize("name", sorted(cli.lazy_commands))
def test_listed_summary_is_the_commands_own(name: str) -> None:
    import importlib

    module, summary = cli.lazy_commands[name]
    importlib.import_module(module)
    command = cli.commands[name]
    for limit in (45, 200):
        assert click.Command(name, help=summary).get_short_help_str(limit) == command.get_short_help_str(limit)


def test_help_imports_no_command_module(tmp_path: Path) -> None:
    modules = loaded(["--help"], tmp_path)
    assert "l10n.cli" in modules
    heavy = {m for m in modules if m.startswith(("l10n.cli.", "l10n.config", "babel", "polib", "rapidfuzz"))}
    assert heavy == {"l10n.cli.common"}


def test_stats_loads_no_segmenter_merge_or_mt(invoke, mini_project: Path) -> None:
    assert invoke(["extract"], mini_project).exit_code == 0
    modules = loaded(["stats"], mini_project)
    assert "l10n.catalog" in modules  # it reads catalogues ...
    assert not modules & {"l10n.segment", "l10n.merge", "l10n.assemble", "l10n.translate", "l10n.memory",
                          "rapidfuzz", "l10n.engines"}  # ... and needs nothing else
