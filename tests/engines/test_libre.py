"""LibreTranslate through the real deep-translator LibreTranslator, against a loopback fake."""

from __future__ import annotations

import threading

import pytest

import fakeservers as fs
from l10n.engines import get_engine
from l10n.engines.base import GarbageResultError, TransientEngineError, UnreachableError
from l10n.engines.runner import RateLimiter, RetryPolicy, call_with_retry
from l10n.errors import EngineError, RateLimitError

FAST = RetryPolicy(retries=3, backoff=0.01, max_backoff=0.02)


def call(engine, texts):
    return call_with_retry(engine, texts, "nb", "en", FAST, RateLimiter(None), threading.Event())


def test_request_and_language_codes(serve):
    server = serve(fs.libre())
    engine = get_engine("libre", url=server.url.rstrip("/"))  # a missing '/' is added for deep-translator
    assert engine.translate_batch(["Hei verden"], "nb", "en") == ["EN Hei verden"]
    seen = server.requests[0]
    assert (seen.method, seen.path) == ("POST", "/translate")
    assert seen.query == {"q": "Hei verden", "source": "nb", "target": "en", "format": "text"}


def test_key_is_sent_only_when_set(serve, monkeypatch):
    monkeypatch.setenv("L10N_LIBRE_KEY", "libre-secret")
    server = serve(fs.libre())
    get_engine("libre", url=server.url).translate_batch(["Hei"], "nb", "en")
    assert server.requests[0].query["api_key"] == "libre-secret"


def test_429_then_success(serve):
    server = serve(fs.failing_first(fs.libre(), [429, 429]))
    engine = get_engine("libre", url=server.url)
    with pytest.raises(RateLimitError):
        engine.translate_batch(["Hei"], "nb", "en")
    assert call(engine, ["Hei"]) == ["EN Hei"]
    assert len(server.requests) == 3


def test_5xx_is_transient_and_retried(serve):
    server = serve(fs.failing_first(fs.libre(), [500, 503]))
    engine = get_engine("libre", url=server.url)
    with pytest.raises(TransientEngineError, match="HTTP 500"):
        engine.translate_batch(["Hei"], "nb", "en")
    assert call(engine, ["Hei"]) == ["EN Hei"]


def test_persistent_5xx_gives_up(serve):
    server = serve(fs.failing_first(fs.libre(), [502] * 10))
    with pytest.raises(TransientEngineError, match="HTTP 502"):
        call(get_engine("libre", url=server.url), ["Hei"])
    assert len(server.requests) == FAST.retries + 1


def test_timeout(serve):
    server = serve(fs.libre(delay=1.5))
    engine = get_engine("libre", url=server.url, timeout=0.2)
    with pytest.raises(TransientEngineError, match="within 0.2 s"):
        engine.translate_batch(["Hei"], "nb", "en")


def test_connection_refused(dead_url):
    engine = get_engine("libre", url=dead_url)
    with pytest.raises(UnreachableError) as info:
        engine.translate_batch(["Hei"], "nb", "en")
    host = dead_url.split("//")[1].rstrip("/")
    assert str(info.value) == f"libre: cannot reach {host}: connection refused"


@pytest.mark.parametrize("reply", [
    fs.Reply(200, "{not json", "application/json"),
    fs.Reply(200, {"unexpected": 1}),
    fs.Reply(200, {}),
    fs.Reply(200, "<html><body>Proxy login</body></html>", "text/html"),
])
def test_malformed_answers(serve, reply):
    server = serve(lambda seen: reply)
    with pytest.raises(GarbageResultError):
        get_engine("libre", url=server.url).translate_batch(["Hei verden"], "nb", "en")


@pytest.mark.parametrize("result", ["", "   ", "<html><body>error</body></html>", "Dette er en lang setning her."])
def test_garbage_results_are_failures(serve, result):
    server = serve(fs.libre(lambda q: result))
    with pytest.raises(GarbageResultError):
        get_engine("libre", url=server.url).translate_batch(["Dette er en lang setning her."], "nb", "en")


def test_punctuation_only_segment(serve):
    server = serve(fs.libre(lambda q: q))
    assert get_engine("libre", url=server.url).translate_batch(["–"], "nb", "en") == ["–"]


@pytest.mark.parametrize("status", [403, 500])
def test_key_never_in_error_messages(serve, monkeypatch, status):
    monkeypatch.setenv("L10N_LIBRE_KEY", "libre-secret-123")
    server = serve(lambda seen: fs.Reply(status, {"error": "no"}))
    with pytest.raises(EngineError) as info:
        get_engine("libre", url=server.url).translate_batch(["Hei"], "nb", "en")
    assert "libre-secret-123" not in str(info.value)
    assert info.value.__cause__ is None and info.value.__suppress_context__


def test_key_not_in_unreachable_message(monkeypatch, dead_url):
    monkeypatch.setenv("L10N_LIBRE_KEY", "libre-secret-123")
    with pytest.raises(UnreachableError) as info:
        get_engine("libre", url=dead_url).translate_batch(["Hei"], "nb", "en")
    assert "libre-secret-123" not in str(info.value) and "api_key" not in str(info.value)


def test_needs_url():
    with pytest.raises(EngineError, match="no server URL"):
        get_engine("libre")


def test_key_not_in_debug_logs(serve, monkeypatch, caplog):
    import logging

    monkeypatch.setenv("L10N_LIBRE_KEY", "libre-secret-123")
    server = serve(fs.libre())
    with caplog.at_level(logging.DEBUG):
        get_engine("libre", url=server.url).translate_batch(["Hei"], "nb", "en")
    assert "/translate?" in caplog.text
    assert "libre-secret-123" not in caplog.text


def test_rejection_carries_the_services_reason_without_the_key(serve, monkeypatch):
    """LibreTranslate says why it refused ({"error": "nb is not supported"}); "HTTP 400" alone does not."""
    monkeypatch.setenv("L10N_LIBRE_KEY", "libre-secret")
    server = serve(lambda seen: fs.Reply(400, {"error": "nb is not supported (key libre-secret)"}))
    with pytest.raises(EngineError) as caught:
        get_engine("libre", url=server.url).translate_batch(["Hei"], "nb", "en")
    assert str(caught.value).endswith("HTTP 400 from " + server.url[7:-1] + ": nb is not supported (key ***)")
    server.responder = lambda seen: fs.Reply(400, "<html>Bad Request</html>", "text/html")
    with pytest.raises(EngineError) as caught:
        get_engine("libre", url=server.url).translate_batch(["Hei"], "nb", "en")
    assert str(caught.value) == "libre: HTTP 400 from " + server.url[7:-1]


def test_endpoint_url_is_not_doubled(serve):
    """Users paste the endpoint (…/translate); deep-translator appends "translate" itself."""
    server = serve(fs.libre())
    for url in (server.url + "translate", server.url + "translate/"):
        assert get_engine("libre", url=url).translate_batch(["Hei"], "nb", "en") == ["EN Hei"]
    assert [seen.path for seen in server.requests] == ["/translate", "/translate"]


def test_url_spellings_share_one_cache_identity():
    keys = {get_engine("libre", url=u).options_key() for u in
            ("http://127.0.0.1:5000", "http://127.0.0.1:5000/", "http://127.0.0.1:5000/translate")}
    assert len(keys) == 1
