"""Proper names: carried into the translation, tolerant of transliteration and case.

Norwegian writes Russian names its own way (Sjojgu, Zelenskyj, Kozjemjako); English
news writes Shoigu, Zelensky, Kozhemyako. Both sides are reduced to a *skeleton*
(lowercase, transliteration table applied, doubled letters collapsed) before they
are compared, so the spelling difference is not an error but "Shojo" still is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable

from rapidfuzz.distance import Levenshtein

from .analysis import lowered
from .base import Check, CheckContext, Finding
from .data import exonyms, name_variants, read_words, transliteration
from .nameforms import (common_noun_form, compound_head, exonym_key, lexical, name_core, norwegian_word,
                        zipf)
from .spelling import (_EN_SUFFIXES, _VOWELS, _cognate, _common_english, _derived, _plain, _same_name,
                       _vowel_respelling, is_typo, same_stem, spelt_otherwise)
from .text import mask, sentence_starts

NAME_RE = re.compile(r"(?<![\w'’-])(?:[A-ZÆØÅ][\w'’]*(?:-[\w]+)*)")
TOKEN_RE = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
NEAR_SIMILARITY = 0.6


@lru_cache(maxsize=100000)
def skeleton(word: str) -> str:
    """Spelling-independent form of a name: 'Sjojgu' and 'Shoigu' both give 'shoigu'."""
    text = word.lower()
    for old, new in transliteration():
        text = text.replace(old, new)
    text = re.sub(r"(.)\1+", r"\1", text)
    return re.sub(r"[^\w]", "", text)


@dataclass(frozen=True)
class Expectation:
    """Something that should appear in the translation because of a source span."""

    label: str
    alternatives: tuple[str, ...]
    span: tuple[int, int]
    origin: str  # "name", "exonym" or "glossary"
    severity: str = "warning"


@dataclass
class NameReport:
    missing: list[Expectation] = field(default_factory=list)
    near: list[tuple[Expectation, str, tuple[int, int]]] = field(default_factory=list)


class TargetIndex:
    """Skeletons of the translation's words, for fast 'is this name here' questions."""

    def __init__(self, target: str) -> None:
        self.tokens = [(m.group(0), m.start(), m.end()) for m in TOKEN_RE.finditer(mask(target))]
        self.skeletons = [skeleton(t) for t, _, _ in self.tokens]
        self.joined = "|" + "|".join(self.skeletons)
        sk = self.skeletons
        self.runs = {sk[i] + sk[i + 1] for i in range(len(sk) - 1)} | {"".join(sk[i:i + 3]) for i in range(len(sk) - 2)}
        # Parts of hyphenated words count as words too: "Pacific" is in "Asia-Pacific".
        self.words = self.skeletons + [skeleton(p) for t, _, _ in self.tokens if "-" in t for p in t.split("-") if p]
        self.consonants: dict[str, list[str]] = {}
        for s in self.words:
            self.consonants.setdefault(_VOWELS.sub("", s), []).append(s)

    def contains(self, phrase: str) -> bool:
        parts = [skeleton(p) for p in TOKEN_RE.findall(phrase)]
        if not parts or not any(parts):
            return True
        flat = "".join(parts)
        if len(parts) > 1:
            wanted = re.escape("|".join(parts))
            if re.search(rf"\|{wanted}(?:{_EN_SUFFIXES})?\|", self.joined + "|"):
                return True
            return flat in self.runs
        if flat in self.runs:
            return True  # Jong-un written Jong Un
        return any(_same_name(flat, tok) for tok in self.words) or self._vowel_variant(flat)

    def _vowel_variant(self, flat: str) -> bool:
        """A vowel added or dropped (Aleksandr/Alexander) is spelling; a vowel changed is not."""
        consonants = _VOWELS.sub("", flat)
        if len(consonants) < 3:
            return False
        return any(Levenshtein.distance(flat, s) == abs(len(flat) - len(s)) for s in self.consonants.get(consonants, ()))



