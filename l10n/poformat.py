"""PO text for a polib catalogue, byte for byte what polib writes, in a fraction of its time.

polib formats every string through a general path (escape, count special characters,
``splitlines``, maybe ``textwrap``) that dominates writing a catalogue of short news
sentences. Here a string with no character that needs escaping or wrapping is written
directly; every other string, comment or reference goes through exactly the code
polib uses, so the output is identical (tests/test_poformat.py compares the two on
real and generated catalogues).
"""

from __future__ import annotations

import re
import textwrap

import polib

# Anything polib escapes, or that str.splitlines() treats as a line break.
_SPECIAL = re.compile(r'[\\"\t\n\r\v\b\f\x1c\x1d\x1e\x85\u2028\u2029]')
_POLIB_FIELD = polib._BaseEntry._str_field  # the exact original, for strings of several lines
_WORDSEP = textwrap.TextWrapper.wordsep_re  # textwrap's own chunking (break_on_hyphens)
_SPACES = re.compile(r"([\t\n\x0b\x0c\r ]+)")  # textwrap's whitespace, kept as chunks
_ESCAPED = ("\\", "\n", "\r", "\t", "\v", "\b", "\f", '"')  # what polib counts and escapes


def render_po(po: polib.POFile, entries: list[str] | None = None) -> str:
    """What ``po.__unicode__()`` returns. ``entries``: the texts of ``po``'s entries already
    rendered (:func:`render_entries`), e.g. a template's for the new catalogue made from it."""
    width = po.wrapwidth
    header = []
    for line in po.header.split("\n"):
        if not line:
            header.append("#\n")
        elif line[:1] in (",", ":"):
            header.append(f"#{line}\n")
        else:
            header.append(f"# {line}\n")
    body = render_entries(po) if entries is None else entries
    return "".join(header) + "\n".join([render_entry(po.metadata_as_entry(), width), *body])


def render_entries(po: polib.POFile) -> list[str]:
    """The text of each entry, header excluded, in the order polib writes them (obsolete last)."""
    width = po.wrapwidth
    return [render_entry(e, width) for e in po if not e.obsolete] + [render_entry(e, width) for e in po if e.obsolete]


def _field(entry: polib.POEntry, name: str, delflag: str, plural_index: str, value: str, width: int) -> list[str]:
    if width > 0 and not _SPECIAL.search(value) and len(value) <= width - len(name) - 3 - len(plural_index):
        if name.startswith("previous_"):
            name = name[9:]
        return [f'{delflag}{name}{plural_index} "{value}"']
    return _str_field(entry, name, delflag, plural_index, value, width)


def _str_field(entry: polib.POEntry, name: str, delflag: str, plural_index: str, value: str, width: int) -> list[str]:
    """polib's ``_str_field`` for a one-line string, with textwrap's fill done by :func:`wrap`."""
    if len(value.splitlines(True)) > 1:
        return _POLIB_FIELD(entry, name, delflag, plural_index, value, width)
    flength = len(name) + 3 + (len(plural_index) if plural_index else 0)  # polib measures the long name
    keyword = name[9:] if name.startswith("previous_") else name
    if not _SPECIAL.search(value):  # nothing to escape: escape and unescape leave every piece as it is
        if width > 0 and len(value) > width - flength:
            return [f'{delflag}{keyword}{plural_index} ""'] + [f'{delflag}"{line}"' for line in wrap(value, width - 2)]
        return [f'{delflag}{keyword}{plural_index} "{value}"']
    escape = polib.escape
    if width > 0 and len(value) > width - flength + sum(value.count(c) for c in _ESCAPED):
        lines = [""] + [polib.unescape(item) for item in wrap(escape(value), width - 2)]
    else:
        lines = [value]
    return [f'{delflag}{keyword}{plural_index} "{escape(lines[0])}"'] + [f'{delflag}"{escape(line)}"' for line in lines[1:]]


