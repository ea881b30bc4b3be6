"""TMX 1.4b and PO exchange for the translation memory.

TMX is what OmegaT, Translate Toolkit, Okapi and most CAT tools read, so a
project's memory can leave (and arrive) without us. Our own metadata rides
in ``prop`` elements (``x-context``, ``x-origin``, ``x-state``) and the
standard ``creationid``/``changedate`` attributes, so export → import gives
back identical units. Parsing uses expat for line numbers in errors.
"""

from __future__ import annotations

import codecs
import xml.parsers.expat
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Iterable, Iterator
from xml.sax.saxutils import escape, quoteattr

import polib

from . import __version__
from .catalog import entry_key, iter_entries, read_catalog, write_catalog
from .entrymeta import provenance_value, reviewed_tcomment, set_provenance
from .errors import TMError
from .fsutil import atomic_write_text, read_text
from .languages import po_language, same_language
from .memory import REVIEWED, Counts, TranslationMemory, Unit, catalog_units, normalize_date, now_iso

_INLINE_CODES = ("bpt", "ept", "it", "ph", "ut")  # native codes: their content is not text


def tmx_date(iso: str) -> str:
    """``2026-11-27T21:00:00Z`` → ``20261127T210000Z`` (TMX's date format)."""
    stored = normalize_date(iso)
    return datetime.strptime(stored, "%Y-%m-%dT%H:%M:%SZ").strftime("%Y%m%dT%H%M%SZ") if stored else ""


def _tu(unit: Unit) -> str:
    stamp = tmx_date(unit.date) if unit.date else ""
    attrs = f' creationdate="{stamp}" changedate="{stamp}"' if stamp else ""
    if unit.reviewer:
        attrs += f" creationid={quoteattr(unit.reviewer)} changeid={quoteattr(unit.reviewer)}"
    props = [("x-context", unit.context), ("x-origin", unit.origin)]
    if unit.state != REVIEWED:
        props.append(("x-state", unit.state))
    lines = [f"    <tu{attrs}>"]
    lines += [f'      <prop type="{name}">{escape(value)}</prop>' for name, value in props if value or name == "x-origin"]
    for lang, text in ((unit.source_lang, unit.source), (unit.target_lang, unit.target)):
        lines.append(f"      <tuv xml:lang={quoteattr(lang)}><seg>{_escape_seg(text)}</seg></tuv>")
    lines.append("    </tu>")
    return "\n".join(lines)


def _escape_seg(text: str) -> str:
    return escape(text).replace("\r", "&#13;")


def format_tmx(units: Iterable[Unit], source_lang: str) -> str:
    """TMX 1.4b text; ``srclang`` is the language the units translate from."""
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
        '<tmx version="1.4">\n'
        f'  <header creationtool="l10n" creationtoolversion="{__version__}" segtype="sentence"'
        f' o-tmf="l10n-sqlite" adminlang="en" srclang={quoteattr(source_lang)} datatype="plaintext"'
        f' creationdate="{tmx_date(now_iso())}"/>\n'
        "  <body>\n"
    )
    body = "\n".join(_tu(u) for u in units)
    return head + body + ("\n" if body else "") + "  </body>\n</tmx>\n"


def export_tmx(tm: TranslationMemory, path: Path, source_lang: str, target_lang: str | None = None) -> int:
    """Write the memory's reviewed units (optionally one target language) to a TMX file."""
    units = list(tm.units(source_lang, target_lang))
    atomic_write_text(path, format_tmx(units, source_lang))
    return len(units)


@dataclass
class _TU:
    line: int
    attrs: dict[str, str]
    props: dict[str, str] = field(default_factory=dict)
    segs: list[tuple[str, str]] = field(default_factory=list)