@lru_cache(maxsize=65536)
def source_names(source: str) -> list[tuple[str, int, int]]:
    """Capitalised words that are names, not sentence starts, abbreviations or Norwegian words."""
    masked = mask(source)
    starts = sentence_starts(masked)
    matches = list(NAME_RE.finditer(masked))
    titles = _title_spans(masked)
    found = []
    for i, m in enumerate(matches):
        word = m.group(0).rstrip("'’")
        if len(word) < 2 or m.start() in starts:
            continue
        if any(s <= m.start() < e for s, e in titles) and not exonym_key(word):
            continue  # a capitalised word of an all-caps or title-case heading or quoted title
        if _in_english_title(masked, m.start()) and lexical(word.lower()):
            continue  # "The President's Tale": a title's Norwegian-looking word, which a translation may render
        after = m.start() + len(word)
        if len(word) <= 3 and not word.isupper() and masked[after: after + 1] == "." and masked[after + 1:].strip(" »”\"'’)"):
            continue  # Kr., Nr., St. (but "Theresa May." ends the text)
        if _WEAK_ADJECTIVE.fullmatch(word) and _ARTICLE_BEFORE.search(masked, 0, m.start()):
            continue  # Det Osmanske riket, Den Spanske syken: an adjective of a descriptive name
        in_run = (i > 0 and masked[matches[i - 1].end(): m.start()] == " ") or (
            i + 1 < len(matches) and masked[m.end(): matches[i + 1].start()] == " ")
        core = name_core(word, in_run)
        if core is not None:
            found.append((core, m.start(), m.start() + len(word)))
    return found


_WEAK_ADJECTIVE = re.compile(r"[A-ZÆØÅ][a-zæøå]{2,}(?:ske|iske|e)")
_ARTICLE_BEFORE = re.compile(r"(?:^|\s)(?:Den|Det|den|det) $")
_LOWER_RE = re.compile(r"[^\W\d_A-ZÆØÅ]+")
_QUOTE_CHARS = re.compile(r"[«“\"]")
_QUOTED_RE = re.compile(r"«[^»]{3,}»|“[^”]{3,}”|\"[^\"]{3,}\"")
_WORDS_RE = re.compile(r"[^\W\d_]+")


def _title_spans(text: str) -> list[tuple[int, int]]:
    """Spans where capitals mark a title, not names: the whole text when it is in capitals,
    and quoted titles in title case («The Giant Province of the Indies»)."""
    lower = len(text) - len(_LOWER_RE.sub("", text))  # how many lower-case letters, without a list of them
    if lower < 0.25 * len(text):  # cheap test first: most text is mostly lower case
        letters = [ch for ch in text if ch.isalpha()]
        if len(letters) >= 12 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters):
            return [(0, len(text))]
    if not _QUOTE_CHARS.search(text):
        return []
    spans = []
    for m in _QUOTED_RE.finditer(text):
        words = [w for w in _WORDS_RE.findall(m.group(0)) if len(w) > 3]
        if len(words) >= 2 and sum(w[:1].isupper() for w in words) >= 0.75 * len(words):
            spans.append(m.span())
    return spans


_ENGLISH_TITLE_RE = re.compile(r"\b(?:The|A|An) (?:(?:[A-Z][\w'’-]*|of|the|and|in|on|for|to|a) ){0,6}[A-Z][\w'’-]*")


def _in_english_title(text: str, start: int) -> bool:
    """Inside an English title in a Norwegian sentence: a run of capitalised words opened by
    The/A/An ("i boka The President's Tale"), titled in English whatever its words."""
    if "The " not in text and "A " not in text and "An " not in text:
        return False
    return any(m.start() < start < m.end() for m in _ENGLISH_TITLE_RE.finditer(text))


@lru_cache(maxsize=65536)
def sentence_start_names(source: str, known: frozenset[str] = frozenset()) -> list[tuple[str, int, int]]:
    """Capitalised words opening a sentence that are names all the same: capitalised
    mid-sentence elsewhere in the catalogue (``known``), or no Norwegian word by the
    lexicon ("Saunders sa ...", "Yonhap melder ...")."""
    masked = mask(source)
    found = []
    for start in sorted(sentence_starts(masked)):
        m = NAME_RE.match(masked, start)
        if m is None:
            continue
        word = m.group(0).rstrip("'’")
        if "-" in word:  # Sør-Afrika, Nord-Korea: the name after a direction word
            core = name_core(word)
            if core is not None and len(core) >= 3 and (core != word or exonym_key(word)):
                found.append((core, m.start() + word.index(core), m.start() + word.index(core) + len(core)))
            continue
        if len(word) < 3:
            continue
        lower = word.lower()
        nb = zipf(lower, "nb")
        if word in known or (not norwegian_word(word) and (nb < 2.5 or zipf(lower, "en") >= nb)
                             and not common_noun_form(lower)):
            found.append((word, m.start(), m.start() + len(word)))
    return found



