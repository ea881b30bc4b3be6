"""PO/POT catalogues: reading with located errors, atomic writing, headers, statistics."""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import polib

from . import __version__
from .entrymeta import PROVENANCE_PREFIXES, is_fuzzy, provenance_lines  # noqa: F401  (re-exported)
from .errors import CatalogError
from .fsutil import atomic_write_text, decode_utf8
from .poformat import render_po
from .languages import babel_locale, po_language

WRAP_WIDTH = 79
_SYNTAX_LINE = re.compile(r"\(line (\d+)\)")
# A line that holds a PO string: optional "#~ " or "#| " prefix, optional keyword, then "…".
_STRING_LINE = re.compile(r'^(?:#[~|][ \t]*)?(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]+)?"')
_TERMINATED = re.compile(r'"(?:[^"\\]|\\.)*"[ \t]*$')
_CHARSET = re.compile(rb"charset=([A-Za-z0-9_.:-]+)")


def now_stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M+0000")


def read_catalog(path: Path) -> polib.POFile:
    """Parse a PO/POT file; syntax errors become CatalogError with the line number."""
    data = _read_bytes(path)
    text, legacy = _decode_po(data, path)
    lines = _po_text(text).split("\n")
    _check_strings(lines, path)
    try:
        po = _parse_lines(lines)
    except (OSError, ValueError) as exc:
        m = _SYNTAX_LINE.search(str(exc))
        detail = str(exc).split(" (line")[0].replace("Syntax error in po file", "PO syntax error")
        raise CatalogError(detail or "PO syntax error", path, int(m.group(1)) if m else None) from exc
    _check_duplicates(po, path)
    po.fpath = str(path)
    po.source_digest = content_digest(data)  # what a later save compares with (locking.py)
    if legacy:  # we write UTF-8, so the header must say so
        po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    return po


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise CatalogError("catalogue not found", path) from exc
    except OSError as exc:
        raise CatalogError(f"cannot read catalogue: {exc.strerror}", path) from exc


def _decode_po(data: bytes, path: Path) -> tuple[str, bool]:
    """The file's text, and whether it was decoded from a declared non-UTF-8 charset
    (gettext allows e.g. ISO-8859-1 with a matching ``Content-Type`` header)."""
    try:
        return decode_utf8(data, CatalogError, path), False
    except CatalogError as exc:
        try:
            m = _CHARSET.search(data[:4096])
            codec = codecs.lookup(m.group(1).decode("ascii")).name if m else "utf-8"
            if codec == "utf-8":
                raise exc
            text = data.decode(codec)
        except (OSError, LookupError, UnicodeDecodeError):
            raise exc from None
        return text[1:] if text.startswith("\ufeff") else text, True


