"""TBX-Basic termbases to glossary terms and back.

Terminologists keep termbases in TBX; editors keep a CSV. Import maps each
concept entry to one :class:`~l10n.glossary.Term`: the source language's
terms become the inflected forms, the target's preferred or admitted term
the approved rendering, and deprecated or superseded target terms the
forbidden ones. Both TBX 2 (``martif``/``termEntry``/``tig``) and TBX 3
(``tbx``/``conceptEntry``/``termSec``) spellings are read. Parsing uses
expat so every error can name its line.
"""

from __future__ import annotations

import xml.parsers.expat
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from .errors import GlossaryError
from .fsutil import atomic_write_text, read_text
from .glossary import Glossary, Term
from .languages import same_language

ENTRY_TAGS = ("termEntry", "conceptEntry")
LANG_TAGS = ("langSet", "langSec")
TERM_TAGS = ("tig", "ntig", "termSec")
FORBIDDEN_STATUS = ("deprecatedterm-admn-sts", "supersededterm-admn-sts", "deprecatedterm", "supersededterm")
TYPE_NOTE = "x-l10n-type"


@dataclass
class _TermData:
    text: str = ""
    status: str = ""
    pos: str = ""
    kind: str = ""


@dataclass
class _Entry:
    line: int
    langs: dict[str, list[_TermData]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


class _Parser:
    """Collects concept entries; structure is checked as elements open and close."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: list[_Entry] = []
        self.stack: list[str] = []
        self.entry: _Entry | None = None
        self.lang: str | None = None
        self.term: _TermData | None = None
        self.text: list[str] = []
        self.attrs: dict[str, str] = {}
        self.expat = xml.parsers.expat.ParserCreate()
        self.expat.StartElementHandler = self.start
        self.expat.EndElementHandler = self.end
        self.expat.CharacterDataHandler = self.text.append

    def error(self, message: str) -> GlossaryError:
        return GlossaryError(message, self.path, self.expat.CurrentLineNumber)

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if not self.stack and tag not in ("martif", "tbx"):
            raise self.error(f"not a TBX file (root element <{tag}>)")
        self.stack.append(tag)
        self.text.clear()
        self.attrs = attrs
        if tag in ENTRY_TAGS:
            self.entry = _Entry(self.expat.CurrentLineNumber)
        elif tag in LANG_TAGS:
            lang = attrs.get("xml:lang") or attrs.get("lang")
            if self.entry is None or not lang:
                raise self.error(f"<{tag}> needs xml:lang and an enclosing concept entry")
            self.lang = lang
            self.entry.langs.setdefault(lang, [])
        elif tag in TERM_TAGS:
            if self.entry is None or self.lang is None:
                raise self.error(f"<{tag}> outside a language section")
            self.term = _TermData()
            self.entry.langs[self.lang].append(self.term)

    def end(self, tag: str) -> None:
        text = "".join(self.text).strip()
        self.text.clear()
        self.stack.pop()
        if tag == "term" and self.term is not None:
            self.term.text = text
        elif tag == "termNote" and self.term is not None:
            self._term_note(self.attrs.get("type", ""), text)
        elif tag in ("descrip", "note") and self.entry is not None and text:
            self.entry.notes.append(text)
        elif tag in TERM_TAGS:
            if self.term is not None and not self.term.text:
                raise self.error(f"<{tag}> without a <term>")
            self.term = None
        elif tag in LANG_TAGS:
            self.lang = None
        elif tag in ENTRY_TAGS and self.entry is not None:
            self.entries.append(self.entry)
            self.entry = None

    def _term_note(self, kind: str, value: str) -> None:
        assert self.term is not None
        if kind in ("administrativeStatus", "normativeAuthorization"):
            self.term.status = value.lower()
        elif kind == "partOfSpeech":
            self.term.pos = value
        elif kind == TYPE_NOTE:
            self.term.kind = value

    def parse(self, text: str) -> list[_Entry]:
        try:
            self.expat.Parse(text, True)
        except xml.parsers.expat.ExpatError as exc:
            raise GlossaryError(f"malformed TBX: {xml.parsers.expat.ErrorString(exc.code)}", self.path, exc.lineno) from exc
        return self.entries


def _terms_for(entry: _Entry, lang: str) -> list[_TermData]:
    return [t for code, terms in entry.langs.items() if same_language(code, lang) for t in terms]


def _entry_term(entry: _Entry, source_lang: str, target_lang: str) -> Term | None:
    sources = [t for t in _terms_for(entry, source_lang) if t.status not in FORBIDDEN_STATUS]
    targets = _terms_for(entry, target_lang)
    approved = [t for t in targets if t.status not in FORBIDDEN_STATUS]
    if not sources or not approved:
        return None
    forbidden = tuple(t.text for t in targets if t.status in FORBIDDEN_STATUS)
    kind = next((t.kind for t in (*sources, *approved) if t.kind), "")
    if not kind:
        proper = any(t.pos.lower() == "propernoun" for t in (*sources, *approved))
        kind = "dnt" if approved[0].text == sources[0].text else "name" if proper else "term"
    return Term(
        tuple(dict.fromkeys(t.text for t in sources)),
        approved[0].text,
        kind,
        forbidden,
        " ".join(entry.notes),
        entry.line,
        tuple(t.text for t in approved[1:]),
        target_lang,
    )


def parse_tbx(text: str, source_lang: str, target_lang: str, path: Path | None = None) -> Glossary:
    """Glossary terms for one language pair; concept entries lacking either language are skipped."""
    entries = _Parser(path).parse(text)
    terms = [t for t in (_entry_term(e, source_lang, target_lang) for e in entries) if t is not None]
    return Glossary(terms, path)


def read_tbx(path: Path, source_lang: str = "nb", target_lang: str = "en") -> Glossary:
    return parse_tbx(read_text(path, GlossaryError, "TBX file"), source_lang, target_lang, path)


def read_tbx_languages(path: Path, source_lang: str, target_langs: list[str]) -> Glossary:
    """Terms for every target language of a project, each carrying its language."""
    text = read_text(path, GlossaryError, "TBX file")
    terms = [t for lang in dict.fromkeys(target_langs) for t in parse_tbx(text, source_lang, lang, path).terms]
    return Glossary(terms, path)


def _tig(text: str, status: str, kind: str, lines: list[str]) -> None:
    lines.append(f"        <tig>\n          <term>{escape(text)}</term>")
    if kind in ("name", "dnt"):
        lines.append('          <termNote type="partOfSpeech">properNoun</termNote>')
    lines.append(f'          <termNote type="administrativeStatus">{status}</termNote>')
    lines.append(f'          <termNote type="{TYPE_NOTE}">{kind}</termNote>\n        </tig>')


def format_tbx(glossary: Glossary, source_lang: str = "nb", target_lang: str = "en") -> str:
    """TBX-Basic (TBX 2 ``martif``) text for a glossary."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<martif type="TBX-Basic" xml:lang={quoteattr(target_lang)}>',
        "  <martifHeader><fileDesc><sourceDesc><p>l10n glossary</p></sourceDesc></fileDesc></martifHeader>",
        "  <text><body>",
    ]
    for number, term in enumerate(glossary.terms, 1):
        lines.append(f'    <termEntry id="c{number}">')
        if term.note:
            lines.append(f'      <descrip type="definition">{escape(term.note)}</descrip>')
        lines.append(f"      <langSet xml:lang={quoteattr(source_lang)}>")
        for form in term.sources:
            _tig(form, "preferredTerm-admn-sts" if form == term.sources[0] else "admittedTerm-admn-sts", term.type, lines)
        lines.append(f"      </langSet>\n      <langSet xml:lang={quoteattr(target_lang)}>")
        _tig(term.target, "preferredTerm-admn-sts", term.type, lines)
        for alt in term.alternatives:
            _tig(alt, "admittedTerm-admn-sts", term.type, lines)
        for wrong in term.forbidden:
            _tig(wrong, "deprecatedTerm-admn-sts", term.type, lines)
        lines.append("      </langSet>\n    </termEntry>")
    lines.append("  </body></text>\n</martif>\n")
    return "\n".join(lines)


def write_tbx(glossary: Glossary, path: Path, source_lang: str = "nb", target_lang: str = "en") -> None:
    atomic_write_text(path, format_tbx(glossary, source_lang, target_lang))
