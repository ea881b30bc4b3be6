"""A fast PO reader that builds exactly the objects polib's parser builds.

polib's ``_POFileParser`` is a state machine that dispatches every line through a
method call, a transition lookup and a regex; reading the catalogues was the
largest single cost of ``l10n update`` and ``l10n build``. :func:`parse_lines`
runs the same state machine — the same tokenising, the same transition table,
the same handlers, entry by entry — in one loop with the cheap cases short-cut
(no backslash: nothing to unescape; no quote inside a string: no unescaped-quote
search). Anything it does not expect (every syntax error included) is handed to
polib's own parser, so errors and their line numbers stay polib's. The result is
a real :class:`polib.POFile` of :class:`polib.POEntry` objects; the tests compare
every attribute of every entry with polib's on the repository's catalogues, and
``bench/poread.py`` does so on the GNOME catalogues.
"""

from __future__ import annotations

import re

import polib

_BOM = "\ufeff"
_KEYWORDS = {"msgctxt": "ct", "msgid": "mi", "msgstr": "ms", "msgid_plural": "mp"}
_PREVIOUS = {"msgid_plural": "pp", "msgid": "pm", "msgctxt": "pc"}
_UNESCAPED_QUOTE = re.compile(r'([^\\]|^)"')  # polib's test for a bare quote inside a string
_ESCAPE = re.compile(r'\\(\\|n|t|r|v|b|f|")')
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "v": "\v", "b": "\b", "f": "\f", "\\": "\\", '"': '"'}
_NEW_ENTRY_STATES = ("mc", "ms", "mx")  # a comment or keyword after these starts the next entry


def _transitions() -> dict[tuple[str, str], str]:
    """(symbol, state) → next state: polib's table, written out the same way."""
    every = ["st", "he", "gc", "oc", "fl", "ct", "pc", "pm", "pp", "tc", "ms", "mp", "mx", "mi"]
    table: dict[tuple[str, str], str] = {}
    for symbol, states, target in (
        ("tc", ["st", "he"], "he"),
        ("tc", ["gc", "oc", "fl", "tc", "pc", "pm", "pp", "ms", "mp", "mx", "mi"], "tc"),
        ("gc", every, "gc"), ("oc", every, "oc"), ("fl", every, "fl"),
        ("pc", every, "pc"), ("pm", every, "pm"), ("pp", every, "pp"),
        ("ct", ["st", "he", "gc", "oc", "fl", "tc", "pc", "pm", "pp", "ms", "mx"], "ct"),
        ("mi", ["st", "he", "gc", "oc", "fl", "ct", "tc", "pc", "pm", "pp", "ms", "mx"], "mi"),
        ("mp", ["tc", "gc", "pc", "pm", "pp", "mi"], "mp"),
        ("ms", ["mi", "mp", "tc"], "ms"),
        ("mx", ["mi", "mx", "mp", "tc"], "mx"),
        ("mc", ["ct", "mi", "mp", "ms", "mx", "pm", "pp", "pc"], "mc"),
    ):
        for state in states:
            table[(symbol, state)] = target
    return table


_TRANSITIONS = _transitions()


class _Unexpected(Exception):
    """Something polib's parser would reject or treat specially: let it do so."""


def unescape(text: str) -> str:
    """polib.unescape, without the regex when there is no backslash."""
    if "\\" not in text:
        return text
    return _ESCAPE.sub(lambda m: _ESCAPES[m.group(1)], text)


def _entry(linenum: int) -> polib.POEntry:
    """A POEntry with polib's defaults (what ``POEntry(linenum=n)`` sets), without its keyword parsing."""
    entry = _new(_POEntry)
    entry.__dict__ = {"msgid": "", "msgstr": "", "msgid_plural": "", "msgstr_plural": {}, "msgctxt": None,
                      "obsolete": False, "encoding": polib.default_encoding, "comment": "", "tcomment": "",
                      "occurrences": [], "flags": [], "previous_msgctxt": None, "previous_msgid": None,
                      "previous_msgid_plural": None, "linenum": linenum}
    return entry


_POEntry, _new = polib.POEntry, object.__new__
_QUICK_KEYWORDS = tuple((f"{word} ", word, symbol) for word, symbol in _KEYWORDS.items())
_CONTINUED = frozenset(state for (symbol, state) in _TRANSITIONS if symbol == "mc")


def parse_lines(lines: list[str]) -> polib.POFile:
    """The catalogue polib's parser makes of ``lines`` (a file's lines without their newlines)."""
    try:
        return _parse(lines)
    except Exception:  # noqa: BLE001 - polib decides: it raises its own error, or parses what we did not expect
        parser = polib._POFileParser("", encoding="utf-8", check_for_duplicates=False, klass=None)
        parser.fhandle = lines
        return parser.parse()


def _symbol(line: str, tokens: list[str]) -> tuple[str | None, str]:
    """The state machine's symbol for one stripped, non-obsolete line and its token (None: skip it)."""
    first, count = tokens[0], len(tokens)
    if first in _KEYWORDS and count > 1:
        token = line[len(first):].lstrip()
        if '"' in token[1:-1] and _UNESCAPED_QUOTE.search(token[1:-1]):
            raise _Unexpected
        return _KEYWORDS[first], token
    if first == "#:":
        return ("oc" if count > 1 else None), line
    if line[:1] == '"':
        if '"' in line[1:-1] and _UNESCAPED_QUOTE.search(line[1:-1]):
            raise _Unexpected
        return "mc", line
    if line[:7] == "msgstr[":
        return "mx", line
    if first == "#,":
        return ("fl" if count > 1 else None), line
    if first == "#" or first.startswith("##"):
        return "tc", line
    if first == "#.":
        return ("gc" if count > 1 else None), line
    if first == "#|":
        if count <= 1:
            raise _Unexpected
        token = line[2:].lstrip()
        if tokens[1].startswith('"'):
            return "mc", token
        if count == 2 or tokens[1] not in _PREVIOUS:
            raise _Unexpected
        return _PREVIOUS[tokens[1]], token[len(tokens[1]):].lstrip()
    raise _Unexpected


