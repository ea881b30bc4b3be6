"""One owner of an entry's extra state: kind, provenance, reviewer and fuzzy.

Our tools keep four facts about a catalogue entry in plain PO syntax, so Poedit,
Weblate and msgfmt read the files as they are:

* the segment kind, as the first line of the extracted comment (``#. block quote``);
* provenance, as further extracted-comment lines (``#. mt: deepl 2026-11-27``,
  ``#. tm: 100% from …``, ``#. protect: …``, ``#. patched: …``);
* who reviewed it, as a translator-comment line (``# reviewed-by: Kari 2026-11-27``);
* whether it is reviewed, as the ``fuzzy`` flag.

Every module reads and writes them through this API and nowhere else, so the text
written at one end is the text parsed at the other (a kind written as ``block quote``
is read back as ``quote``).
"""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any

import polib

#: segment kind (as :mod:`l10n.article` names blocks) → the label written into the PO comment
KIND_LABELS: dict[str, str] = {
    "meta-title": "title (front matter)",
    "meta-lead": "lead (front matter)",
    "meta-description": "description (front matter)",
    "meta-subtitle": "subtitle (front matter)",
    "meta-summary": "summary (front matter)",
    "heading": "heading",
    "paragraph": "paragraph",
    "caption": "photo caption",
    "credit": "photo credit",
    "list-item": "list item",
    "quote": "block quote",
    "image-alt": "image alt text",
    "image-title": "image title",
}
_KIND_BY_LABEL = {label: kind for kind, label in KIND_LABELS.items()}
_BARE_KIND = re.compile(r"^[a-z]+(?:-[a-z]+)*$")

#: extracted-comment lines our tools add to say where a translation came from
PROVENANCE_PREFIXES = ("mt:", "tm:", "protect:", "patched:")
REVIEWED_BY = "reviewed-by:"
REJECTED_BY = "rejected-by:"  # the review desk's "reject": the suggestion was thrown away
_REVIEWED_BY = re.compile(re.escape(REVIEWED_BY) + r"\s*(?P<name>.*?)\s+(?P<date>\d{4}-\d{2}-\d{2}(?:[T ][\d:]+Z?)?)\s*$")
FUZZY = "fuzzy"


# --- kind -----------------------------------------------------------------------------

def kind_label(kind: str) -> str:
    """The comment line that records ``kind`` (unknown kinds are written as they are)."""
    return KIND_LABELS.get(kind, kind)


def comment_label(entry: Any) -> str:
    """The first extracted-comment line that is not provenance: the kind label in our
    catalogues, a developer's note in others (shown beside the entry in reports)."""
    for line in (getattr(entry, "comment", None) or "").splitlines():
        line = line.strip()
        if line and not line.startswith(PROVENANCE_PREFIXES):
            return line
    return ""


def kind_from_comment(comment: str | None) -> str:
    """The segment kind recorded in an extracted comment, or "" (a developer comment of a
    foreign catalogue is not a kind)."""
    line = comment_label(SimpleNamespace(comment=comment))
    if line in _KIND_BY_LABEL:
        return _KIND_BY_LABEL[line]
    return line if _BARE_KIND.match(line) else ""


def entry_kind(entry: Any) -> str:
    """The segment kind of an entry (``quote``, ``heading`` …), or ""."""
    return kind_from_comment(getattr(entry, "comment", None))


# --- provenance -----------------------------------------------------------------------

def provenance_lines(comment: str | None) -> list[str]:
    """The ``mt: …`` / ``tm: …`` / ``protect: …`` lines of an extracted comment."""
    return [line.strip() for line in (comment or "").splitlines() if line.strip().startswith(PROVENANCE_PREFIXES)]


def provenance(entry: Any) -> list[str]:
    """The provenance lines of an entry, in order."""
    return provenance_lines(getattr(entry, "comment", None))


def set_provenance(entry: polib.POEntry, *lines: str) -> None:
    """Replace the entry's provenance lines with ``lines`` (empty ones dropped); the kind
    and any other comment line stay."""
    kept = [line for line in (entry.comment or "").splitlines() if not line.strip().startswith(PROVENANCE_PREFIXES)]
    entry.comment = "\n".join(kept + [line for line in lines if line])


def add_provenance(entry: polib.POEntry, lines: list[str]) -> None:
    """Append provenance lines the entry does not have yet (a merge carrying history over)."""
    have = (entry.comment or "").splitlines()
    extra = [line for line in lines if line and line not in have]
    if extra:
        entry.comment = "\n".join([*have, *extra])


