"""The README's promise for every command: -h/--help with examples, and --project DIR."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from l10n.cli import cli


def _walk(group: click.Group, path: tuple[str, ...] = ()):
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        yield path + (name,), command
        if isinstance(command, click.Group):
            yield from _walk(command, path + (name,))


COMMANDS = list(_walk(cli))
LEAVES = [(path, cmd) for path, cmd in COMMANDS if not isinstance(cmd, click.Group)]


def test_the_tree_is_walked():
    names = {" ".join(path) for path, _ in COMMANDS}
    assert {"init", "segment", "stats", "tm update", "tm stats", "glossary list", "run"} <= names


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=" ".join)
def test_help_has_examples(runner, path):
    for flag in ("--help", "-h"):
        result = runner.invoke(cli, [*path, flag])
        assert result.exit_code == 0, result.output
        lines = result.output.splitlines()
        assert "Examples:" in [line.strip() for line in lines], f"l10n {' '.join(path)} --help has no Examples"
        start = [line.strip() for line in lines].index("Examples:")
        assert lines[start + 1].strip().startswith(f"l10n {path[0]}")


@pytest.mark.parametrize("path,command", LEAVES, ids=[" ".join(p) for p, _ in LEAVES])
def test_every_command_takes_project(path, command):
    assert any("--project" in param.opts for param in command.params), f"l10n {' '.join(path)} lacks --project"


def test_init_project_option_creates_there(invoke, tmp_path: Path):
    result = invoke(["init", "--project", str(tmp_path / "ny"), "--target", "en"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "ny" / "l10n.toml").is_file()


def test_init_folder_and_project_must_agree(invoke, tmp_path: Path):
    result = invoke(["init", str(tmp_path / "a"), "--project", str(tmp_path / "b")])
    assert result.exit_code == 2
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


TEXT = "Det var ca. 10 personer der. Mr. Smith kom.\n"


def test_segment_project_gives_language_and_article_slug(invoke, tmp_path: Path):
    assert invoke(["init", str(tmp_path / "p"), "--source", "en"]).exit_code == 0
    (tmp_path / "p" / "source_articles" / "notat.txt").write_text(TEXT, encoding="utf-8")
    by_project = invoke(["segment", "notat", "--project", str(tmp_path / "p")])
    assert by_project.exit_code == 0, by_project.output
    english = invoke(["segment", str(tmp_path / "p" / "source_articles" / "notat.txt"), "--lang", "en"])
    bokmal = invoke(["segment", str(tmp_path / "p" / "source_articles" / "notat.txt")])
    assert by_project.output == english.output != bokmal.output  # "ca." ends a sentence only in English


def test_segment_project_unknown_slug_is_one_line(invoke, tmp_path: Path):
    assert invoke(["init", str(tmp_path / "p")]).exit_code == 0
    result = invoke(["segment", "nope", "--project", str(tmp_path / "p")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == ["Error: nope: no article 'nope' in source_articles"]
