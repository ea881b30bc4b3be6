"""DeepL through our own HTTP call (header auth, POST JSON body), against loopback."""

from __future__ import annotations

import pytest

import fakeservers as fs
from l10n.engines import get_engine
from l10n.engines.base import GarbageResultError, TransientEngineError, UnreachableError
from l10n.errors import EngineError, RateLimitError, UnsupportedLanguageError

KEY = "deepl-secret-789:fx"


@pytest.fixture(autouse=True)
def key(monkeypatch):
    monkeypatch.setenv("L10N_DEEPL_KEY", KEY)


def test_request_is_post_with_header_key(serve):
    server = serve(fs.deepl(key=KEY))
    engine = get_engine("deepl", url=server.url)
    assert engine.translate_batch(["Hei verden", "God dag"], "nb", "en") == ["EN Hei verden", "EN God dag"]
    seen = server.requests[0]
    assert len(server.requests) == 1  # one request for the whole batch
    assert (seen.method, seen.path, seen.query) == ("POST", "/v2/translate", {})
    assert seen.headers["Authorization"] == f"DeepL-Auth-Key {KEY}"
    assert seen.json() == {"text": ["Hei verden", "God dag"], "source_lang": "NB", "target_lang": "EN-GB",
                           "tag_handling": "xml"}
    assert KEY not in seen.raw_url


def test_free_and_pro_endpoints(monkeypatch):
    assert get_engine("deepl").url == "https://api-free.deepl.com"
    monkeypatch.setenv("L10N_DEEPL_KEY", "pro-key")
    assert get_engine("deepl").url == "https://api.deepl.com"


@pytest.mark.parametrize("code,source,target", [("nb", "NB", "NB"), ("en", "EN", "EN-GB"), ("en-US", "EN", "EN-US"),
                                                ("pt-BR", "PT", "PT-BR"), ("de", "DE", "DE")])
def test_language_codes(code, source, target):
    engine = get_engine("deepl")
    assert (engine.map_source(code), engine.map_target(code)) == (source, target)


def test_nynorsk_unsupported():
    with pytest.raises(UnsupportedLanguageError):
        get_engine("deepl").translate_batch(["Hei"], "nn", "en")


def test_needs_key(monkeypatch):
    monkeypatch.delenv("L10N_DEEPL_KEY")
    with pytest.raises(EngineError, match="L10N_DEEPL_KEY"):
        get_engine("deepl")


def test_429_5xx_456(serve):
    server = serve(fs.failing_first(fs.deepl(), [429, 503, 456]))
    engine = get_engine("deepl", url=server.url)
    with pytest.raises(RateLimitError):
        engine.translate_batch(["Hei"], "nb", "en")
    with pytest.raises(TransientEngineError):
        engine.translate_batch(["Hei"], "nb", "en")
    with pytest.raises(EngineError, match="quota"):
        engine.translate_batch(["Hei"], "nb", "en")
    assert engine.translate_batch(["Hei"], "nb", "en") == ["EN Hei"]


def test_forbidden_hides_key(serve):
    server = serve(lambda seen: fs.Reply(403, {"message": f"bad key {KEY}"}))
    with pytest.raises(EngineError) as info:
        get_engine("deepl", url=server.url).translate_batch(["Hei"], "nb", "en")
    assert KEY not in str(info.value) and "L10N_DEEPL_KEY" in str(info.value)


def test_timeout_and_refused(serve, dead_url):
    server = serve(lambda seen: fs.Reply(200, {}, delay=1.5))
    with pytest.raises(TransientEngineError):
        get_engine("deepl", url=server.url, timeout=0.2).translate_batch(["Hei"], "nb", "en")
    with pytest.raises(UnreachableError, match="connection refused") as info:
        get_engine("deepl", url=dead_url).translate_batch(["Hei"], "nb", "en")
    assert KEY not in str(info.value)


@pytest.mark.parametrize("reply", [fs.Reply(200, "<html/>", "text/html"), fs.Reply(200, {"translations": []}),
                                   fs.Reply(200, {"translations": [{"text": ""}]})])
def test_malformed(serve, reply):
    server = serve(lambda seen: reply)
    with pytest.raises(GarbageResultError):
        get_engine("deepl", url=server.url).translate_batch(["Hei"], "nb", "en")


def test_xml_placeholders_survive(serve):
    from l10n.protect import mask, unmask

    server = serve(fs.deepl())
    engine = get_engine("deepl", url=server.url)
    masked = mask("Se https://nrk.no nå.", style=engine.token_style)
    assert '<x id="1"></x>' in masked.text
    (result,) = engine.translate_batch([masked.text], "nb", "en")
    assert unmask(result, masked) == "EN Se https://nrk.no nå."
