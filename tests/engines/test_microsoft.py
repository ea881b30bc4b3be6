"""Microsoft Translator through deep-translator's MicrosoftTranslator, with the
constructor's language download bypassed, against loopback."""

from __future__ import annotations

import pytest

import fakeservers as fs
from l10n.engines import get_engine
from l10n.engines.base import GarbageResultError, TransientEngineError, UnreachableError
from l10n.errors import EngineError, RateLimitError


@pytest.fixture(autouse=True)
def key(monkeypatch):
    monkeypatch.setenv("L10N_MICROSOFT_KEY", "ms-secret-456")


def test_request_headers_and_codes(serve):
    server = serve(fs.microsoft())
    engine = get_engine("microsoft", url=server.url, region="norwayeast")
    assert engine.translate_batch(["Hei verden"], "nb", "en") == ["EN Hei verden"]
    seen = server.requests[0]  # the only request: no language-list download
    assert len(server.requests) == 1
    assert (seen.method, seen.path) == ("POST", "/translate")
    assert seen.query == {"api-version": "3.0", "from": "nb", "to": "en"}
    assert seen.json() == [{"text": "Hei verden"}]
    assert seen.headers["Ocp-Apim-Subscription-Key"] == "ms-secret-456"
    assert seen.headers["Ocp-Apim-Subscription-Region"] == "norwayeast"


def test_needs_key(monkeypatch):
    monkeypatch.delenv("L10N_MICROSOFT_KEY")
    with pytest.raises(EngineError, match="L10N_MICROSOFT_KEY"):
        get_engine("microsoft")


def test_429_and_5xx(serve):
    server = serve(fs.failing_first(fs.microsoft(), [429, 500], body={"error": {"code": 1, "message": "x"}}))
    engine = get_engine("microsoft", url=server.url)
    with pytest.raises(RateLimitError):
        engine.translate_batch(["Hei"], "nb", "en")
    with pytest.raises(TransientEngineError):
        engine.translate_batch(["Hei"], "nb", "en")
    assert engine.translate_batch(["Hei"], "nb", "en") == ["EN Hei"]


def test_auth_error_hides_key(serve):
    server = serve(lambda seen: fs.Reply(401, {"error": {"code": 401000, "message": "bad key ms-secret-456"}}))
    with pytest.raises(EngineError) as info:
        get_engine("microsoft", url=server.url).translate_batch(["Hei"], "nb", "en")
    assert "ms-secret-456" not in str(info.value)
    assert "L10N_MICROSOFT_KEY" in str(info.value)


def test_timeout(serve):
    server = serve(lambda seen: fs.Reply(200, [], delay=1.5))
    with pytest.raises(TransientEngineError):
        get_engine("microsoft", url=server.url, timeout=0.2).translate_batch(["Hei"], "nb", "en")


def test_connection_refused_despite_swallowed_exception(dead_url):
    # deep-translator logs the ConnectionError and then fails on None.json(); we report the real cause.
    with pytest.raises(UnreachableError, match="microsoft: cannot reach 127.0.0.1:[0-9]+: connection refused"):
        get_engine("microsoft", url=dead_url).translate_batch(["Hei"], "nb", "en")


@pytest.mark.parametrize("reply", [fs.Reply(200, "<html>oops</html>", "text/html"), fs.Reply(200, [{"x": 1}])])
def test_malformed(serve, reply):
    server = serve(lambda seen: reply)
    with pytest.raises(GarbageResultError):
        get_engine("microsoft", url=server.url).translate_batch(["Hei"], "nb", "en")
