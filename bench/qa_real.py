"""QA on real translations: flags on professional work and recall on planted MT errors (not a test).

Data: the FLORES-200 devtest and Tatoeba nb-en pairs in ``../shared/data/parallel`` (real
sentences, professional or community translations nobody in this project wrote).

Split: every pair belongs to the *tuning* part or the *held-out* part by a hash of its
document (FLORES: the article URL; Tatoeba: the sentence id), 60/40. Thresholds, data rules
and risk weights were set on the tuning part only; the held-out part is reported separately.

1. **Professional translations flagged**: share of entries with at least one warning or
   error, by check, for ``l10n qa`` and Translate Toolkit's ``pofilter`` (review-state and
   consistency checks off for both; Tatoeba repeats a source with several translations).
2. **Planted errors**: a generator with a fixed seed plants one realistic MT error of a known
   kind into a copy of a professional translation (units, modality, misspelt name, swapped
   names, leftover Norwegian word, omitted clause, time, wrong number, date, weekday, dropped
   negation). An error counts as *caught* only if the planted entry gets a finding
   (check + message) that its clean twin does not get, so flags that were there anyway earn
   nothing. Recall is given kind by kind for both tools.

    python bench/qa_real.py [--part tune|heldout|both] [--fold a|b] [--per-kind 150] [--verbose KIND]

``--fold a|b`` keeps one half of the tuning part (by a second hash of the document), so a rule
can be designed on one fold and confirmed on the other before the held-out part is run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# ../shared/data relative to the repository (a worktree one level deeper finds it one more up)
SHARED = next((p / "shared" / "data" for p in ROOT.parents if (p / "shared" / "data").is_dir()), ROOT.parent / "shared" / "data")
SKIP = ["untranslated", "fuzzy", "unknown-flag", "inconsistent"]
POFILTER_SKIP = ["untranslated", "isfuzzy", "isreview"]
CORPORA = {"flores": "flores200-devtest.nob-eng.tsv", "tatoeba": "tatoeba-test-v2021-08-07.nob-eng.tsv"}


def load(corpus: str) -> list[dict[str, str]]:
    lines = (SHARED / "parallel" / CORPORA[corpus]).read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    rows = [dict(zip(header, line.split("\t"))) for line in lines[1:] if line.count("\t") == len(header) - 1]
    for row in rows:
        key = row.get("url") or row["id"]
        row["part"] = "tune" if int(hashlib.sha256(key.encode()).hexdigest(), 16) % 5 < 3 else "heldout"
        # two folds of the tuning part by a second hash: design on one, confirm on the other
        row["fold"] = "ab"[int(hashlib.sha256(f"fold:{key}".encode()).hexdigest(), 16) % 2]
    return rows


# --- planters: (source, target, rng) -> planted target or None ---------------------------------

UNIT_SWAPS = [
    (r"km|kilometres?|kilometers?", ["miles", "metres"], r"km|kilometer"),
    (r"miles?", ["km", "metres"], r"mil|km|kilometer"),
    (r"kg|kilograms?|kilos?", ["pounds", "grams"], r"kg|kilo"),
    (r"tonnes?|tons?", ["kilograms", "pounds"], r"tonn"),
    (r"metres?|meters?|m", ["feet", "kilometres"], r"meter|m"),
    (r"cm|centimetres?|centimeters?", ["inches", "metres"], r"cm|centimeter"),
    (r"°C|degrees Celsius|degrees", ["°F", "degrees Fahrenheit"], r"°|grader"),
    (r"hours?", ["minutes", "days"], r"tim(?:e|er|en|ene)"),
    (r"minutes?", ["hours", "seconds"], r"minutt"),
    (r"days?", ["weeks", "hours"], r"dag(?:er|en|ene)?|døgn"),
    (r"weeks?", ["months", "days"], r"uke"),
    (r"months?", ["years", "weeks"], r"måned"),
    (r"years?", ["months", "decades"], r"år\b"),
    (r"percent|per cent|%", ["percentage points", "times"], r"prosent|%"),
]
NUMBER_WORD = r"\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|a hundred|hundreds?|a few|several"


def _units(src: str, tgt: str, rng: random.Random) -> str | None:
    options = []
    for pattern, others, src_pat in UNIT_SWAPS:
        if not re.search(rf"(?:\d|\b(?:en|ett|to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|tolv|tjue|hundre))\s*-?(?:{src_pat})", src, re.IGNORECASE):
            continue
        for m in re.finditer(rf"\b(?:{NUMBER_WORD})[\s-]*({pattern})(?![\w])", tgt):
            options.append((m.start(1), m.end(1), others))
    if not options:
        return None
    start, end, others = rng.choice(options)
    word = rng.choice(others)
    if tgt[start:end].lower().rstrip("s") in ("hour", "minute", "day", "week", "month", "year", "mile", "metre", "meter") and not tgt[start:end].endswith("s"):
        word = word.rstrip("s")
    return tgt[:start] + word + tgt[end:]


MODAL_SRC = r"\b(?:kan|kunne|må|måtte|skal|skulle|bør|burde|vil|ville|visstnok|angivelig|etter sigende)\b"
MODAL_SWAPS = {"can": "must", "could": "must", "may": "must", "might": "must", "must": "may", "should": "will",
               "ought to": "will", "will": "must", "would": "must", "reportedly": "certainly", "allegedly": "clearly",
               "is said to": "is sure to", "are said to": "are sure to", "have to": "can", "has to": "can",
               "need to": "may", "able to": "forced to", "going to": "supposed to", "wants to": "has to",
               "want to": "have to", "cannot": "must not", "can't": "mustn't", "won't": "can't", "shouldn't": "won't"}


def _modality(src: str, tgt: str, rng: random.Random) -> str | None:
    if not re.search(MODAL_SRC, src, re.IGNORECASE):
        return None
    pattern = r"\b(" + "|".join(re.escape(k) for k in sorted(MODAL_SWAPS, key=len, reverse=True)) + r")\b"
    found = list(re.finditer(pattern, tgt, re.IGNORECASE))
    if not found:
        return None
    m = rng.choice(found)
    new = MODAL_SWAPS[m.group(1).lower()]
    if m.group(1)[:1].isupper():
        new = new[:1].upper() + new[1:]
    return tgt[:m.start(1)] + new + tgt[m.end(1):]


def _names_in(src: str, tgt: str) -> list[re.Match[str]]:
    """Capitalised target words of 4+ letters that the source has verbatim (sentence starts too)."""
    return [m for m in re.finditer(r"\b[A-Z][a-z]{3,}\b", tgt) if re.search(rf"\b{m.group()}\b", src)
            and m.group() not in ("This", "That", "Then", "They", "There", "When", "What")]


def _misspell(src: str, tgt: str, rng: random.Random) -> str | None:
    names = _names_in(src, tgt)
    if not names:
        return None
    m = rng.choice(names)
    w = m.group()
    i = rng.randrange(1, len(w))
    how = rng.choice(["drop", "double", "change"])
    if how == "drop":
        bad = w[:i] + w[i + 1:]
    elif how == "double":
        bad = w[:i] + w[i] + w[i:]
    else:
        bad = w[:i] + rng.choice([c for c in "bdfgklmnprstv" if c != w[i].lower()]) + w[i + 1:]
    return tgt[:m.start()] + bad + tgt[m.end():]


_ENTITY = re.compile(r"(?<![\w'’.-])(?:[A-Z]\.|[A-Z][\w-]*)(?:\s(?:of\s|de\s|van\s|von\s)?(?:[A-Z]\.|[A-Z][\w-]*))*")
_NOT_NAMES = {"The", "This", "That", "These", "Those", "Then", "They", "There", "When", "What", "Who", "His", "Her", "Its",
              "Our", "But", "And", "She", "Him", "For", "One", "Two", "All", "Some", "Men", "Can", "May", "Will", "Mrs", "Mr"}


_PLACE_BEFORE = re.compile(r"\b(?:in|to|from|at|near|towards?|into|across|around|throughout|outside|inside)\s+(?:the\s+)?$", re.IGNORECASE)


def _entities(src: str, tgt: str) -> list[tuple[int, int, int, bool]]:
    """Name entities of the target (runs of capitalised words: "South Africa", "Tom") that the source
    has too, as (target start, target end, source position, is a place): a word of the run copied
    verbatim, or the run being the English form of a source word in the exonym table. A place is
    an exonym or a name after "in", "to", "from" …"""
    from l10n.checks.data import exonyms

    english = {alt: nb for nb, alts in exonyms().items() for alt in alts}
    found = []
    for m in _ENTITY.finditer(tgt):
        text, start = m.group(), m.start()
        if text.startswith("The "):
            text, start = text[4:], start + 4
        words = [w for w in text.split() if w not in _NOT_NAMES and not w.endswith(".")]
        where = [w for w in (re.search(rf"(?<![\w-]){re.escape(w)}", src) for w in words if len(w) >= 3) if w]
        if not where and text in english:
            where = [re.search(rf"(?<![\w-]){re.escape(english[text])}", src)]
        if where and where[0]:
            place = text in english or _PLACE_BEFORE.search(tgt[:start]) is not None
            found.append((start, start + len(text), where[0].start(), place))
    return found


_LIST_JOIN = r"\s*(?:,|and|or|&|og|eller|samt|-|–)?\s*"


def _swap(src: str, tgt: str, rng: random.Random) -> str | None:
    """Swap two names that stand around a verb or preposition in one clause ("A beat B", "A against B",
    "A told B"), as MT does when it mistakes subject and object: two names of one kind (two places,
    or two people or bodies); the source has the two in the same order, close together, in one
    clause. Items of a list ("A and B", "A, B") are not swapped: that changes nothing."""
    ents = _entities(src, tgt)
    pairs = []
    for (a0, a1, sa, pa), (b0, b1, sb, pb) in zip(ents, ents[1:]):
        if pa != pb:
            continue
        between, src_between = tgt[a1:b0], src[sa:sb]
        if tgt[a0:a1] == tgt[b0:b1] or not 1 <= len(between.split()) <= 7 or re.fullmatch(_LIST_JOIN, between) \
                or re.search(r"[,.;:!?()«»\"“”]", between) or sb <= sa:
            continue
        src_gap = src_between.split(None, 1)[1] if len(src_between.split()) > 1 else ""
        if not 1 <= len(src_gap.split()) <= 9 or re.search(r"[,.;:!?()«»\"“”]", src_gap) \
                or re.fullmatch(_LIST_JOIN + r"\S*", src_gap):
            continue
        pairs.append((a0, a1, b0, b1))
    if not pairs:
        return None
    a0, a1, b0, b1 = rng.choice(pairs)
    return tgt[:a0] + tgt[b0:b1] + tgt[a1:b0] + tgt[a0:a1] + tgt[b1:]


COUNTRIES = {"Tyskland": "Germany", "Sverige": "Sweden", "Frankrike": "France", "Spania": "Spain", "Russland": "Russia",
             "Kina": "China", "Nord-Korea": "North Korea", "Sør-Korea": "South Korea", "Storbritannia": "Britain",
             "Italia": "Italy", "Hellas": "Greece", "Danmark": "Denmark", "Norge": "Norway", "Nederland": "Netherlands",
             "Japan": None, "Tyrkia": "Turkey", "Egypt": None, "Sveits": "Switzerland", "Østerrike": "Austria",
             "Polen": "Poland", "Brasil": "Brazil", "Mexico": None, "India": None, "Irland": "Ireland"}


def _leftover(src: str, tgt: str, rng: random.Random) -> str | None:
    for nb, en in COUNTRIES.items():
        if en and nb in src and re.search(rf"\b{en}\b", tgt) and rng.random() < 0.7:
            return re.sub(rf"\b{en}\b", nb, tgt, count=1)
    src_words = [w for w in re.findall(r"(?<![\w-])[a-zæøå]{6,}(?![\w-])", src) if w not in tgt.lower()]
    tgt_words = list(re.finditer(r"(?<![\w-])[a-z]{5,}(?![\w-])", tgt))
    if not src_words or not tgt_words:
        return None
    longest = sorted(src_words, key=len, reverse=True)[:3]  # MT leaves the rare long words: compounds
    m = rng.choice(tgt_words)
    return tgt[:m.start()] + rng.choice(longest) + tgt[m.end():]


def _omit(src: str, tgt: str, rng: random.Random) -> str | None:
    cuts = [m for m in re.finditer(r",\s+(?:and |but |which |who |while |where |as |after |when )?|;\s+|\s+(?:and|but|while|because|after|before|when)\s+", tgt)]
    options = []
    for m in cuts:
        nxt = next((c for c in cuts if c.start() > m.end()), None)
        end = nxt.start() if nxt else len(tgt.rstrip(".!?\"”")) 
        share = (end - m.start()) / len(tgt)
        if 0.15 <= share <= 0.45:
            options.append((m.start(), end))
    if not options:
        return None
    start, end = rng.choice(options)
    return tgt[:start] + tgt[end:]


def _time(src: str, tgt: str, rng: random.Random) -> str | None:
    m = re.search(r"\b(\d{1,2})[:.](\d\d)\b", src)
    if m and int(m.group(1)) <= 23:
        hour = int(m.group(1))
        t = re.search(rf"\b0?{hour % 12 or 12}[:.]{m.group(2)}\s*([ap])\.?m\.?", tgt, re.IGNORECASE) or \
            re.search(rf"\b{hour:02d}:{m.group(2)}\b|\b{hour}:{m.group(2)}\b", tgt)
        if t and t.lastindex:
            flip = "a" if t.group(1).lower() == "p" else "p"
            return tgt[:t.start(1)] + flip + tgt[t.end(1):]
        if t:
            suffix = "a.m." if hour >= 12 else "p.m."
            return tgt[:t.start()] + f"{hour % 12 or 12}:{m.group(2)} {suffix}" + tgt[t.end():]
    swaps = [(r"\btidlig", r"\bearly\b", "late"), (r"\bsent\b|\bseint\b", r"\blate\b", "early"),
             (r"\bi fjor\b", r"\blast year\b", "this year"), (r"\bi år\b", r"\bthis year\b", "last year"),
             (r"\bi går\b", r"\byesterday\b", "tomorrow"), (r"\bi morgen\b", r"\btomorrow\b", "yesterday")]
    for src_pat, tgt_pat, new in swaps:
        if re.search(src_pat, src, re.IGNORECASE) and re.search(tgt_pat, tgt, re.IGNORECASE):
            return re.sub(tgt_pat, new, tgt, count=1, flags=re.IGNORECASE)
    return None


WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


def _number(src: str, tgt: str, rng: random.Random) -> str | None:
    nums = list(re.finditer(r"(?<![\d.,])\d+(?![\d])", tgt))
    if nums:
        m = rng.choice(nums)
        return tgt[:m.start()] + str(int(m.group()) + rng.choice([1, 2, 10])) + tgt[m.end():]
    words = [m for m in re.finditer(r"\b(" + "|".join(WORDS[1:]) + r")\b", tgt)]
    if not words or not re.search(r"\b(?:to|tre|fire|fem|seks|sju|syv|åtte|ni|ti)\b", src):
        return None
    m = rng.choice(words)
    return tgt[:m.start()] + rng.choice([w for w in WORDS[1:] if w != m.group()]) + tgt[m.end():]


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _date(src: str, tgt: str, rng: random.Random) -> str | None:
    m = re.search(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b", src)
    if m and int(m.group(1)) <= 12 and m.group(1) != m.group(2):
        day, month = int(m.group(1)), int(m.group(2))
        right = re.search(rf"\b{day}\s+{MONTHS[month - 1]}\b|\b{MONTHS[month - 1]}\s+{day}\b", tgt)
        if right:
            return tgt[:right.start()] + f"{month} {MONTHS[day - 1]}" + tgt[right.end():]
    for name in MONTHS:
        if re.search(rf"\b{name}\b", tgt) and name != "May":
            return re.sub(rf"\b{name}\b", rng.choice([n for n in MONTHS if n != name]), tgt, count=1)
    return None


def _weekday(src: str, tgt: str, rng: random.Random) -> str | None:
    for name in WEEKDAYS:
        if re.search(rf"\b{name}\b", tgt):
            return re.sub(rf"\b{name}\b", rng.choice([n for n in WEEKDAYS if n != name]), tgt, count=1)
    return None


NEG = re.compile(r"\b(?:not|never)\s+|(?<=\w)n't\b|\bno longer\s+")


def _negation(src: str, tgt: str, rng: random.Random) -> str | None:
    if not re.search(r"\b(?:ikke|aldri|ingen)\b", src, re.IGNORECASE):
        return None
    found = list(NEG.finditer(tgt))
    if not found:
        return None
    m = rng.choice(found)
    text = m.group()
    if text == "n't":
        stem = tgt[:m.start()]
        for full, short in (("ca", "can"), ("wo", "will"), ("sha", "shall")):
            if stem.endswith(full):
                return stem[:-len(full)] + short + tgt[m.end():]
        return stem + tgt[m.end():]
    return tgt[:m.start()] + tgt[m.end():]


PLANTERS = {"units": _units, "modality": _modality, "name-misspelt": _misspell, "names-swapped": _swap,
            "leftover": _leftover, "omitted-clause": _omit, "time": _time, "number": _number, "date": _date,
            "weekday": _weekday, "negation": _negation}


def plant(rows: list[dict[str, str]], per_kind: int, seed: int) -> list[tuple[str, str, str, str, str]]:
    """(id, kind, source, clean target, planted target), at most ``per_kind`` per kind."""
    by_kind: dict[str, list] = defaultdict(list)
    rngs = {kind: random.Random(f"{seed}-{kind}") for kind in PLANTERS}  # kinds independent of each other
    for row in rows:
        for kind, planter in PLANTERS.items():
            rng = rngs[kind]
            bad = planter(row["nob"], row["eng"], rng)
            if bad and bad != row["eng"]:
                by_kind[kind].append((row["id"], kind, row["nob"], row["eng"], bad))
    chosen = []
    for kind in PLANTERS:
        items = by_kind.get(kind, [])
        chosen += rngs[kind].sample(items, min(per_kind, len(items)))
    return chosen


# --- running the tools ------------------------------------------------------------------------

def write_po(path: Path, entries: list[tuple[str, str, str]]) -> None:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en", "MIME-Version": "1.0",
                   "Content-Transfer-Encoding": "8bit"}
    for i, (ctx, src, tgt) in enumerate(entries, start=1):
        po.append(polib.POEntry(msgctxt=ctx, msgid=src, msgstr=tgt, comment="paragraph", occurrences=[("real.md", str(i))]))
    po.save(str(path))


def ours(path: Path) -> dict[str, set[tuple[str, str]]]:
    from l10n.qa import run_qa

    result = run_qa([path], source_lang="nb", skip=SKIP)
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for f in result.findings:
        if f.severity != "info":
            found[f.msgctxt].add((f.check, f.message))
    return found


def pofilter(path: Path, tmp: Path) -> dict[str, set[tuple[str, str]]]:
    out = tmp / "pofilter-out.po"
    cmd = [str(Path(sys.executable).with_name("pofilter")), "--progress=none", "-i", str(path), "-o", str(out)] + [a for s in POFILTER_SKIP for a in ("--excludefilter", s)]
    subprocess.run(cmd, capture_output=True, check=False)
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    if out.exists():
        for entry in polib.pofile(str(out)):
            for line in (entry.tcomment or "").splitlines():
                if line.startswith("(pofilter) "):
                    test, _, message = line[11:].partition(":")
                    found[entry.msgctxt or ""].add((test.strip(), message.strip()))
    return found


def professional(rows: list[dict[str, str]], label: str, tmp: Path) -> None:
    path = tmp / f"{label}.po"
    write_po(path, [(r["id"], r["nob"], r["eng"]) for r in rows])
    start = time.process_time()
    mine = ours(path)
    cpu = time.process_time() - start
    theirs = pofilter(path, tmp)
    n = len(rows)
    by_check = Counter(c for found in mine.values() for c in {c for c, _ in found})
    by_test = Counter(t for found in theirs.values() for t in {t for t, _ in found})
    print(f"  {label:<18} {n:>5} entries: l10n flags {len(mine):>4} ({len(mine) / n:5.1%}), "
          f"pofilter {len(theirs):>4} ({len(theirs) / n:5.1%})   [l10n QA CPU {cpu:.2f} s]")
    print("      l10n by check: " + ", ".join(f"{c} {k}" for c, k in by_check.most_common()))
    print("      pofilter by test: " + ", ".join(f"{c} {k}" for c, k in by_test.most_common(8)))


def planted(rows: list[dict[str, str]], label: str, per_kind: int, seed: int, tmp: Path, verbose: str) -> None:
    items = plant(rows, per_kind, seed)
    clean_path, bad_path = tmp / f"{label}-clean.po", tmp / f"{label}-planted.po"
    write_po(clean_path, [(f"{i}|{k}", s, c) for i, k, s, c, _ in items])
    write_po(bad_path, [(f"{i}|{k}", s, b) for i, k, s, _, b in items])
    results = {}
    for tool, run in (("l10n", lambda p: ours(p)), ("pofilter", lambda p: pofilter(p, tmp))):
        clean, bad = run(clean_path), run(bad_path)
        results[tool] = {key for key in {f"{i}|{k}" for i, k, *_ in items} if bad.get(key, set()) - clean.get(key, set())}
    print(f"  {label}: {len(items)} planted errors")
    print(f"    {'kind':<16} {'planted':>7} {'l10n':>12} {'pofilter':>12}")
    totals = Counter()
    for kind in PLANTERS:
        keys = {f"{i}|{k}" for i, k, *_ in items if k == kind}
        if not keys:
            print(f"    {kind:<16} {0:>7}")
            continue
        a, b = len(keys & results["l10n"]), len(keys & results["pofilter"])
        totals.update(n=len(keys), a=a, b=b)
        print(f"    {kind:<16} {len(keys):>7} {a:>5} {a / len(keys):6.1%} {b:>5} {b / len(keys):6.1%}")
        if verbose in (kind, "all"):
            for i, k, s, c, bad in items:
                if k == kind and f"{i}|{k}" not in results["l10n"]:
                    print(f"        MISSED {i}\n          nb:  {s}\n          ok:  {c}\n          bad: {bad}")
    print(f"    {'all':<16} {totals['n']:>7} {totals['a']:>5} {totals['a'] / totals['n']:6.1%} {totals['b']:>5} {totals['b'] / totals['n']:6.1%}")


def derive_weights(rows: list[dict[str, str]], per_kind: int, seed: int, tmp: Path) -> None:
    """Print l10n/data/qa/risk-weights.tsv rows: each check's precision at a 15 % error rate,
    from how often it fires on planted errors (new findings) and on professional translations."""
    prof_path = tmp / "weights-prof.po"
    write_po(prof_path, [(r["id"], r["nob"], r["eng"]) for r in rows])
    prof = ours(prof_path)
    items = plant(rows, per_kind, seed)
    clean_path, bad_path = tmp / "weights-clean.po", tmp / "weights-bad.po"
    write_po(clean_path, [(f"{i}|{k}", s, c) for i, k, s, c, _ in items])
    write_po(bad_path, [(f"{i}|{k}", s, b) for i, k, s, _, b in items])
    clean, bad = ours(clean_path), ours(bad_path)
    fired = Counter(c for found in prof.values() for c in {c for c, _ in found})
    caught = Counter(c for key in {f"{i}|{k}" for i, k, *_ in items}
                     for c in {c for c, _ in bad.get(key, set()) - clean.get(key, set())})
    print("# check\tprecision at a 15 % error rate (bench/qa_real.py --weights, tuning part)")
    for check in sorted(set(fired) | set(caught)):
        r = (caught[check] + 0.5) / (len(items) + 1)
        f = (fired[check] + 0.5) / (len(rows) + 1)
        print(f"{check}\t{0.15 * r / (0.15 * r + 0.85 * f):.2f}\t# caught {caught[check]}/{len(items)} planted, "
              f"fired on {fired[check]}/{len(rows)} professional")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["tune", "heldout", "both"], default="tune")
    parser.add_argument("--per-kind", type=int, default=150, help="planted errors per kind and part (default 150)")
    parser.add_argument("--fold", choices=["a", "b"], help="only one half of the tuning part (by a second hash)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--verbose", default="", help="print the misses of one kind (or 'all')")
    parser.add_argument("--flags", default="", help="print l10n's flags on professional translations of one corpus")
    parser.add_argument("--weights", action="store_true", help="print risk weights derived on the tuning part")
    args = parser.parse_args()
    corpora = {name: load(name) for name in CORPORA}
    if args.fold:
        if args.part != "tune":
            parser.error("--fold splits the tuning part only")
        corpora = {name: [r for r in rows if r["fold"] == args.fold] for name, rows in corpora.items()}
    if args.weights:
        with tempfile.TemporaryDirectory() as tmp_name:
            derive_weights([r for rows in corpora.values() for r in rows if r["part"] == "tune"], args.per_kind,
                           args.seed, Path(tmp_name))
        return
    parts = ["tune", "heldout"] if args.part == "both" else [args.part]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for part in parts:
            print(f"== {part} part ==")
            print(" (1) professional translations flagged (warning or error):")
            for name, rows in corpora.items():
                subset = [r for r in rows if r["part"] == part]
                professional(subset, f"{name}-{part}", tmp)
                if args.flags == name:
                    show_flags(subset, tmp)
            print(" (2) planted errors caught (a finding the clean twin does not get):")
            both = [r for rows in corpora.values() for r in rows if r["part"] == part]
            planted(both, part, args.per_kind, args.seed, tmp, args.verbose)


def show_flags(rows: list[dict[str, str]], tmp: Path) -> None:
    path = tmp / "flags.po"
    write_po(path, [(r["id"], r["nob"], r["eng"]) for r in rows])
    by_id = {r["id"]: r for r in rows}
    for key, found in sorted(ours(path).items()):
        print(f"      {key}: {sorted(found)}\n        nb: {by_id[key]['nob']}\n        en: {by_id[key]['eng']}")


if __name__ == "__main__":
    main()
