"""Which part of a capitalised Norwegian word is a name a translation must keep.

"Stortinget" is a Norwegian word English translates; "Qing-dynastiet" keeps "Qing",
"Russlands" is a form of the exonym key "Russland", "Slottsparken" is a descriptive
name made of Norwegian words (the Palace Park), "Niagarafossen" has the name "Niagara"
inside. The names, names-swapped, leftover and omission checks all ask these questions
of a word, so the answers have one owner here, apart from the matching in names.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .data import exonyms, nb_zipf, read_words

_NOUN_ENDING = re.compile(r"(?:sjon|sjonen|sjoner|het|heten|heter|else|elsen|itet|iteten|ing|ingen|inger|ende|ene|erne|ernes|ert|ske|tet|isme|ismen|ist|isten)$")


def common_noun_form(lower: str) -> bool:
    """A Norwegian common noun or adjective by its form, however rare: a derivational or
    inflectional ending (segregasjon, majestet), or a compound of known words (infrarøde)."""
    if _NOUN_ENDING.search(lower):
        return True
    return any(norwegian_word(lower[i:]) and len(lower) - i >= 4 for i in range(2, len(lower) - 3))


def zipf(word: str, lang: str) -> float:
    """Zipf frequency in Norwegian ("nb") or English ("en") of a word frequent in Norwegian;
    0 for rarer words (shipped from wordfreq, see tools/derive_qa_wordlists.py)."""
    return nb_zipf().get(word, (0.0, 0.0))[0 if lang == "nb" else 1]


@lru_cache(maxsize=50000)
def norwegian_word(word: str) -> bool:
    """A common Norwegian word that is not also common English (Stortinget, Gud, dynastiet)."""
    lower = word.lower()
    if lower in read_words("nb-leftover-words.txt"):
        return True
    nb = zipf(lower, "nb")
    return nb >= 3.0 and nb - zipf(lower, "en") >= 0.8



#: endings of an inflected name or its adjective (Russlands, Romas, Haagen, Romansk): "Apple" is no form of "Ap"
_INFLECTIONS = frozenset({"s", "en", "ens", "et", "ets", "a", "as", "e", "es", "ne", "er", "ers", "n", "ns", "-en", "-ens", "-s",
                          "sk", "nsk", "isk", "ske"})


@lru_cache(maxsize=50000)
def exonym_key(word: str) -> str | None:
    table = exonyms()
    if word in table:
        return word
    for cut in range(len(word) - 1, max(len(word) - 4, 1), -1):  # an inflected form: Russlands, USAs, FN-sjefen
        key, rest = word[:cut], word[cut:]
        if key in table and rest in (_INFLECTIONS if not key.isupper() else ("s", "-en", "-ens", "-s")):
            return key
    return None


_INFLECTED_ACRONYM = re.compile(r"([A-ZÆØÅ]{2,}\d*)(?:en|et|er|ene|ens|ets|ers|erne|ernes|s)")


@lru_cache(maxsize=50000)
def name_core(word: str, in_run: bool = False) -> str | None:
    """The part of a capitalised word a translation must keep: 'Qing-dynastiet' -> 'Qing',
    'Nord-Texas' -> 'Texas', 'PC-er' -> 'PC'; None for a Norwegian word ('Stortinget')."""
    if exonym_key(word):
        return word
    parts = word.split("-")
    prefixes = read_words("name-prefixes-nb.txt")
    while len(parts) > 1 and parts[0].lower() in prefixes:
        parts.pop(0)
    while len(parts) > 1 and parts[-1][:1].islower() and (len(parts[-1]) >= 4 or norwegian_word(parts[-1])):
        parts.pop()
    core = "-".join(parts)
    if not core[:1].isupper() or (len(core) == 1 and len(parts) < len(word.split("-"))):
        return None  # T-banen, A-pressen: a letter of a Norwegian compound
    inflected = _INFLECTED_ACRONYM.fullmatch(core)
    if inflected:
        return inflected.group(1)  # SMSen, URIer, IKEAs: Norwegian inflects an acronym without a hyphen
    if core.isupper():
        if len(core) >= 4 and core.isalpha() and norwegian_word(core):
            return None  # SISTE NYTT, KILDE: a Norwegian word in capitals (a label, emphasis) is translated
        return core
    if exonym_key(core):
        return core
    if in_run and len(core) >= 7 and core.endswith(("eren", "aren")) and lexical(core.lower()[:-2]):
        return None  # Vilhelm Erobreren: an epithet, a definite noun English translates
    if in_run:  # Gunnar Wilhelmsen: part of a multi-word name unless a very common word (Det, Norges)
        nb = zipf(core.lower(), "nb")
        return None if nb >= 5.0 or (nb >= 4.0 and zipf(core.lower(), "en") < 1.0) else core
    if len(core) >= 9 and any(ch in "æøåÆØÅ" for ch in core):
        return None  # Kongedømmene, Høymiddelalderen: Norwegian compounds
    if len(core) >= 9 and _NOUN_ENDING.search(core.lower()) and common_noun_form(core.lower()[:-2]):
        return None  # Tempelridderne: a capitalised Norwegian noun, inflected
    if len(core) >= 8 and descriptive_compound(core.lower()):
        return None  # Slottsparken, Finanskomiteen: a name made of Norwegian words, which English translates
    return None if norwegian_word(core) else core


@lru_cache(maxsize=50000)
def descriptive_compound(lower: str, depth: int = 0) -> bool:
    """A compound wholly of Norwegian words (Slotts|parken, Finans|komiteen, Storhorn|bille): a
    descriptive name of a place, body, day or species that English translates (the Palace Park,
    the Finance Committee), unlike a name with a name inside (Niagara|fossen, Frogner|parken, whose
    first part is no word) or a surname ending (Lind|berg). The last part must be a word only
    Norwegian has, so English-looking names (Lille|hammer) stay names; the first may be a
    compound of any Norwegian words itself (stor|horn)."""
    ends = read_words("name-endings-nb.txt")
    for i in range(3, len(lower) - 3):
        tail = lower[i:]
        if tail in ends or not (norwegian_word(tail) if depth == 0 else lexical(tail)):
            continue
        head = lower[:i]
        for part in (head, head[:-1] if head[-1] in "se" and len(head) > 4 else ""):
            if part and (lexical(part) or (depth < 1 and len(part) >= 6 and descriptive_compound(part, depth + 1))):
                return True
    return False


def lexical(word: str) -> bool:
    """A Norwegian word of the lexicon, whether or not English has it too (stor, horn, finans)."""
    return zipf(word, "nb") >= 3.0 or word in read_words("nb-leftover-words.txt")


@lru_cache(maxsize=50000)
def compound_head(word: str) -> str | None:
    """The name inside a Norwegian compound: 'Niagarafossen' -> 'Niagara' (fossen is Norwegian)."""
    lower = word.lower()
    for i in range(3, len(lower) - 2):
        if norwegian_word(lower[i:]) and lower[i:] not in read_words("name-endings-nb.txt"):
            head = word[:i]
            if norwegian_word(head):
                return None
            if head.endswith("s") and len(head) > 4:
                head = head[:-1]
            return compound_head(head) or head
    return None
