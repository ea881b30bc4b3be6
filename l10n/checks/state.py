"""Review state: what an editor must still translate or confirm before publishing."""

from __future__ import annotations

import re
from typing import Any

from ..entrymeta import is_fuzzy, provenance_value
from .base import Check, CheckContext, Finding

_LOWER_WORD = re.compile(r"(?<![\w/.@])[^\W\d_A-Z]{2,}\b")


class UntranslatedCheck(Check):
    """An empty translation would publish the Norwegian sentence."""

    check_id = "untranslated"
    name = "Untranslated"
    description = "The entry has no translation."
    severity = "error"
    runs_on_empty = True

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> Finding | None:
        if source.strip() and not target.strip():
            return self.finding("not translated", side="source")
        return None


class FuzzyCheck(Check):
    """Machine translations arrive fuzzy; they are unreviewed until a human clears the flag."""

    check_id = "fuzzy"
    name = "Unreviewed"
    description = "The translation is fuzzy: a machine suggestion nobody has reviewed."
    severity = "warning"

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> Finding | None:
        if entry is not None and is_fuzzy(entry):
            engine = provenance_value(entry, "mt:")
            return self.finding(f"unreviewed machine translation ({engine})" if engine else "fuzzy: not reviewed")
        return None


class UnchangedCheck(Check):
    """A target identical to a source with real words usually means MT failed silently."""

    check_id = "unchanged"
    name = "Unchanged"
    description = "The translation is identical to the source text."
    severity = "warning"

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> Finding | None:
        if source.strip() != target.strip() or context.source_lang == context.target_lang:
            return None
        if len(_LOWER_WORD.findall(source)) < 2:
            return None  # names, numbers, credits ("NTB", "Kim Jong-un") legitimately stay
        return self.finding("translation is identical to the source", (0, len(target)))


class UnknownIgnoreFlagCheck(Check):
    """A misspelt ``ignore-…`` flag silences nothing, which the translator should know."""

    check_id = "unknown-flag"
    name = "Unknown ignore flag"
    description = "An ignore-<check> flag names no known check."
    severity = "warning"
    runs_on_empty = True

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> list[Finding]:
        found = []
        for flag in getattr(entry, "flags", ()) if entry is not None else ():
            if flag.startswith("ignore-") and flag != "ignore-all-checks" and flag[7:] not in context.known_ids:
                found.append(self.finding(f"flag {flag!r} names no check (see l10n qa --list-checks)", side="source"))
        return found
