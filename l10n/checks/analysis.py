"""Facts about an entry's texts that several checks need, computed once per text.

Case-insensitive matching is where many checks spend their time: Python's ``re`` runs a
pattern compiled with ``re.IGNORECASE`` several times slower than the same pattern
matched case-sensitively, because it lower-cases every character it compares and loses
its literal-prefix scan. Checks therefore match their case-insensitive data rules
(pitfalls, modality, time words) on the *lower-cased* text with a case-sensitive copy of
the pattern, whenever that is exactly equivalent:

* lower-casing keeps every offset (``"İ".lower()`` is two characters), so spans found
  in the lower-cased text are spans of the original;
* the text has none of the letters ``re.IGNORECASE`` pairs beyond simple lower-casing
  (dotless ı, long ſ, Greek final sigma …: :data:`FOLD_UNSAFE`);
* the pattern holds no upper-case letter (a class like ``[A-Z]`` means something else
  case-sensitively) and no numeric character escape.

Otherwise the ``re.IGNORECASE`` pattern runs on the text itself. Matched text must be read
from the original by span: the groups of a fast match are lower-case.

Most rules match on few entries, and a failing regex search still walks the whole text.
:func:`search` and :func:`finditer` therefore first ask whether the text holds any of the
pattern's *required literals* (:func:`required_literals`: strings one of which every match
contains, read from the pattern itself); a plain substring test is many times cheaper than
the search, and when it fails the search could not have matched.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterator

# Letters that re.IGNORECASE pairs with other letters than simple lower-casing does (Python's
# re._casefix table, written out so a private module is not imported), their upper-case
# forms (Σ lower-cases to σ or ς by context) and İ.
_EXTRA_CASES = "isµİıſͅΐΰβεθικμπρςσφϐϑϕϖϰϱϵвдостъѣᲀᲁᲂᲃᲄᲅᲆᲇᲈṡẛιΐΰꙋﬅﬆ"
FOLD_UNSAFE = frozenset(_EXTRA_CASES) | frozenset(c.upper() for c in _EXTRA_CASES if len(c.upper()) == 1)
_FOLD_UNSAFE_NON_ASCII = frozenset(c for c in FOLD_UNSAFE if not c.isascii())
_ESCAPE = re.compile(r"\\.", re.DOTALL)
_NUMERIC_ESCAPE = re.compile(r"\\(?:[0-7]|x|u|U|N)")
_INLINE_FLAGS = re.compile(r"\(\?[-aLmsux]*[iL]")  # (?i), (?-i:…), (?L): case or locale rules of their own


@lru_cache(maxsize=32768)
def lowered(text: str) -> str | None:
    """``text.lower()`` if case-sensitive matching on it is exactly case-insensitive matching
    on ``text`` (see the module notes), else None. Cached: every check of an entry asks."""
    low = text.lower()
    if len(low) != len(text):
        return None
    if not text.isascii() and not _FOLD_UNSAFE_NON_ASCII.isdisjoint(text):
        return None
    return low


def foldable(pattern: str) -> bool:
    """Whether ``pattern`` means the same case-sensitively on lower-cased text as with
    ``re.IGNORECASE`` on the original: no upper-case or fold-unsafe letter outside escapes,
    no numeric escapes (``\\x41``, backreferences), no inline flags."""
    if _NUMERIC_ESCAPE.search(pattern):
        return False
    plain = _ESCAPE.sub("", pattern)
    if _INLINE_FLAGS.search(plain):
        return False
    return all(c == c.lower() for c in plain if c.isalpha()) and _FOLD_UNSAFE_NON_ASCII.isdisjoint(plain)


def fast_twin(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """The case-sensitive twin of an ``re.IGNORECASE`` pattern (None if it has none), made
    once per pattern object (kept by id: hashing a compiled pattern hashes its code)."""
    return _rule(regex)[1]


def _rule(regex: re.Pattern[str]) -> tuple[re.Pattern[str], re.Pattern[str] | None, Need | None, bool]:
    """(regex, its fast twin or None, the literals one of which a match needs or None,
    whether it must run case-insensitively on the original text), made once per pattern."""
    known = _TWINS.get(id(regex))
    if known is None or known[0] is not regex:
        twin = None
        folding = bool(regex.flags & re.IGNORECASE)
        if folding and foldable(regex.pattern):
            twin = re.compile(regex.pattern, regex.flags & ~re.IGNORECASE)
        plain = not regex.flags & re.VERBOSE and (twin is not None or not folding)
        need = required_parts(regex.pattern) if plain else None
        if need is not None and regex.flags & re.ASCII:
            need = frozenset(), tuple(sorted({*need[0], *need[1]}))  # \\b is ASCII there, tokens are not
        if need is not None and len(need[1]) > MAX_LITERALS:
            need = None  # testing them all would cost about what the search costs
        known = _TWINS[id(regex)] = (regex, twin, need, folding and twin is None)  # the pattern is kept alive, so its id stays its own
    return known


#: literal tests (str ``in``) up to which the prefilter pays for itself: it is skipped above this
MAX_LITERALS = 16
_TWINS: dict[int, tuple[re.Pattern[str], re.Pattern[str] | None, Need | None, bool]] = {}


def search(regex: re.Pattern[str], text: str, low: str | None) -> re.Match[str] | None:
    """``regex.search(text)``; the same span found faster on ``low`` (``lowered(text)``) when
    ``regex`` is case-insensitive and foldable, and None at once when a literal every match
    needs is absent. Read matched text from ``text`` by span."""
    run = _prepared(regex, text, low)
    return None if run is None else run[0].search(run[1])


def finditer(regex: re.Pattern[str], text: str, low: str | None) -> Iterator[re.Match[str]]:
    """``regex.finditer(text)``, faster on ``low`` as :func:`search`. Read text by span."""
    run = _prepared(regex, text, low)
    return iter(()) if run is None else run[0].finditer(run[1])


def _prepared(regex: re.Pattern[str], text: str, low: str | None) -> tuple[re.Pattern[str], str] | None:
    """The pattern and text to run for ``regex`` on ``text`` (its lower-cased twin on ``low``
    where that is the same), or None when the prefilter shows it cannot match. Every rule of
    every entry passes here, so the rule lookup and the prefilter are written inline."""
    known = _TWINS.get(id(regex))
    if known is None or known[0] is not regex:
        known = _rule(regex)
    _, twin, need, folding = known
    if twin is not None:
        if low is None:
            return regex, text
        regex, text = twin, low
    elif folding:
        return regex, text
    if need is not None:
        words, rest = need
        if not (words and not words.isdisjoint(tokens(text))) and not (rest and _holds_any(text, rest)):
            return None
    return regex, text


def _holds_any(text: str, literals: tuple[str, ...]) -> bool:
    for literal in literals:
        if literal in text:
            return True
    return False


class _Unknown(Exception):
    """A construct :func:`required_literals` does not reason about: no prefilter."""


_ZERO_WIDTH_ESCAPES = frozenset("bBAZ")
_CLASS_ESCAPES = frozenset("wWdDsS")
_CHAR_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v"}
_QUANTIFIER = re.compile(r"\{(\d*)(?:(,)(\d*))?\}")
_HARMLESS_FLAGS = frozenset("sma")  # inline flags that change no literal's meaning


Need = tuple[frozenset[str], tuple[str, ...]]  # (whole words, substrings): a match holds one of them


@lru_cache(maxsize=1024)
def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Strings one of which every match of ``pattern`` contains (as written: lower-case for a
    foldable pattern matched on lower-cased text), or None when that cannot be told. Read
    conservatively: backreferences, numeric escapes, verbose or case flags give None; an
    optional part contributes nothing; of the parts a branch must match, the longest literal
    run (or group whose every branch has one) is taken."""
    parts = required_parts(pattern)
    return None if parts is None else tuple(sorted({*parts[0], *parts[1]}, key=lambda s: (-len(s), s)))