@lru_cache(maxsize=4096)
def _verbatim(phrase: str) -> re.Pattern[str]:
    if not re.search(r"\w", phrase):
        return re.compile(re.escape(phrase))  # a currency symbol: "$45"
    return re.compile(rf"(?<![\w-]){re.escape(phrase)}(?:['’]?(?:{_EN_SUFFIXES}))?(?![\w])", re.IGNORECASE)


_VERBATIM_END = re.compile(rf"(?:['’]?(?:{_EN_SUFFIXES}))?(?![\w])", re.IGNORECASE)
_CASE_EXTRA = re.compile("[İıſ]")  # letters re.IGNORECASE pairs with ASCII beyond str.lower()


def verbatim_in(phrase: str, target: str) -> bool:
    """``_verbatim(phrase).search(target)`` as a bool, without compiling a pattern per name:
    an ASCII name is found with ``str.find`` in the lower-cased target and its word
    boundaries tested in place (the regex is the fallback for everything else)."""
    lower = target.lower()
    if not phrase.isascii() or len(lower) != len(target) or _CASE_EXTRA.search(target) or not _HAS_WORD.search(phrase):
        return _verbatim(phrase).search(target) is not None
    want = phrase.lower()
    at = lower.find(want)
    while at >= 0:
        before = target[at - 1] if at else " "
        if not (before.isalnum() or before in "_-") and _VERBATIM_END.match(target, at + len(want)):
            return True
        at = lower.find(want, at + 1)
    return False


_HAS_WORD = re.compile(r"\w")



@lru_cache(maxsize=1)
def _phrase_keys() -> tuple[str, ...]:
    return tuple(sorted((k for k in exonyms() if " " in k), key=len, reverse=True))


