"""Client CPU of the MT coordinator per segment, and its wall time against the concurrency bound.

The engine is a stand-in that answers every request after ``--latency`` seconds
(100 ms) without any HTTP, so what is measured is l10n's own work per segment:
planning, masking, the MT cache, the bounded dispatch window, writing results
into the catalogue and flushing it. Segments are Norwegian sentences from
``../shared/data/parallel`` (numbered to make each one distinct), all in one
catalogue, one request each, 16 in flight.

Peer: the least a client can do, a plain ``ThreadPoolExecutor`` of the same size
mapping the same engine call over the texts and saving the catalogue once at
the end (no cache, no resume, no protection). The concurrency bound is
segments ÷ in-flight × latency.

Besides wall and CPU, each row splits the run's time: seconds before the first
request (start-up, reading and planning), from the first request to the last
answer (``requests``, the part the bound applies to), and after it (writing
the catalogue), with the mean number of requests in flight when one started.

Run: python bench/mt_coordinator.py [--sizes 500,2000,10000] [--latency 0.1] [--workers 16]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from measure import machine, measure_call, norwegian_sentences  # noqa: E402
from mt_throughput import write_project  # noqa: E402

from l10n.engines.base import Engine  # noqa: E402


class LatencyEngine(Engine):
    """Answers each request after a fixed delay, like a remote service, with no client cost;
    notes when the first request started, the last ended and how many were in flight at each start."""

    name = "latency"
    batch_size = 1
    default_workers = 16
    delay = 0.1

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.lock = threading.Lock()
        self.first = self.last = 0.0
        self.now = self.starts = self.flight_sum = 0

    def options_key(self) -> str:
        return "latency"

    def _translate_batch(self, texts: list[str], source: str, target: str) -> list[str]:
        with self.lock:
            self.now += 1
            self.starts += 1
            self.flight_sum += self.now
            self.first = self.first or time.perf_counter()
        time.sleep(self.delay)
        with self.lock:
            self.now -= 1
            self.last = time.perf_counter()
        return ["EN " + text for text in texts]

    def timeline(self, start: float, end: float) -> dict[str, float]:
        """Seconds before the first request, from the first request to the last answer, after it."""
        return {"before": self.first - start, "span": self.last - self.first, "after": end - self.last,
                "flight": self.flight_sum / max(1, self.starts)}


def ours(folder: str, latency: float, workers: int) -> tuple[int, dict[str, float]]:
    start = time.perf_counter()
    from l10n.config import load_config
    from l10n.translate import translate_project

    engine = LatencyEngine()
    engine.delay = latency
    summary = translate_project(load_config(Path(folder)), engine=engine, workers=workers)
    return summary.translated, engine.timeline(start, time.perf_counter())


def peer(path: str, latency: float, workers: int) -> tuple[int, dict[str, float]]:
    start = time.perf_counter()
    import polib

    po = polib.pofile(path)
    engine = LatencyEngine()
    engine.delay = latency
    todo = [e for e in po if not e.msgstr]
    with ThreadPoolExecutor(workers) as pool:
        for entry, result in zip(todo, pool.map(lambda e: engine._translate_batch([e.msgid], "nb", "en")[0], todo)):
            entry.msgstr = result
            entry.flags.append("fuzzy")
    po.save(path)
    return len(todo), engine.timeline(start, time.perf_counter())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="500,2000,10000")
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--workers", type=int, default=16)
    args = parser.parse_args()
    pool = norwegian_sentences()
    print(f"latency {args.latency * 1000:.0f} ms, {args.workers} in flight, one catalogue; {machine()}")
    print(f"{'segments':>8} {'client':>6} {'wall s':>7} {'bound s':>7} {'over bound':>10} {'CPU s':>6} "
          f"{'CPU ms/seg':>10} {'tree MiB':>8} {'load':>5}  {'before 1st':>10} {'requests':>8} {'after':>6} "
          f"{'in flight':>9}")
    last: dict[str, float] = {}
    for size in (int(s) for s in args.sizes.split(",")):
        texts = [f"{pool[i % len(pool)]} ({i})" for i in range(size)]
        bound = size / args.workers * args.latency
        for name in ("l10n", "peer"):
            with tempfile.TemporaryDirectory() as tmp:
                path = write_project(Path(tmp), texts, glossary=False)
                m = (measure_call(ours, tmp, args.latency, args.workers) if name == "l10n"
                     else measure_call(peer, str(path), args.latency, args.workers))
                done, times = m.value
                assert done == size, (name, done)
            print(f"{size:8d} {name:>6} {m.wall:7.2f} {bound:7.2f} {m.wall / bound - 1:10.1%} {m.cpu:6.2f} "
                  f"{m.cpu / size * 1000:10.3f} {m.peak_mib:8.0f} {os.getloadavg()[0]:5.1f}  {times['before']:10.2f} "
                  f"{times['span']:8.2f} {times['after']:6.2f} {times['flight']:9.1f}")
            last[name] = m.cpu / size * 1000
            last[name + " over"] = m.wall / bound - 1
    print(f"goal at {size} segments: client CPU <= 0.3 ms per segment (l10n {last['l10n']:.3f}, peer "
          f"{last['peer']:.3f}); within 5 % of the bound (l10n {last['l10n over']:+.1%}, peer {last['peer over']:+.1%}). "
          "On a loaded machine wall time follows CPU time times the run queue; the CPU figures are the ones to compare.")


if __name__ == "__main__":
    main()
