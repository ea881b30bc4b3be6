"""Throughput of MT: deep-translator's own sequential ``translate_batch`` vs ``l10n translate``.

A loopback LibreTranslate-compatible server answers every request after
100 ms. 500 segments go through (a) ``LibreTranslator(...).translate_batch``
and (b) ``l10n translate --engine libre`` with default settings (a real
subprocess), then (b) again (expect zero requests: nothing left to do), then
(b) once more after emptying the catalogue (expect zero requests: MT cache).

Run: python bench/mt_throughput.py [--segments N] [--delay S]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import polib

ROOT = Path(__file__).resolve().parent.parent


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


def write_project(folder: Path, texts: list[str]) -> Path:
    (folder / "l10n.toml").write_text(
        '[project]\nname = "bench"\nsource_language = "nb"\ntarget_languages = ["en"]\n'
        '[glossary]\npath = "glossary.csv"\n[memory]\nenabled = false\n', encoding="utf-8")
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


def run_deep_translator(url: str, texts: list[str]) -> float:
    from deep_translator import LibreTranslator

    client = LibreTranslator(source="auto", target="auto", api_key="-", custom_url=url)
    client.source, client.target = "nb", "en"
    start = time.perf_counter()
    client.translate_batch(texts)
    return time.perf_counter() - start


def run_l10n(url: str, project: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "l10n", "translate", "--engine", "libre", "--engine-url", url,
                    "--project", str(project), "--quiet"], check=True, env=env)
    return time.perf_counter() - start


def measure(label: str, counter: Counter, fn, *args) -> tuple[float, int]:
    before = counter.requests
    seconds = fn(*args)
    sent = counter.requests - before
    print(f"{label:58} {seconds:7.2f} s  {sent:4d} requests  (max {counter.max_in_flight} in flight)")
    counter.max_in_flight = 0
    return seconds, sent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=500)
    parser.add_argument("--delay", type=float, default=0.1)
    args = parser.parse_args()
    counter = Counter()
    server = make_server(args.delay, counter)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    texts = segments(args.segments)
    print(f"{args.segments} segments, server answers after {args.delay * 1000:.0f} ms at {url}")
    a, _ = measure("(a) deep-translator LibreTranslator.translate_batch", counter, run_deep_translator, url, texts)
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        po_path = write_project(project, texts)
        b, sent = measure("(b) l10n translate --engine libre (defaults)", counter, run_l10n, url, project)
        measure("(b) second run", counter, run_l10n, url, project)
        write_project(project, texts)  # empty catalogue again, MT cache kept
        measure("(b) after emptying the catalogue (MT cache)", counter, run_l10n, url, project)
        filled = sum(1 for e in polib.pofile(str(po_path)) if e.msgstr)
    print(f"speed-up (a)/(b): {a / b:.1f}x; requests {sent} for {args.segments} segments; "
          f"{filled}/{args.segments} entries filled")
    server.shutdown()


if __name__ == "__main__":
    main()
