"""Update a language catalogue from its template, the way ``msgmerge --previous`` does.

polib's own ``merge()`` does no fuzzy matching (a changed sentence would lose
its translation), so this module does the matching itself: exact keys keep
everything; a changed sentence gets the closest old translation, marked fuzzy,
with ``#|`` showing the old source; removed translated sentences become
obsolete. Nothing a translator wrote is ever dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

import polib
from rapidfuzz import fuzz, process

from .catalog import WRAP_WIDTH, catalog_metadata, entry_key
from .entrymeta import add_provenance, entry_kind, is_fuzzy, provenance, set_fuzzy
from .extract import context_group

FUZZY_CUTOFF = 65.0


@dataclass
class MergeStats:
    kept: int = 0
    fuzzy: int = 0
    new: int = 0
    obsolete: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(kept=self.kept, fuzzy=self.fuzzy, new=self.new, obsolete=self.obsolete)


def _carry(new: polib.POEntry, old: polib.POEntry) -> None:
    """Copy what a translator or our tools added to an entry onto its updated twin."""
    new.msgstr = old.msgstr
    new.msgstr_plural = dict(old.msgstr_plural)
    new.tcomment = old.tcomment
    new.flags = list(dict.fromkeys([*new.flags, *old.flags]))
    add_provenance(new, provenance(old))
    if is_fuzzy(old):
        new.previous_msgid = old.previous_msgid
        new.previous_msgctxt = old.previous_msgctxt


def _fresh(template: polib.POEntry) -> polib.POEntry:
    return polib.POEntry(
        msgid=template.msgid,
        msgctxt=template.msgctxt,
        comment=template.comment,
        occurrences=list(template.occurrences),
        flags=list(template.flags),
    )


def merge_catalog(pot: polib.POFile, old: polib.POFile | None, lang: str) -> tuple[polib.POFile, MergeStats]:
    """Return the updated catalogue for ``lang`` and what happened to its entries."""
    po = polib.POFile(wrapwidth=WRAP_WIDTH)
    po.header = old.header if old is not None and old.header else pot.header.replace("template", "catalogue")
    po.metadata = catalog_metadata(pot.metadata, lang, old.metadata if old is not None else None)
    stats = MergeStats()
    old_by_key = {entry_key(e): e for e in (old or []) if e.msgid}
    matched: set[tuple[str, str]] = set()
    pending: list[polib.POEntry] = []
    for template in pot:
        entry = _fresh(template)
        previous = old_by_key.get(entry_key(template))
        if previous is not None:
            _carry(entry, previous)
            matched.add(entry_key(previous))
            stats.kept += 1
        else:
            pending.append(entry)
        po.append(entry)
    before = set(matched)
    pending = _same_sentence_new_context(pending, old_by_key, matched, stats)
    candidates = [e for k, e in old_by_key.items() if (k not in matched or k not in before) and e.msgstr]
    used = _fuzzy_fill(pending, candidates, stats)  # a context twin may still suggest the other one
    for key, previous in old_by_key.items():
        if key in matched or key in used or not (previous.msgstr or any(previous.msgstr_plural.values())):
            continue
        previous.obsolete = 1
        previous.occurrences = []
        po.append(previous)
        stats.obsolete += 1
    return po, stats


def _group(entry: polib.POEntry) -> str | None:
    """The context group (heading / text) of an entry: its msgctxt, or else its kind comment."""
    if entry.msgctxt:
        return entry.msgctxt
    kind = entry_kind(entry)
    return context_group(kind) if kind else None


def _same_sentence_new_context(pending: list[polib.POEntry], old_by_key: dict[tuple[str, str], polib.POEntry],
                               matched: set[tuple[str, str]], stats: MergeStats) -> list[polib.POEntry]:
    """Keep a sentence whose msgctxt only appeared or went away because the same words now also
    occur (or no longer occur) as a heading: same words, same kind of text, same translation.
    Returns the entries still unmatched."""
    by_msgid: dict[str, list[polib.POEntry]] = {}
    for key, old in old_by_key.items():
        if key not in matched:
            by_msgid.setdefault(old.msgid, []).append(old)
    rest = []
    for entry in pending:
        group = _group(entry)
        twin = next((o for o in by_msgid.get(entry.msgid, []) if group and _group(o) == group
                     and entry_key(o) not in matched), None)
        if twin is None:
            rest.append(entry)
            continue
        _carry(entry, twin)
        matched.add(entry_key(twin))
        stats.kept += 1
    return rest


def _fuzzy_fill(pending: list[polib.POEntry], candidates: list[polib.POEntry], stats: MergeStats) -> set[tuple[str, str]]:
    """Give each new entry the closest old translation, fuzzy; return the keys used."""
    used: set[tuple[str, str]] = set()
    choices = [c.msgid for c in candidates]
    for entry in pending:
        best = process.extractOne(entry.msgid, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF) if choices else None
        if best is None:
            stats.new += 1
            continue
        source = candidates[best[2]]
        entry.msgstr = source.msgstr
        entry.tcomment = source.tcomment
        entry.previous_msgid = source.msgid
        entry.previous_msgctxt = source.msgctxt
        add_provenance(entry, provenance(source))
        set_fuzzy(entry)
        used.add(entry_key(source))
        stats.fuzzy += 1
    return used