@lru_cache(maxsize=1)
def _phrase_re() -> re.Pattern[str]:
    """Multi-word names of the exonym table as phrases (Røde Kors -> Red Cross), any inflection."""
    keys = "|".join(re.escape(k) for k in _phrase_keys()) or "(?!)"
    return re.compile(rf"(?<![\w-])({keys})(?:s|en|ens|et|ets)?(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _phrase_lower() -> tuple[str, ...] | None:
    lower = tuple(lowered(k) for k in _phrase_keys())
    return None if None in lower else lower  # type: ignore[return-value]


def _may_hold_phrase(source: str) -> bool:
    """False only when no multi-word exonym can match: none is in the lower-cased source
    (exact where lower-casing is, see checks.analysis; a quick substring test per phrase)."""
    low, keys = lowered(source), _phrase_lower()
    return low is None or keys is None or any(k in low for k in keys)


@lru_cache(maxsize=65536)
def _expected(source: str, context_key: tuple) -> tuple[Expectation, ...]:
    """:func:`_expectations` once per source text and context (a source recurs with other targets)."""
    return tuple(_expectations(source, _CONTEXTS[context_key]))


def _expectations(source: str, context: CheckContext) -> list[Expectation]:
    """What the translation must carry: glossary terms, exonyms, names; names opening a
    sentence (origin ``start``) only count for near misses, never as missing."""
    expected: list[Expectation] = []
    covered: list[tuple[int, int]] = []
    glossary = context.glossary
    if glossary:
        for match in glossary.find(source):
            term = match.term
            targets = tuple(dict.fromkeys((term.target, term.target_for(match.form), *term.alternatives)))
            sev = "error" if term.type in ("name", "dnt") else "warning"
            expected.append(Expectation(match.form, targets, (match.start, match.end), "glossary", sev))
            covered.append((match.start, match.end))
    table = exonyms()
    for m in _phrase_re().finditer(source) if _may_hold_phrase(source) else ():
        key = m.group(1)
        key = next(k for k in _phrase_keys() if k.casefold() == key.casefold())
        expected.append(Expectation(m.group(0), (*table[key], m.group(0)), m.span(), "exonym"))
        covered.append(m.span())
    for word, start, end in source_names(source):
        if any(s <= start < e for s, e in covered):
            continue
        key = exonym_key(word)
        if key is not None:
            expected.append(Expectation(word, (*table[key], word), (start, end), "exonym"))
        else:
            head = compound_head(word) if len(word) >= 8 else None
            alts = (word, head) if head else (word,)
            expected.append(Expectation(word, alts + name_variants().get(word, ()), (start, end), "name"))
    known = context.data.get("catalogue-names", frozenset())
    for word, start, end in sentence_start_names(source, known):
        if not any(s <= start < e for s, e in covered) and exonym_key(word) is None:
            expected.append(Expectation(word, (word,), (start, end), "start"))
    return expected


@lru_cache(maxsize=32768)  # one per distinct pair of a catalogue: near-miss, names and glossary-term all ask
def _analyse(source: str, target: str, context_key: tuple) -> NameReport:
    report = _analyse_expected(source, target, _CONTEXTS[context_key], _expected(source, context_key))
    seen = {span for _, _, span in report.near}
    for word, token, span in copied_typos(source, target):
        if span not in seen:
            report.near.append((Expectation(word, (word,), span, "copied"), token, span))
    return report


_CAP_PART_RE = re.compile(r"(?<![\w'’])[A-ZÆØÅ][^\W\d_]{2,}")


@lru_cache(maxsize=1)
def _exonym_words() -> frozenset[str]:
    tables = (*exonyms().values(), *name_variants().values())
    return frozenset(w.casefold() for alts in tables for alt in alts for w in TOKEN_RE.findall(alt))


@lru_cache(maxsize=65536)
def _source_words(source: str) -> tuple[set[str], set[str], set[str]]:
    """For :func:`copied_typos`, once per source: its capitalised words, its words casefolded,
    and those without accents. Read only."""
    masked_source = mask(source)
    wanted = {m.group(0) for m in _CAP_PART_RE.finditer(masked_source)}
    if not wanted:
        return wanted, set(), set()
    source_words = {w.casefold() for w in _WORDS_RE.findall(masked_source)}
    return wanted, source_words, {_plain(w) for w in source_words}


@lru_cache(maxsize=32768)
def copied_typos(source: str, target: str) -> tuple[tuple[str, str, tuple[int, int]], ...]:
    """Capitalised target words that are a capitalised source word with one letter dropped,
    doubled or changed (Cookies -> Cookes, Oslo -> Olo, Vichy -> Vchy) and no English word:
    a name or loanword the translation should have copied, whatever the name lexicon says."""
    wanted, source_words, plain_source = _source_words(source)
    if not wanted:
        return ()
    common, exonym_words = read_words("en-common-words.txt"), _exonym_words()
    found = []
    for m in _CAP_PART_RE.finditer(mask(target)):
        token = m.group(0)
        folded = token.casefold()
        if folded in source_words or folded in common or folded in exonym_words or _plain(folded) in plain_source:
            continue  # copied, an English word, an exonym, or the same letters without accents (Erdoğan/Erdogan)
        for word in wanted:
            if (word[0] == token[0] and abs(len(word) - len(token)) <= 2 and is_typo(word, token)
                    and not _vowel_respelling(word, token) and not _cognate(word, token) and not _derived(word, token)):
                found.append((word, token, m.span()))
                break
    return tuple(found)


def _analyse_expected(source: str, target: str, context: CheckContext,
                      expected: tuple[Expectation, ...] | list[Expectation]) -> NameReport:
    report = NameReport()
    if not expected:
        return report
    folded = target.casefold()
    known = context.data.get("catalogue-names", frozenset())
    index: TargetIndex | None = None
    for exp in expected:
        if any(alt.casefold() in folded and verbatim_in(alt, target) for alt in exp.alternatives):
            continue  # verbatim: the common case, no skeletons needed
        index = index or TargetIndex(target)
        if exp.origin == "name" and "-" in exp.label and _parts_present(exp.label, index, folded, target):
            continue  # Ludvig-Charles -> Louis-Charles: each part rendered
        if exp.origin in ("name", "start") and _rendered_word_by_word(exp.label, index, source):
            continue  # Harald Hårfagre -> Harald Fairhair: an epithet of Norwegian words, translated
        if exp.origin in ("name", "start"):
            typo = _typo_token(exp.label, index, source, target)
            if typo is not None:
                report.near.append((exp, *typo))
                continue
        if any(index.contains(alt) for alt in exp.alternatives):
            continue
        if exp.origin in ("name", "start") and any(tok[:1].isupper() and (_vowel_respelling(exp.label, tok) or spelt_otherwise(exp.label, tok))
                                                   for tok, _, _ in index.tokens):
            continue  # Sturlasons -> Sturluson's, Muhammed -> Muhammad, Noa -> Noah: a name spelt the English way
        source_skeletons = {skeleton(w) for w, _, _ in source_names(source)}
        near = _nearest(exp, index, source_skeletons, target) if exp.origin != "start" or exp.label in known or not zipf(exp.label.lower(), "nb") else None
        if near is None and exp.origin != "start":
            report.missing.append(exp)
        elif near is not None:
            report.near.append((exp, *near))
    if report.missing and index is not None:
        report.missing = _short_forms(source, report.missing, index, {exp.span for exp in expected})
    return report


def _two_words(lower: str, is_word: Any) -> bool:
    return any(is_word(lower[:i]) and is_word(lower[i:]) for i in range(3, len(lower) - 2))


def _rendered_word_by_word(label: str, index: "TargetIndex", source: str) -> bool:
    """A name made of two Norwegian words (Hår|fagre, Blod|øks) rendered by a capitalised English
    compound of two English words that is no word itself and not in the source (Fair|hair,
    Blood|axe): an epithet or descriptive name translated, not a name lost or corrupted."""
    lower = label.lower()
    if "-" in lower or not _two_words(lower, lexical):
        return False
    source_words = set(TOKEN_RE.findall(source))
    return any(tok[:1].isupper() and tok[1:].islower() and tok not in source_words and not _common_english(tok)
               and _two_words(tok.lower(), _common_english) for tok, _, _ in index.tokens)


def _parts_present(label: str, index: "TargetIndex", folded: str, target: str) -> bool:
    """Every capitalised part of a hyphenated name is in the target, verbatim, transliterated
    or as its exonym."""
    for part in label.split("-"):
        if not part[:1].isupper():
            continue
        key = exonym_key(part)
        alts = (part, *exonyms()[key], *name_variants().get(part, ())) if key else (part, *name_variants().get(part, ()))
        if not any((a.casefold() in folded and verbatim_in(a, target)) or index.contains(a) for a in alts):
            return False
    return True


_ACRONYM_RE = re.compile(r"(?<!\w)[A-Z]{2,6}(?!\w)")


def _short_forms(source: str, missing: list[Expectation], index: "TargetIndex",
                 expected: set[tuple[int, int]] | frozenset = frozenset()) -> list[Expectation]:
    """Normal English short forms of a multi-word name: the surname alone ("Theresa May" ->
    "Mrs May"), or an acronym of the words ("New York" -> "NYC"). Given names may go when the
    run's last word is there; the whole run goes when an all-caps target word starts with its initials."""
    runs: list[list[tuple[str, int, int]]] = []
    for m in NAME_RE.finditer(source):
        if runs and source[runs[-1][-1][2]:m.start()] == " ":
            runs[-1].append((m.group(0), m.start(), m.end()))
        else:
            runs.append([(m.group(0), m.start(), m.end())])
    gone = {exp.span for exp in missing}
    acronyms = [t for t, _, _ in index.tokens if _ACRONYM_RE.fullmatch(t)]
    excused: set[tuple[int, int]] = set()
    for run in runs:
        if len(run) < 2:
            continue
        spans = [(start, end) for _, start, end in run]
        initials = "".join(word[0] for word, _, _ in run).upper()
        if any(a.startswith(initials) for a in acronyms):
            excused.update(spans)
        elif spans[-1] not in gone and (not expected or spans[-1] in expected):
            excused.update(spans[:-1])  # the surname is there (a word no name, "Tale", is no surname)
    return [exp for exp in missing if exp.span not in excused]


def _typo_token(name: str, index: TargetIndex, source: str, target: str) -> tuple[str, tuple[int, int]] | None:
    """A capitalised target word that is ``name`` misspelt, and not itself a word of the source."""
    source_words = set(TOKEN_RE.findall(source))
    if any(same_stem(name, token) for token, _, _ in index.tokens):
        return None  # the name is there, inflected or transliterated
    starts = sentence_starts(target)
    for token, start, end in index.tokens:
        if not token[:1].isupper() or token in source_words or not is_typo(name, token):
            continue
        if start in starts and len(token) <= 4 and _common_english(token):
            continue  # "The" opening the sentence is no misspelt "Thea"
        if _common_english(token) and norwegian_word(name):
            continue  # Brekk -> Break, Deres Majestet -> Your Majesty: a Norwegian word translated
        return token, (start, end)
    return None


_CONTEXTS: dict[tuple, CheckContext] = {}


def analyse(source: str, target: str, context: CheckContext) -> NameReport:
    """Which expected names are missing from the target, and which look corrupted."""
    key = (id(context.glossary), context.source_lang, context.target_lang, id(context.data.get("catalogue-names")))
    _CONTEXTS[key] = context
    return _analyse(source, target, key)


def _nearest(exp: Expectation, index: TargetIndex, source_skeletons: set[str], target: str) -> tuple[str, tuple[int, int]] | None:
    best: tuple[float, str, tuple[int, int]] | None = None
    for alt in exp.alternatives:
        want = skeleton(alt)
        if len(want) < 5:
            continue
        for (token, start, end), sk in zip(index.tokens, index.skeletons):
            if len(sk) < 4 or not token[:1].isupper() or sk in source_skeletons or sk[:1] != want[:1] or sk == want:
                continue
            score = Levenshtein.normalized_similarity(sk, want)
            if score >= NEAR_SIMILARITY and not _common_english(token) and not spelt_otherwise(alt, token) \
                    and (best is None or score > best[0]):
                best = (score, token, (start, end))
    return None if best is None else (best[1], best[2])



class NamesCheck(Check):
    """A name dropped or replaced in translation ("VG" rendered as "the Vaults")."""

    check_id = "names"
    name = "Proper names"
    description = "A proper name in the source (transliteration and case aside) is missing from the translation."
    severity = "warning"
    language_pair = "nb_to_en"

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> list[Finding]:
        found = []
        for exp in analyse(source, target, context).missing:
            if exp.origin == "glossary":
                continue
            want = exp.label if exp.origin == "name" else " / ".join(exp.alternatives[:3])
            found.append(self.finding(f"name {exp.label!r} is missing from the translation (expected {want!r})", exp.span, side="source"))
        return found


class NearMissCheck(Check):
    """A word that is almost an expected name is a corrupted name ("Shojo" for "Shoigu")."""

    check_id = "near-miss"
    name = "Near-miss name"
    description = "The translation has a misspelt or corrupted form of a source name or glossary term (Shojo for Shoigu)."
    severity = "error"
    language_pair = "nb_to_en"

    def prepare(self, pairs: Iterable[tuple[str, str, Any]], context: CheckContext) -> None:
        """Words the catalogue capitalises inside a sentence are names where they open one too."""
        names: set[str] = set()
        for source, _, _ in pairs:
            names.update(word for word, _, _ in source_names(source))
        context.data["catalogue-names"] = frozenset(names)

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> list[Finding]:
        found = []
        forbidden = {f.casefold() for term in context.glossary.terms for f in term.forbidden} if context.glossary else set()
        for exp, token, span in analyse(source, target, context).near:
            if token.casefold() in forbidden:
                continue  # glossary-forbidden already names it
            if exp.origin in ("name", "start"):
                found.append(self.finding(f"{token!r} looks like a corrupted form of the source name {exp.label!r}", span))
            elif exp.origin == "copied":
                found.append(self.finding(f"{token!r} looks like a misspelt copy of the source word {exp.label!r}", span, suggestion=exp.label))
            else:
                want = exp.alternatives[0]
                found.append(self.finding(f"{token!r} looks like a corrupted {want!r} (source: {exp.label!r})", span, suggestion=want))
        return found
