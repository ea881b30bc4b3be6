"""Glossary: approved target terms, their inflected source forms and known wrong renderings.

The CSV format (header ``source,target,type,forbidden,note``) is what editors
keep in a spreadsheet. One glossary serves three places: term protection
before MT, the QA glossary checks and ``l10n glossary check``.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .errors import GlossaryError

COLUMNS = ("source", "target", "type", "forbidden", "note")
TERM_TYPES = ("name", "term", "dnt")
_POSSESSIVE = ("'s", "’s", "s", "'", "’")


@dataclass(frozen=True)
class Term:
    """One glossary row. ``sources[0]`` is the base form."""

    sources: tuple[str, ...]
    target: str
    type: str = "term"
    forbidden: tuple[str, ...] = ()
    note: str = ""
    line: int | None = None

    @property
    def case_sensitive(self) -> bool:
        return self.type in ("name", "dnt")

    def target_for(self, form: str) -> str:
        """The target to put in place of source ``form``: genitive forms of names keep their ’s."""
        if self.type == "dnt":
            return form
        if self.type == "name" and self._is_genitive(form):
            return self.target + ("'" if self.target.endswith("s") else "'s")
        return self.target

    def _is_genitive(self, form: str) -> bool:
        for base in self.sources:
            if form != base and form.startswith(base) and form[len(base):] in _POSSESSIVE:
                return True
        return False


@dataclass(frozen=True)
class TermMatch:
    """Where a glossary term's source form occurs in a text."""

    term: Term
    form: str
    start: int
    end: int


@dataclass
class Glossary:
    terms: list[Term] = field(default_factory=list)
    path: Path | None = None

    def __len__(self) -> int:
        return len(self.terms)

    def __bool__(self) -> bool:
        return bool(self.terms)

    @cached_property
    def _pattern(self) -> tuple[re.Pattern[str], dict[str, Term], dict[str, Term]] | None:
        exact: dict[str, Term] = {}
        folded: dict[str, Term] = {}
        for term in self.terms:
            for form in term.sources:
                (exact if term.case_sensitive else folded).setdefault(
                    form if term.case_sensitive else form.casefold(), term
                )
        forms = sorted({*exact, *(f for t in self.terms if not t.case_sensitive for f in t.sources)}, key=len, reverse=True)
        if not forms:
            return None
        alternatives = "|".join(re.escape(f) for f in forms)
        pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?:['’]s|['’])?(?![\w])", re.IGNORECASE)
        return pattern, exact, folded

    def find(self, text: str) -> list[TermMatch]:
        """All non-overlapping term occurrences in ``text``, longest form first."""
        compiled = self._pattern
        if compiled is None:
            return []
        pattern, exact, folded = compiled
        found = []
        for m in pattern.finditer(text):
            term = self._term_for(m.group(0), exact, folded)
            if term is not None:
                found.append(TermMatch(term, m.group(0), m.start(), m.end()))
        return found

    @staticmethod
    def _term_for(form: str, exact: dict[str, Term], folded: dict[str, Term]) -> Term | None:
        candidates = [form]
        for suffix in _POSSESSIVE:
            if form.endswith(suffix) and len(form) > len(suffix) + 1:
                candidates.append(form[: -len(suffix)])
        for cand in candidates:
            if cand in exact:
                return exact[cand]
            if cand.casefold() in folded:
                return folded[cand.casefold()]
        return None


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split("|") if part.strip())


def parse_glossary_csv(text: str, path: Path | None = None) -> Glossary:
    """Parse glossary CSV text; a bad row raises GlossaryError with its line number."""
    reader = csv.reader(io.StringIO(text))
    rows = list(reader)
    if not rows:
        return Glossary([], path)
    header = [h.strip().lower() for h in rows[0]]
    missing = [c for c in ("source", "target") if c not in header]
    if missing:
        raise GlossaryError(f"header must name the columns {', '.join(COLUMNS)} (missing {', '.join(missing)})", path, 1)
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        raise GlossaryError(f"unknown column {unknown[0]!r}; expected {', '.join(COLUMNS)}", path, 1)
    terms = []
    for lineno, row in _numbered_rows(text, rows):
        if not any(cell.strip() for cell in row) or row[0].lstrip().startswith("#"):
            continue
        if len(row) > len(header):
            raise GlossaryError(f"{len(row)} fields, the header has {len(header)}", path, lineno)
        values = dict(zip(header, (c.strip() for c in row)))
        terms.append(_term_from_row(values, path, lineno))
    return Glossary(terms, path)


def _numbered_rows(text: str, rows: list[list[str]]):
    """Pair each CSV record after the header with the line it starts on."""
    reader = csv.reader(io.StringIO(text))
    next(reader, None)
    start = reader.line_num + 1
    for row in reader:
        yield start, row
        start = reader.line_num + 1


def _term_from_row(values: dict[str, str], path: Path | None, lineno: int) -> Term:
    sources = _split(values.get("source", ""))
    if not sources:
        raise GlossaryError("empty source term", path, lineno)
    kind = (values.get("type") or "term").lower()
    if kind not in TERM_TYPES:
        raise GlossaryError(f"type must be one of {', '.join(TERM_TYPES)}, not {kind!r}", path, lineno)
    target = values.get("target", "")
    if not target and kind != "dnt":
        raise GlossaryError(f"term {sources[0]!r} has no target", path, lineno)
    if kind == "dnt" and not target:
        target = sources[0]
    return Term(sources, target, kind, _split(values.get("forbidden", "")), values.get("note", ""), lineno)


def read_glossary(path: Path) -> Glossary:
    """Load a glossary CSV file (a missing file is an error; callers decide if it is optional)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise GlossaryError("glossary file not found", path) from exc
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise GlossaryError("file is not UTF-8", path, line) from exc
    return parse_glossary_csv(text, path)
