"""Sentence segmentation with SRX 2.0 semantics and Norwegian rules as data.

Rules are tried in order at each position and the first one whose ``before``
matches the text ending there and whose ``after`` matches the text starting there
decides. Only positions where some *break* rule can match can become boundaries,
so one regex finds those first (a character a break rule's ``before`` can end
with, then any break rule's ``after``); every rule is then checked at just those
few positions, which keeps it fast without a variable-width lookbehind.

Markdown inline code and links are protected whatever the rules say: a boundary
inside them would tear markup apart in the PO file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from .article import LINK_URL
from .errors import SegmentationError
from .segment_rules import LANGUAGES, language_rules, rules_language
from .srx import Rule, SrxDocument, read_srx, write_srx

__all__ = [
    "Segmenter",
    "available_languages",
    "export_srx",
    "get_segmenter",
    "load_srx",
    "segment_blocks",
    "segment_spans",
    "split_blocks",
    "split_sentences",
]

#: How far back a rule's ``before`` pattern may look from a candidate boundary.
LOOKBEHIND = 120

#: Spans no boundary may fall inside: ``code``, [text](url "title"), <autolinks>, bare URLs.
PROTECTED_SPAN = re.compile(
    r"(`+)[^`]*?\1"  # inline code, any run of backticks
    r"|!?\[[^\[\]]*\]\(" + LINK_URL + r"(?:\s+\"[^\"]*\")?\)"  # [text](url) and images
    r"|<(?:https?://|mailto:)[^<>\s]*>"  # autolinks
    r"|\bhttps?://[^\s<>]*[^\s<>.,;:!?)»”\"']"  # bare URLs (trailing punctuation excluded)
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_SRX_LANGUAGE_PATTERNS = {"nb": "(nb|no|nob)([-_].*)?", "nn": "(nn|nno)([-_].*)?", "en": "(en|eng)([-_].*)?"}


class Segmenter:
    """A compiled rule set: ``spans(text)`` gives the sentence offsets of one block."""

    def __init__(self, rules: Sequence[Rule], name: str = "custom") -> None:
        self.rules = tuple(rules)
        self.name = name
        try:
            self._checks = [
                (re.compile(f"(?:{r.before})\\Z"), _reach(r.before), re.compile(r.after), r.is_break, r.name)
                for r in self.rules
            ]
            self._scan, self._scan_end = _candidate_scanner([r for r in self.rules if r.is_break])
        except re.error as exc:
            raise SegmentationError(f"segmentation rules {name!r}: bad regular expression: {exc}") from exc

    def boundaries(self, text: str) -> list[int]:
        """Offsets where a sentence break falls (possibly inside whitespace): every position whose
        first matching rule is a break rule (SRX semantics), tried only where a break is possible."""
        if self._scan is None:
            return []
        found: list[int] = []
        protected: list[tuple[int, int]] | None = None
        end = len(text)
        for m in self._scan.finditer(text):
            pos = m.end() if self._scan_end else m.start()
            if not 0 < pos < end:
                continue
            if protected is None:
                protected = _protected_spans(text)
            if protected and _inside(pos, protected):
                continue
            check = self._first_match(text, pos)
            if check is not None and check[3]:
                found.append(pos)
        return found

    def decide(self, text: str, pos: int) -> bool:
        """Apply the first matching rule at ``pos`` (SRX semantics); no match means no break."""
        rule = self._first_match(text, pos)
        return rule is not None and rule[3]

    def explain(self, text: str, pos: int) -> str | None:
        """The name of the rule that decides at ``pos`` (for debugging rule files)."""
        rule = self._first_match(text, pos)
        return rule[4] if rule else None

    def _first_match(self, text: str, pos: int, limit: int | None = None) -> tuple | None:
        for check in self._checks[:limit]:
            before, reach, after = check[0], check[1], check[2]
            if after.match(text, pos) and before.search(text, max(0, pos - reach), pos):
                return check
        return None

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each sentence, whitespace trimmed, in order."""
        cuts = [0, *self.boundaries(text), len(text)]
        spans = []
        for start, end in zip(cuts, cuts[1:]):
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                spans.append((start, end))
        return spans


def _reach(pattern: str) -> int:
    """How many characters before a boundary ``pattern`` can span (bounded by LOOKBEHIND).

    Searching only that far back keeps each rule check to a handful of attempts.
    """
    try:
        from re import _parser  # type: ignore[attr-defined]

        return min(LOOKBEHIND, _parser.parse(pattern).getwidth()[1])
    except Exception:  # noqa: BLE001 - any surprise: fall back to the safe bound
        return LOOKBEHIND


def _candidate_scanner(breaks: Sequence[Rule]) -> tuple[re.Pattern[str] | None, bool]:
    """One regex that finds every position where some break rule could fire, and whether the
    position is its match's end (else its start).

    A break rule fires only where its ``after`` matches and its ``before`` ends, so the scanner
    is the union of the break rules' ``after`` patterns as a lookahead, behind one character
    class holding every character a break rule's ``before`` can end with. Unlike one finder per
    rule (whose matches cannot overlap) it misses no position; every position found is then
    decided by all the rules in order. Where a ``before`` cannot be analysed the scan falls
    back to the lookahead alone: slower, same result.
    """
    if not breaks:
        return None, False
    union = "|".join(f"(?:{r.after})" for r in breaks)
    finals: set[str] = set()
    for rule in breaks:
        chars = _final_chars(rule.before)
        if chars is None:
            return re.compile(f"(?=(?:{union}))"), False
        finals |= chars
    return re.compile(f"[{''.join(sorted(finals))}](?=(?:{union}))"), True


