"""The repository is itself an l10n project: its catalogues are valid and the shipped
English catalogue builds the corrected story with no network."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from l10n.config import load_config
from l10n.project import build_article, load_articles

ROOT = Path(__file__).resolve().parents[1]
MSGFMT = shutil.which("msgfmt")


def catalogue_files() -> list[Path]:
    return sorted((ROOT / "locales").rglob("*.po")) + sorted((ROOT / "locales").rglob("*.pot"))


@pytest.mark.skipif(MSGFMT is None, reason="msgfmt (GNU gettext) is not installed")
@pytest.mark.parametrize("path", catalogue_files(), ids=lambda p: p.name)
def test_repository_catalogue_passes_msgfmt(path: Path) -> None:
    proc = subprocess.run([MSGFMT, "--check", "--check-format", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_seed_story_catalogue_is_fully_reviewed() -> None:
    po = polib.pofile(str(ROOT / "locales/en/LC_MESSAGES/kim-jong-un-moter-putin.po"))
    active = [e for e in po if not e.obsolete]
    assert active and all(e.msgstr and not e.fuzzy for e in active)


def test_build_produces_the_corrected_english_story(tmp_path: Path) -> None:
    config = load_config(ROOT)
    config.raw = {**config.raw, "paths": {**config.section("paths"), "build": str(tmp_path)}}
    article = next(a for a in load_articles(config) if a.slug == "kim-jong-un-moter-putin")
    result = build_article(config, article, "en", "md", "mark")
    text = result.path.read_text(encoding="utf-8")
    assert result.stats.missing == 0 and result.stats.fuzzy == 0
    for right in ("Shoigu", "Kozhemyako", "red carpet", "reportedly", "believes", "Kim Jong Un"):
        assert right in text, right
    for wrong in ("Shojo", "red runner", "the Vaults", "must have", "realizes", "See also"):
        assert wrong not in text, wrong
    assert "[nb:" not in text


def test_qa_finds_nothing_wrong_in_the_reviewed_repository_translations() -> None:
    """186 human-reviewed news sentences: every finding here would be a false positive."""
    from l10n.qa import run_qa

    config = load_config(ROOT)
    result = run_qa(config=config, lang="en")
    assert len(result.entries) > 150
    assert [(f.check, f.msgid, f.message) for f in result.findings] == []
