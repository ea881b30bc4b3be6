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
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

# Letters that re.IGNORECASE pairs with other letters than simple lower-casing does (Python's
# re._casefix table, written out so a private module is not imported), their upper-case
# forms (Σ lower-cases to σ or ς by context) and İ.
_EXTRA_CASES = "isµİıſͅΐΰβεθικμπρςσφϐϑϕϖϰϱϵвдостъѣᲀᲁᲂᲃᲄᲅᲆᲇᲈṡẛιΐΰꙋﬅﬆ"
FOLD_UNSAFE = frozenset(_EXTRA_CASES) | frozenset(c.upper() for c in _EXTRA_CASES if len(c.upper()) == 1)
_FOLD_UNSAFE_NON_ASCII = frozenset(c for c in FOLD_UNSAFE if not c.isascii())
_ESCAPE = re.compile(r"\\.", re.DOTALL)
_NUMERIC_ESCAPE = re.compile(r"\\(?:[0-7]|x|u|U|N)")
_INLINE_FLAGS = re.compile(r"\(\?[-aLmsux]*[iL]")  # (?i), (?-i:…), (?L): case or locale rules of their own


@lru_cache(maxsize=2048)
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
    known = _TWINS.get(id(regex))
    if known is None or known[0] is not regex:
        twin = None
        if regex.flags & re.IGNORECASE and foldable(regex.pattern):
            twin = re.compile(regex.pattern, regex.flags & ~re.IGNORECASE)
        known = _TWINS[id(regex)] = (regex, twin)  # the pattern is kept alive, so its id stays its own
    return known[1]


_TWINS: dict[int, tuple[re.Pattern[str], re.Pattern[str] | None]] = {}


def search(regex: re.Pattern[str], text: str, low: str | None) -> re.Match[str] | None:
    """``regex.search(text)``; the same span found faster on ``low`` (``lowered(text)``) when
    ``regex`` is case-insensitive and foldable. Read matched text from ``text`` by span."""
    if low is not None:
        twin = fast_twin(regex)
        if twin is not None:
            return twin.search(low)
    return regex.search(text)


def finditer(regex: re.Pattern[str], text: str, low: str | None) -> Iterator[re.Match[str]]:
    """``regex.finditer(text)``, faster on ``low`` as :func:`search`. Read text by span."""
    if low is not None:
        twin = fast_twin(regex)
        if twin is not None:
            return twin.finditer(low)
    return regex.finditer(text)


__all__ = ["FOLD_UNSAFE", "fast_twin", "finditer", "foldable", "lowered", "search"]
