"""Update a language catalogue from its template, the way ``msgmerge --previous`` does.

polib's own ``merge()`` does no fuzzy matching (a changed sentence would lose
its translation), so this module does the matching itself: exact keys keep
everything; a changed sentence gets the closest old translation, marked fuzzy,
with ``#|`` showing the old source; removed translated sentences become
obsolete. Nothing a translator wrote is ever dropped.
"""

from __future__ import annotations

import re

import polib

from .results import MergeStats  # noqa: F401 - part of this module's interface
from .catalog import WRAP_WIDTH, catalog_metadata, entry_key
from .entrymeta import add_provenance, entry_kind, is_fuzzy, provenance, set_fuzzy
from .extract import context_group

FUZZY_CUTOFF = 60.0  # msgmerge's FUZZY_THRESHOLD (0.6); rapidfuzz's ratio is the same measure as its fstrcmp
OTHER_CONTEXT = 0.99  # msgmerge's penalty for a fuzzy source with another msgctxt
_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")


def has_translation(entry: polib.POEntry) -> bool:
    return bool(entry.msgstr) or any(entry.msgstr_plural.values())


def _copy_translation(new: polib.POEntry, old: polib.POEntry, nplurals: int) -> None:
    """Old translation onto the new entry, converting between singular and plural the way
    msgmerge does (a singular fills every plural form; a plural gives its first form)."""
    if new.msgid_plural:
        new.msgstr = ""
        new.msgstr_plural = (dict(old.msgstr_plural) if old.msgid_plural
                             else {i: old.msgstr for i in range(nplurals)})
    else:
        new.msgstr = old.msgstr_plural.get(0, "") if old.msgid_plural else old.msgstr
        new.msgstr_plural = {}


def _set_previous(new: polib.POEntry, old: polib.POEntry) -> None:
    """``#|`` lines: the source text the carried msgstr translates. An old entry that was
    already fuzzy keeps its own previous text (its msgstr never translated its msgid)."""
    if is_fuzzy(old) and old.previous_msgid:
        new.previous_msgctxt, new.previous_msgid = old.previous_msgctxt, old.previous_msgid
        new.previous_msgid_plural = old.previous_msgid_plural
    else:
        new.previous_msgctxt, new.previous_msgid = old.msgctxt or None, old.msgid
        new.previous_msgid_plural = old.msgid_plural or None


def _carry(new: polib.POEntry, old: polib.POEntry, nplurals: int = 2) -> bool:
    """Copy what a translator or our tools added to an entry onto its updated twin; returns
    whether the twin is fuzzy because its plural changed (msgmerge does the same)."""
    _copy_translation(new, old, nplurals)
    new.tcomment = old.tcomment
    new.flags = list(dict.fromkeys([*new.flags, *old.flags]))
    add_provenance(new, provenance(old))
    if is_fuzzy(old):
        new.previous_msgid = old.previous_msgid
        new.previous_msgctxt = old.previous_msgctxt
        new.previous_msgid_plural = old.previous_msgid_plural
    if (new.msgid_plural or "") == (old.msgid_plural or "") or not has_translation(old):
        return False
    _set_previous(new, old)
    set_fuzzy(new)
    return True


_BLANK = polib.POEntry().__dict__  # every attribute polib's constructor sets, at its default


def _fresh(template: polib.POEntry, nplurals: int = 2) -> polib.POEntry:
    """``POEntry(msgid=…, msgctxt=…, msgid_plural=…, msgstr_plural=…, comment=…, occurrences=…,
    flags=…)`` of the template's fields, made from a blank entry's attributes (polib's keyword
    parsing was most of the cost of a new catalogue)."""
    entry = polib.POEntry.__new__(polib.POEntry)
    entry.__dict__.update(_BLANK)
    entry.msgid, entry.msgctxt, entry.msgid_plural = template.msgid, template.msgctxt, template.msgid_plural
    entry.msgstr_plural = {i: "" for i in range(nplurals)} if template.msgid_plural else {}
    entry.comment = template.comment
    entry.occurrences, entry.flags = list(template.occurrences), list(template.flags)
    return entry


