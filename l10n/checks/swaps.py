"""Two names swapped around a verb or preposition: "Sør-Afrika slo Zambia" → "Zambia beat South Africa".

Both names are present, so the names check is content; the facts are reversed. Norwegian and
English both put the subject before the verb and keep "fra A til B", "A mot B", "A i B" in
order, so two names close together in one clause keep their order in a faithful translation
unless the translation *restructures* the link between them. The check therefore asks what
stands between the two names on each side:

- a restructuring shows in the translation's gap as a word that turns the order round (a
  passive "by", "of", a possessive "'s", a relative "who", a converse "lost to"; data:
  ``swap-markers-en-nb.tsv``) that is *not* the translation of a word in the source gap,
  or a converse word of the source gap (tapte, bak, før) that the translation does not render
  (a "by" where the source has "av" is the same passive, so the swap is real);
- a passive in the source ("A ble slått av B") turned active reverses the order too, and so
  does a relative clause made an apposition ("QVC som er en TV-kanal" → "TV channel QVC");
- a copula after a genitive ("Toms datter er Mary" → "Mary is Tom's daughter");
- a name after a lone "i"/"på"/"ved" made an attribute, with no preposition left between the
  names ("pressevakt Tor Eriksen i Avinor" → "Avinor press officer Tor Eriksen");
- a name inside a clause-opening adverbial (V2: "I Bergen slo Brann Molde", "Ifølge Reuters har
  Kina …"; data: ``fronted-openers-nb.txt``), which English moves behind the subject;
- a converse comparative or direction ("eldre enn" → "younger than", "nord for" → "south of"),
  rows "source" of ``swap-markers-en-nb.tsv``.

It stays silent on lists (og/and, commas), names far apart or in different clauses, and names
it cannot place in the translation exactly once. A planted swap keeps the translation's own
gap between the names, which is the translation of the source's gap: that is why it is caught.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .base import Check, CheckContext, Finding
from .data import exonyms, read_rows, read_words
from .nameforms import exonym_key
from .names import NAME_RE, TOKEN_RE, same_stem, sentence_start_names, source_names
from .spelling import _common_english
from .text import mask, sentence_starts

MAX_GAP_WORDS = 8
MAX_V2_WORDS = 3  # a fronted adverbial's name, then the verb (and an auxiliary or adverb), then the subject
_CLAUSE_BREAK = re.compile(r"(?<!\b[A-Z])\.|[;:!?()«»\"“”]|,|\s[–—-]\s")
# in the translation a comma too: the two names then stand in different clauses or an apposition,
# which a faithful translation may order either way ("… from Africa to Asia, in Afghanistan, Cuba …")
_TARGET_BREAK = re.compile(r"(?<!\b[A-Z])\.|[,;:!?()«»\"“”]")  # not the point of an initial (John F. Kennedy)
_LIST_ONLY = re.compile(r"\s*(?:,|og|eller|samt|&|and|or|-|–|/)?\s*", re.IGNORECASE)
_COPULA_NB = frozenset({"er", "var", "blir", "ble", "vært", "blitt"})
_RELATIVE_COPULA = re.compile(r"\bsom\s+(?:er|var|blir|ble)\b", re.IGNORECASE)


def _places(word: str, target: str, tokens: list[tuple[str, int, int]]) -> list[int]:
    """Where a source name sits in the target: the same word (inflection and transliteration
    aside) or its English exonym."""
    key = exonym_key(word)
    if key is not None:
        spots = []
        for i, alt in enumerate(exonyms()[key]):
            spots += mention_starts(alt, target, before="-", after="-", genitive=False)
            if i == 0 and spots:
                break  # the name itself (France), before its adjective or capital (French, Paris)
        return sorted(set(spots))
    return [start for token, start, _ in tokens if token[:1].isupper() and same_stem(word, token)]


@lru_cache(maxsize=None)
def _markers() -> dict[str, tuple[tuple[str, ...], str]]:
    """English words that turn two names round -> (the Norwegian words they translate, where
    the word must stand: "governs" right before the first source name, "first" right after
    the second, "" anywhere between them)."""
    return {en: (tuple(nb.split("|")) if nb else (), where) for en, nb, where in _marker_rows() if where != "source"}


@lru_cache(maxsize=None)
def _converse_nb() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Norwegian words that turn two names round unless translated word for word (tapte mot -> beat)."""
    return tuple((nb, tuple(en.split("|"))) for nb, en, where in _marker_rows() if where == "source")


def _marker_rows() -> list[tuple[str, str, str]]:
    return [(row + ("", ""))[:3] for row in read_rows("swap-markers-en-nb.tsv")]


