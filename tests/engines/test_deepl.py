"""DeepL through the official ``deepl`` package against a loopback fake of the API."""

from __future__ import annotations

import pytest

import fakeservers as fs
from fake_deepl import FakeDeepL
from l10n.engines import get_engine
from l10n.engines.base import GarbageResultError, TransientEngineError, UnreachableError
from l10n.engines.deepl import context_for
from l10n.engines.request import MTRequest
from l10n.errors import EngineError, RateLimitError, UnsupportedLanguageError
from l10n.glossary import parse_glossary_csv

KEY = "deepl-secret-789:fx"
GLOSSARY = parse_glossary_csv("source,target,type,forbidden,note\nSjojgu|Sjojgus,Shoigu,name,,\n"
                              "Klassekampen,Klassekampen,dnt,,\nskal ha,reportedly|is said to have,term,,\n")


@pytest.fixture(autouse=True)
def key(monkeypatch):
    monkeypatch.setenv("L10N_DEEPL_KEY", KEY)


def engine_at(server, **options):
    return get_engine("deepl", url=server.url, **options)


def test_request_goes_through_the_package_with_header_key(serve):
    server = serve(FakeDeepL(KEY))
    assert engine_at(server).translate_batch(["Hei verden", "God dag"], "nb", "en") == ["EN Hei verden", "EN God dag"]
    (seen,) = server.requests  # one request for the whole batch, and nothing else
    assert (seen.method, seen.path, seen.query) == ("POST", "/v2/translate", {})
    assert seen.headers["Authorization"] == f"DeepL-Auth-Key {KEY}"
    body = seen.json()
    assert (body["text"], body["source_lang"], body["target_lang"], body["tag_handling"]) == (
        ["Hei verden", "God dag"], "NB", "EN-GB", "xml")
    assert KEY not in seen.raw_url and "context" not in body and "glossary_id" not in body


def test_context_model_type_and_custom_instructions_are_sent(serve):
    server = serve(FakeDeepL(KEY))
    engine = engine_at(server, model_type="quality_optimized", custom_instructions=["Use British spelling."])
    requests = [MTRequest("1", "Han kom i går.", before=("Putin landet i Vladivostok.",), after=("Han smilte.",))]
    engine.translate_requests(requests, "nb", "en")
    body = FakeDeepL.translate_requests(server)[0]
    assert body["context"] == "Putin landet i Vladivostok. Han smilte."
    assert body["model_type"] == "quality_optimized"
    assert body["custom_instructions"] == ["Use British spelling."]


def test_context_is_the_paragraphs_neighbours_without_its_own_sentences():
    a = MTRequest("1", "B.", before=("Z.", "A."), after=("C.", "D."))
    b = MTRequest("2", "C.", before=("A.", "B."), after=("D.", "E."))
    assert context_for([a, b]) == "Z. A. D. E."


def test_glossary_is_created_once_and_applied(serve):
    fake = FakeDeepL(KEY)
    server = serve(fake)
    engine = engine_at(server)
    engine.attach_glossary(GLOSSARY, "nyheter")
    assert engine.translate_batch(["Sjojgus besøk", "Klassekampen skrev"], "nb", "en") == [
        "EN Shoigu's besøk", "EN Klassekampen skrev"]
    engine.translate_batch(["Sjojgu kom"], "nb", "en")
    assert FakeDeepL.glossary_calls(server) == [("GET", "/v2/glossaries"), ("POST", "/v2/glossaries")]
    (glossary,) = fake.glossaries.values()
    assert glossary.entries == {"Sjojgu": "Shoigu", "Sjojgus": "Shoigu's", "Klassekampen": "Klassekampen"}
    assert (glossary.source_lang, glossary.target_lang) == ("nb", "en")
    assert all(body["glossary_id"] == glossary.glossary_id for body in FakeDeepL.translate_requests(server))


def test_glossary_reused_by_a_new_run_and_stale_ones_deleted(serve):
    fake = FakeDeepL(KEY)
    server = serve(fake)
    first = engine_at(server)
    first.attach_glossary(GLOSSARY, "nyheter")
    first.translate_batch(["Sjojgu kom"], "nb", "en")
    (old_id,) = fake.glossaries
    fake.glossaries["other"] = type(fake.glossaries[old_id])("other", "someone else's", "nb", "en", {"a": "b"})
    server.requests.clear()
    again = engine_at(server)
    again.attach_glossary(GLOSSARY, "nyheter")
    again.translate_batch(["Sjojgu gikk"], "nb", "en")
    assert FakeDeepL.glossary_calls(server) == [("GET", "/v2/glossaries")]  # same content: reused, not recreated
    assert FakeDeepL.translate_requests(server)[0]["glossary_id"] == old_id
    changed = parse_glossary_csv("source,target,type,forbidden,note\nSjojgu|Sjojgus,Shoygu,name,,\n")
    server.requests.clear()
    third = engine_at(server)
    third.attach_glossary(changed, "nyheter")
    assert third.translate_batch(["Sjojgu gikk"], "nb", "en") == ["EN Shoygu gikk"]
    assert FakeDeepL.glossary_calls(server) == [("GET", "/v2/glossaries"), ("DELETE", f"/v2/glossaries/{old_id}"),
                                                ("POST", "/v2/glossaries")]
    assert set(fake.glossaries) - {"other"} and "other" in fake.glossaries  # not ours: never touched


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


