"""Glossary: approved target terms, their inflected source forms and known wrong renderings.

The CSV format (header ``source,target,type,forbidden,note`` and an optional
``lang`` column naming the target language of the row) is what editors keep in a
spreadsheet. One glossary serves three places: term protection before MT, the QA
glossary checks and ``l10n glossary check``. A term with a language applies to
that target language only (a TBX file gives each term its target ``langSet``);
one without applies to every target. Consumers that work on one catalogue take
``glossary.for_language(lang)``, so an English rendering is never pinned into a
German catalogue.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import GlossaryError, L10nError
from .fsutil import atomic_write_text, read_text
from .languages import normalize, same_language

if TYPE_CHECKING:
    import polib

    from .config import Config

DEFAULT_GLOSSARY = "glossary.csv"
COLUMNS = ("source", "target", "type", "forbidden", "note", "lang")
_COLUMN_ALIASES = {"target_lang": "lang", "target_language": "lang", "language": "lang"}
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
    alternatives: tuple[str, ...] = ()  # other acceptable targets (``target`` column ``a|b``)
    lang: str = ""  # the target language this rendering is for; "" = every target language

    def applies_to(self, lang: str) -> bool:
        return not self.lang or same_language(lang, self.lang)  # an en term serves en-GB too

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

    def for_language(self, lang: str | None) -> Glossary:
        """The terms for one target language (those without a language apply to all)."""
        if not lang or not any(t.lang for t in self.terms):
            return self
        cache = self.__dict__.setdefault("_by_lang", {})
        if lang not in cache:
            cache[lang] = Glossary([t for t in self.terms if t.applies_to(lang)], self.path)
        return cache[lang]

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
        alternatives = "|".join(_phrase(f) for f in forms)
        # Norwegian genitive is a bare -s (Sjojgus), so it is matched even when not listed.
        pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?:['’]s|['’]|s)?(?![\w])", re.IGNORECASE)
        return pattern, exact, folded

    def find(self, text: str) -> list[TermMatch]:
        """All non-overlapping term occurrences in ``text``, longest form first."""
        compiled = self._pattern
        if compiled is None:
            return []
        pattern, exact, folded = compiled
        found = []
        for m in pattern.finditer(text):
            term = self._term_for(" ".join(m.group(0).split()), exact, folded)
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
    header = [_COLUMN_ALIASES.get(h.strip().lower(), h.strip().lower()) for h in rows[0]]
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
    targets = _split(values.get("target", ""))
    if not targets and kind != "dnt":
        raise GlossaryError(f"term {sources[0]!r} has no target", path, lineno)
    target = targets[0] if targets else sources[0]
    forbidden = _split(values.get("forbidden", ""))
    clash = [f for f in forbidden if f.casefold() in {t.casefold() for t in (target, *targets)}]
    if clash:
        raise GlossaryError(f"{clash[0]!r} is both approved and forbidden", path, lineno)
    lang = values.get("lang", "")
    if lang:
        lang = _row_language(lang, path, lineno)
    return Term(sources, target, kind, forbidden, values.get("note", ""), lineno, targets[1:], lang)


def _row_language(code: str, path: Path | None, lineno: int) -> str:
    try:
        return normalize(code)
    except L10nError:
        raise GlossaryError(f"unknown language code {code!r} in column lang", path, lineno) from None


def read_glossary(path: Path) -> Glossary:
    """Load a glossary CSV file (a missing file is an error; callers decide if it is optional)."""
    return parse_glossary_csv(read_text(path, GlossaryError, "glossary file"), path)


def load_glossary(path: Path, source_lang: str = "nb", targets: tuple[str, ...] | list[str] = ("en",)) -> Glossary:
    """Load a glossary from CSV or, by extension, TBX (the terms of each target language)."""
    if path.suffix.lower() in (".tbx", ".xml"):
        from .tbx import read_tbx_languages

        return read_tbx_languages(path, source_lang, list(targets))
    return read_glossary(path)


def load_project_glossary(config: Config, override: Path | str | None = None, lang: str | None = None) -> Glossary:
    """The project's glossary (only ``lang``'s terms when given); see :func:`_project_glossary`."""
    return _project_glossary(config, override).for_language(lang)


def _project_glossary(config: Config, override: Path | str | None = None) -> Glossary:
    """The project's glossary: ``override`` or the configured ``[glossary] path`` (each must
    exist: a misspelt path would silently check nothing), else ``glossary.csv`` if present.

    A project without a glossary (none configured, or ``path = ""``) gets an empty one, so
    callers never branch on None.
    """
    targets = config.languages(None)
    if override is not None:
        return load_glossary(Path(override), config.source_language, targets)
    section = config.section("glossary")
    setting = section.get("path", DEFAULT_GLOSSARY)
    if not setting:
        return Glossary([])
    path = config.resolve(setting)
    if not path.exists():
        if "path" in section:
            raise GlossaryError(f"glossary.path: {setting} does not exist (create it, or set "
                                "path = \"\" for no glossary)", config.path)
        return Glossary([], path)
    return load_glossary(path, config.source_language, targets)


def format_glossary_csv(glossary: Glossary) -> str:
    """CSV text in the glossary format (header ``source,target,type,forbidden,note``)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    with_lang = any(t.lang for t in glossary.terms)  # the lang column only when used: old files stay as they were
    writer.writerow(COLUMNS if with_lang else COLUMNS[:-1])
    for term in glossary.terms:
        target = "|".join((term.target, *term.alternatives))
        if term.type == "dnt" and target == term.sources[0]:
            target = ""
        row = ["|".join(term.sources), target, term.type, "|".join(term.forbidden), term.note]
        writer.writerow([*row, term.lang] if with_lang else row)
    return out.getvalue()