def _translates(counterparts: tuple[str, ...], src_words: list[str]) -> bool:
    """Whether the source gap has one of the Norwegian words (a trailing * matches any ending)."""
    return any(w.startswith(nb[:-1]) if nb.endswith("*") else w == nb for nb in counterparts for w in src_words)


_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my", "your"})
_PREPOSITIONS_NB = frozenset({"i", "av", "til", "på", "for", "fra", "ved", "hos", "om"})
_PASSIVE_AUX_NB = "ble|blir|blitt|bli|vart|vorte"  # the auxiliaries of a Norwegian passive
_PASSIVE_NB = re.compile(rf"\b(?:{_PASSIVE_AUX_NB}|[^\W\d_]{{3,}}es)\b.*\bav\b", re.IGNORECASE)
_ATTACHED = re.compile(r"(?:^|\s)(?:i|av|til|på|for|fra|ved|hos)\s+$", re.IGNORECASE)
_AUX_BEFORE = re.compile(rf"\b(?:{_PASSIVE_AUX_NB})\s+(?:\S+\s+)?$", re.IGNORECASE)
_PREPOSITIONS_EN = frozenset({"in", "at", "on", "of", "from", "by", "with", "for", "to", "into", "near", "inside"})
_RELATIVES_EN = frozenset({"who", "which", "that", "whom", "whose"})


@dataclass(frozen=True)
class Link:
    """What stands between two names on each side, and how the first source name is attached."""

    src_gap: str
    tgt_gap: str
    genitive_a: bool  # Toms, Norges: the first source name is a genitive
    genitive_b: bool
    attached_a: bool  # "Hovedstaden i Samoa": a preposition right before the first source name
    possessive_a: bool  # the translation writes the first name with 's (Tom's)
    possessive_b: bool
    passive_before: bool  # "ble AstroNet etablert av TogiNet": the passive auxiliary before the first name
    fronted_a: bool = False  # "I Bergen slo Brann Molde": the first name inside a clause-opening adverbial


def restructured(link: Link) -> bool:
    """Whether the translation turns two names round faithfully: a word that reverses the
    order without just translating the source's link, an active translation of a source
    passive, a relative clause made an apposition, or a genitive's copula turned round."""
    src_words, tgt_words = _words(link.src_gap), _words(link.tgt_gap)
    if link.fronted_a and 1 <= len(src_words) <= MAX_V2_WORDS:
        return True  # "I Bergen slo Brann Molde" -> "Brann beat Molde in Bergen": the adverbial moved behind
    copula = bool(_COPULA_NB & set(src_words))
    attribute = not set(tgt_words) & _PREPOSITIONS_EN  # no preposition left between the names
    if link.possessive_b and ((src_words and src_words[-1] in _PREPOSITIONS_NB and attribute) or (link.genitive_b and copula)):
        return True  # "NTNU i Trondheim" -> "Trondheim's NTNU", "Oslo er Norges hovedstad" -> "Norway's capital is Oslo"
    if len(src_words) == 1 and src_words[0] in _PREPOSITIONS_NB and attribute:
        return True  # "pressevakt Tor Eriksen i Avinor" -> "Avinor press officer Tor Eriksen"
    markers = _markers()
    for i, word in enumerate(tgt_words):
        if word not in markers:
            continue
        counterparts, where = markers[word]
        if _translates(counterparts, src_words) or (where == "governs" and not set(tgt_words[i + 1:]) <= _DETERMINERS) \
                or (where == "first" and i > 0):
            continue  # the same link translated, or a word that does not link the two names
        if word == "of" and not (link.genitive_a or link.attached_a):
            continue  # "the settlement of Villa Las Estrellas" names, it does not turn round
        return True
    if (_PASSIVE_NB.search(link.src_gap) or (link.passive_before and "av" in src_words)
            or (src_words and src_words[-1] == "av" and "of" not in tgt_words)) and "by" not in tgt_words:
        return True  # "A ble slått av B", "A fikk juling av B" -> "B beat A"
    for nb, english in _converse_nb():
        if _translates((nb,), src_words) and not _translates(english, tgt_words):
            return True  # "Norge tapte mot Spania" -> "Spain beat Norway"
    if _RELATIVE_COPULA.search(link.src_gap) and not _RELATIVES_EN & set(tgt_words):
        return True  # "QVC som er en TV-kanal" -> "TV channel QVC"
    return link.genitive_a and link.possessive_a and copula  # "Toms datter er Mary" -> "Mary is Tom's daughter"


def fronted(src: str, start: int) -> bool:
    """Whether the name at ``start`` stands in an adverbial that opens its clause with a
    preposition, right after a preposition ("I Paris", "Etter møtet med Putin", "Ifølge
    Reuters"; not the subject after the verb: "I slutten av mars flyttet Nilsen inn")."""
    clause = max((m.end() for m in _CLAUSE_BREAK.finditer(src, 0, start)), default=0)
    words = [w.lower().strip("«\"“(") for w in src[clause:start].split()]
    openers = read_words("fronted-openers-nb.txt")
    return 1 <= len(words) <= 6 and words[0] in openers and words[-1] in openers