def _final_chars(pattern: str) -> set[str] | None:
    """Character-class pieces (``a``, ``a-z``, ``\\d``) covering every character a match of
    ``pattern`` can end with; None when that cannot be told (an empty match, ``.``, a negated
    class, a back-reference, case-insensitive matching)."""
    try:
        from re import _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern)
    except Exception:  # noqa: BLE001 - any surprise: no analysis (the caller falls back)
        return None
    if parsed.state.flags & (re.IGNORECASE | re.LOCALE):
        return None
    chars, nullable = _tail(parsed)
    return None if chars is None or nullable else chars


def _tail(seq: Any) -> tuple[set[str] | None, bool]:
    """(final characters, can be empty) of a parsed sequence, read from its end."""
    chars: set[str] = set()
    for op, av in reversed(list(seq)):
        got, nullable = _item_tail(op, av)
        if got is None:
            return None, False
        chars |= got
        if not nullable:
            return chars, False
    return chars, True


def _item_tail(op: Any, av: Any) -> tuple[set[str] | None, bool]:
    from re import _constants as c  # type: ignore[attr-defined]

    categories = {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_NOT_DIGIT: r"\D", c.CATEGORY_SPACE: r"\s",
                  c.CATEGORY_NOT_SPACE: r"\S", c.CATEGORY_WORD: r"\w", c.CATEGORY_NOT_WORD: r"\W"}
    if op is c.LITERAL:
        return {re.escape(chr(av))}, False
    if op is c.CATEGORY:
        return ({categories[av]}, False) if av in categories else (None, False)
    if op is c.IN:
        pieces: set[str] = set()
        for sub_op, sub_av in av:
            if sub_op is c.LITERAL:
                pieces.add(re.escape(chr(sub_av)))
            elif sub_op is c.RANGE:
                pieces.add(f"{re.escape(chr(sub_av[0]))}-{re.escape(chr(sub_av[1]))}")
            elif sub_op is c.CATEGORY and sub_av in categories:
                pieces.add(categories[sub_av])
            else:  # NEGATE and anything unexpected
                return None, False
        return pieces, False
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero-width: the match ends before it
        return set(), True
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        low, _high, sub = av
        got, nullable = _tail(sub)
        return got, nullable or low == 0
    if op is c.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return (None, False) if add_flags & (re.IGNORECASE | re.LOCALE) else _tail(sub)
    if op is getattr(c, "ATOMIC_GROUP", None):
        return _tail(av)
    if op is c.BRANCH:
        chars: set[str] = set()
        nullable = False
        for branch in av[1]:
            got, empty = _tail(branch)
            if got is None:
                return None, False
            chars |= got
            nullable = nullable or empty
        return chars, nullable
    return None, False


def _protected_spans(text: str) -> list[tuple[int, int]]:
    """Inline code, links and URLs (skipping the scan when the text cannot hold any)."""
    if "`" not in text and "](" not in text and "://" not in text:
        return []
    return [m.span() for m in PROTECTED_SPAN.finditer(text)]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < pos < end for start, end in spans)


def available_languages() -> tuple[str, ...]:
    """Language codes with packaged rules."""
    return LANGUAGES


@lru_cache(maxsize=None)
def get_segmenter(lang: str = "nb") -> Segmenter:
    """The compiled, cached segmenter for ``lang`` (``nb``, ``no``, ``nb-NO``, ``nn``, ``en-GB`` …)."""
    code = rules_language(lang)
    if code != lang:
        return get_segmenter(code)
    return Segmenter(language_rules(code), code)


def segment_spans(text: str, lang: str = "nb") -> list[tuple[int, int]]:
    """Offsets of the sentences of one block (paragraph, heading, list item, caption)."""
    return get_segmenter(lang).spans(text)


def split_sentences(text: str, lang: str = "nb") -> list[str]:
    """Split one block into sentences, each an exact substring of ``text`` with whitespace trimmed."""
    return [text[start:end] for start, end in segment_spans(text, lang)]


def split_blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each blank-line-separated block of ``text``, whitespace trimmed."""
    blocks = []
    pos = 0
    for m in [*_BLANK_LINE.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        if chunk.strip():
            start = pos + len(chunk) - len(chunk.lstrip())
            blocks.append((start, pos + len(chunk.rstrip())))
        pos = m.end() if m else len(text)
    return blocks


def segment_blocks(
    text: str, lang: str = "nb", srx: Path | None = None
) -> list[list[tuple[int, int]]]:
    """Sentence offsets (into ``text``) for each block of a whole document.

    :param srx: an SRX 2.0 file whose rules for ``lang`` replace the packaged ones.
    """
    segmenter = load_srx(srx, lang) if srx is not None else get_segmenter(lang)
    result = []
    for start, end in split_blocks(text):
        result.append([(start + s, start + e) for s, e in segmenter.spans(text[start:end])])
    return result


def load_srx(path: Path | str, lang: str = "nb") -> Segmenter:
    """A segmenter from the rules an SRX 2.0 file (path or XML text) gives for ``lang``."""
    doc: SrxDocument = read_srx(Path(path) if isinstance(path, Path) else path)
    return Segmenter(doc.rules_for(lang), f"{path}:{lang}" if isinstance(path, Path) else f"srx:{lang}")


def export_srx(lang: str = "nb") -> str:
    """The packaged rules for ``lang`` as an SRX 2.0 document (macros expanded)."""
    code = rules_language(lang)
    return write_srx({code: language_rules(code)}, [(_SRX_LANGUAGE_PATTERNS[code], code)])


def read_gold(path: Path) -> list[list[str]]:
    """Read a gold file (one sentence per line, blank line between paragraphs, ``;;`` comments)
    as paragraphs of sentences: the format the segmentation tests and benchmark score against."""
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(";;"):
            continue
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(current)
            current = []
    return paragraphs + ([current] if current else [])
