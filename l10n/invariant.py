"""Text that rightly comes back from MT unchanged: names, numbers and do-not-translate terms.

An engine echoing its input is normally a failure ("came back untranslated"),
but a headline such as "Elite League: Dundee Stars 5-3 Belfast Giants" is the
same in English. Refusing it made every run fail on it forever, so the echo
checks ask :func:`is_invariant` first.

The rule is deliberately narrow. Every word must be a number (``5-3``,
``2026``), a do-not-translate form the caller knows (glossary names and
``dnt`` terms), or a name: a word with a capital letter. Norwegian capitalises
only names in mid-sentence, but every first word, so a capitalised word that
opens the text or a sentence (or follows ``:``) must also not be a common
Norwegian word ("Statsminister Støre" is not a name). A single lower-case word
makes the text translatable.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from .fsutil import package_data

_TOKEN = re.compile(r"\S+")
_EDGE = "\"'«»“”‘’()[]{}*_,;!?…"
_OPENS_AFTER = (".", "!", "?", ":", ";", "…")
_DASHES = {"-", "–", "—"}
_KEPT = "\ue000"  # stands in for a do-not-translate form: a name, as far as the rule goes


@lru_cache(maxsize=1)
def _common_source_words() -> frozenset[str]:
    """Norwegian words rare in English (QA's generated list); capitalised at a sentence start they are words."""
    text = package_data("qa", "nb-leftover-words.txt")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _without(text: str, keep: Iterable[str]) -> str:
    for form in sorted({k for k in keep if k}, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(form)}(?!\w)", f" {_KEPT} ", text)
    return text


def is_invariant(text: str, keep: Iterable[str] = ()) -> bool:
    """True if ``text`` holds only names, numbers and the do-not-translate forms in ``keep``."""
    opens = True  # the next word starts a sentence
    for token in _TOKEN.findall(_without(text, keep)):
        if token == _KEPT:
            opens = False
            continue
        if token in _DASHES:
            continue  # "Brann – Molde": a dash inside a line joins names; at the start it opens anyway
        word = token.strip(_EDGE + ".:")
        next_opens = token.rstrip("\"'»”’)*_").endswith(_OPENS_AFTER)
        if any(ch.isdigit() for ch in word) or not any(ch.isalpha() for ch in word):
            opens = next_opens
            continue
        if not any(ch.isupper() for ch in word):
            return False
        if opens and word.lower() in _common_source_words() and not word.isupper():
            return False
        opens = next_opens
    return True
