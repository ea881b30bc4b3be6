"""Spelling: whether a target word is a source name spelt otherwise, and why.

The names checks ask two questions of a pair of words: is it the same name under
another spelling (transliteration, an inflection, a cognate ending: no finding), or a
misspelling of it (a letter dropped, doubled or changed: a near miss)? The rules for
both live here, apart from the checks that use them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from .data import read_rows, read_words, transliteration

_VOWELS = re.compile(r"[aeiouyæøå]")
_EN_SUFFIXES = r"s|es|n|an|ian|ians|ns|ese|i|is|ean|eans|ish|ic|ern"  # on skeletons: Russia-n, Putin-s (Putin's)
_NB_SUFFIXES = r"s|en|et|ene|er|ens|ets|a|e|ar"  # Sphinx-en, Putin-s


def _common_english(word: str) -> bool:
    return word.lower() in read_words("en-common-words.txt")


def _same_name(name: str, token: str) -> bool:
    """Whether a target word renders the source name: equal, inflected (Russia/Russian,
    Sphinxen/Sphinx, Putins/Putin) or the same stem with other endings (Haitiske/Haitian)."""
    if token == name:
        return True
    if token.startswith(name):
        rest = token[len(name):]  # Putins, Russian; or an English compound: Devon(havn) -> Devonport
        return re.fullmatch(_EN_SUFFIXES, rest) is not None or (len(name) >= 4 and len(rest) >= 3 and _common_english(rest))
    if name.startswith(token) and len(token) >= 3:
        rest = name[len(token):]  # Sphinxen/Sphinx, or a compound: Rossbytall/Rossby
        return re.fullmatch(_NB_SUFFIXES, rest) is not None or (len(token) >= 5 and len(rest) >= 3)
    short = min(len(name), len(token))
    common = 0
    while common < short and name[common] == token[common]:
        common += 1
    rest = max(len(name), len(token)) - common
    if _consonant_typo(name, token):
        return False  # Stoltenbeg, Mishutin: one consonant dropped or changed is a typo, not an ending
    return common >= 5 and common >= 0.6 * short and rest >= 2 and min(len(name), len(token)) > common


def _consonant_typo(name: str, token: str) -> bool:
    """One edit apart, and not merely one vowel for another (Muhammed/Muhammad is spelling)."""
    ops = Levenshtein.editops(name, token)
    if len(ops) != 1:
        return False
    op = ops[0]
    vowel_swap = op.tag == "replace" and _VOWELS.match(name[op.src_pos]) and _VOWELS.match(token[op.dest_pos])
    return not vowel_swap


# Letters a transliteration or an inflection may change without the name being wrong:
# j/i/y (Zelenskyj/Zelensky), c/k, w/v, j/h (Prigozjin/Prigozhin), accents.
_EXPLAINED_SUBS = {frozenset(p) for p in ("ji", "jy", "iy", "ck", "kq", "wv", "jh", "gh", "ee", "eé", "eè", "aä", "aå", "oö", "oø", "uü", "sz")}
_EXPLAINED_INDELS = set("jyih'’-")
_DROPPABLE = set("j'’-")


def _explained_drop(a: str, pos: int) -> bool:
    """Zelenskyj -> Zelensky drops a j; an i goes only beside j or y (Aleksij -> Aleksy);
    an h dropped (Chambers -> Cambers) or any other letter is a typo."""
    ch = a[pos]
    if ch in _DROPPABLE:
        return True
    return ch == "i" and any(c in "jy" for c in a[max(pos - 1, 0):pos + 2])


def _explained_insert(a: str, b: str, src_pos: int, dest_pos: int) -> bool:
    """An h, j, y or i that transliteration adds (Prigozin -> Prigozhin), unless it merely
    doubles its neighbour (Shri -> Shhri, Jimmy -> Jimmyy: a typo)."""
    ch = b[dest_pos]
    if ch not in _EXPLAINED_INDELS:
        return False
    return ch in "'’-" or (b[dest_pos - 1:dest_pos] != ch and b[dest_pos + 1:dest_pos + 2] != ch)


_NB_ENDINGS = ("", "s", "er", "ene", "en", "et", "sk", "ske", "es", "as", "ar", "ere", "ens", "ets")
_EN_ENDINGS = ("", "s", "es", "an", "ian", "ians", "ese", "ism", "ist", "ists", "ish", "ic", "ns", "n")


_NON_WORD = re.compile(r"[^\w]")


@lru_cache(maxsize=50000)
def _letters(word: str) -> str:
    return _NON_WORD.sub("", word.casefold())


@lru_cache(maxsize=50000)
def _norm(word: str) -> str:
    """Transliteration applied, doubled letters kept (they tell Ferguson from Fergusson)."""
    text = word
    for old, new in transliteration():
        text = text.replace(old, new)
    return re.sub(r"i+", "i", text.replace("our", "or"))


def same_stem(name: str, token: str) -> bool:
    """One word in two spellings or inflections: Putins/Putin's, Argentinas/Argentine,
    Tibetansk/Tibetan, Sjojgu/Shoigu, Harbor/Harbour."""
    stems_a, stems_b = _stems(name, _NB_ENDINGS), _stems(token, _EN_ENDINGS)
    return bool(stems_a & stems_b) or any(sb == sa + "e" for sa in stems_a for sb in stems_b)


@lru_cache(maxsize=50000)
def _stems(word: str, endings: tuple[str, ...]) -> frozenset[str]:
    """The word's normalised letters with each of ``endings`` it has taken off (cached: a
    name is compared with every word of the target)."""
    a = _norm(_letters(word))
    return frozenset(a[:len(a) - len(e)] for e in endings if a.endswith(e) and len(a) - len(e) >= 3)


def _cognate(name: str, token: str) -> bool:
    """The same word with its Norwegian and English endings (Interoperabilitet/Interoperability)."""
    a, b = name.casefold(), token.casefold()
    return any(a.endswith(nb) and b.endswith(en) and len(a) >= len(nb) + 2 and a[:-len(nb)] == b[:-len(en)]
               for nb, en in read_rows("cognate-endings-nb-en.tsv"))


@lru_cache(maxsize=50000)
def _plain(word: str) -> str:
    """Letters without their accents: erdoğan -> erdogan, kraków -> krakow."""
    if word.isascii():
        return word  # NFKD leaves ASCII as it is, with no combining marks
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


_NB_TAILS = frozenset({"", "a", "ia", "o", "s", "e", "en", "et", "er"})
_EN_TAILS = frozenset({"", "n", "an", "ian", "ns", "ans", "ians", "ese", "ic", "ics", "ish", "in", "s"})


def _derived(name: str, token: str) -> bool:
    """The same stem with a demonym or plural ending (Argentina/Argentinian, Slovakia/Slovak,
    Paralympics/Paralympic); a doubled last letter (Mars/Marss) is still a typo."""
    a, b = name.casefold(), token.casefold()
    p = 0
    while p < min(len(a), len(b)) and a[p] == b[p]:
        p += 1
    tail_a, tail_b = a[p:], b[p:]
    if tail_b and not tail_a and tail_b == a[-1:]:
        return False
    return p >= 4 and tail_a in _NB_TAILS and tail_b in _EN_TAILS


def _vowel_respelling(name: str, token: str) -> bool:
    """Only vowels changed, a genitive s aside: Sturlasons/Sturluson, Snorre/Snorri."""
    a, b = _letters(name), _letters(token)
    if a.endswith("s") and len(a) == len(b) + 1:
        a = a[:-1]
    if len(a) != len(b) or a == b:
        return False
    return all(x == y or (_VOWELS.match(x) and _VOWELS.match(y)) for x, y in zip(a, b))


_COGNATE_LETTERS = (("sch", "sh"), ("sj", "sh"), ("ph", "f"), ("th", "t"), ("qu", "kv"), ("x", "ks"), ("ck", "k"),
                    ("ch", "k"), ("c", "k"), ("z", "s"), ("w", "v"), ("y", "i"), ("j", "i"))
_ENGLISH_FEATURES = re.compile(r"c|ph|th|x|qu|w|y|z|sh|e$")
_COGNATE_TAILS = frozenset({"", "s", "es", "ed", "ing", "li"})
_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=50000)
def _cognate_key(word: str, english: bool) -> str:
    """A word's letters under the regular Norwegian/English spelling correspondences (k/c, ks/x,
    f/ph, sj/sh, kv/qu, s/z, i/y, a doubled consonant for one; English -le, -tion and a final e
    as Norwegian writes them): Konsoll and Console, Attributt and Attribute give one key."""
    w = _plain(word.casefold())
    if english:
        w = re.sub(r"(?<=[^aeiouy])le$", "el", w).replace("tion", "sjon")
        w = w[:-1] if len(w) > 4 and w.endswith("e") else w
    for old, new in _COGNATE_LETTERS:
        w = w.replace(old, new)
    return _DOUBLED.sub(r"\1", w)


def cognate_spelling(name: str, token: str) -> bool:
    """``token`` is the English spelling of the Norwegian ``name`` (Konsoll/Console, Attributt/
    Attribute, Permanent/Permanently), not a misspelling: their cognate keys agree (an English
    inflection aside), and the token has more of English's own letters (c, ph, th, x, y, final e
    …) than the name. A letter merely doubled or undoubled (Ferguson/Fergusson) or an English
    letter lost (Thomas/Tomas) stays a typo."""
    a, b = _plain(name.casefold()), _plain(token.casefold())
    if _DOUBLED.sub(r"\1", a) == _DOUBLED.sub(r"\1", b):
        return False
    if len(_ENGLISH_FEATURES.findall(b)) <= len(_ENGLISH_FEATURES.findall(a)):
        return False
    key_b = _cognate_key(token, True)
    for key_a in {_cognate_key(name, False), _cognate_key(name.replace("sj", "j"), False)}:  # Prosjekt/Project too
        if len(key_a) >= 4 and key_b.startswith(key_a) and key_b[len(key_a):] in _COGNATE_TAILS:
            return True
    return False


def spelt_otherwise(name: str, token: str) -> bool:
    """The Norwegian form of a word or name and its English spelling: a cognate (Konsoll/
    Console) or a classical ending (Pilatus/Pilate, Sicilia/Sicily). Not a misspelling. A
    double written single (Mohammed/Mohamed) is not excused: it cannot be told from a letter
    dropped (Versailles/Versailes)."""
    return cognate_spelling(name, token) or _cognate(name, token)


def is_typo(name: str, token: str) -> bool:
    """``token`` is ``name`` with one letter dropped, doubled, added or changed (two in long
    names) that neither transliteration, nor a vowel for a vowel (Muhammed/Muhammad), nor an
    inflection explains: Saunders -> Sanders, Ferguson -> Fergusson."""
    a, b = _letters(name), _letters(token)
    if a == b or len(a) < 3 or (a[:1] != b[:1] and len(a) < 5):
        return False
    limit = 1 if len(a) < 7 else 2
    if abs(len(a) - len(b)) > limit or same_stem(name, token) or spelt_otherwise(name, token):
        return False
    ops = Levenshtein.editops(a, b)
    if not 1 <= len(ops) <= limit:
        return False
    unexplained = 0
    for op in ops:
        if op.tag == "replace":
            pair = frozenset((a[op.src_pos], b[op.dest_pos]))
            if pair in _EXPLAINED_SUBS or all(_VOWELS.match(c) for c in pair):
                continue
        elif op.tag == "delete" and _explained_drop(a, op.src_pos):
            continue
        elif op.tag == "insert" and _explained_insert(a, b, op.src_pos, op.dest_pos):
            continue
        unexplained += 1
    return unexplained > 0