def plural_count(metadata: dict[str, str]) -> int:
    m = _NPLURALS.search(metadata.get("Plural-Forms", ""))
    return max(1, int(m.group(1))) if m else 2


def merge_catalog(pot: polib.POFile, old: polib.POFile | None, lang: str) -> tuple[polib.POFile, MergeStats]:
    """Return the updated catalogue for ``lang`` and what happened to its entries."""
    po = polib.POFile(wrapwidth=WRAP_WIDTH)
    po.header = old.header if old is not None and old.header else pot.header.replace("template", "catalogue")
    po.metadata = catalog_metadata(pot.metadata, lang, old.metadata if old is not None else None)
    stats = MergeStats()
    nplurals = plural_count(po.metadata)
    old_entries = sorted((e for e in (old or []) if e.msgid), key=lambda e: bool(e.obsolete), reverse=True)
    old_by_key = {entry_key(e): e for e in old_entries}  # an active entry wins over an obsolete twin
    matched: set[tuple[str, str]] = set()
    pending: list[polib.POEntry] = []
    for template in pot:
        entry = _fresh(template, nplurals)
        previous = old_by_key.get(entry_key(template))
        if previous is not None:
            fuzzy = _carry(entry, previous, nplurals)
            matched.add(entry_key(previous))
            stats.fuzzy += fuzzy
            stats.kept += not fuzzy
        else:
            pending.append(entry)
        po.append(entry)
    if not old_by_key:  # a new catalogue: every entry is new, nothing to match or keep
        stats.new += len(pending)
        return po, stats
    pending = _same_sentence_new_context(pending, old_by_key, matched, stats, nplurals)
    # like msgmerge, any old translation may suggest a new entry: also kept, fuzzy and obsolete ones
    candidates = [e for e in old_by_key.values() if has_translation(e)]
    used = _fuzzy_fill(pending, candidates, stats, nplurals)
    for key, previous in old_by_key.items():
        if key in matched or key in used or not has_translation(previous):
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
                               matched: set[tuple[str, str]], stats: MergeStats, nplurals: int) -> list[polib.POEntry]:
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
        fuzzy = _carry(entry, twin, nplurals)
        matched.add(entry_key(twin))
        stats.fuzzy += fuzzy
        stats.kept += not fuzzy
    return rest


def _fuzzy_fill(pending: list[polib.POEntry], candidates: list[polib.POEntry], stats: MergeStats,
                nplurals: int) -> set[tuple[str, str]]:
    """Give each new entry the closest old translation, fuzzy; return the keys used."""
    used: set[tuple[str, str]] = set()
    choices = [c.msgid for c in candidates]
    for entry in pending:
        source = _closest(entry, candidates, choices)
        if source is None:
            stats.new += 1
            continue
        _copy_translation(entry, source, nplurals)
        entry.tcomment = source.tcomment
        _set_previous(entry, source)
        add_provenance(entry, provenance(source))
        set_fuzzy(entry)
        used.add(entry_key(source))
        stats.fuzzy += 1
    return used


def _closest(entry: polib.POEntry, candidates: list[polib.POEntry], choices: list[str]) -> polib.POEntry | None:
    """The most similar old entry at or above the cutoff, one with another msgctxt scoring a
    little lower (as in msgmerge); ties go to the earlier entry."""
    if not choices:
        return None
    from rapidfuzz import fuzz, process  # loaded only when there are old entries to match (5 MiB)

    found = process.extract(entry.msgid, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=8)
    best, best_score = None, 0.0
    for _, score, index in sorted(found, key=lambda f: f[2]):
        source = candidates[index]
        if (source.msgctxt or "") != (entry.msgctxt or ""):
            score *= OTHER_CONTEXT
        if score >= FUZZY_CUTOFF and score > best_score:
            best, best_score = source, score
    return best
