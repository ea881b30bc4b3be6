"""Start-up: ``l10n --help`` answers without click, exactly as click would; ``l10n stats`` loads no segmenter."""

from __future__ import annotations

import inspect
import io
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from l10n.cli import cli, toplevel

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


def run_probe(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", PROBE, *args], cwd=cwd, capture_output=True, text=True, check=True,
                          env=env)


def loaded(args: list[str], cwd: Path) -> set[str]:
    return set(run_probe(args, cwd).stderr.strip().splitlines()[-1].split())


def clicks_own(args: list[str], width: int, capsys: pytest.CaptureFixture[str]) -> str:
    """What the click group itself prints with its help formatter ``width`` wide (CliRunner
    would force 80)."""
    old, click.formatting.FORCED_WIDTH = click.formatting.FORCED_WIDTH, width
    try:
        capsys.readouterr()
        assert cli.main(args, prog_name="l10n", standalone_mode=False) in (None, 0)
        return capsys.readouterr().out
    finally:
        click.formatting.FORCED_WIDTH = old


CLICK_ITSELF = "import sys; from l10n.cli import cli; cli(sys.argv[1:], prog_name='l10n')"


@pytest.mark.parametrize("name", sorted(cli.lazy_commands))
def test_listed_summary_is_the_commands_own(name: str) -> None:
    import importlib

    module, summary = cli.lazy_commands[name]
    importlib.import_module(module)
    command = cli.commands[name]
    for limit in (45, 200):
        assert click.Command(name, help=summary).get_short_help_str(limit) == command.get_short_help_str(limit)


def test_fast_help_equals_clicks_rendering_at_every_width(capsys: pytest.CaptureFixture[str]) -> None:
    """Every width click can pick: 50 to MAX_WIDTH - 2 (and wider, should the limit change)."""
    for width in range(50, toplevel.MAX_WIDTH + 20):
        for flag in toplevel.HELP_NAMES:
            assert toplevel.render_help(width) + "\n" == clicks_own([flag], width, capsys), (width, flag)


def test_fast_help_lists_every_command_with_a_shortened_summary() -> None:
    text = toplevel.render_help(50)
    listed = text.split("Commands:\n", 1)[1].splitlines()
    assert [line.split()[0] for line in listed] == sorted(toplevel.COMMANDS)
    assert any(line.endswith("...") for line in listed)  # 50 columns are too few for the long summaries
    assert all(len(line) <= 50 for line in listed)


def test_width_is_found_as_click_finds_it(monkeypatch: pytest.MonkeyPatch) -> None:
    for value in ("", "abc", "0", "-5", "61", "300"):
        monkeypatch.setenv("COLUMNS", value)
        assert toplevel.help_width() == click.formatting.HelpFormatter(max_width=toplevel.MAX_WIDTH).width, value
    monkeypatch.delenv("COLUMNS")
    assert toplevel.help_width() == click.formatting.HelpFormatter(max_width=toplevel.MAX_WIDTH).width


def test_help_text_is_already_clean() -> None:
    """click passes the help through inspect.cleandoc; ours is printed as it stands."""
    assert inspect.cleandoc(toplevel.HELP) == toplevel.HELP
    assert cli.help == toplevel.HELP


def test_version_equals_clicks(capsys: pytest.CaptureFixture[str]) -> None:
    assert toplevel.answer(["--version"], {}) + "\n" == clicks_own(["--version"], 80, capsys)


@pytest.mark.parametrize("args", [[], ["--help", "run"], ["run", "--help"], ["--hel"], ["-h", "-h"]])
def test_everything_else_goes_to_click(args: list[str]) -> None:
    assert toplevel.answer(args, {}) is None


def test_shell_completion_goes_to_click() -> None:
    assert toplevel.answer(["--help"], {"_L10N_COMPLETE": "bash_source"}) is None


@pytest.mark.parametrize("flag,columns", [("--help", "72"), ("-h", "300"), ("--help", ""), ("--version", "")])
def test_real_process_prints_clicks_text_without_importing_click(tmp_path: Path, flag: str, columns: str) -> None:
    """End to end: the fast path's process and click's own process print the same, width from $COLUMNS
    (or, unset, from the terminal: none here, so 80)."""
    env = {**os.environ, "COLUMNS": columns}
    done = run_probe([flag], tmp_path, env)
    modules = set(done.stderr.strip().splitlines()[-1].split())
    theirs = subprocess.run([sys.executable, "-c", CLICK_ITSELF, flag], cwd=tmp_path, env=env, capture_output=True,
                            text=True, check=True)
    assert done.stdout == theirs.stdout and "Commands:" in theirs.stdout or "version" in theirs.stdout
    assert "click" not in modules and not any(m.startswith("l10n.cli.") and m != "l10n.cli.toplevel"
                                              for m in modules)


def test_subcommand_help_imports_only_its_module(tmp_path: Path) -> None:
    modules = loaded(["glossary", "--help"], tmp_path)
    assert "click" in modules
    commands = {m for m in modules if m.startswith("l10n.cli.") and m.endswith(("_cmd", "_cmds"))}
    assert commands == {"l10n.cli.glossary_cmds"}


def test_stats_loads_no_segmenter_merge_or_mt(invoke, mini_project: Path) -> None:
    assert invoke(["extract"], mini_project).exit_code == 0
    modules = loaded(["stats"], mini_project)
    assert "l10n.catalog" in modules  # it reads catalogues ...
    assert not modules & {"l10n.segment", "l10n.merge", "l10n.assemble", "l10n.translate", "l10n.memory",
                          "rapidfuzz", "l10n.engines"}  # ... and needs nothing else


class _Terminal(io.StringIO):
    """A stderr that says it is a terminal, counting what is written to it."""

    writes = 0

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.writes += 1
        return super().write(text)


def test_progress_bar_redraws_a_bounded_number_of_times(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long run updates the bar once per segment; the terminal sees a few hundred redraws, and the last shows all."""
    from l10n.cli.common import progress_reporter

    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    report = progress_reporter("Translating")
    assert report is not None
    total = 10_000
    for done in range(1, total + 1):
        report(done, total)
    assert terminal.writes < 1000
    assert terminal.getvalue().rsplit("\r", 1)[-1].split("\x1b")[1].endswith("100%")  # the last redraw


@pytest.mark.parametrize("args", [["--help"], ["stats", "--help"]])
def test_a_reader_gone_away_is_exit_1_without_a_traceback(tmp_path: Path, args: list[str]) -> None:
    """``l10n --help | head -0``: the fast path behaves as click does for any other help."""
    read, write = os.pipe()
    os.close(read)
    code = f"import sys; sys.argv = ['l10n', *{args!r}]; from l10n.cli import main; main()"
    try:
        done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, stdout=write, stderr=subprocess.PIPE)
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (1, b"")