@lru_cache(maxsize=1024)
def required_parts(pattern: str) -> Need | None:
    """:func:`required_literals` split in two: literals the pattern bounds by ``\\b`` on both
    sides are whole ``\\w+`` tokens of any text it matches (a set test against the text's
    tokens, :func:`tokens`); the rest must be found as substrings."""
    try:
        branches, end = _alternation(pattern, 0)
        if end != len(pattern):
            return None
        found = _branches_need(branches, False, False)
    except _Unknown:
        return None
    if found is None:
        return None
    rest = {text for text, word in found if not word}  # a substring somewhere stays a substring test
    words = frozenset(text for text, word in found if word and text not in rest)
    return words, tuple(sorted(rest, key=lambda s: (-len(s), s)))


_TOKEN_RE = re.compile(r"\w+")


@lru_cache(maxsize=32768)
def tokens(text: str) -> frozenset[str]:
    """The ``\\w+`` runs of a text, as ``\\b`` sees them. Cached: every rule of an entry asks."""
    return frozenset(_TOKEN_RE.findall(text))


Literal = tuple[str, bool]  # (text, whether it is a whole \w+ token of the match)


def _branches_need(branches: list[list[tuple]], left: bool, right: bool) -> list[Literal] | None:
    """The union of each branch's best required literals (None if a branch has none).
    ``left``/``right``: a word boundary surely precedes/follows every branch."""
    found: list[Literal] = []
    for items in branches:
        best = _sequence_need(items, left, right)
        if best is None:
            return None
        found.extend(best)
    return found


