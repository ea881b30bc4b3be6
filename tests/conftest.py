"""Shared fixtures: a small project copied into tmp_path, and a CLI runner."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, settings

# Property tests judge behaviour, not speed: no per-example deadline on a busy CI machine.
settings.register_profile("l10n", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("l10n")

DATA = Path(__file__).parent / "data"


@pytest.fixture
def mini_project(tmp_path: Path) -> Path:
    """A fresh copy of tests/data/projects/mini (one .md and one .txt article)."""
    dest = tmp_path / "mini"
    shutil.copytree(DATA / "projects" / "mini", dest)
    return dest


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def invoke(runner: CliRunner):
    """Run the l10n CLI: ``invoke(["extract"], project=path)``."""
    from l10n.cli import cli

    def run(args: list[str], project: Path | None = None, **kwargs):
        full = list(args)
        if project is not None:
            full += ["--project", str(project)]
        return runner.invoke(cli, full, catch_exceptions=False, **kwargs)

    return run
