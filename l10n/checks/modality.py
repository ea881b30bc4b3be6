"""Modality and reported speech, as data rules (``l10n/data/qa/modality-nb-en.tsv``).

"Han kan ha drept henne" (he may have killed her) rendered "He must have killed her"
turns a possibility into an accusation; *visstnok* (reportedly) rendered without a hedge
turns hearsay into fact. Each Norwegian modal has a class (possibility, necessity,
intention, advice, volition, report); each class licenses some English modal classes.
An English modal that no source modal licenses is flagged. A source without modals is
not judged: English often adds "will" or "could" where Norwegian needs none. Where a
strong source modal (kan, må, bør, skal, vil) has no English modal of its own, only the
strong modals license what the translation has: "Når vi må vente" -> "When we can wait"
is a substitution even though "når" could license a "can".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .analysis import finditer, lowered, search
from .base import Check, CheckContext, Finding
from .data import read_rows
from .text import mask


@dataclass(frozen=True)
class ModalityRules:
    source: tuple[tuple[str, re.Pattern[str]], ...]
    target: tuple[tuple[str, re.Pattern[str]], ...]
    licenses: dict[str, frozenset[str]]
    hedges: dict[str, re.Pattern[str]]
    certain: dict[str, re.Pattern[str]]
    trigger: re.Pattern[str]
    source_trigger: re.Pattern[str]


@lru_cache(maxsize=None)
def modality_rules(name: str = "modality-nb-en.tsv") -> ModalityRules:
    source, target, licenses, hedges, certain = [], [], {}, {}, {}
    for row in read_rows(name):
        kind, cls, value = (list(row) + ["", "", ""])[:3]
        if kind == "source":
            source.append((cls, re.compile(value, re.IGNORECASE)))
        elif kind == "target":
            target.append((cls, re.compile(value, re.IGNORECASE)))
        elif kind == "license":
            licenses[cls] = frozenset(value.split("|"))
        elif kind == "hedge":
            hedges[cls] = re.compile(value, re.IGNORECASE)
        elif kind == "certain":
            certain[cls] = re.compile(value, re.IGNORECASE)
    trigger = re.compile("|".join(f"(?:{p.pattern})" for _, p in target), re.IGNORECASE)
    source_trigger = re.compile("|".join(f"(?:{p.pattern})" for _, p in source), re.IGNORECASE)
    return ModalityRules(tuple(source), tuple(target), licenses, hedges, certain, trigger, source_trigger)


#: classes whose loss together with an extra English modal is a substitution (kan → must)
STRONG = frozenset({"poss", "poss-past", "nec", "shall", "shall-past", "should", "will", "will-past", "wish"})


def source_modals(source: str, rules: ModalityRules) -> Counter[str]:
    """How many modals of each class the source has; each match is used up by the first rule."""
    counts: Counter[str] = Counter()
    low = lowered(source)  # counts only: matching the lower-cased text is exact and faster
    if not search(rules.source_trigger, source, low):
        return counts  # most sentences: one regex pass and done
    text = source if low is None else low
    for cls, pattern in rules.source:
        for m in finditer(pattern, text, None if low is None else text):
            counts[cls] += 1
            text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    return counts


class ModalityCheck(Check):
    """A modal verb or a hedge of reported speech changed its meaning in translation."""

    check_id = "modality"
    name = "Modality"
    description = ("A modal in the translation contradicts the source (kan → must, bør → will), or reported "
                   "speech (visstnok, angivelig, skal ha) lost its hedge.")
    severity = "error"
    language_pair = "nb_to_en"

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> list[Finding]:
        rules = modality_rules()
        src, tgt = mask(source), mask(target)
        counts = source_modals(src, rules)
        if not counts:
            return []
        low_tgt = lowered(tgt)  # matched text is read from tgt by span
        found = self._reported(src, tgt, low_tgt, rules) if counts["report"] else []
        # each class's matches are needed anyway where any is found, and most of these searches
        # stop at their prefilter: cheaper than first asking the alternation of them all (rules.trigger)
        matches = {tclass: list(finditer(pattern, tgt, low_tgt)) for tclass, pattern in rules.target}
        if not any(matches.values()):
            return found
        names = ", ".join(sorted(set(counts) - {"report"})) or "reported speech"
        present = {tclass for tclass, found_here in matches.items() if found_here}
        # a source modal with no English modal of its classes at all was rendered some other way
        lost = [c for c in counts if c in STRONG and not rules.licenses.get(c, frozenset()) & present]
        for tclass, found_here in matches.items():
            # a strong source modal rendered by no English modal of its own: an English modal
            # only a weak word licenses (hvis, når, få, nok) is then the likelier substitute
            # ("må påpeke" -> "can point out" beside a "når")
            licensing = [cls for cls in counts if tclass in rules.licenses.get(cls, ())]
            budget = sum(counts[cls] for cls in licensing if not lost or cls in STRONG)
            if budget and not lost:
                continue  # English repeats a modal over coordinated clauses ("will … and will")
            if budget and len({tgt[m.start():m.end()].lower() for m in found_here}) <= budget:
                continue  # the same English modal repeated over coordinated clauses ("should find … and should remove")
            for m in found_here[budget:] if budget < len(found_here) else ():
                found.append(self.finding(f"{tgt[m.start():m.end()]!r} ({tclass[2:]}) has no counterpart in the source's modality "
                                          f"({names})", m.span()))
        return found

    def _reported(self, src: str, tgt: str, low_tgt: str | None, rules: ModalityRules) -> list[Finding]:
        found = []
        hedge, certain = rules.hedges.get("report"), rules.certain.get("report")
        where = next((p.search(src) for c, p in rules.source if c == "report" and p.search(src)), None)
        span = where.span() if where else None
        if certain is not None and (m := search(certain, tgt, low_tgt)):
            found.append(self.finding(f"{tgt[m.start():m.end()]!r} states as certain what the source reports as hearsay",
                                      m.span()))
        elif hedge is not None and not search(hedge, tgt, low_tgt):
            found.append(self.finding("reported speech in the source (visstnok, angivelig, skal ha …) has no hedge "
                                      "in the translation", span, side="source", suggestion="reportedly / allegedly / is said to"))
        return found