def _more_names(src: str, tgt: str, known: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Capitalised source words that are names though the lexicon knows them as words (a
    sentence opening, a given name common in Norwegian text): place names the exonym table
    knows at a sentence start ("Sveits ligger mellom Frankrike …"), or a word the translation
    too writes with a capital where a capital proves a name on at least one side (mid-sentence,
    or no common English word): "Katrine har en kjæreste som heter Truls" → "… named Truls",
    "Brann spilte mot Viking" → "Viking played against Brann"."""
    return _confirmed(_candidates(src, tuple(start for _, start, _ in known)), tgt)


@lru_cache(maxsize=65536)
def _candidates(src: str, taken: tuple[int, ...]) -> tuple[tuple[str, int, int, tuple[bool, str, bool] | None], ...]:
    """The source side of :func:`_more_names`, once per source: (word, start, end, test) where
    test is None for a name in any case, else (opens a sentence, the name to look for in the
    translation, a common English word)."""
    src_starts = sentence_starts(src)
    found: list[tuple[str, int, int, tuple[bool, str, bool] | None]] = []
    for m in NAME_RE.finditer(src):
        if m.start() in taken:
            continue
        word = m.group(0)
        if m.start() in src_starts and exonym_key(word) is not None:
            found.append((word, m.start(), m.end(), None))
            continue
        head, _, rest = word.partition("-")
        if rest and rest[:1].islower():  # Equinor-sjefen: the name before a Norwegian compound's head
            word = head
        elif rest:
            continue
        if len(word) >= 3:
            found.append((word, m.start(), m.start() + len(word), (m.start() in src_starts, _base(word), _common_english(word))))
    return tuple(found)


def _confirmed(candidates: tuple[tuple[str, int, int, tuple[bool, str, bool] | None], ...], tgt: str) -> list[tuple[str, int, int]]:
    """The candidates the translation confirms as names (see :func:`_more_names`)."""
    if not candidates:
        return []
    tgt_starts = sentence_starts(tgt)
    found = []
    for word, start, end, test in candidates:
        if test is not None:
            at_start, base, common = test
            if not any(not at_start or t not in tgt_starts or not common
                       for t in mention_starts(base, tgt, before="'’-", after="-")):
                continue
        found.append((word, start, end))
    return found


@lru_cache(maxsize=65536)
def _source_side(source: str, src: str, known: frozenset[str]) -> tuple[list[tuple[str, int, int]], tuple]:
    """Once per source: its names (:func:`source_names`, :func:`sentence_start_names`) and the
    candidates :func:`_more_names` would test against a translation. Read only."""
    names = source_names(source) + sentence_start_names(source, known)
    return names, _candidates(src, tuple(start for _, start, _ in names))


_ENTITY_GAP = re.compile(r"\s+(?:[A-ZÆØÅ]\.\s+)*")


def _entities(names: list[tuple[str, int, int]], src: str) -> list[list[tuple[str, int, int]]]:
    """Runs of names written together ("Princeton University", "George H. Lundqvist") as one entity."""
    runs: list[list[tuple[str, int, int]]] = []
    for name in names:
        if runs and _ENTITY_GAP.fullmatch(src[runs[-1][-1][2]:name[1]]):
            runs[-1].append(name)
        else:
            runs.append([name])
    return runs


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # exactly re's \w on str


def mention_starts(name: str, text: str, before: str, after: str, genitive: bool = True) -> list[int]:
    """Where ``name`` stands in ``text`` as a whole word: not after a word character or one of
    ``before``, optionally with a genitive (s, 's, ', ’s, ’), then not before a word character
    or one of ``after``. The same starts as ``re.finditer`` of the equivalent pattern (tests
    hold them equal) without compiling a pattern per name, which cost more than the check."""
    starts: list[int] = []
    n, i = len(text), text.find(name)
    while i >= 0:
        end = _mention_end(text, i + len(name), after, genitive) if i == 0 or not (
            _word_char(text[i - 1]) or text[i - 1] in before) else None
        if end is None:
            i = text.find(name, i + 1)
            continue
        starts.append(i)
        i = text.find(name, max(end, i + 1)) if end < n else -1
    return starts


def _mention_end(text: str, e: int, after: str, genitive: bool) -> int | None:
    """Where a mention ending its name at ``e`` ends (the regex's greedy choice), or None."""
    def free(k: int) -> bool:
        return k >= len(text) or not (_word_char(text[k]) or text[k] in after)

    options = [e]
    if genitive and e < len(text):
        if text[e] == "s":
            options = [e + 1, e]
        elif text[e] in "'’":
            options = ([e + 2] if text[e + 1:e + 2] == "s" else []) + [e + 1, e]
    return next((k for k in options if free(k)), None)


def _base(word: str) -> str:
    """A name without a genitive s (Toms -> Tom, UNESCOs -> UNESCO); the forms are matched with an optional s."""
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _source_mentions(word: str, src: str) -> list[int]:
    """Where the source mentions the same name (any form of an exonym: Russland, Russlands;
    a name and its genitive: Tom, Toms)."""
    key = exonym_key(word)
    if key is not None:
        return [m.start() for m in NAME_RE.finditer(src) if exonym_key(m.group(0)) == key]
    return mention_starts(_base(word), src, before="'’-", after="")


def _place(run: list[tuple[str, int, int]], src: str, tgt: str, tokens: list[tuple[str, int, int]]) -> tuple[str, int] | None:
    """Where an entity sits in the translation, by its first word found there: a name the
    source mentions as often as the translation does is matched mention by mention, in order
    (news paragraphs name the same people again); otherwise which mention went where cannot be told."""
    for word, start, _ in run:
        spots = _places(word, tgt, tokens)
        if not spots:
            continue
        mentions = _source_mentions(word, src)
        if len(spots) != len(mentions) or start not in mentions:
            return None
        return word, spots[mentions.index(start)]
    return None


def _possessive(tgt: str, end: int) -> bool:
    """The word ending at ``end`` is a possessive (Tom's, Norway’s, Reuters')."""
    return tgt[:end].endswith(("'s", "’s")) or tgt[end:end + 1] in ("'", "’") or tgt[end:end + 2] in ("'s", "’s")


def _token_end(tokens: list[tuple[str, int, int]], start: int, word: str) -> int:
    return next((end for _, st, end in tokens if st == start), start + len(word))


def _genitive(word: str, tokens: list[tuple[str, int, int]]) -> bool:
    """A source name in the genitive (Toms, Norges): it ends in s, and the translation does not
    have the word with that s."""
    return word.endswith("s") and not any(t == word for t, _, _ in tokens)


def _words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[^\W\d_]+", text)]


class SwappedNamesCheck(Check):
    """Who did what to whom: two nearby names in reverse order in the translation."""

    check_id = "names-swapped"
    name = "Swapped names"
    description = "Two names close together in one clause appear in the opposite order in the translation (A beat B → B beat A)."
    severity = "warning"
    language_pair = "nb_to_en"

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> list[Finding]:
        src = mask(source)
        names, candidates = _source_side(source, src, context.data.get("catalogue-names", frozenset()))
        if len(names) + len(candidates) < 2:
            return []  # fewer than two names whatever the translation confirms
        tgt = mask(target)
        names = sorted(set(names + _confirmed(candidates, tgt)), key=lambda n: n[1])
        if len(names) < 2:
            return []
        tokens = [(m.group(0), m.start(), m.end()) for m in TOKEN_RE.finditer(tgt)]
        found = []
        runs = _entities(names, src)
        for run_a, run_b in zip(runs, runs[1:]):
            a_end, b_start = run_a[-1][2], run_b[0][1]
            between = src[a_end:b_start]
            if _LIST_ONLY.fullmatch(between) or _CLAUSE_BREAK.search(between) or len(between.split()) > MAX_GAP_WORDS:
                continue
            place_a, place_b = _place(run_a, src, tgt, tokens), _place(run_b, src, tgt, tokens)
            if place_a is None or place_b is None or place_a[1] <= place_b[1]:
                continue
            (a, where_a), (b, where_b) = place_a, place_b
            b_end, a_end_tgt = _token_end(tokens, where_b, b), _token_end(tokens, where_a, a)
            gap = tgt[b_end:where_a]
            if len(gap.split()) > MAX_GAP_WORDS + 2 or _TARGET_BREAK.search(gap) or _LIST_ONLY.fullmatch(gap):
                continue
            link = Link(between, gap, _genitive(run_a[-1][0], tokens), _genitive(run_b[-1][0], tokens),
                        _ATTACHED.search(src[:run_a[0][1]]) is not None,
                        _possessive(tgt, a_end_tgt), _possessive(tgt, b_end),
                        _AUX_BEFORE.search(src[max(0, run_a[0][1] - 30):run_a[0][1]]) is not None,
                        fronted(src, run_a[0][1]))
            if restructured(link):
                continue
            found.append(self.finding(f"{a!r} comes before {b!r} in the source but after it in the translation "
                                      "(who did what to whom?)", (where_b, where_a + len(a)), severity=None))
        return found