def _parse(lines: list[str]) -> polib.POFile:
    po = polib.POFile(pofile="", encoding="utf-8", check_for_duplicates=False)
    append = list.append
    entry, state, index, obsolete = _entry(0), "st", 0, 0  # obsolete is polib's int flag, 0 or 1
    comment_last = True  # the last non-blank line is a comment (then the last entry is not added)
    for number, line in enumerate(lines, 1):
        if number == 1 and line.startswith(_BOM):
            line = line[1:]
        line = line.strip()
        if not line:
            continue
        first = line[0]
        if first == '"':  # a continuation line: the commonest, tokenised as polib would
            text = line[1:-1]
            if '"' in text and _UNESCAPED_QUOTE.search(text):
                raise _Unexpected
            if state not in _CONTINUED:
                raise _Unexpected
            _continue(entry, state, index, unescape(text) if "\\" in text else text)
            comment_last = False
            continue
        if first == "m":
            symbol = None
            for prefix, word, quick in _QUICK_KEYWORDS:
                if line.startswith(prefix):  # "msgid ...": polib's first token is the keyword
                    symbol, token = quick, line[len(word):].lstrip()
                    if '"' in token[1:-1] and _UNESCAPED_QUOTE.search(token[1:-1]):
                        raise _Unexpected
                    break
            if symbol is None:
                symbol, token, obsolete, comment_last = _generic(line)
            else:
                obsolete, comment_last = 0, False
        else:
            symbol, token, obsolete, comment_last = _generic(line)
        if symbol is None:
            continue
        target = _TRANSITIONS[(symbol, state)]  # KeyError: a transition polib rejects
        if target == "mc":
            _continue(entry, state, index, unescape(token[1:-1]))
            continue
        if target == "ms":
            entry.msgstr = unescape(token[1:-1])
        elif target == "mp":
            entry.msgid_plural = unescape(token[1:-1])
        elif target == "mx":
            index = int(token[7])
            entry.msgstr_plural[index] = unescape(token[token.find('"') + 1:-1])
        elif target == "he":
            if po.header != "":
                po.header += "\n"
            po.header += token[2:]
        else:
            if state in _NEW_ENTRY_STATES:
                append(po, entry)
                entry = _entry(number)
            _start(entry, target, token, obsolete)
        state = target
    if not comment_last:
        append(po, entry)  # the last entry (trailing comments belong to none)
    _metadata(po)
    return po


def _generic(line: str) -> tuple[str | None, str, int, bool]:
    """Symbol, token, obsolete flag and "first token is a comment" for any stripped line, as polib tokenises it."""
    tokens = line.split(None, 2)
    if tokens[0] == "#~|":
        return None, line, 0, True
    obsolete = 0
    if tokens[0] == "#~" and len(tokens) > 1:
        line, tokens, obsolete = line[3:].strip(), tokens[1:], 1
    symbol, token = _symbol(line, tokens)
    return symbol, token, obsolete, tokens[0].startswith("#")


def _start(entry: polib.POEntry, target: str, token: str, obsolete: int) -> None:
    """The handlers that may open an entry: comments, occurrences, flags, previous strings, msgctxt, msgid."""
    if target == "tc":
        if entry.tcomment != "":
            entry.tcomment += "\n"
        comment = token.lstrip("#")
        entry.tcomment += comment[1:] if comment.startswith(" ") else comment
    elif target == "gc":
        if entry.comment != "":
            entry.comment += "\n"
        entry.comment += token[3:]
    elif target == "oc":
        for occurrence in token[3:].split():
            where, colon, line = occurrence.rpartition(":")
            if not colon or not line.isdigit():
                where, line = occurrence, ""
            entry.occurrences.append((where, line))
    elif target == "fl":
        entry.flags += [flag.strip() for flag in token[3:].split(",")]
    elif target == "mi":
        entry.obsolete = obsolete
        entry.msgid = unescape(token[1:-1])
    elif target == "ct":
        entry.msgctxt = unescape(token[1:-1])
    elif target == "pm":
        entry.previous_msgid = unescape(token[1:-1])
    elif target == "pp":
        entry.previous_msgid_plural = unescape(token[1:-1])
    elif target == "pc":
        entry.previous_msgctxt = unescape(token[1:-1])
    else:
        raise _Unexpected


def _continue(entry: polib.POEntry, state: str, index: int, text: str) -> None:
    """A continuation line ("…") adds to the string the current state is in."""
    if state == "mi":
        entry.msgid += text
    elif state == "ms":
        entry.msgstr += text
    elif state == "mx":
        entry.msgstr_plural[index] += text
    elif state == "ct":
        entry.msgctxt += text
    elif state == "mp":
        entry.msgid_plural += text
    elif state == "pm":
        entry.previous_msgid += text
    elif state == "pp":
        entry.previous_msgid_plural += text
    elif state == "pc":
        entry.previous_msgctxt += text


def _metadata(po: polib.POFile) -> None:
    """The header entry becomes the metadata, as polib's parser does it (its own find and remove)."""
    header = po.find("")
    if not header:
        return
    po.remove(header)
    po.metadata_is_fuzzy = header.flags
    key = None
    for line in header.msgstr.splitlines():
        try:
            key, value = line.split(":", 1)
            po.metadata[key] = value.strip()
        except (ValueError, KeyError):
            if key is not None:
                po.metadata[key] += "\n" + line.strip()
