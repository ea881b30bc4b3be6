"""Translation-memory benchmark (not a test): lookup latency and pre-translation speed.

Builds a 100,000-unit memory from the nb-en pairs in ../shared/data/parallel/
(about 5,500 pairs, multiplied into variants by swapping numbers, weekdays and
lead-in phrases), then measures

1. 1,000 lookups (each a corpus sentence with two words changed, or exact):
   p50/p95 latency; goal p95 <= 10 ms;
2. pre-translating a 1,000-entry catalogue with ``TranslationMemory.pretranslate``
   against Translate Toolkit's ``pretranslate --tm`` given the same memory as a
   PO file. Every tool runs as its own process (start-up included):
     l10n, memory built: opens the SQLite memory built beforehand, fills, saves;
     l10n, with build:   builds the SQLite memory from the same memory.po the peer
                         reads (``TranslationMemory.import_catalog``), then fills —
                         the fair comparison, since the peer loads its memory every run;
     peer:               ``pretranslate --tm memory.po``.
   --runs rounds, interleaved, on all cores and pinned to one core (bench/measure.py):
   wall, CPU of all processes, whole-tree peak memory, median [min–max], ratios.

Usage: python bench/tm.py [--units 100000] [--lookups 1000] [--entries 1000] [--runs 3] [--data DIR]
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import polib
from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from babel.dates import get_day_names  # noqa: E402

from l10n.memory import TranslationMemory, Unit  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import compare, machine, measure_command, ratio_line, repeat, rounds, shared_data  # noqa: E402

DEFAULT_DATA = shared_data() / "parallel"
LEADS = [
    ("", ""), ("Ifølge NTB", "According to NTB"), ("Ifølge Reuters", "According to Reuters"),
    ("Det melder NRK", "NRK reports"), ("I går", "Yesterday"), ("I dag", "Today"),
    ("Ifølge politiet", "According to the police"), ("Nylig", "Recently"), ("Senere", "Later"),
    ("Tidligere", "Earlier"), ("Etter møtet", "After the meeting"), ("Ifølge BBC", "According to the BBC"),
    ("Samtidig", "At the same time"), ("Til slutt", "Finally"), ("Først", "First"), ("Likevel", "Still"),
    ("Ifølge AP", "According to AP"), ("I fjor", "Last year"), ("Derfor", "That is why"), ("Kort sagt", "In short"),
]


def read_pairs(folder: Path) -> list[tuple[str, str]]:
    pairs = []
    for path in sorted(folder.glob("*.tsv")):
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                nb, en = (row.get("nob") or "").strip(), (row.get("eng") or "").strip()
                if nb and en and nb != en:
                    pairs.append((nb, en))
    return pairs


def variants(pairs: list[tuple[str, str]], count: int, rng: random.Random) -> list[Unit]:
    """``count`` distinct units: lead-in phrase + base sentence + weekday tail."""
    nb_days = list(get_day_names("wide", locale="nb").values())
    en_days = list(get_day_names("wide", locale="en").values())
    seen: set[str] = set()
    units: list[Unit] = []
    while len(units) < count:
        nb, en = rng.choice(pairs)
        lead_nb, lead_en = rng.choice(LEADS)
        day = rng.randrange(7)
        tail = rng.random() < 0.5
        source = f"{lead_nb}: {nb}" if lead_nb else nb
        target = f"{lead_en}: {en}" if lead_en else en
        if tail:
            source, target = f"{source} ({nb_days[day]})", f"{target} ({en_days[day]})"
        if source in seen:
            continue
        seen.add(source)
        units.append(Unit(source, target, "nb", "en", origin=f"bench-{len(units) // 500}.po", reviewer="bench",
                          date="2026-11-27T00:00:00Z"))
    return units


def perturb(text: str, rng: random.Random, changes: int = 2) -> str:
    words = text.split()
    fillers = ["nå", "trolig", "igjen", "også", "faktisk", "senere"]
    for _ in range(changes):
        if len(words) > 3:
            words[rng.randrange(len(words))] = rng.choice(fillers)
    return " ".join(words)


def queries(units: list[Unit], n: int, rng: random.Random) -> list[str]:
    """A mix like a real article: 20% exact repeats, 60% near variants, 20% unseen sentences."""
    out = []
    for i in range(n):
        unit = rng.choice(units)
        kind = i % 5
        if kind == 0:
            out.append(unit.source)
        elif kind == 4:
            out.append(perturb(unit.source, rng, changes=max(3, len(unit.source.split()) // 2)))
        else:
            out.append(perturb(unit.source, rng))
    return out


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def bench_lookups(tm: TranslationMemory, texts: list[str]) -> list[float]:
    times = []
    for text in texts:
        start = time.perf_counter()
        tm.lookup(text, "nb", "en", limit=5, threshold=75)
        times.append((time.perf_counter() - start) * 1000)
    return times


def exhaustive_agreement(tm: TranslationMemory, units: list[Unit], texts: list[str]) -> str:
    """How often the indexed lookup finds as good a best match as scoring every unit would."""
    sources = list(dict.fromkeys(u.source for u in units))
    same = worse = usable = 0
    for text in texts:
        best = process.extractOne(text, sources, scorer=fuzz.ratio, processor=None)
        if best[1] < 75:
            continue  # no match worth suggesting either way
        usable += 1
        ours_best = tm.lookup(text, "nb", "en", limit=1, threshold=0)
        ours_score = ours_best[0].score if ours_best else 0
        if ours_score >= int(best[1]) - 1:  # scores are rounded to whole percent
            same += 1
        else:
            worse += 1
    return (f"of {len(texts)} lookups, {usable} have a match >= 75% by exhaustive search; the index found one "
            f"as good in {same} ({worse} worse)")


def write_catalog(path: Path, texts: list[str]) -> None:
    po = polib.POFile(wrapwidth=79)
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    for i, text in enumerate(dict.fromkeys(texts)):
        po.append(polib.POEntry(msgid=text, msgstr=""))
    po.save(str(path))


def ours(tm_path: Path, catalog: Path, out: Path, build_from: Path | None = None) -> tuple[int, int]:
    """Open (or first build) the memory, fill the catalogue, save it: the whole job."""
    if build_from is not None:
        tm_path.unlink(missing_ok=True)
    tm = TranslationMemory(tm_path)
    if build_from is not None:
        tm.import_catalog(build_from, "nb", "en")
    po = polib.pofile(str(catalog))
    exact = fuzzy = 0
    for entry in po:
        suggestion = tm.pretranslate(entry.msgid, "nb", "en", threshold=75)
        if suggestion is None:
            continue
        entry.msgstr = suggestion.target
        entry.comment = suggestion.comment
        if suggestion.exact:
            exact += 1
        else:
            entry.flags.append("fuzzy")
            fuzzy += 1
    po.save(str(out))
    tm.close()
    return exact, fuzzy


def compare_pretranslate(units: list[Unit], tm_path: Path, work: Path, entries: int, rng: random.Random,
                         runs: int) -> None:
    """Fill the same catalogue from the same memory with our code and with Translate Toolkit."""
    exe = shutil.which("pretranslate")
    if exe is None:
        raise SystemExit("Translate Toolkit's pretranslate is not installed: pip install -e '.[bench]'")
    catalog = work / "article.po"
    write_catalog(catalog, queries(units, entries, rng))
    tm_po = work / "memory.po"
    po = polib.POFile(wrapwidth=79)
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    for unit in units:
        po.append(polib.POEntry(msgid=unit.source, msgstr=unit.target))
    po.save(str(tm_po))
    me = [sys.executable, __file__, "--as-ours", "--catalog", str(catalog)]
    workloads = {
        "l10n, memory built": lambda one: measure_command(
            me + ["--tm", str(tm_path), "--out", str(work / "ours.po")], one_core=one),
        "l10n, with build": lambda one: measure_command(
            me + ["--tm", str(work / "fresh.sqlite"), "--build-from", str(tm_po), "--out", str(work / "ours2.po")],
            one_core=one),
        "peer": lambda one: measure_command(
            [exe, "--progress=none", "--tm", str(tm_po), "-t", str(catalog), "-i", str(catalog),
             "-o", str(work / "tt.po")], one_core=one),
    }
    startup = repeat(lambda: measure_command([exe, "--version"]), runs=runs)
    got = rounds(workloads, runs=runs)
    filled = {name: sum(1 for e in polib.pofile(str(work / f)) if e.msgstr)
              for name, f in (("l10n", "ours.po"), ("l10n with build", "ours2.po"), ("peer", "tt.po"))}
    print(f"pre-translating {entries} entries; {runs} runs per tool and mode, interleaved; "
          f"filled: {', '.join(f'{k} {v}' for k, v in filled.items())}")
    peer_name = "Translate Toolkit pretranslate --tm"
    for one in (False, True):
        mode = "one core" if one else "parallel"
        print(f"-- {mode}")
        print(compare("l10n, with build", got[("l10n, with build", one)], peer_name, got[("peer", one)], mode=mode))
        print(f"{'l10n, memory built':40} {got[('l10n, memory built', one)].summary()}")
        print(f"{'ratio, memory built':40} {ratio_line(got[('l10n, memory built', one)], got[('peer', one)])}")
    print(f"peer interpreter start-up alone (pretranslate --version): {startup.summary()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=100_000)
    parser.add_argument("--lookups", type=int, default=1000)
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--exhaustive", type=int, default=200, help="lookups also scored against every unit")
    parser.add_argument("--runs", type=int, default=3, help="runs per tool and mode")
    parser.add_argument("--as-ours", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--tm", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--catalog", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--build-from", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.as_ours:  # one measured run of our side, in its own process
        print(*ours(args.tm, args.catalog, args.out, args.build_from))
        return
    print(machine())
    rng = random.Random(args.seed)
    pairs = read_pairs(args.data)
    units = variants(pairs, args.units, rng)
    with tempfile.TemporaryDirectory(prefix="l10n-bench-tm-") as tmp:
        work = Path(tmp)
        tm_path = work / "memory.sqlite"
        tm = TranslationMemory(tm_path)
        start = time.perf_counter()
        tm.add_units(units, supersede=False)
        print(f"memory: {len(tm):,} units from {len(pairs):,} pairs, built in {time.perf_counter() - start:.1f} s "
              f"(in process, from Unit objects)")
        texts = queries(units, args.lookups, rng)
        bench_lookups(tm, texts[:50])  # warm the page cache
        times = bench_lookups(tm, texts)
        hits = sum(1 for t in texts if tm.lookup(t, "nb", "en", limit=1))
        print(f"lookups: {len(times)}, p50 {percentile(times, 50):.2f} ms, p95 {percentile(times, 95):.2f} ms, "
              f"max {max(times):.1f} ms, mean {statistics.mean(times):.2f} ms; {hits} with a match >= 75%")
        print(exhaustive_agreement(tm, units, texts[: args.exhaustive]))
        tm.close()
        compare_pretranslate(units, tm_path, work, args.entries, rng, args.runs)


if __name__ == "__main__":
    main()
