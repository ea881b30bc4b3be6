"""The one check runner: ``qa``, ``review``, ``build --fail-on`` and the browser desk all ask
:func:`check_entry` (through a :class:`CheckRunner`) about an entry, so they can never
disagree about which checks apply to it or what they found.

Whether a check applies to an entry is the check's own decision
(:meth:`~l10n.checks.base.Check.should_skip`); the runner only pairs plural forms, skips
empty targets for checks that do not look at them, and turns a check that crashes into an
error finding instead of losing it (or the findings of the other checks).
"""

from __future__ import annotations

from typing import Iterable, Sequence

import polib

from .base import Check, CheckContext, Finding
from .registry import CHECK_IDS, optional_checks, select_checks

#: (finding, the target text it is about: a plural entry has several)
Located = tuple[Finding, str]
CRASH_PREFIX = "check crashed"


def entry_pairs(entry: polib.POEntry) -> list[tuple[str, str]]:
    """(source, target) pairs of an entry; plural forms pair msgid_plural with the later forms."""
    if not entry.msgid_plural:
        return [(entry.msgid, entry.msgstr)]
    forms = [entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)] or [""]
    return [(entry.msgid, forms[0])] + [(entry.msgid_plural, f) for f in forms[1:]]


class CheckRunner:
    """The checks chosen for one language pair, prepared on a set of entries."""

    def __init__(self, context: CheckContext, only: Sequence[str] = (), skip: Sequence[str] = (),
                 exclude: Iterable[str] = ()) -> None:
        if not context.known_ids:
            context.known_ids = frozenset(CHECK_IDS)
        self.context = context
        self.chosen = bool(only)
        excluded = set(exclude)
        self.checks = [c for c in select_checks(list(only), list(skip)) if c.check_id not in excluded]
        self.optional = [c for c in optional_checks(list(only), list(skip)) if c.check_id not in excluded]
        self._broken: dict[str, str] = {}

    @property
    def check_ids(self) -> list[str]:
        """The checks that run on every entry (flag-enabled optional ones not included)."""
        return [c.check_id for c in self.checks]

    def prepare(self, entries: Iterable[polib.POEntry]) -> None:
        """Give catalogue-wide checks (consistency, names) every entry they are judged against."""
        everything = [(s, t, e) for e in entries for s, t in entry_pairs(e)]
        for check in (*self.checks, *self.optional):
            if not check.applies(self.context):
                continue
            try:
                check.prepare(everything, self.context)
            except Exception as exc:  # reported on every entry the check would see, never dropped
                self._broken[check.check_id] = _crash_text(exc)

    def check_entry(self, entry: polib.POEntry, pairs: list[tuple[str, str]] | None = None) -> list[Located]:
        """Every finding for one entry, honouring its flags."""
        flags = frozenset(entry.flags)
        found: list[Located] = []
        for check in self.checks:
            if not check.should_skip(flags, self.context, chosen=self.chosen):
                found += self._run(check, entry, pairs)
        if flags:  # optional checks run only where a flag switches them on
            for check in self.optional:
                if not check.should_skip(flags, self.context):
                    found += self._run(check, entry, pairs)
        return found

    def _run(self, check: Check, entry: polib.POEntry, pairs: list[tuple[str, str]] | None) -> list[Located]:
        found: list[Located] = []
        for source, target in pairs if pairs is not None else entry_pairs(entry):
            if not target and not check.runs_on_empty:
                continue
            broken = self._broken.get(check.check_id)
            if broken is not None:
                found.append((_crash_finding(check, broken), target))
                continue
            try:
                found += [(finding, target) for finding in check.run(source, target, entry, self.context)]
            except Exception as exc:  # a bug in a check: loud, and the other checks still run
                found.append((_crash_finding(check, _crash_text(exc)), target))
        return found


def _crash_text(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def _crash_finding(check: Check, detail: str) -> Finding:
    return Finding(check.check_id, "error", f"{CRASH_PREFIX} ({detail}); this is a bug in l10n, please report it")


def check_entry(entry: polib.POEntry, context: CheckContext, *, only: Sequence[str] = (),
                skip: Sequence[str] = (), exclude: Iterable[str] = (),
                catalog: Iterable[polib.POEntry] | None = None) -> list[Finding]:
    """The findings for one entry, judged against ``catalog`` (default: the entry alone).
    For many entries build one :class:`CheckRunner` and call its ``check_entry``."""
    runner = CheckRunner(context, only, skip, exclude)
    runner.prepare(catalog if catalog is not None else [entry])
    return [finding for finding, _ in runner.check_entry(entry)]


__all__ = ["CheckRunner", "Located", "check_entry", "entry_pairs"]
