"""Loopback fakes of the MT services, for driving the real clients offline.

A FakeServer is a ThreadingHTTPServer on 127.0.0.1:0 that records every
request and the highest number in flight at once; a responder function
decides each answer, so tests can script 429s, 5xx, delays and garbage.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable
from urllib.parse import parse_qs, urlsplit


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, str]
    body: bytes
    headers: dict[str, str]
    raw_url: str = ""

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))


@dataclass
class Reply:
    status: int = 200
    body: bytes | str | Any = b""
    content_type: str = "application/json"
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)

    def payload(self) -> bytes:
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode("utf-8")
        return json.dumps(self.body, ensure_ascii=False).encode("utf-8")


Responder = Callable[[Seen], Reply]


class _Server(ThreadingHTTPServer):
    request_queue_size = 128  # the default backlog of 5 drops SYNs under bursts (1 s retransmit)
    daemon_threads = True


@dataclass
class FakeServer:
    responder: Responder
    requests: list[Seen] = field(default_factory=list)
    max_in_flight: int = 0
    in_flight: int = 0

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._connections: set[Any] = set()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                fake._serve(self)

            do_POST = do_DELETE = do_GET

        self.httpd = _Server(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.02,), daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(handler.path)
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        seen = Seen(handler.command, parts.path, query, body, dict(handler.headers), handler.path)
        with self._lock:
            self._connections.add(handler.connection)
            self.requests.append(seen)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            reply = self.responder(seen)
            if reply.delay:
                time.sleep(reply.delay)
            data = reply.payload()
            handler.send_response(reply.status)
            handler.send_header("Content-Type", reply.content_type)
            handler.send_header("Content-Length", str(len(data)))
            for name, value in reply.headers.items():
                handler.send_header(name, value)
            handler.end_headers()
            handler.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            with self._lock:
                self.in_flight -= 1

    def __enter__(self) -> "FakeServer":
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        """Stop listening and cut open keep-alive connections, like a server going down."""
        self.httpd.shutdown()
        self.httpd.server_close()
        with self._lock:
            for conn in self._connections:
                try:
                    conn.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


def fake_en(text: str) -> str:
    """A recognisable stand-in translation that keeps placeholder tokens."""
    return "EN " + text


# -- service protocols -------------------------------------------------------

def libre(translate: Callable[[str], str] = fake_en, delay: float = 0.0) -> Responder:
    def respond(seen: Seen) -> Reply:
        if seen.method != "POST" or seen.path != "/translate":
            return Reply(404, {"error": "not found"})
        return Reply(200, {"translatedText": translate(seen.query["q"])}, delay=delay)

    return respond


def google(translate: Callable[[str], str] = fake_en) -> Responder:
    def respond(seen: Seen) -> Reply:
        if seen.path != "/m":
            return Reply(404, "<html>no</html>", "text/html")
        html = f'<html><body><div class="result-container">{translate(seen.query["q"])}</div></body></html>'
        return Reply(200, html, "text/html; charset=utf-8")

    return respond


def mymemory(translate: Callable[[str], str] = fake_en) -> Responder:
    def respond(seen: Seen) -> Reply:
        text = translate(seen.query["q"])
        return Reply(200, {"responseData": {"translatedText": text, "match": 1}, "matches": [], "responseStatus": 200})

    return respond


def deepl(translate: Callable[[str], str] = fake_en, key: str = "") -> Responder:
    def respond(seen: Seen) -> Reply:
        if seen.method != "POST" or seen.path != "/v2/translate":
            return Reply(404, {"message": "not found"})
        if key and seen.headers.get("Authorization") != f"DeepL-Auth-Key {key}":
            return Reply(403, {"message": "Wrong endpoint"})
        texts = seen.json()["text"]
        return Reply(200, {"translations": [{"detected_source_language": "NB", "text": translate(t)} for t in texts]})

    return respond


def microsoft(translate: Callable[[str], str] = fake_en) -> Responder:
    def respond(seen: Seen) -> Reply:
        if seen.path != "/translate":
            return Reply(404, {"error": {"code": 404000, "message": "not found"}})
        items = seen.json()
        return Reply(200, [{"translations": [{"text": translate(i["text"]), "to": seen.query.get("to")}]} for i in items])

    return respond


def failing_first(responder: Responder, statuses: list[int], body: Any = None) -> Responder:
    """Answer the first len(statuses) requests with those statuses, then normally."""
    script = list(statuses)
    lock = threading.Lock()

    def respond(seen: Seen) -> Reply:
        with lock:
            status = script.pop(0) if script else None
        if status is not None:
            return Reply(status, body if body is not None else {"error": "scripted"})
        return responder(seen)

    return respond


def free_port() -> int:
    """A loopback port with nothing listening (bound then closed)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# -- tiny projects -------------------------------------------------------------

PROJECT_TOML = """\
[project]
name = "t"
source_language = "nb"
target_languages = ["en"]

[paths]
source = "source_articles"
locales = "locales"
build = "build"

[translate]
{translate}

[glossary]
path = "glossary.csv"

[memory]
enabled = false
"""

GLOSSARY = """source,target,type,forbidden,note
Sjojgu|Sjojgus,Shoigu,name,Shojo,
Klassekampen,Klassekampen,dnt,the Vaults,
"""


def make_project(root: Any, catalogs: dict[str, list[Any]], translate: str = "", glossary: str | None = GLOSSARY) -> Any:
    """Write l10n.toml, glossary.csv and locales/en/LC_MESSAGES/<slug>.po (entries: str or POEntry)."""
    import polib
    from pathlib import Path

    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    (root / "l10n.toml").write_text(PROJECT_TOML.format(translate=translate), encoding="utf-8")
    if glossary is not None:
        (root / "glossary.csv").write_text(glossary, encoding="utf-8")
    for slug, entries in catalogs.items():
        po = polib.POFile()
        po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
        for item in entries:
            entry = item if isinstance(item, polib.POEntry) else polib.POEntry(msgid=item, msgstr="", comment="paragraph")
            po.append(entry)
        path = root / "locales" / "en" / "LC_MESSAGES" / f"{slug}.po"
        path.parent.mkdir(parents=True, exist_ok=True)
        po.save(str(path))
    return root