def write_glossary(glossary: Glossary, path: Path) -> None:

    atomic_write_text(path, format_glossary_csv(glossary))


@dataclass(frozen=True)
class Violation:
    """A glossary rule a translation breaks: a forbidden rendering, or the approved term missing."""

    kind: str  # "forbidden" or "missing"
    term: Term
    form: str
    expected: str
    found: str = ""
    msgid: str = ""
    lineno: int | None = None
    fuzzy: bool = False

    @property
    def message(self) -> str:
        if self.kind == "forbidden":
            return f"{self.form!r} rendered as forbidden {self.found!r}; use {self.expected!r}"
        return f"{self.form!r} should be translated as {self.expected!r}"

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "source_term": self.form,
            "expected": self.expected,
            "found": self.found,
            "msgid": self.msgid,
            "line": self.lineno,
            "fuzzy": self.fuzzy,
            "message": self.message,
        }


def _phrase(form: str) -> str:
    """A term as a regex in which each space may also be a no-break space: typeset articles
    write "rød\u00a0løper" and "Jens\u00a0Stoltenberg", and those must be found too."""
    return r"[ \t\u00a0\u202f]+".join(re.escape(word) for word in form.split())


def _contains(text: str, phrase: str, case_sensitive: bool) -> str | None:
    """The occurrence of ``phrase`` in ``text`` as a whole word (possessives allowed), or None."""
    flags = 0 if case_sensitive else re.IGNORECASE
    m = re.search(rf"(?<![\w-]){_phrase(phrase)}(?!\w(?<!s))", text, flags)
    return m.group(0) if m else None


def check_translation(glossary: Glossary, source: str, target: str) -> list[Violation]:
    """Violations in one source/target pair; only terms that occur in the source count."""
    found: list[Violation] = []
    seen: set[tuple[str, Term]] = set()
    for match in glossary.find(source):
        term = match.term
        expected = term.target_for(match.form)
        for wrong in term.forbidden:
            hit = _contains(target, wrong, case_sensitive=False)
            if hit and ("forbidden", term) not in seen:
                seen.add(("forbidden", term))
                found.append(Violation("forbidden", term, match.form, expected, hit))
        if ("missing", term) in seen or ("forbidden", term) in seen:
            continue
        accepted = (expected, term.target, *term.alternatives)
        if not any(_contains(target, t, term.case_sensitive) for t in accepted):
            seen.add(("missing", term))
            found.append(Violation("missing", term, match.form, expected))
    return found


def check_catalog(glossary: Glossary, po: polib.POFile, include_fuzzy: bool = True) -> list[Violation]:
    """Every violation in a catalogue's translated (and, by default, fuzzy) entries."""
    from dataclasses import replace

    from .catalog import iter_entries
    from .entrymeta import is_fuzzy

    found: list[Violation] = []
    for entry in iter_entries(po):
        if not entry.msgstr or (is_fuzzy(entry) and not include_fuzzy):
            continue
        for v in check_translation(glossary, entry.msgid, entry.msgstr):
            found.append(replace(v, msgid=entry.msgid, lineno=entry.linenum, fuzzy=is_fuzzy(entry)))
    return found