def _sequence_need(items: list[tuple], left: bool, right: bool) -> list[Literal] | None:
    """The best required set among a sequence's literal runs and required groups."""
    candidates: list[list[Literal]] = []
    run, run_left, boundary = "", False, left

    def close(bounded: bool) -> None:
        if run:
            candidates.append([(run, run_left and bounded and _TOKEN_RE.fullmatch(run) is not None)])

    for index, (kind, value, least, once) in enumerate(items):
        if kind == "zero":
            if value == "b":
                close(True)  # a boundary after the run: it ends a token
                run, boundary = "", True
            continue  # consumes nothing otherwise: the literals on each side stay adjacent
        if kind == "lit" and least >= 1:
            if not run:
                run_left = boundary
            run += value
            boundary = False
            if once:
                continue
            close(False)
            run = ""
            continue
        close(False)
        run = ""
        if kind == "group" and least >= 1:
            after = items[index + 1] if index + 1 < len(items) else None
            bounded_after = (right if after is None else after[0] == "zero" and after[1] == "b")
            need = _branches_need(value, boundary and once, bounded_after and once)
            if need is not None:
                candidates.append(need)
        boundary = False
    close(right)
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(len(t) for t, _ in c) + (2 if all(w for _, w in c) else 0), -len(c)))



def _alternation(p: str, i: int) -> tuple[list[list[tuple]], int]:
    branches = []
    while True:
        items, i = _sequence(p, i)
        branches.append(items)
        if i < len(p) and p[i] == "|":
            i += 1
            continue
        return branches, i


def _sequence(p: str, i: int) -> tuple[list[tuple], int]:
    """Items (kind, value, least repeats, exactly-once) up to ``|``, ``)`` or the end."""
    items: list[tuple] = []
    while i < len(p) and p[i] not in "|)":
        kind, value, i = _atom(p, i)
        least, exactly_one, i = _quantifier(p, i)
        if kind == "zero" and least == 0:
            continue
        items.append((kind, value, least, exactly_one))
    return items, i


def _atom(p: str, i: int) -> tuple[str, Any, int]:
    c = p[i]
    if c == "\\":
        if i + 1 >= len(p):
            raise _Unknown
        e = p[i + 1]
        if e in _ZERO_WIDTH_ESCAPES:
            return "zero", e, i + 2
        if e in _CLASS_ESCAPES:
            return "class", None, i + 2
        if e in _CHAR_ESCAPES:
            return "lit", _CHAR_ESCAPES[e], i + 2
        if e.isalnum() or not e.isascii():
            raise _Unknown  # \x41, \1, \N{…}: not read here
        return "lit", e, i + 2
    if c == "[":
        return "class", None, _class_end(p, i)
    if c == "(":
        return _group(p, i)
    if c in ".":
        return "class", None, i + 1
    if c in "^$":
        return "zero", None, i + 1
    if c in "*+?{":
        raise _Unknown
    return "lit", c, i + 1


def _class_end(p: str, i: int) -> int:
    j = i + 1
    if j < len(p) and p[j] == "^":
        j += 1
    if j < len(p) and p[j] == "]":
        j += 1
    while j < len(p) and p[j] != "]":
        j += 2 if p[j] == "\\" else 1
    if j >= len(p):
        raise _Unknown
    return j + 1


def _group(p: str, i: int) -> tuple[str, Any, int]:
    j, zero = i + 1, False
    if p.startswith("?", j):
        head = p[j + 1:j + 3]
        if head.startswith(":"):
            j += 2
        elif head.startswith(("=", "!")):
            j, zero = j + 2, True
        elif head in ("<=", "<!"):
            j, zero = j + 3, True
        elif head.startswith("P<"):
            close = p.find(">", j)
            if close < 0:
                raise _Unknown
            j = close + 1
        else:
            m = re.compile(r"\?([a-zA-Z]*)(-[a-zA-Z]*)?([:)])").match(p, j)
            if m is None or not set(m.group(1) + (m.group(2) or "")[1:]) <= _HARMLESS_FLAGS:
                raise _Unknown  # (?i), (?x), (?P=name), comments, conditionals
            if m.group(3) == ")":
                return "zero", None, m.end()
            j = m.end()
    branches, j = _alternation(p, j)
    if j >= len(p) or p[j] != ")":
        raise _Unknown
    if zero:
        return "zero", None, j + 1
    return "group", branches, j + 1


def _quantifier(p: str, i: int) -> tuple[int, bool, int]:
    """(least repeats, whether exactly once, index after the quantifier and its ? or +)."""
    if i >= len(p) or p[i] not in "*+?{":
        return 1, True, i
    if p[i] == "{":
        m = _QUANTIFIER.match(p, i)
        if m is None:
            raise _Unknown  # a literal brace: not read here
        least = int(m.group(1) or 0)
        exact = m.group(2) is None and least == 1
        i = m.end()
    else:
        least, exact = (1 if p[i] == "+" else 0), False
        i += 1
    if i < len(p) and p[i] in "?+":
        i += 1
    return least, exact, i


__all__ = ["FOLD_UNSAFE", "fast_twin", "finditer", "foldable", "lowered", "required_literals", "required_parts", "search", "tokens"]