def _po_text(text: str) -> str:
    """The text with \\r\\n and \\r made \\n: PO lines end at a newline only, as gettext and polib's file reader see them.

    ``str.splitlines()`` (what ``polib.pofile(text)`` uses for text) also breaks at U+2028,
    U+2029, U+0085 and \\x1c-\\x1e, which polib writes raw inside strings: a catalogue holding
    one of them (an MT answer can) would read back truncated or fail as unterminated."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _parse_lines(lines: list[str]) -> polib.POFile:
    from .poread import parse_lines

    po = parse_lines(lines)  # polib's objects, from polib's state machine run faster (l10n/poread.py)
    po.wrapwidth = WRAP_WIDTH
    return po


def _check_strings(lines: list[str], path: Path) -> None:
    """Reject an unterminated string: polib reads ``msgid "abc`` as "ab" without a word,
    and a later write would then silently change the entry (msgfmt rejects the file)."""
    for number, line in enumerate(lines, 1):
        if "\x00" in line:  # msgfmt rejects the file; polib would carry the byte into every write
            raise CatalogError("NUL byte (\\0) in the file", path, number)
        if (line[:1] == "#" and line[1:2] not in "~|") or (line[-1:] == '"' and "\\" not in line and
                                                          line.count('"') == 2):
            continue  # a comment, or a line whose only two quotes open and close its string
        m = _STRING_LINE.match(line)
        if m and not _TERMINATED.match(line, m.end() - 1):
            raise CatalogError("PO syntax error: unterminated string", path, number)


def _check_duplicates(po: polib.POFile, path: Path) -> None:
    """Two entries with one msgid (and msgctxt) in a hand-edited file: msgfmt rejects it and
    any merge would have to drop one, so stop before anything is written, naming both."""
    seen: dict[tuple[bool, str, str], polib.POEntry] = {}
    for entry in po:
        key = (bool(entry.obsolete), entry.msgctxt or "", entry.msgid)
        first = seen.setdefault(key, entry)
        if first is not entry:
            where = f" (msgctxt {entry.msgctxt!r})" if entry.msgctxt else ""
            text = entry.msgid if len(entry.msgid) <= 60 else entry.msgid[:59] + "…"
            raise CatalogError(f"duplicate msgid {text!r}{where}: also defined at line {first.linenum}; "
                               f"keep one copy (nothing was written)", path, entry.linenum)


def write_catalog(po: polib.POFile, path: Path) -> None:
    """Write atomically (temporary file + rename)."""
    po.wrapwidth = WRAP_WIDTH
    text = render_po(po)  # polib's exact text, faster (l10n/poformat.py)
    atomic_write_text(path, text)
    po.source_digest = content_digest(text.encode("utf-8"))


def content_digest(data: bytes) -> str:
    """The digest of a catalogue's bytes that a save compares with what is on disk now, to
    see whether someone else wrote it meanwhile (``source_digest``, l10n/locking.py)."""
    return hashlib.sha256(data).hexdigest()


@lru_cache(maxsize=None)
def plural_forms(lang: str) -> str:
    from babel.messages.plurals import get_plural  # babel's message catalogue stack: only for a new header

    plural = get_plural(babel_locale(lang))
    return plural.plural_forms


NAMES_FILE = "language-names-en.tsv"


@lru_cache(maxsize=None)
def language_name(lang: str) -> str:
    """The language's English name (a catalogue's Language-Team), as Babel gives it.

    Babel's answer needs its locale data: 5 MiB in every process of a run, for one word per
    language. ``l10n/data/language-names-en.tsv`` holds Babel's answers for all its locales,
    made by :func:`language_names_table`; it is used only under the Babel version that made
    it, and anything it lacks is asked of Babel."""
    locale = babel_locale(lang)
    name = _shipped_names().get(str(locale))
    return name if name is not None else (locale.get_display_name("en") or lang)


@lru_cache(maxsize=1)
def _shipped_names() -> dict[str, str]:
    import babel

    from .fsutil import package_data

    lines = package_data(NAMES_FILE).splitlines()
    if not lines or lines[0] != f"# babel {babel.__version__}":
        return {}  # another Babel: its own data may name a language otherwise
    return dict(line.split("\t", 1) for line in lines[1:] if line)


def language_names_table() -> str:
    """The text of ``l10n/data/language-names-en.tsv`` for the installed Babel."""
    import babel
    from babel import Locale, localedata

    rows = []
    for identifier in sorted(localedata.locale_identifiers()):
        name = Locale.parse(identifier).get_display_name("en")
        if name and "\t" not in name and "\n" not in name:
            rows.append(f"{identifier}\t{name}\n")
    return f"# babel {babel.__version__}\n" + "".join(rows)


def template_metadata(project_name: str) -> dict[str, str]:
    return {
        "Project-Id-Version": f"{project_name} 1.0",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": now_stamp(),
        "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
        "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
        "Language-Team": "LANGUAGE <LL@li.org>",
        "Language": "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": f"l10n {__version__}",
    }


def catalog_metadata(template: dict[str, str], lang: str, old: dict[str, str] | None = None) -> dict[str, str]:
    """Header of a language catalogue: the template's, with language fields filled in and
    the translator fields of an existing catalogue kept."""
    meta = dict(template)
    meta["Language"] = po_language(lang)
    meta["Language-Team"] = f"{language_name(lang)}"
    meta["Plural-Forms"] = plural_forms(lang)
    meta["PO-Revision-Date"] = now_stamp()
    meta["Last-Translator"] = "l10n"
    if old:
        for key in ("PO-Revision-Date", "Last-Translator", "Language-Team"):
            if old.get(key) and "YEAR-MO-DA" not in old[key] and "FULL NAME" not in old[key]:
                meta[key] = old[key]
    return meta


def iter_entries(po: polib.POFile) -> Iterator[polib.POEntry]:
    """Active (non-obsolete) entries, header excluded."""
    return (e for e in po if not e.obsolete)


def entry_key(entry: polib.POEntry) -> tuple[str, str]:
    return (entry.msgctxt or "", entry.msgid)


def occurrence_files(entry: polib.POEntry) -> list[str]:
    """The files of an entry's ``#:`` references, in order.

    polib splits references on spaces, so ``source_articles/med mellomrom.md:1`` reads
    back as ``("source_articles/med", "")`` and ``("mellomrom.md", "1")``; a piece
    without a line number is rejoined with the next piece that has one.
    """
    files: list[str] = []
    pending: list[str] = []
    for path, line in entry.occurrences:
        pending.append(path)
        if line:
            files.append(" ".join(pending))
            pending = []
    return files + pending


def is_translated(entry: polib.POEntry) -> bool:
    return bool(entry.msgstr) and not is_fuzzy(entry) and not entry.obsolete


@dataclass
class Counts:
    """Entry and source-word counts by state (pocount's rules)."""

    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    translated_words: int = 0
    fuzzy_words: int = 0
    untranslated_words: int = 0

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def total_words(self) -> int:
        return self.translated_words + self.fuzzy_words + self.untranslated_words

    def add(self, other: "Counts") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_dict(self) -> dict[str, int]:
        data = {name: getattr(self, name) for name in self.__dataclass_fields__}
        data.update(total=self.total, total_words=self.total_words)
        return data


def file_stamp(path: Path) -> tuple[int, int] | None:
    """(mtime, size) of a file, None if it is missing: a cheap "has it changed" for caches
    (a save must compare content: see locking.Snapshot)."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return (stat.st_mtime_ns, stat.st_size)
