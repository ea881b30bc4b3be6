"""A loopback fake of the DeepL API as the official ``deepl`` package calls it.

It keeps state like the real service: glossaries created with
``POST /v2/glossaries`` (TSV entries) are listed, fetched, deleted, and applied
by ``POST /v2/translate`` when the request names their ``glossary_id``. Every
request is recorded, so tests can assert what the package really sent
(``context``, ``glossary_id``, ``tag_handling``, ``model_type`` …).
"""

from __future__ import annotations

import itertools
import re
import threading
from dataclasses import dataclass, field
from typing import Callable

import fakeservers as fs


@dataclass
class Glossary:
    glossary_id: str
    name: str
    source_lang: str
    target_lang: str
    entries: dict[str, str]

    def info(self) -> dict[str, object]:
        return {"glossary_id": self.glossary_id, "name": self.name, "ready": True,
                "source_lang": self.source_lang.lower(), "target_lang": self.target_lang.lower(),
                "creation_time": "2026-12-01T12:00:00.123456Z", "entry_count": len(self.entries)}

    def apply(self, text: str) -> str:
        for source in sorted(self.entries, key=len, reverse=True):
            text = re.sub(rf"(?<!\w){re.escape(source)}(?!\w)", self.entries[source], text)
        return text


@dataclass
class FakeDeepL:
    """State and responder; ``translate`` turns one (glossary-applied) text into its "translation"."""

    key: str
    translate: Callable[[str], str] = fs.fake_en
    glossaries: dict[str, Glossary] = field(default_factory=dict)
    supported_glossary_pairs: set[tuple[str, str]] = field(default_factory=lambda: {("nb", "en"), ("en", "nb")})

    def __post_init__(self) -> None:
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    def __call__(self, seen: fs.Seen) -> fs.Reply:
        if seen.headers.get("Authorization") != f"DeepL-Auth-Key {self.key}":
            return fs.Reply(403, {"message": "Authorization failure"})
        with self._lock:
            if seen.path == "/v2/translate" and seen.method == "POST":
                return self._translate(seen.json())
            if seen.path == "/v2/glossaries":
                return self._create(seen.json()) if seen.method == "POST" else fs.Reply(
                    200, {"glossaries": [g.info() for g in self.glossaries.values()]})
            match = re.fullmatch(r"/v2/glossaries/([^/]+)", seen.path)
            if match and match.group(1) in self.glossaries:
                if seen.method == "DELETE":
                    del self.glossaries[match.group(1)]
                    return fs.Reply(204, b"")
                return fs.Reply(200, self.glossaries[match.group(1)].info())
            return fs.Reply(404, {"message": "Not found"})

    def _create(self, body: dict) -> fs.Reply:
        pair = (body["source_lang"].lower(), body["target_lang"].lower())
        if pair not in self.supported_glossary_pairs:
            return fs.Reply(400, {"message": "Unsupported glossary language pair"})
        if body.get("entries_format") != "tsv":
            return fs.Reply(400, {"message": "Unsupported entries format"})
        entries = dict(line.split("\t") for line in body["entries"].splitlines() if line)
        gid = f"g{next(self._ids)}"
        self.glossaries[gid] = Glossary(gid, body["name"], *pair, entries)
        return fs.Reply(201, self.glossaries[gid].info())

    def _translate(self, body: dict) -> fs.Reply:
        glossary = None
        if "glossary_id" in body:
            glossary = self.glossaries.get(body["glossary_id"])
            if glossary is None:
                return fs.Reply(404, {"message": "Glossary not found"})
        if body["target_lang"].upper() in ("EN", "PT"):
            return fs.Reply(400, {"message": "Value for 'target_lang' not supported."})
        out = []
        for text in body["text"]:
            applied = glossary.apply(text) if glossary else text
            out.append({"detected_source_language": body.get("source_lang", "NB"), "text": self.translate(applied),
                        "billed_characters": len(text)})
        return fs.Reply(200, {"translations": out})

    # -- what was sent --------------------------------------------------------
    @staticmethod
    def translate_requests(server: fs.FakeServer) -> list[dict]:
        return [s.json() for s in server.requests if s.path == "/v2/translate"]

    @staticmethod
    def glossary_calls(server: fs.FakeServer) -> list[tuple[str, str]]:
        return [(s.method, s.path) for s in server.requests if s.path.startswith("/v2/glossaries")]