def provenance_value(entry: Any, prefix: str) -> str:
    """The text after the first ``prefix`` line (``mt:`` → ``deepl 2026-11-27``), or ""."""
    for line in provenance(entry):
        if line.startswith(prefix):
            return line[len(prefix):].strip()
    return ""


def has_provenance(entry: Any, prefix: str) -> bool:
    return any(line.startswith(prefix) for line in provenance(entry))


def is_machine_fuzzy(entry: polib.POEntry) -> bool:
    """A fuzzy entry whose translation came from MT (an ``mt:`` line)."""
    return is_fuzzy(entry) and bool(entry.msgstr) and has_provenance(entry, "mt:")


# --- reviewer -------------------------------------------------------------------------

def reviewer_in(tcomment: str | None) -> tuple[str, str]:
    """(name, date) of the last ``reviewed-by: NAME DATE`` line of a translator comment."""
    found = ("", "")
    for line in (tcomment or "").splitlines():
        m = _REVIEWED_BY.match(line.strip())
        if m:
            found = (m.group("name"), m.group("date"))
    return found


def reviewed_by(entry: Any) -> tuple[str, str]:
    """(name, date) of the entry's reviewer, or empty strings."""
    return reviewer_in(getattr(entry, "tcomment", None))


def reviewed_line(entry: Any) -> str:
    """The entry's ``reviewed-by:`` line as written, or ""."""
    lines = [line.strip() for line in (getattr(entry, "tcomment", None) or "").splitlines()]
    return next((line for line in reversed(lines) if line.startswith(REVIEWED_BY)), "")


def reviewed_comment(tcomment: str | None, reviewer: str, day: str, marker: str = REVIEWED_BY) -> str:
    """A translator comment with one ``reviewed-by:`` (or ``rejected-by:``) line replacing
    any older decision line."""
    kept = [line for line in (tcomment or "").splitlines()
            if not line.strip().startswith((REVIEWED_BY, REJECTED_BY))]
    return "\n".join([*kept, f"{marker} {reviewer} {day}"])


def decided_by(entry: Any) -> str:
    """Who last reviewed or rejected the entry (the text after the marker), or ""."""
    for line in (getattr(entry, "tcomment", None) or "").splitlines():
        if line.strip().startswith((REVIEWED_BY, REJECTED_BY)):
            return line.split(":", 1)[1].strip()
    return ""


def mark_rejected(entry: polib.POEntry, reviewer: str, day: str) -> None:
    """A human threw the suggestion away: empty, not fuzzy, no provenance, rejection recorded."""
    entry.msgstr = ""
    set_fuzzy(entry, False)
    set_provenance(entry)
    entry.tcomment = reviewed_comment(entry.tcomment, reviewer, day, REJECTED_BY)


def reviewed_tcomment(reviewer: str, day: str) -> str:
    """The translator comment of a fresh entry reviewed by ``reviewer`` on ``day``."""
    return reviewed_comment("", reviewer, day) if reviewer else ""


def mark_reviewed(entry: polib.POEntry, reviewer: str, day: str) -> None:
    """A human approved the translation: not fuzzy, no previous source, reviewer recorded."""
    set_fuzzy(entry, False)
    entry.previous_msgid = entry.previous_msgctxt = entry.previous_msgid_plural = None
    entry.tcomment = reviewed_comment(entry.tcomment, reviewer, day)


# --- fuzzy and state ------------------------------------------------------------------

def is_fuzzy(entry: Any) -> bool:
    return FUZZY in (getattr(entry, "flags", None) or ())


def set_fuzzy(entry: polib.POEntry, fuzzy: bool = True) -> None:
    """Add or remove the ``fuzzy`` flag, keeping the other flags in order."""
    if fuzzy and FUZZY not in entry.flags:
        entry.flags.append(FUZZY)
    elif not fuzzy:
        entry.flags[:] = [f for f in entry.flags if f != FUZZY]


def has_translation(entry: polib.POEntry) -> bool:
    return bool(entry.msgstr or any(entry.msgstr_plural.values()))


def entry_status(entry: polib.POEntry) -> str:
    """``translated``, ``fuzzy`` or ``untranslated`` (pocount's states)."""
    if not has_translation(entry):
        return "untranslated"
    return "fuzzy" if is_fuzzy(entry) else "translated"