def test_429_5xx_456_without_the_package_retrying(serve):
    server = serve(fs.failing_first(FakeDeepL(KEY), [429, 503, 456]))
    engine = engine_at(server)
    with pytest.raises(RateLimitError):
        engine.translate_batch(["Hei"], "nb", "en")
    with pytest.raises(TransientEngineError):
        engine.translate_batch(["Hei"], "nb", "en")
    with pytest.raises(EngineError, match="quota"):
        engine.translate_batch(["Hei"], "nb", "en")
    assert engine.translate_batch(["Hei"], "nb", "en") == ["EN Hei"]
    assert len(server.requests) == 4  # one request per call: l10n's dispatcher does the retrying


def test_forbidden_and_rejected_hide_key(serve):
    server = serve(lambda seen: fs.Reply(403, {"message": f"bad key {KEY}"}))
    with pytest.raises(EngineError) as info:
        engine_at(server).translate_batch(["Hei"], "nb", "en")
    assert KEY not in str(info.value) and "L10N_DEEPL_KEY" in str(info.value)
    server = serve(lambda seen: fs.Reply(400, {"message": f"text rejected for {KEY}"}))
    with pytest.raises(EngineError) as info:
        engine_at(server).translate_batch(["Hei"], "nb", "en")
    assert KEY not in str(info.value) and "text rejected" in str(info.value)


def test_timeout_and_refused(serve, dead_url):
    server = serve(lambda seen: fs.Reply(200, {}, delay=1.5))
    with pytest.raises(TransientEngineError):
        get_engine("deepl", url=server.url, timeout=0.2).translate_batch(["Hei"], "nb", "en")
    with pytest.raises(UnreachableError, match="connection refused") as info:
        get_engine("deepl", url=dead_url).translate_batch(["Hei"], "nb", "en")
    assert KEY not in str(info.value)


@pytest.mark.parametrize("reply", [fs.Reply(200, "<html/>", "text/html"), fs.Reply(200, {"translations": []}),
                                   fs.Reply(200, {"translations": [{"text": "", "billed_characters": 0}]})])
def test_malformed(serve, reply):
    server = serve(lambda seen: reply)
    with pytest.raises(GarbageResultError):
        engine_at(server).translate_batch(["Hei"], "nb", "en")


def test_xml_placeholders_survive(serve):
    from l10n.protect import mask, unmask

    server = serve(FakeDeepL(KEY))
    engine = engine_at(server)
    masked = mask("Se https://nrk.no nå.", style=engine.token_style)
    assert '<x id="1"></x>' in masked.text
    (result,) = engine.translate_batch([masked.text], "nb", "en")
    assert unmask(result, masked) == "EN Se https://nrk.no nå."


def test_language_pair_without_glossary_support_translates_without_one(serve):
    fake = FakeDeepL(KEY, supported_glossary_pairs=set())
    server = serve(fake)
    engine = engine_at(server)
    engine.attach_glossary(GLOSSARY, "nyheter")
    assert engine.translate_batch(["Sjojgu kom"], "nb", "en") == ["EN Sjojgu kom"]
    assert engine.translate_batch(["Sjojgu gikk"], "nb", "en") == ["EN Sjojgu gikk"]
    assert FakeDeepL.glossary_calls(server) == [("GET", "/v2/glossaries"), ("POST", "/v2/glossaries")]  # tried once
    assert all("glossary_id" not in body for body in FakeDeepL.translate_requests(server))
    assert "Unsupported glossary language pair" in engine.sync.problems[("NB", "EN")]


def test_a_failed_glossary_sync_is_retried_by_the_next_request(serve):
    fake = FakeDeepL(KEY)
    server = serve(fs.failing_first(fake, [503]))
    engine = engine_at(server)
    engine.attach_glossary(GLOSSARY, "nyheter")
    with pytest.raises(TransientEngineError):
        engine.translate_batch(["Sjojgu kom"], "nb", "en")
    assert engine.translate_batch(["Sjojgu kom"], "nb", "en") == ["EN Shoigu kom"]
    assert len(fake.glossaries) == 1


def test_each_target_language_gets_its_own_glossary_with_its_terms(serve):
    fake = FakeDeepL(KEY, supported_glossary_pairs={("nb", "en"), ("nb", "de")})
    server = serve(fake)
    glossary = parse_glossary_csv("source,target,type,forbidden,note,lang\nrød løper,red carpet,term,,,en\n"
                                  "rød løper,roter Teppich,term,,,de\nSjojgu,Shoigu,name,,,\n")
    engine = engine_at(server)
    engine.attach_glossary(glossary, "nyheter")
    engine.translate_batch(["Sjojgu på rød løper"], "nb", "en")
    engine.translate_batch(["Sjojgu på rød løper"], "nb", "de")
    by_target = {g.target_lang: g.entries for g in fake.glossaries.values()}
    assert by_target == {"en": {"rød løper": "red carpet", "Sjojgu": "Shoigu"},
                         "de": {"rød løper": "roter Teppich", "Sjojgu": "Shoigu"}}
