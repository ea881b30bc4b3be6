"""Norwegian words left untranslated in an English target.

Three ways to know one: the shipped list of Norwegian words rare in English; a lower-case
word that is common in Norwegian and much rarer in English (barnet, levert); a word of eight
or more letters that decompounds into Norwegian words (øyelegen, fjellpass), with English
endings (-ness, -ing) excluded. Capitalised place names and compounds are checked against
the exonym table (Tyskland, Nord-Korea).

The word list (``nb-leftover-words.txt``) is derived from wordfreq by
``tools/derive_qa_wordlists.py`` and shipped, so results do not move with
wordfreq releases; ``en-not-leftover.txt`` holds the hand-kept exceptions.
Capitalised words that the source also has are names (Aftenposten), not leftovers.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable

from .base import Check, CheckContext, Finding
from .data import exonyms, nb_zipf, read_words
from .nameforms import exonym_key
from .spelling import _common_english
from .text import mask, sentence_starts

# a word, possessive 's allowed ("the afrikansk's cities"), not part of a hyphenated or elided word
_WORD_RE = re.compile(r"(?<![\w'’-])[^\W\d_]+(?=['’]s\b|(?![\w'’-]))")
#: English word endings that a Norwegian compound never has (bitterness, resetting, medalist, littoral)
#: the matches of _WORD_RE that do not open with a common lower-case letter: a catalogue's
#: source words are mostly lower-case, and testing each in Python cost most of :meth:`prepare`
#: (no _WORD_RE match starts inside another, so leaving some out changes none of the rest)
_UNLESS_LOWER_WORD_RE = re.compile(r"(?<![\w'’-])(?![a-zß-öø-ÿ])[^\W\d_]+(?=['’]s\b|(?![\w'’-]))")
_ENGLISH_ENDING = re.compile(r"(?:ness|ing|ings|ist|ists|al|als|ally|tion|tions|ity|ous|ful|less|ly|ed|ize|ise)$")
_NB_INFLECTIONS = ("ene", "en", "et", "er", "a", "e", "t", "s")


class LeftoverSourceCheck(Check):
    """MT leaves words it cannot place ("spilte", "ikke") in the output."""

    check_id = "leftover-source"
    name = "Untranslated words"
    description = "Norwegian words left in the English translation."
    severity = "warning"
    language_pair = "nb_to_en"

    def prepare(self, pairs: Iterable[tuple[str, str, Any]], context: CheckContext) -> None:
        """Names of the catalogue: words capitalised inside a source sentence somewhere
        (Avinor), so the same word opening another sentence is a name, not a leftover."""
        names: set[str] = set()
        for source, _, _ in pairs:
            starts = sentence_starts(source)
            names.update(m.group(0) for m in _UNLESS_LOWER_WORD_RE.finditer(source)
                         if m.group(0)[:1].isupper() and m.start() not in starts)
        context.data["source-names"] = frozenset(names)

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> list[Finding]:
        words = read_words("nb-leftover-words.txt")
        allowed = read_words("en-not-leftover.txt")
        masked = mask(target)
        starts: frozenset[int] | None = None  # asked only for a word the clean set does not settle
        glossary_words = _glossary_words(context)
        clean = _clean_words(context)
        found = []
        for m in _WORD_RE.finditer(masked):
            word = m.group(0)
            if word in clean:
                continue
            lower = word.lower()
            if lower in allowed or lower in glossary_words:
                clean.add(word)
                continue
            if not word[:1].isupper():  # most words: the lower-case steps below, in their order
                if lower not in words:
                    if _lowercase_leftover(word):
                        found.append(self.finding(f"{word!r} looks like an untranslated Norwegian word", (m.start(), m.end())))
                    else:
                        clean.add(word)
                elif not (word.islower() and _inside_name(masked, m.start(), m.end(), source)):
                    found.append(self.finding(f"{word!r} looks like an untranslated Norwegian word", (m.start(), m.end())))
                continue
            if lower not in words and not norwegian_form(word):
                clean.add(word)  # capitalised, off the list, no Norwegian form: every step below passes it
                continue
            if starts is None:
                starts = sentence_starts(masked)
            # from here on the word is capitalised
            if m.start() not in starts and _NEXT_CAPITALISED.match(masked[m.end():]):
                continue  # part of a multi-word name of the translation's own (Sveriges Radio)
            if norwegian_form(word) and not _name_run(word, masked[m.end():], source) \
                    and not _after_capitalised(word, masked[:m.start()], source):
                found.append(self.finding(f"{word!r} is Norwegian left untranslated (a Norwegian place name or compound)",
                                          (m.start(), m.end())))
                continue
            if masked[m.end():m.end() + 1] in ("'", "’"):
                continue  # a possessive: a name (Uka's weapon), not a leftover word
            if lower not in words:  # then it has a Norwegian form (see above): a compound or place name in a name run
                found.append(self.finding(f"{word!r} looks like an untranslated Norwegian word", (m.start(), m.end())))
                continue
            if m.start() not in starts:
                continue  # a name the source also capitalises (Stortinget, Aftenposten)
            if word in source and (not source.startswith(word) or copied_name(word)):
                continue  # copied from the source, inside it or as a name opening both (Equinor, NHO)
            if _name_run(word, masked[m.end():], source):
                continue  # a multi-word name copied as it stands: Norges Bank, Eiendom Norge
            if word in context.data.get("source-names", ()) and word in source:
                continue  # a name the catalogue capitalises mid-sentence elsewhere
            found.append(self.finding(f"{word!r} looks like an untranslated Norwegian word", (m.start(), m.end())))
        return found


#: a word this common in Norwegian is a word, not a name, even capitalised (Regjeringen, Likevel)
NAME_MAX_ZIPF = 4.9


def copied_name(word: str) -> bool:
    """A capitalised word that opens both sentences is a name unless the lexicon says it is a
    common word: an acronym (NHO, LO) always is one; a mixed-case word is one when Norwegian
    does not use it very often and it is no inflected form of a frequent noun (Fergene)."""
    if word.isupper():
        return len(word) >= 2
    lower = word.lower()
    if nb_zipf().get(lower, (0.0, 0.0))[0] >= NAME_MAX_ZIPF:
        return False
    return not any(lower.endswith(e) and len(lower) - len(e) >= 3 and _strong(lower[:-len(e)])
                   for e in _NB_INFLECTIONS)


@lru_cache(maxsize=65536)
def _lowercase_leftover(word: str) -> bool:
    """A word not opening with a capital and not on the list is Norwegian by its form or the
    lexicon. A pure function of the word (words recur across entries), so cached."""
    return norwegian_form(word) or (word.islower() and norwegian_lowercase(word))


@lru_cache(maxsize=65536)
def norwegian_form(word: str) -> bool:
    """Norwegian the word list does not have: a compound of Norwegian words (pakkeløsninger,
    Utenriksdepartementet), or a Norwegian place name whose English form differs (Tyskland,
    Nord-Korea) copied from the source. Reads only the word, so cached across entries."""
    key = exonym_key(word)
    if key is not None and word[:1].isupper():
        if key.isupper() or word not in (key, key + "s") or nb_zipf().get(word.lower(), (0.0, 0.0))[1] >= 3.0:
            return False  # codes (AUD), other words (Spaniards), English words too (Island, Islands)
        return not any(alt.casefold() == word.casefold() or word.casefold().startswith(alt.casefold())
                       for alt in exonyms()[key])
    return len(word) >= 12 and is_compound(word.lower())


@lru_cache(maxsize=65536)
def norwegian_lowercase(lower: str) -> bool:
    """A lower-case word English does not have but Norwegian does: frequent in Norwegian and far
    rarer in English (barnet, levert, heller: English has them only as names or rare words), or
    at least eight letters built from Norwegian words (øyelegen, fjellpass, privatbiler)."""
    zipf = nb_zipf()
    if _common_english(lower):
        return False
    if lower in zipf:
        nb, en = zipf[lower]
        return nb >= 3.0 and nb - en >= 1.5 and en < 3.3
    if len(lower) < 8 or _ENGLISH_ENDING.search(lower):
        return False
    return _nb_compound(lower, 2) or any(lower.endswith(e) and (_strong(lower[:-len(e)]) or _nb_compound(lower[:-len(e)], 2))
                                         for e in _NB_INFLECTIONS)


def _strong(word: str) -> bool:
    """A Norwegian word English does not share (zipf: 3 or more, at least 100 times as common)."""
    z = nb_zipf().get(word)
    return z is not None and len(word) >= 3 and z[0] >= 3.0 and z[0] - z[1] >= 2.0


def _inflected_word(word: str) -> bool:
    z = nb_zipf().get(word)
    if z is not None and len(word) >= 3 and z[0] >= 3.0:
        return True
    return any(word.endswith(e) and len(word) - len(e) >= 3 and nb_zipf().get(word[:-len(e)], (0.0, 0.0))[0] >= 3.0
               for e in _NB_INFLECTIONS)


def _nb_compound(text: str, parts: int) -> bool:
    """A strongly Norwegian head (with or without a linking s or e) and a Norwegian word, or a
    compound, as the rest: fjell+pass, øye+lege(n), privat+biler."""
    for i in range(3, len(text) - 2):
        head, rest = text[:i], text[i:]
        if not (_strong(head) or (head[-1] in "se" and _strong(head[:-1]))):
            continue
        if _inflected_word(rest) or (parts > 1 and len(rest) >= 6 and _nb_compound(rest, parts - 1)):
            return True
    return False


def is_compound(lower: str) -> bool:
    """Two or three Norwegian words joined, with or without a linking s or e (decompounding
    with the shipped wordfreq lexicon); never an English word."""
    zipf = nb_zipf()
    if lower in zipf and zipf[lower][1] >= 2.5:
        return False
    return _split(lower, 2, zipf)


def _split(text: str, parts: int, zipf: dict[str, tuple[float, float]]) -> bool:
    for i in range(4, len(text) - 3):
        head, rest = text[:i], text[i:]
        if not _nb_word(head, zipf) and not (head.endswith(("s", "e")) and _nb_word(head[:-1], zipf)):
            continue
        if _nb_word(rest, zipf) or (parts > 1 and len(rest) >= 8 and _split(rest, parts - 1, zipf)):
            return True
    return False


def _nb_word(word: str, zipf: dict[str, tuple[float, float]]) -> bool:
    """A Norwegian word of at least four letters that English does not share."""
    if len(word) < 4 or word not in zipf:
        return False
    nb, en = zipf[word]
    return nb >= 2.5 and nb - en >= 1.0


_NEXT_CAPITALISED = re.compile(r"\s+([A-ZÆØÅ][\w-]*)")


def _name_run(word: str, after: str, source: str) -> bool:
    """``word`` starts a run of capitalised words that the source has in the same order."""
    nxt = _NEXT_CAPITALISED.match(after)
    if nxt is None:
        return False
    return re.search(rf"(?<![\w-]){re.escape(word)}\s+{re.escape(nxt.group(1))}(?![\w-])", source) is not None


def _after_capitalised(word: str, before: str, source: str) -> bool:
    """``word`` ends a run of capitalised words the source has too: Eiendom Norge."""
    prev = _AROUND.search(before)
    return prev is not None and re.search(rf"(?<![\w-]){re.escape(prev.group(1))}\s+{re.escape(word)}(?![\w-])", source) is not None


_AROUND = re.compile(r"([A-ZÆØÅ][\w-]*)\s+$")


def _inside_name(text: str, start: int, end: int, source: str) -> bool:
    """A lower-case word between two capitalised ones, the three copied from the source."""
    before = _AROUND.search(text[:start])
    after = _NEXT_CAPITALISED.match(text[end:])
    if before is None or after is None:
        return False
    run = rf"{re.escape(before.group(1))}\s+{re.escape(text[start:end])}\s+{re.escape(after.group(1))}"
    return re.search(rf"(?<![\w-]){run}(?![\w-])", source) is not None


def _clean_words(context: CheckContext) -> set[str]:
    """Words :meth:`LeftoverSourceCheck.check_single` passes wherever they stand: on the
    exceptions or glossary lists, or off the word list and of no Norwegian form (lower-case
    by :func:`_lowercase_leftover`, capitalised by :func:`norwegian_form`).
    Their verdict reads only the word (and the run's glossary), and most words of a catalogue
    are such words, so each is judged once per run instead of once per occurrence."""
    clean = context.data.get("leftover-clean-words")
    if clean is None:
        clean = context.data["leftover-clean-words"] = set()
    return clean


def _glossary_words(context: CheckContext) -> frozenset[str]:
    glossary = context.glossary
    if not glossary:
        return frozenset()
    cached = context.data.get("glossary-target-words")
    if cached is None:
        cached = frozenset(w.lower() for t in glossary.terms for w in re.findall(r"\w+", t.target))
        context.data["glossary-target-words"] = cached
    return cached
