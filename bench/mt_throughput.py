"""Throughput of MT: ``l10n translate`` vs deep-translator, sequential and in a thread pool.

A loopback LibreTranslate-compatible server (in this process) answers every
request after 100 ms. The same segments go through

  (a) deep-translator ``LibreTranslator.translate_batch``: the peer as shipped,
      SEQUENTIAL (one request at a time) — once, it takes segments x latency;
  (b) deep-translator ``LibreTranslator.translate`` in a ThreadPoolExecutor of the
      same size as ours (16 = the libre engine's default workers): the peer with
      the same concurrency, so (b)/(c) shows what our coordinator adds beyond
      concurrency (retries, MT cache, resume, protection, catalogue writes) and
      what that costs;
  (c) ``l10n translate --engine libre`` (defaults, a real subprocess, fresh project).

(a) and (b) run as their own processes (interpreter start-up included, as for (c)).
(b) and (c) run --runs times each, interleaved, on all cores and pinned to one
core (bench/measure.py). Printed: wall, client CPU of all processes (the server's
CPU is not counted), whole-tree peak memory, requests sent. Then (c) is re-run
(expect 0 requests: nothing left) and run after emptying the catalogue (expect 0
requests: MT cache).

Run: python bench/mt_throughput.py [--segments N] [--delay S] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import polib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from measure import Series, machine, measure_command, side_by_side  # noqa: E402


class Counter:
    def __init__(self) -> None:
        self.requests = 0
        self.in_flight = 0
        self.max_in_flight = 0
        self.lock = threading.Lock()


def make_server(delay: float, counter: Counter) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_POST(self) -> None:
            with counter.lock:
                counter.requests += 1
                counter.in_flight += 1
                counter.max_in_flight = max(counter.max_in_flight, counter.in_flight)
            try:
                query = {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}
                time.sleep(delay)
                body = json.dumps({"translatedText": "EN " + query.get("q", "")}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            finally:
                with counter.lock:
                    counter.in_flight -= 1

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)  # stock settings (HTTP/1.0, backlog 5)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def segments(n: int) -> list[str]:
    return [f"Dette er setning nummer {i} om Sjojgus besøk i Nord-Korea." for i in range(n)]


def write_project(folder: Path, texts: list[str], glossary: bool = True) -> Path:
    """A one-catalogue project of untranslated entries (with a one-name glossary unless told not to)."""
    (folder / "l10n.toml").write_text(
        '[project]\nname = "bench"\nsource_language = "nb"\ntarget_languages = ["en"]\n'
        f'[glossary]\npath = "{"glossary.csv" if glossary else ""}"\n[memory]\nenabled = false\n', encoding="utf-8")
    if glossary:
        (folder / "glossary.csv").write_text("source,target,type,forbidden,note\nSjojgu|Sjojgus,Shoigu,name,,\n",
                                             encoding="utf-8")
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    for text in texts:
        po.append(polib.POEntry(msgid=text, msgstr="", comment="paragraph"))
    path = folder / "locales" / "en" / "LC_MESSAGES" / "bench.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))
    return path


def peer_sequential(url: str, texts: list[str]) -> int:
    from deep_translator import LibreTranslator

    client = LibreTranslator(source="auto", target="auto", api_key="-", custom_url=url)
    client.source, client.target = "nb", "en"
    return sum(1 for out in client.translate_batch(texts) if out)


def peer_pool(url: str, texts: list[str], workers: int) -> int:
    """The peer with our concurrency: one client per thread, ``translate`` per segment."""
    from concurrent.futures import ThreadPoolExecutor

    from deep_translator import LibreTranslator

    local = threading.local()

    def one(text: str) -> str:
        if not hasattr(local, "client"):
            local.client = LibreTranslator(source="auto", target="auto", api_key="-", custom_url=url)
            local.client.source, local.client.target = "nb", "en"
        return local.client.translate(text)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return sum(1 for out in pool.map(one, texts) if out)


def l10n_cmd(url: str, project: Path) -> list[str]:
    return [sys.executable, "-m", "l10n", "translate", "--engine", "libre", "--engine-url", url,
            "--project", str(project), "--quiet"]


def peer_cmd(mode: str, url: str, count: int, workers: int) -> list[str]:
    return [sys.executable, __file__, "--as-peer", mode, "--url", url, "--segments", str(count),
            "--workers", str(workers)]


class Sent:
    """Requests the server saw during one measurement, and the in-flight high-water mark."""

    def __init__(self, counter: Counter) -> None:
        self.counter, self.log = counter, []

    def __call__(self, run):
        before = self.counter.requests
        self.counter.max_in_flight = 0
        result = run()
        self.log.append((self.counter.requests - before, self.counter.max_in_flight))
        return result

    def summary(self) -> str:
        sent = sorted({n for n, _ in self.log})
        flight = max((f for _, f in self.log), default=0)
        return f"requests per run {'/'.join(map(str, sent))}, max {flight} in flight"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=500)
    parser.add_argument("--delay", type=float, default=0.1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-sequential", action="store_true", help="leave out (a): it takes segments x delay")
    parser.add_argument("--as-peer", choices=["sequential", "pool"], help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=16, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.as_peer:  # the peer as its own process, so it pays interpreter start-up like ours
        texts = segments(args.segments)
        done = peer_sequential(args.url, texts) if args.as_peer == "sequential" else \
            peer_pool(args.url, texts, args.workers)
        print(done)
        return
    from l10n.engines.libre import LibreEngine

    workers = LibreEngine.default_workers
    counter = Counter()
    server = make_server(args.delay, counter)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    texts = segments(args.segments)
    print(machine())
    print(f"{args.segments} segments, server answers after {args.delay * 1000:.0f} ms at {url}; "
          f"pool size {workers} (= l10n libre default workers); {args.runs} runs per tool and mode, interleaved")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if not args.skip_sequential:
        seq_sent = Sent(counter)
        seq = seq_sent(lambda: measure_command(peer_cmd("sequential", url, args.segments, workers)))
        print(f"(a) deep-translator translate_batch, sequential (1 run): {Series([seq]).summary()}; "
              f"{seq.stdout.decode().strip()}/{args.segments} translated; {seq_sent.summary()}")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        runs = {"n": 0}
        ours_sent, peer_sent = Sent(counter), Sent(counter)

        def ours(one_core: bool):
            runs["n"] += 1
            project = root / f"p{runs['n']}"
            project.mkdir()
            write_project(project, texts)
            return ours_sent(lambda: measure_command(l10n_cmd(url, project), env=env, one_core=one_core))

        def peer(one_core: bool):
            return peer_sent(lambda: measure_command(peer_cmd("pool", url, args.segments, workers), one_core=one_core))

        result = side_by_side(ours, peer, runs=args.runs)
        print(result.report("(c) l10n translate", f"(b) deep-translator, {workers}-thread pool"))
        print(f"(c) l10n: {ours_sent.summary()}; (b) peer pool: {peer_sent.summary()}")
        if not args.skip_sequential:
            print(f"ratio (a) sequential / (c) l10n parallel: wall {seq.wall / result.ours.median('wall'):.1f}x")
        bound = args.segments / workers * args.delay
        print(f"concurrency bound (segments / {workers} in flight x delay): {bound:.2f} s")
        project = root / f"p{runs['n']}"
        po_path = project / "locales" / "en" / "LC_MESSAGES" / "bench.po"
        filled = sum(1 for e in polib.pofile(str(po_path)) if e.msgstr)
        again_sent = Sent(counter)
        again = again_sent(lambda: measure_command(l10n_cmd(url, project), env=env))
        print(f"(c) second run, nothing left: {Series([again]).summary()}; {again_sent.summary()}")
        write_project(project, texts)  # empty catalogue again, MT cache kept
        cached_sent = Sent(counter)
        cached = cached_sent(lambda: measure_command(l10n_cmd(url, project), env=env))
        print(f"(c) after emptying the catalogue (MT cache): {Series([cached]).summary()}; {cached_sent.summary()}")
        print(f"{filled}/{args.segments} entries filled by the last measured run")
    server.shutdown()


if __name__ == "__main__":
    main()
