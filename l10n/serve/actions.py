"""What a reviewer can do to an entry, each saved at once under the catalogue lock.

Every action names the version of the entry the reviewer saw; when the file holds
another version by then (someone else saved first), nothing is written and
:class:`Conflict` carries both texts. Accepted and edited translations go into the
translation memory straight away, like ``l10n review``.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import polib

from ..catalog import entry_key, iter_entries, now_stamp
from ..entrymeta import decided_by, mark_rejected, mark_reviewed, set_fuzzy, set_provenance
from ..errors import L10nError
from ..fsutil import atomic_write_text, read_text
from ..glossary import COLUMNS, TERM_TYPES, check_translation, parse_glossary_csv
from ..memory import open_memory
from .desk import Desk, NotFound, entry_id, entry_state, entry_version
from ..catalog import read_catalog
from .engine import retranslate_entry
from ..locking import catalog_lock, edit_catalog

ACTIONS = ("accept", "save", "reject", "retranslate")
# Control characters and Unicode line/paragraph separators: polib writes them raw and then
# reads the file back broken ("unterminated string"), so typed or pasted ones become spaces.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029]")


def clean_text(text: str) -> str:
    """What a reviewer typed, as it can be stored in a PO file: line breaks as ``\n``."""
    return _UNSAFE.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n")).strip()


class Refused(L10nError):
    """The action cannot be done as asked (empty text, forbidden rendering, bad glossary row)."""


@dataclass
class Conflict(L10nError):
    """Someone saved this entry after the reviewer loaded it."""

    theirs: str
    state: str
    reviewer: str
    version: str
    yours: str

    def __str__(self) -> str:
        return "this entry was changed by someone else since you loaded it"


def _find(po: polib.POFile, ident: str) -> polib.POEntry:
    entry = next((e for e in iter_entries(po) if entry_id(entry_key(e)) == ident), None)
    if entry is None:
        raise NotFound(f"entry {ident!r} is no longer in the catalogue")
    return entry


def _reviewer_of(entry: polib.POEntry) -> str:
    return decided_by(entry)


def _mark_reviewed(entry: polib.POEntry, text: str, reviewer: str) -> None:
    entry.msgstr = text
    mark_reviewed(entry, reviewer, date.today().isoformat())  # replaces any rejected-by line too


def _reject(entry: polib.POEntry, reviewer: str) -> None:
    mark_rejected(entry, reviewer, date.today().isoformat())


class Actions:
    """The desk's write side."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def apply(self, lang: str, slug: str, ident: str, action: str, version: str, reviewer: str,
              text: str | None = None) -> str:
        """Do ``action`` on one entry; returns a short message for the reviewer."""
        if action not in ACTIONS:
            raise NotFound(f"unknown action {action!r}")
        path = self.desk.catalog_path(lang, slug)
        suggestion = self._suggest(lang, slug, ident) if action == "retranslate" else None
        with edit_catalog(path) as po:
            entry = _find(po, ident)
            if entry_version(entry) != version:
                raise Conflict(entry.msgstr, entry_state(entry), _reviewer_of(entry), entry_version(entry), text or "")
            was_reviewed = entry.msgstr if entry_state(entry) == "reviewed" else ""
            message = self._change(entry, action, reviewer, text, suggestion)
            po.metadata["PO-Revision-Date"] = now_stamp()
            po.metadata["Last-Translator"] = reviewer
        if entry_state(entry) == "reviewed":
            self._remember(entry, lang, path, reviewer)
        elif was_reviewed and action == "reject":
            self._forget(entry, was_reviewed, lang)
        return message

    def _suggest(self, lang: str, slug: str, ident: str) -> tuple[str, str]:
        """Ask the engine outside the lock (it may take seconds); the version check comes after."""
        po = read_catalog(self.desk.catalog_path(lang, slug))
        return retranslate_entry(self.desk.config, slug, po, _find(po, ident), lang, self.desk.glossary())

    def _change(self, entry: polib.POEntry, action: str, reviewer: str, text: str | None,
                suggestion: tuple[str, str] | None) -> str:
        if action == "reject":
            _reject(entry, reviewer)
            return "rejected: back to untranslated"
        if action == "retranslate":
            assert suggestion is not None
            entry.msgstr = suggestion[0]
            set_fuzzy(entry, True)
            set_provenance(entry, suggestion[1])
            return f"new suggestion from {suggestion[1][4:]} (fuzzy: review it)"
        final = entry.msgstr if text is None else clean_text(text)
        if not final:
            raise Refused("nothing to accept: the translation is empty (type one first)")
        if final != entry.msgstr:  # new words the reviewer has not seen checked (review.py's rule)
            forbidden = [v.message for v in check_translation(self.desk.glossary(), entry.msgid, final)
                         if v.kind == "forbidden"]
            if forbidden:
                raise Refused("not saved: glossary: " + "; ".join(forbidden))
        edited = final != entry.msgstr
        _mark_reviewed(entry, final, reviewer)
        return "saved and reviewed" if edited else "accepted"

    def _remember(self, entry: polib.POEntry, lang: str, path: Path, reviewer: str) -> None:
        tm = open_memory(self.desk.config)
        if tm is None:
            return
        try:
            tm.add(entry.msgid, entry.msgstr, self.desk.source_lang, lang, origin=path.name,
                   reviewer=reviewer, context=entry.msgctxt or "")
        finally:
            tm.close()

    def _forget(self, entry: polib.POEntry, target: str, lang: str) -> None:
        """A rejected review must not come back as a 100 % memory match in the next article."""
        tm = open_memory(self.desk.config)
        if tm is None:
            return
        try:
            tm.withdraw(entry.msgid, target, self.desk.source_lang, lang, context=entry.msgctxt or "")
        finally:
            tm.close()

    # -- glossary --------------------------------------------------------------------
    def add_term(self, source: str, target: str, kind: str = "term", forbidden: str = "", note: str = "") -> str:
        """Append one row to the project glossary under its lock; the row is validated first."""
        path = self.desk.glossary_path()
        if path.suffix.lower() != ".csv":
            raise Refused(f"{path.name}: the desk adds terms to a CSV glossary only")
        if kind not in TERM_TYPES:
            raise Refused(f"type must be one of {', '.join(TERM_TYPES)}")
        with catalog_lock(path):  # the glossary gets a lock file like a catalogue
            text = read_text(path, Refused, "glossary file") if path.exists() else ",".join(COLUMNS) + "\n"
            current = parse_glossary_csv(text, path)
            forms = {f.strip().casefold() for f in source.split("|") if f.strip()}
            clash = next((t for t in current.terms if forms & {s.casefold() for s in t.sources}), None)
            if clash is not None:
                raise Refused(f"{clash.sources[0]!r} is already in {path.name} (line {clash.line})")
            new_text = _append_row(text, dict(source=source, target=target, type=kind, forbidden=forbidden, note=note))
            parse_glossary_csv(new_text, path)  # a bad row is an error naming the file and line
            atomic_write_text(path, new_text)
        return f"added {source.split('|')[0].strip()!r} → {target!r} to {path.name}"


def _append_row(text: str, values: dict[str, str]) -> str:
    header = [h.strip().lower() for h in next(csv.reader(io.StringIO(text)), list(COLUMNS))]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([" ".join(values.get(h, "").split()) for h in header])
    return (text if text.endswith("\n") or not text else text + "\n") + out.getvalue()