class _TMXParser:
    """Streams ``tu`` elements out of a TMX file, checking the structure we rely on."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.srclang = ""
        self.tus: list[_TU] = []
        self.tu: _TU | None = None
        self.lang: str | None = None
        self.seg: list[str] | None = None
        self.prop: tuple[str, list[str]] | None = None
        self.skip_depth = 0
        self.root_seen = False
        self.p = xml.parsers.expat.ParserCreate()
        self.p.StartElementHandler = self.start
        self.p.EndElementHandler = self.end
        self.p.CharacterDataHandler = self.chars

    def error(self, message: str) -> TMError:
        return TMError(message, self.path, self.p.CurrentLineNumber)

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if not self.root_seen:
            if tag != "tmx":
                raise self.error(f"not a TMX file (root element <{tag}>)")
            self.root_seen = True
        elif tag == "header":
            self.srclang = attrs.get("srclang", "")
        elif tag == "tu":
            self.tu = _TU(self.p.CurrentLineNumber, attrs)
        elif tag == "tuv":
            if self.tu is None:
                raise self.error("<tuv> outside <tu>")
            self.lang = attrs.get("xml:lang") or attrs.get("lang")
            if not self.lang:
                raise self.error("<tuv> without xml:lang")
        elif tag == "seg":
            if self.lang is None:
                raise self.error("<seg> outside <tuv>")
            self.seg = []
        elif tag == "prop" and self.tu is not None and self.lang is None:
            self.prop = (attrs.get("type", ""), [])
        elif tag in _INLINE_CODES and self.seg is not None:
            self.skip_depth += 1

    def end(self, tag: str) -> None:
        if tag in _INLINE_CODES and self.seg is not None:
            self.skip_depth -= 1
        elif tag == "seg" and self.seg is not None and self.tu is not None and self.lang:
            self.tu.segs.append((self.lang, "".join(self.seg)))
            self.seg = None
        elif tag == "tuv":
            self.lang = None
        elif tag == "prop" and self.prop is not None and self.tu is not None:
            self.tu.props[self.prop[0]] = "".join(self.prop[1])
            self.prop = None
        elif tag == "tu" and self.tu is not None:
            self.tus.append(self.tu)
            self.tu = None

    def chars(self, data: str) -> None:
        if self.seg is not None and not self.skip_depth:
            self.seg.append(data)
        elif self.prop is not None:
            self.prop[1].append(data)

    def parse(self, text: str) -> list[_TU]:
        try:
            self.p.Parse(text, True)
        except xml.parsers.expat.ExpatError as exc:
            raise TMError(f"malformed TMX: {xml.parsers.expat.ErrorString(exc.code)}", self.path, exc.lineno) from exc
        if not self.root_seen:
            raise TMError("empty TMX file", self.path, 1)
        return self.tus


def parse_tmx(text: str, source_lang: str, target_lang: str, path: Path | None = None) -> Iterator[Unit]:
    """Units for one language pair; ``tu`` elements lacking either language are skipped."""
    for tu in _TMXParser(path).parse(text):
        source = next((seg for lang, seg in tu.segs if same_language(lang, source_lang)), None)
        target = next((seg for lang, seg in tu.segs if same_language(lang, target_lang)), None)
        if source is None or target is None:
            continue
        date = tu.attrs.get("changedate") or tu.attrs.get("creationdate") or ""
        yield Unit(
            source,
            target,
            source_lang,
            target_lang,
            tu.props.get("x-context", ""),
            tu.props.get("x-origin", path.name if path else ""),
            tu.attrs.get("changeid") or tu.attrs.get("creationid", ""),
            normalize_date(date),
            tu.props.get("x-state", REVIEWED),
        )


def read_tmx(path: Path, source_lang: str, target_lang: str) -> list[Unit]:
    return list(parse_tmx(_tmx_text(path), source_lang, target_lang, path))


def _tmx_text(path: Path) -> str:
    """The file's text: UTF-8, or UTF-16 with a byte-order mark (TMX allows it; Trados writes it)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(2)
    except OSError:
        head = b""
    if head in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        try:
            return path.read_bytes().decode("utf-16")
        except (OSError, UnicodeDecodeError) as exc:
            raise TMError("not valid UTF-16", path) from exc
    return read_text(path, TMError, "TMX file")


def import_tmx(tm: TranslationMemory, path: Path, source_lang: str, target_lang: str) -> Counts:
    """Add a TMX file's units for one language pair; states and dates are kept as exported."""
    return tm.add_units(read_tmx(path, source_lang, target_lang), supersede=False)


def export_po(tm: TranslationMemory, path: Path, source_lang: str, target_lang: str) -> int:
    """Write the memory as a PO catalogue (one entry per source and context: the newest)."""
    po = polib.POFile(wrapwidth=79)
    po.metadata = {
        "Project-Id-Version": EXPORT_PROJECT,
        "Language": po_language(target_lang),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": f"l10n {__version__}",
    }
    newest: dict[tuple[str, str], Unit] = {}
    for unit in tm.units(source_lang, target_lang):
        key = (unit.context, unit.source)
        if key not in newest or newest[key].date <= unit.date:
            newest[key] = unit
    for unit in newest.values():
        entry = polib.POEntry(msgid=unit.source, msgstr=unit.target, msgctxt=unit.context or None,
                              tcomment=reviewed_tcomment(unit.reviewer, unit.date[:10]))
        set_provenance(entry, f"tm: from {unit.origin}" if unit.origin else "")
        po.append(entry)
    write_catalog(po, path)
    return len(newest)


EXPORT_PROJECT = "l10n translation memory"


def _exported_origin(entry: polib.POEntry) -> str:
    """The origin an export's ``#. tm: from …`` line names, or ""."""
    value = provenance_value(entry, "tm:")
    return value[5:].strip() if value.startswith("from ") else ""


def import_po(tm: TranslationMemory, path: Path, source_lang: str, target_lang: str) -> Counts:
    """Add a PO file's reviewed entries. A unit in our own PO export keeps the origin its
    ``#. tm: from …`` comment names (re-importing an export changes nothing); any other
    catalogue is itself the origin."""
    po = read_catalog(path)
    ours = po.metadata.get("Project-Id-Version") == EXPORT_PROJECT
    origins = {entry_key(e): _exported_origin(e) for e in iter_entries(po)}
    units = [replace(u, origin=origins.get((u.context, u.source)) or ("" if ours else u.origin))
             for u in catalog_units(po, path.name, source_lang, target_lang)]
    counts = tm.add_units(units)
    counts.catalogues = 1
    return counts


def import_file(tm: TranslationMemory, path: Path, source_lang: str, target_lang: str) -> Counts:
    """Import by extension: ``.tmx`` or a PO catalogue (its reviewed entries only)."""
    suffix = path.suffix.lower()
    if suffix == ".tmx":
        return import_tmx(tm, path, source_lang, target_lang)
    if suffix in (".po", ".pot"):
        return import_po(tm, path, source_lang, target_lang)
    raise TMError("unknown exchange format (expected .tmx or .po)", path)


def export_file(tm: TranslationMemory, path: Path, source_lang: str, target_lang: str | None) -> int:
    suffix = path.suffix.lower()
    if suffix == ".tmx":
        return export_tmx(tm, path, source_lang, target_lang)
    if suffix == ".po":
        if target_lang is None:
            raise TMError("PO export needs one target language (--lang)", path)
        return export_po(tm, path, source_lang, target_lang)
    raise TMError("unknown exchange format (expected .tmx or .po)", path)
