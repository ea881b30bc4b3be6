"""End to end: a correction made once in review reappears in a second article, exactly
where the sentence repeats and patched where only a weekday and a date changed."""

from __future__ import annotations

from pathlib import Path

import polib

FIRST = """# Første sak

Forsvarsminister Sergej Sjojgu besøkte Pyongyang tirsdag 26. juli.

Han ble tatt imot med rød løper.
"""

SECOND = """# Andre sak

Han ble tatt imot med rød løper.

Forsvarsminister Sergej Sjojgu besøkte Pyongyang onsdag 27. juli.
"""

TOML = '[project]\nname = "w"\nsource_language = "nb"\ntarget_languages = ["en"]\n'


def test_review_once_reuse_everywhere(invoke, tmp_path: Path) -> None:
    root = tmp_path / "w"
    (root / "source_articles").mkdir(parents=True)
    (root / "l10n.toml").write_text(TOML)
    (root / "source_articles/forste.md").write_text(FIRST)
    assert invoke(["run"], root).exit_code == 0

    # A reviewer fixes the machine's errors once, in the first article.
    po_path = root / "locales/en/LC_MESSAGES/forste.po"
    po = polib.pofile(str(po_path))
    po.find("Første sak").msgstr = "First story"
    po.find("Forsvarsminister Sergej Sjojgu besøkte Pyongyang tirsdag 26. juli.").msgstr = \
        "Defence Minister Sergei Shoigu visited Pyongyang on Tuesday, July 26."
    po.find("Han ble tatt imot med rød løper.").msgstr = "He was welcomed with a red carpet."
    po.save()
    result = invoke(["tm", "update"], root)
    assert result.exit_code == 0, result.output

    # A second article repeats one sentence and varies the other.
    (root / "source_articles/andre.md").write_text(SECOND)
    assert invoke(["extract"], root).exit_code == 0
    assert invoke(["update"], root).exit_code == 0
    result = invoke(["translate", "--engine", "memory", "andre"], root)
    assert result.exit_code == 0, result.output

    po = polib.pofile(str(root / "locales/en/LC_MESSAGES/andre.po"))
    exact = po.find("Han ble tatt imot med rød løper.")
    assert exact.msgstr == "He was welcomed with a red carpet."
    assert not exact.fuzzy
    variant = po.find("Forsvarsminister Sergej Sjojgu besøkte Pyongyang onsdag 27. juli.")
    assert variant.fuzzy
    assert variant.msgstr == "Defence Minister Sergei Shoigu visited Pyongyang on Wednesday, July 27."
    assert "tm:" in variant.comment and "tirsdag→onsdag" in variant.comment
