"""The one check runner: ``qa``, ``review``, ``build --fail-on`` and the browser desk all ask
:func:`check_entry` (through a :class:`CheckRunner`) about an entry, so they can never
disagree about which checks apply to it or what they found.

Whether a check applies to an entry is the check's own decision
(:meth:`~l10n.checks.base.Check.should_skip`); the runner only pairs plural forms, skips
empty targets for checks that do not look at them, and turns a check that crashes into an
error finding instead of losing it (or the findings of the other checks).
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Sequence

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
        self._plans: dict[tuple[frozenset[str], str, str], tuple[tuple[Check, Callable[..., Any]], ...]] = {}

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

    def plan(self, flags: frozenset[str]) -> tuple[Check, ...]:
        """The checks that run on an entry with these flags."""
        return tuple(check for check, _ in self._plan(flags))

    def _plan(self, flags: frozenset[str]) -> tuple[tuple[Check, Callable[..., Any]], ...]:
        """Decided once per distinct flag set (a catalogue has a handful), not once per check
        per entry; each check with the method to call (``check_single`` unless it overrides ``run``)."""
        key = (flags, self.context.source_lang, self.context.target_lang)
        plan = self._plans.get(key)
        if plan is None:
            chosen = [c for c in self.checks if not c.should_skip(flags, self.context, chosen=self.chosen)]
            if flags:  # optional checks run only where a flag switches them on
                chosen += [c for c in self.optional if not c.should_skip(flags, self.context)]
            plan = tuple((c, c.check_single if type(c).run is Check.run else c.run) for c in chosen)
            self._plans[key] = plan
        return plan

    def check_entry(self, entry: polib.POEntry, pairs: list[tuple[str, str]] | None = None) -> list[Located]:
        """Every finding for one entry, honouring its flags (check order, then plural form order)."""
        if pairs is None:
            pairs = entry_pairs(entry)
        found: list[Located] = []
        context, broken = self.context, self._broken
        plan = self._plan(frozenset(entry.flags))
        if len(pairs) == 1 and pairs[0][1] and not broken:
            return self._check_one(plan, pairs[0][0], pairs[0][1], entry, found)
        for check, call in plan:
            for source, target in pairs:
                if not target and not check.runs_on_empty:
                    continue
                if broken and check.check_id in broken:
                    found.append((_crash_finding(check, broken[check.check_id]), target))
                    continue
                if _may_find(check, source, target):
                    _run(check, call, source, target, entry, context, found)
        return found

    def _check_one(self, plan: tuple[tuple[Check, Callable[..., Any]], ...], source: str, target: str,
                   entry: polib.POEntry, found: list[Located]) -> list[Located]:
        """:meth:`check_entry` for the common case, one translated form and no broken check:
        the same calls in the same order, minus the per-form bookkeeping."""
        context = self.context
        for check, call in plan:
            if _may_find(check, source, target):
                _run(check, call, source, target, entry, context, found)
        return found


def _may_find(check: Check, source: str, target: str) -> bool:
    """False when the check ``needs`` characters that neither text holds: it could find nothing."""
    needs = check.needs
    return not needs or any(c in source or c in target for c in needs)


def _run(check: Check, call: Callable[..., Any], source: str, target: str, entry: polib.POEntry,
         context: CheckContext, found: list[Located]) -> None:
    """One check on one form, its findings (or its crash) added to ``found``."""
    try:
        result = call(source, target, entry, context)
    except Exception as exc:  # a bug in a check: loud, and the other checks still run
        found.append((_crash_finding(check, _crash_text(exc)), target))
        return
    if not result:
        return
    if isinstance(result, Finding):
        found.append((result, target))
    else:
        found.extend((finding, target) for finding in result)


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