def wrap(text: str, width: int) -> list[str]:
    """``textwrap.wrap(text, width, drop_whitespace=False, break_long_words=False)`` — what polib
    calls — for text polib has escaped (no tab or line break left to munge): textwrap's chunks,
    filled greedily as its ``_wrap_chunks`` does, without building a TextWrapper per string."""
    if any(c in text for c in "\t\n\x0b\x0c\r"):
        return textwrap.wrap(text, width, drop_whitespace=False, break_long_words=False)
    if "-" not in text and width > 0:  # chunks are runs of spaces and of the rest: one regex scan
        return _lines(width).findall(text)
    # Without a hyphen, textwrap's chunks are the runs of whitespace and of everything else.
    chunks = [c for c in (_WORDSEP if "-" in text else _SPACES).split(text) if c]
    lines: list[str] = []
    i, count = 0, len(chunks)
    while i < count:
        line: list[str] = []
        size = 0
        while i < count and size + len(chunks[i]) <= width:
            size += len(chunks[i])
            line.append(chunks[i])
            i += 1
        if not line and i < count:  # a chunk longer than the width: alone on its line, unbroken
            line.append(chunks[i])
            i += 1
        lines.append("".join(line))
    return lines


_LINES: dict[int, re.Pattern[str]] = {}


def _lines(width: int) -> re.Pattern[str]:
    """The greedy fill of :func:`wrap` for text whose only whitespace is spaces: each line is the
    longest run of up to ``width`` characters that ends where spaces meet non-spaces (or at the
    end), else one chunk alone (longer than the width, unbroken)."""
    pattern = _LINES.get(width)
    if pattern is None:
        pattern = _LINES[width] = re.compile(r".{1,%d}(?:(?<= )(?=[^ ])|(?<=[^ ])(?= )|\Z)|[^ ]+| +" % width, re.DOTALL)
    return pattern


def _comment_lines(entry: polib.POEntry, width: int) -> list[str]:
    out: list[str] = []
    kinds = (("tcomment", "# "),) if entry.obsolete else (("tcomment", "# "), ("comment", "#. "))
    for attr, prefix in kinds:
        value = getattr(entry, attr)
        if not value:
            continue
        for comment in value.split("\n"):
            if width > 0 and len(comment) + len(prefix) > width:
                out += textwrap.wrap(comment, width, initial_indent=prefix, subsequent_indent=prefix,
                                     break_long_words=False)
            else:
                out.append(prefix + comment)
    return out


def _reference_lines(entry: polib.POEntry, width: int) -> list[str]:
    if entry.obsolete or not entry.occurrences:
        return []
    files = " ".join(f"{path}:{line}" if line else path for path, line in entry.occurrences)
    if width > 0 and len(files) + 3 > width:
        # polib's trick: hyphens become '*' so textwrap does not break file names at them
        return [line.replace("*", "-") for line in textwrap.wrap(files.replace("-", "*"), width, initial_indent="#: ",
                                                                  subsequent_indent="#: ", break_long_words=False)]
    return ["#: " + files]


def render_entry(entry: polib.POEntry, width: int) -> str:
    """What ``entry.__unicode__(width)`` returns."""
    out = _comment_lines(entry, width) + _reference_lines(entry, width)
    if entry.flags:
        out.append("#, " + ", ".join(entry.flags))
    prefix = "#~| " if entry.obsolete else "#| "
    for name in ("previous_msgctxt", "previous_msgid", "previous_msgid_plural"):
        value = getattr(entry, name)
        if value is not None:
            out += _field(entry, name, prefix, "", value, width)
    delflag = "#~ " if entry.obsolete else ""
    if entry.msgctxt is not None:
        out += _field(entry, "msgctxt", delflag, "", entry.msgctxt, width)
    out += _field(entry, "msgid", delflag, "", entry.msgid, width)
    if entry.msgid_plural:
        out += _field(entry, "msgid_plural", delflag, "", entry.msgid_plural, width)
    if entry.msgstr_plural:
        for index in sorted(entry.msgstr_plural):
            out += _field(entry, "msgstr", delflag, f"[{index}]", entry.msgstr_plural[index], width)
    else:
        out += _field(entry, "msgstr", delflag, "", entry.msgstr, width)
    out.append("")
    return "\n".join(out)
