"""Google Translate's web endpoint through the real deep-translator GoogleTranslator, pointed at loopback."""

from __future__ import annotations

import pytest

import fakeservers as fs
from l10n.engines import get_engine
from l10n.engines.base import GarbageResultError, TransientEngineError, UnreachableError
from l10n.errors import RateLimitError


def test_request_and_norwegian_code(serve):
    server = serve(fs.google())
    engine = get_engine("google", url=server.url)
    assert engine.translate_batch(["Den 26. juli besøkte Sjojgu Nord-Korea."], "nb", "en") == [
        "EN Den 26. juli besøkte Sjojgu Nord-Korea."
    ]
    seen = server.requests[0]
    assert (seen.method, seen.path) == ("GET", "/m")
    assert seen.query == {"tl": "en", "sl": "no", "q": "Den 26. juli besøkte Sjojgu Nord-Korea."}


@pytest.mark.parametrize("code,expected", [("nb", "no"), ("nn", "no"), ("en", "en"), ("de", "de"), ("zh", "zh-CN")])
def test_language_map(code, expected):
    assert get_engine("google").map_language(code) == expected


def test_instances_are_per_thread(serve):
    import threading

    server = serve(fs.google())
    engine = get_engine("google", url=server.url)
    clients = []
    threads = [threading.Thread(target=lambda: clients.append(engine.client("no", "en"))) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(c) for c in clients}) == 3


def test_429_is_rate_limit(serve):
    server = serve(fs.failing_first(fs.google(), [429]))
    engine = get_engine("google", url=server.url)
    with pytest.raises(RateLimitError, match="429"):
        engine.translate_batch(["Hei"], "nb", "en")
    assert engine.translate_batch(["Hei"], "nb", "en") == ["EN Hei"]


def test_5xx_is_transient(serve):
    server = serve(fs.failing_first(fs.google(), [503]))
    with pytest.raises(TransientEngineError, match="HTTP 503"):
        get_engine("google", url=server.url).translate_batch(["Hei"], "nb", "en")


def test_timeout(serve):
    server = serve(lambda seen: fs.Reply(200, "<html></html>", "text/html", delay=1.5))
    with pytest.raises(TransientEngineError, match="within 0.2 s"):
        get_engine("google", url=server.url, timeout=0.2).translate_batch(["Hei"], "nb", "en")


def test_connection_refused(dead_url):
    with pytest.raises(UnreachableError, match="google: cannot reach 127.0.0.1:[0-9]+: connection refused"):
        get_engine("google", url=dead_url).translate_batch(["Hei"], "nb", "en")


def test_html_without_result_is_garbage(serve):
    server = serve(lambda seen: fs.Reply(200, "<html><body><p>captcha</p></body></html>", "text/html"))
    with pytest.raises(GarbageResultError):
        get_engine("google", url=server.url).translate_batch(["Hei verden"], "nb", "en")


def test_punctuation_only_none_is_echo(serve):
    # Google echoes text without letters and deep-translator then returns None.
    server = serve(fs.google(lambda q: q))
    assert get_engine("google", url=server.url).translate_batch(["–"], "nb", "en") == ["–"]


def test_none_for_words_is_failure(serve, monkeypatch):
    server = serve(fs.google())
    engine = get_engine("google", url=server.url)
    client = engine.client("no", "en")
    monkeypatch.setattr(client, "translate", lambda text: None)
    with pytest.raises(GarbageResultError, match="no translation"):
        engine.translate_batch(["Hei verden"], "nb", "en")
