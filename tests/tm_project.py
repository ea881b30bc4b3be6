"""Build tiny translation projects in tmp_path for the TM, glossary and review tests."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import polib

from l10n.config import DEFAULT_TOML

Row = tuple  # (msgid, msgstr, fuzzy[, extracted comment])


def make_project(root: Path, catalogs: dict[str, Iterable[Row]], lang: str = "en", glossary: str | None = None,
                 extra_toml: str = "") -> Path:
    """Write l10n.toml, locales/<lang>/LC_MESSAGES/<slug>.po and optionally glossary.csv."""
    root.mkdir(parents=True, exist_ok=True)
    toml = DEFAULT_TOML.format(name="test", source="nb", targets=f'"{lang}"') + extra_toml
    (root / "l10n.toml").write_text(toml, encoding="utf-8")
    for slug, rows in catalogs.items():
        write_po(root / "locales" / lang / "LC_MESSAGES" / f"{slug}.po", rows, lang)
    if glossary is not None:
        (root / "glossary.csv").write_text(glossary, encoding="utf-8")
    return root


def write_po(path: Path, rows: Iterable[Row], lang: str = "en") -> Path:
    po = polib.POFile(wrapwidth=79)
    po.metadata = {"Language": lang, "Content-Type": "text/plain; charset=UTF-8", "MIME-Version": "1.0",
                   "Content-Transfer-Encoding": "8bit"}
    for row in rows:
        msgid, msgstr, fuzzy = row[:3]
        comment = row[3] if len(row) > 3 else "paragraph"
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr, flags=["fuzzy"] if fuzzy else [], comment=comment))
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))
    return path


def po_path(root: Path, slug: str, lang: str = "en") -> Path:
    return root / "locales" / lang / "LC_MESSAGES" / f"{slug}.po"
