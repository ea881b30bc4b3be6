"""MyMemory through the real deep-translator MyMemoryTranslator, pointed at loopback."""

from __future__ import annotations

import pytest

import fakeservers as fs
from l10n.engines import get_engine
from l10n.engines.base import GarbageResultError, TransientEngineError, UnreachableError
from l10n.errors import EngineError, RateLimitError


def test_request_and_language_codes(serve):
    server = serve(fs.mymemory())
    assert get_engine("mymemory", url=server.url).translate_batch(["Hei verden"], "nb", "en") == ["EN Hei verden"]
    seen = server.requests[0]
    assert (seen.method, seen.path) == ("GET", "/get")
    assert seen.query == {"langpair": "nb-NO|en-GB", "q": "Hei verden"}


def test_email_option(serve):
    server = serve(fs.mymemory())
    get_engine("mymemory", url=server.url, email="desk@example.org").translate_batch(["Hei"], "nn", "de")
    assert server.requests[0].query["de"] == "desk@example.org"
    assert server.requests[0].query["langpair"] == "nn-NO|de-DE"


def test_429_then_success(serve):
    server = serve(fs.failing_first(fs.mymemory(), [429]))
    engine = get_engine("mymemory", url=server.url)
    with pytest.raises(RateLimitError):
        engine.translate_batch(["Hei"], "nb", "en")
    assert engine.translate_batch(["Hei"], "nb", "en") == ["EN Hei"]


def test_5xx(serve):
    server = serve(fs.failing_first(fs.mymemory(), [500]))
    with pytest.raises(TransientEngineError):
        get_engine("mymemory", url=server.url).translate_batch(["Hei"], "nb", "en")


def test_timeout(serve):
    server = serve(lambda seen: fs.Reply(200, {}, delay=1.5))
    with pytest.raises(TransientEngineError, match="within"):
        get_engine("mymemory", url=server.url, timeout=0.2).translate_batch(["Hei"], "nb", "en")


def test_connection_refused(dead_url):
    with pytest.raises(UnreachableError, match="connection refused"):
        get_engine("mymemory", url=dead_url).translate_batch(["Hei"], "nb", "en")


@pytest.mark.parametrize("reply", [
    fs.Reply(200, "not json at all", "text/plain"),
    fs.Reply(200, {"responseData": None}),
    fs.Reply(200, {"responseData": {"translatedText": ""}, "matches": []}),
])
def test_malformed(serve, reply):
    server = serve(lambda seen: reply)
    with pytest.raises(GarbageResultError):
        get_engine("mymemory", url=server.url).translate_batch(["Hei verden"], "nb", "en")


def test_quota_warning_is_an_error(serve):
    server = serve(fs.mymemory(lambda q: "MYMEMORY WARNING: YOU USED ALL AVAILABLE FREE TRANSLATIONS FOR TODAY"))
    with pytest.raises(EngineError, match="quota"):
        get_engine("mymemory", url=server.url).translate_batch(["Hei"], "nb", "en")


def test_punctuation_only(serve):
    server = serve(fs.mymemory(lambda q: q))
    assert get_engine("mymemory", url=server.url).translate_batch(["…"], "nb", "en") == ["…"]


def test_length_limit_is_below_service_limit():
    assert get_engine("mymemory").max_chars < 500
