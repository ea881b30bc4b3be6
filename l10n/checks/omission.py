"""Omissions by coverage, clause by clause, not by length alone.

A dropped clause of 10-30 % of a sentence leaves the length within normal variation. What
it takes away is everything the clause said: its names, numbers and the words the two
languages share (Norwegian and English have many cognates: alarm, system, militær →
military), and the joint that held it (a comma, og/and, men/but). Two signs, each joined to a
length shortfall:

- *coverage*: a clause of the source of which almost nothing is found in a translation that
  is clearly shorter than the source;
- *joints*: the translation has fewer commas and clause-joining words (data:
  ``clause-joints.tsv``, fixed phrases such as "av og til" excepted) than the source and is
  shorter than a faithful translation normally is: the fewer joints, and the more of them
  joining words rather than commas (Norwegian sets more commas than English), the less
  shortfall it takes.

Without a bilingual dictionary the check cannot see a clause translated without any shared
word, so both demand the shortfall; the thresholds are set to stay quiet on professional
work (bench/qa_real.py, tuning part).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterator

from .base import Check, CheckContext, Finding
from .data import exonyms, read_rows
from .nameforms import exonym_key
from .spelling import _norm
from .text import mask
from .units import quantities

MIN_SOURCE_CHARS = 40
#: a shorter source (down to this) is judged by its joints only, with a larger shortfall
MIN_SHORT_CHARS, SHORT_JOINT_RATIO = 15, 0.6
MAX_COVERAGE = 0.34  # share of a clause's words (or their usual renderings) found in the translation
MAX_LENGTH_RATIO = 0.75  # target/source characters
#: (joints fewer, of them joining words fewer, target/source length below which it is reported):
#: a lost comma may be Norwegian comma rules (English sets fewer), a lost "og"/"men" is a clause
JOINT_RATIOS = ((1, 0, 0.8), (1, 1, 0.85), (2, 1, 0.9))
#: a *lost piece*: a joint fewer, and a piece of the source between joints (a clause, a list
#: item: "høyere lønn og kortere arbeidsdager" -> "higher pay") of which at most this share is found, that is at least
#: PIECE_SHARE of the source, in a translation shorter than the source by PIECE_SHORTFALL of
#: that piece's length and below PIECE_RATIO overall
PIECE_COVERAGE, PIECE_SHARE, PIECE_SHORTFALL, PIECE_RATIO = 0.2, 0.08, 0.3, 0.95
#: a sentence break inside an entry counts too: a translation may split a sentence where the
#: source has a comma, a dash or "og" ("Jeg hadde ikke råd - med andre ord …" -> "… afford it. In other words …")
_PUNCT_JOINT = r"[,;](?!\d)|:(?!\d)|(?<![:.!?])\s[–—-]\s|(?-i:(?<![A-ZÆØÅ][a-zæøå])(?<=[a-zæøå])[.!?](?=\s+[A-ZÆØÅ]))"
_WORD = re.compile(r"[^\W\d_]{4,}|\d+")


@lru_cache(maxsize=None)
def _splitter(lang: str) -> re.Pattern[str]:
    words = next((row[1] for row in read_rows("clause-words.tsv") if row[0] == lang), "")
    alternatives = "|".join(re.escape(w).replace("\\ ", r"\s+") for w in words.split("|") if w)
    opener = rf"|\s(?=(?:{alternatives})\s)" if alternatives else ""
    return re.compile(rf"[,;:]\s+|\s[–—-]\s{opener}", re.IGNORECASE)


def clauses(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans of the clauses of ``text``."""
    spans, start = [], 0
    for m in _splitter(lang).finditer(text):
        if text[start:m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


@lru_cache(maxsize=None)
def _piece_splitter(lang: str) -> re.Pattern[str]:
    """Clause openers and joining words (og, eller, samt …): the pieces a list or clause is made of."""
    rows = read_rows("clause-words.tsv") + read_rows("clause-joints.tsv")
    words = {w for row in rows if row[0] == lang for w in row[1].split("|") if w}
    alternatives = "|".join(re.escape(w).replace("\\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"[,;:]\s+|\s[–—-]\s|\s(?=(?:{alternatives})\s)", re.IGNORECASE)


def pieces(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans of the pieces of ``text`` between commas, dashes and joining words."""
    spans, start = [], 0
    for m in _piece_splitter(lang).finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


@lru_cache(maxsize=None)
def _joints(lang: str) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """The joints of a language, and the phrases whose joining word joins nothing (en eller annen)."""
    rows = read_rows("clause-joints.tsv")
    words = next((row[1] for row in rows if row[0] == lang), "")
    idioms = next((row[1] for row in rows if row[0] == f"{lang}-not"), "")
    alternatives = "|".join(re.escape(w) for w in words.split("|") if w)
    joint = re.compile(rf"{_PUNCT_JOINT}|\b(?:{alternatives})\b" if alternatives else _PUNCT_JOINT, re.IGNORECASE)
    phrases = "|".join(re.escape(p).replace("\\ ", r"\s+") for p in idioms.split("|") if p)
    return joint, (re.compile(rf"\b(?:{phrases})\b", re.IGNORECASE) if phrases else None)


#: a name set off by commas (", George W. Bush,"): English often writes it without them
_NAME_APPOSITION = re.compile(r",(\s+(?:[A-ZÆØÅ][\w.'’-]*\s*)+),")


def joints(text: str, lang: str) -> int:
    """Commas, dashes and clause-joining words: how many pieces a sentence is made of, less one."""
    return sum(_joint_counts(text, lang))


_PUNCT_RE = re.compile(_PUNCT_JOINT)
_SENTENCE_BREAK = re.compile(r"(?<![A-ZÆØÅ][a-zæøå])(?<=[a-zæøå])[.!?](?=\s+[A-ZÆØÅ])")


def fewer_joints(src: str, tgt: str) -> tuple[int, int]:
    """(joints, of them joining words) the translation has fewer than the source. Two source
    sentences made one ("Brannen startet i natt. Den spredte seg raskt." -> "The fire began overnight and spread fast.") is the translator's
    choice, not a loss: a source sentence break counts only where the translation has one too."""
    (src_words, src_punct), (tgt_words, tgt_punct) = _joint_counts(src, "nb"), _joint_counts(tgt, "en")
    merged = max(0, len(_SENTENCE_BREAK.findall(src)) - len(_SENTENCE_BREAK.findall(tgt)))
    return src_words + src_punct - merged - tgt_words - tgt_punct, src_words - tgt_words


@lru_cache(maxsize=4096)  # a text's joints are asked by several rules of one entry
def _joint_counts(text: str, lang: str) -> tuple[int, int]:
    """(joining words, punctuation joints) of ``text``."""
    joint, idioms = _joints(lang)
    if idioms is not None:
        text = idioms.sub(" ", text)
    text = _NAME_APPOSITION.sub(r" \1 ", text)
    total, punct = len(joint.findall(text)), len(_PUNCT_RE.findall(text))
    words = total - punct
    return (words - _inside_amounts(joint, text, lang) if words else 0), punct


def _inside_amounts(joint: re.Pattern[str], text: str, lang: str) -> int:
    """Joining words inside one compound amount ("ett år og seks måneder" = 18 months, which
    a translator may give as one figure): they join no clauses."""
    spans = [(q.start, q.end) for q in quantities(text, lang)]
    return sum(1 for m in joint.finditer(text) if not _PUNCT_RE.fullmatch(m.group(0))
               and any(start < m.start() and m.end() < end for start, end in spans)) if spans else 0


def _key(word: str) -> str:
    return word if word.isdigit() else _norm(word.lower())[:4]


class OmissionCheck(Check):
    """A clause of the source with almost nothing of it in a clearly shorter translation."""

    check_id = "omission"
    name = "Omitted clause"
    description = "A clause of the source has (almost) none of its names, numbers or shared words in a much shorter translation."
    severity = "warning"
    language_pair = "nb_to_en"

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> Finding | None:
        src, tgt = mask(source).strip(), mask(target).strip()
        if len(src) < MIN_SHORT_CHARS or len(tgt) >= PIECE_RATIO * len(src):
            return None
        if len(src) < MIN_SOURCE_CHARS:
            return self._short(src, tgt) or self._lost_piece(src, tgt)
        ratio = len(tgt) / len(src)
        if ratio >= max(MAX_LENGTH_RATIO, *(limit for _, _, limit in JOINT_RATIOS)):
            return self._lost_piece(src, tgt)
        spans = clauses(src, "nb")
        worst = _worst_clause(src, tgt, spans)
        if ratio < MAX_LENGTH_RATIO and worst is not None and worst[0] <= MAX_COVERAGE:
            start, end = worst[1]
            return self.finding(f"the clause {src[start:end].strip()!r} seems to be missing from the translation "
                                f"({ratio:.0%} of the source length)", (start, end), side="source")
        fewer, fewer_words = fewer_joints(src, tgt)
        if not any(fewer >= n and fewer_words >= w and ratio < limit for n, w, limit in JOINT_RATIOS):
            return self._lost_piece(src, tgt, fewer)
        piece = self._lost_piece(src, tgt, fewer)  # the piece that went, where it can be told
        if piece is not None:
            return piece
        span = worst[1] if worst is not None else (0, len(src))
        return self.finding(f"the translation has {fewer} fewer clause joints (commas, og/and, men/but …) than the "
                            f"source and is {ratio:.0%} of its length: a clause or list item may be missing",
                            span, side="source")

    def _lost_piece(self, src: str, tgt: str, fewer: int | None = None) -> Finding | None:
        """A joint fewer and one piece of the source (a clause, a list item) with nothing of it in
        a translation that is shorter by a good part of that piece's length. The cheap tests
        first: most entries have no piece long enough for the shortfall."""
        spans, ratio = pieces(src, "nb"), len(tgt) / len(src)
        candidates = [(start, end) for start, end in spans if (end - start) / len(src) >= PIECE_SHARE
                      and ratio <= 1 - PIECE_SHORTFALL * (end - start) / len(src)] if len(spans) >= 2 else []
        if not candidates:
            return None
        present = None
        for start, end in candidates:
            words = _WORD.findall(src[start:end])
            if not words:
                continue
            present = _present(tgt) if present is None else present
            if sum(_found(w, present) for w in words) > PIECE_COVERAGE * len(words):
                continue
            if (fewer if fewer is not None else fewer_joints(src, tgt)[0]) < 1:
                return None
            return self.finding(f"{src[start:end].strip()!r} seems to be missing from the translation: nothing of it "
                                f"is found, a joint is lost and the translation is {ratio:.0%} of the source length",
                                (start, end), side="source")
        return None

    def _short(self, src: str, tgt: str) -> Finding | None:
        """A short sentence that lost a joint and much of its length ("La oss vente og se" -> "Let's wait")."""
        if len(src) < MIN_SHORT_CHARS or len(tgt) >= SHORT_JOINT_RATIO * len(src):
            return None
        fewer = fewer_joints(src, tgt)[0]
        if fewer < 1:
            return None
        return self.finding(f"the translation has {fewer} fewer clause joints (commas, og/and …) than the source and is "
                            f"{len(tgt) / len(src):.0%} of its length: a clause or list item may be missing",
                            (0, len(src)), side="source")


@lru_cache(maxsize=None)
def _renderings() -> dict[str, tuple[str, ...]]:
    """Norwegian words -> keys of their usual English renderings (nb-en-common.tsv; a word listed
    twice, as a form and as a lemma, gets both rows' renderings)."""
    table: dict[str, set[str]] = {}
    for row in read_rows("nb-en-common.tsv"):
        table.setdefault(row[0], set()).update(_key(w) if len(w) >= 4 else w for w in row[1].split("|"))
    return {word: tuple(sorted(keys)) for word, keys in table.items()}


#: Norwegian endings of inflected nouns, verbs and adjectives, longest first: a form not in the
#: table is looked up by its stem and the stem + e (kongen -> konge, bekreftet -> bekrefte)
_ENDINGS = ("enes", "ene", "ens", "ets", "ede", "ete", "en", "et", "er", "es", "te", "de", "a", "e", "s", "t")


def _lemma_keys(word: str, content: bool = False) -> tuple[str, ...]:
    """Rendering keys of a form through its stem (byene -> by, sikret -> sikre). ``content``: only
    a lemma of four or more letters none of whose renderings is a short function word (the head
    of a compound: "ingen" is no head of "avlingene")."""
    table = _renderings()
    for lemma in _lemma_candidates(word):
        if lemma in table and (not content or len(lemma) >= 4 and min(map(len, table[lemma])) >= 3):
            return table[lemma]
    return ()


def _lemma_candidates(word: str) -> Iterator[str]:
    yield word
    for ending in _ENDINGS:
        stem = word[:-len(ending)]
        if word.endswith(ending) and len(stem) >= 2:
            yield stem
            yield stem + "e"
            if stem[-1:] == stem[-2:-1]:
                yield stem[:-1]


@lru_cache(maxsize=50000)
def word_keys(word: str) -> tuple[str, ...]:
    """Keys a Norwegian word may leave in an English translation: its own (a cognate, a name, a
    number), its renderings, and those of the head of a compound (universitetssykehus -> hospital)."""
    lower = word.lower()
    keys = {_key(word) if len(word) >= 4 or word.isdigit() else lower, *_lemma_keys(lower)}
    if not word.isdigit() and len(lower) >= 7:
        table = _renderings()
        for cut in range(3, len(lower) - 3):  # the head: the longest last part that is a content word
            head = _lemma_keys(lower[cut:], content=True)
            if head:
                keys.update(head)
                modifier = lower[:cut]  # and the first part (kongehuset: king, house)
                keys.update(next((table[m] for m in (modifier, modifier[:-1]) if len(m) >= 4 and m in table), ()))
                break
    return tuple(keys)


#: English contractions -> the keys of the words they stand for (I'd = I would, we've = we have)
_CONTRACTIONS = {"'d": ("woul", "had"), "'ll": ("will", "shal"), "'re": ("are",), "'ve": ("have",), "'m": ("am",),
                 "'s": ("is", "has"), "n't": ("not",)}
_ANY_WORD = re.compile(r"[^\W\d_]+(?:['’][a-z]+)?")


def _found(word: str, present: frozenset[str]) -> bool:
    """The word itself (a cognate, a name, a number) or one of its usual renderings is in the translation."""
    if any(k in present for k in word_keys(word)):
        return True
    key = exonym_key(word) if word[:1].isupper() else None  # Roma -> Rome, Tyskland -> Germany
    return key is not None and any(_key(alt.split()[0]) in present for alt in exonyms()[key] if alt)


@lru_cache(maxsize=4096)  # asked by the clause and the piece rules of one entry
def _present(tgt: str) -> frozenset[str]:
    """The keys of a translation's words (contractions spelt out: I'd -> would, had)."""
    words_in_target = [w.lower() for w in _ANY_WORD.findall(tgt)]
    present = {_key(w) for w in _WORD.findall(tgt)} | {w for w in words_in_target if len(w) < 4}
    present |= {"n't" for w in words_in_target if w.endswith(("n't", "n’t"))}
    present |= {k for w in words_in_target if "'" in w or "’" in w for k in _CONTRACTIONS.get(w[w.replace("’", "'").rfind("'"):].replace("’", "'"), ())}
    return frozenset(present)


def _worst_clause(src: str, tgt: str, spans: list[tuple[int, int]]) -> tuple[float, tuple[int, int]] | None:
    """The source clause (of two or more words) least found in the translation, with its coverage."""
    if len(spans) < 2:
        return None
    present = _present(tgt)
    worst: tuple[float, tuple[int, int]] | None = None
    for start, end in spans:
        words = _WORD.findall(src[start:end])
        if len(words) < 2:
            continue
        coverage = sum(_found(w, present) for w in words) / len(words)
        if worst is None or coverage < worst[0]:
            worst = (coverage, (start, end))
    return worst
