"""translate_project end to end against loopback fakes of the real services."""

from __future__ import annotations

import sys
import threading
import time
from datetime import date
from pathlib import Path

import polib
import pytest

sys.path.insert(0, str(Path(__file__).parent / "engines"))

import fakeservers as fs  # noqa: E402

from l10n.catalog import read_catalog  # noqa: E402
from l10n.config import load_config  # noqa: E402
from l10n.engines.runner import RetryPolicy  # noqa: E402
from l10n.errors import EngineError  # noqa: E402
from l10n.memory import Suggestion  # noqa: E402
from l10n.translate import translate_project  # noqa: E402

FAST = RetryPolicy(retries=3, backoff=0.01, max_backoff=0.02)
TODAY = date.today().isoformat()
SENTENCES = [f"Setning {i} om Sjojgus besøk, skrev Klassekampen." for i in range(12)]


@pytest.fixture(autouse=True)
def no_keys(monkeypatch):
    for name in ("LIBRE", "DEEPL", "GOOGLE", "MYMEMORY", "MICROSOFT"):
        monkeypatch.delenv(f"L10N_{name}_KEY", raising=False)


@pytest.fixture
def server():
    with fs.FakeServer(fs.libre()) as srv:
        yield srv


def project(tmp_path, catalogs=None, **kw):
    fs.make_project(tmp_path, catalogs or {"a": SENTENCES[:6], "b": SENTENCES[6:]}, **kw)
    return load_config(tmp_path)


def po(tmp_path, slug="a") -> polib.POFile:
    return read_catalog(tmp_path / "locales" / "en" / "LC_MESSAGES" / f"{slug}.po")


def run(config, url, **kw):
    kw.setdefault("retry", FAST)
    return translate_project(config, engine=kw.pop("engine", "libre"), engine_url=url, **kw)


def test_fills_entries_with_provenance_and_protected_terms(tmp_path, server):
    config = project(tmp_path)
    summary = run(config, server.url)
    assert (summary.translated, summary.failed, summary.requests) == (12, [], 12)
    assert summary.terms_restored == 24
    entry = po(tmp_path).find(SENTENCES[0])
    assert entry.msgstr == "EN Setning 0 om Shoigu's besøk, skrev Klassekampen."
    assert entry.fuzzy
    assert entry.comment.splitlines() == ["paragraph", f"mt: libre {TODAY}"]
    sent = server.requests[0].query["q"]
    assert "Sjojgu" not in sent and "[X1X]" in sent and "[X2X]" in sent


def test_never_overwrites_translated_or_foreign_fuzzy(tmp_path, server):
    done = polib.POEntry(msgid="Hei verden.", msgstr="Hello, world.", comment="paragraph")
    review = polib.POEntry(msgid="God dag.", msgstr="Good day.", comment="paragraph", flags=["fuzzy"])
    config = project(tmp_path, {"a": [done, review, "Ny setning her."]})
    summary = run(config, server.url, retranslate_fuzzy=True)
    catalog = po(tmp_path)
    assert summary.translated == 1 and len(server.requests) == 1
    assert catalog.find("Hei verden.").msgstr == "Hello, world."
    assert catalog.find("God dag.").msgstr == "Good day."


def test_rerun_is_served_from_cache(tmp_path, server):
    config = project(tmp_path)
    run(config, server.url)
    for slug in ("a", "b"):  # throw the translations away, keep the cache
        fs.make_project(tmp_path, {"a": SENTENCES[:6], "b": SENTENCES[6:]})
    summary = run(config, server.url)
    assert len(server.requests) == 12
    assert (summary.translated, summary.from_cache, summary.requests) == (12, 12, 0)
    assert (tmp_path / ".l10n" / "mt-cache.sqlite").is_file()


def test_requests_are_concurrent(tmp_path):
    config = project(tmp_path)
    with fs.FakeServer(fs.libre(delay=0.2)) as srv:
        run(config, srv.url, workers=6)
    assert srv.max_in_flight > 1


def test_rate_limit(tmp_path, server):
    config = project(tmp_path)
    start = time.monotonic()
    run(config, server.url, rate_limit=40)
    assert time.monotonic() - start >= 11 / 40


def test_unreachable_engine_is_one_line_error_and_leaves_catalogues_valid(tmp_path):
    config = project(tmp_path)
    dead = f"http://127.0.0.1:{fs.free_port()}/"
    with pytest.raises(EngineError) as info:
        run(config, dead)
    assert str(info.value) == f"libre: cannot reach {dead[7:-1]}: connection refused"
    assert info.value.summary.translated == 0
    assert all(not e.msgstr for e in po(tmp_path))


def test_server_cut_off_mid_run_then_resumed(tmp_path):
    config = project(tmp_path)
    srv = fs.FakeServer(fs.libre(delay=0.02)).__enter__()

    def cut():
        while len(srv.requests) < 5:
            time.sleep(0.005)
        srv.__exit__(None, None, None)

    threading.Thread(target=cut, daemon=True).start()
    with pytest.raises(EngineError, match="cannot reach"):
        run(config, srv.url, workers=1)
    first = [e for slug in "ab" for e in po(tmp_path, slug) if e.msgstr]
    assert 3 <= len(first) < 12  # what arrived was written; the rest is still untranslated
    with fs.FakeServer(fs.libre()) as again:
        summary = run(config, again.url)
    assert summary.translated == 12 - len(first)
    assert len(again.requests) <= 12 - len(first)
    assert all(e.msgstr for slug in "ab" for e in po(tmp_path, slug))


def test_interrupted_run_keeps_finished_work(tmp_path, server):
    config = project(tmp_path)

    def progress(done, total):
        if done == 4:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run(config, server.url, workers=1, progress=progress)
    saved = sum(1 for slug in "ab" for e in po(tmp_path, slug) if e.msgstr)
    assert saved >= 3
    summary = run(config, server.url)
    assert summary.translated == 12 - saved


def test_results_written_in_batches_while_running(tmp_path):
    config = project(tmp_path, {"a": SENTENCES})
    seen: list[int] = []
    path = tmp_path / "locales" / "en" / "LC_MESSAGES" / "a.po"

    def progress(done, total):
        seen.append(sum(1 for e in read_catalog(path) if e.msgstr))

    with fs.FakeServer(fs.libre(delay=0.01)) as srv:
        run(config, srv.url, workers=1, progress=progress, flush_every=3)
    assert 0 < max(seen[:-1]) < 12


def test_failed_segment_does_not_lose_others(tmp_path):
    config = project(tmp_path)

    def respond(seen):
        if "Setning 3 " in seen.query["q"]:
            return fs.Reply(500, {"error": "boom"})
        return fs.libre()(seen)

    with fs.FakeServer(respond) as srv:
        summary = run(config, srv.url)
    assert summary.translated == 11
    assert [f.reason for f in summary.failed] == [f"libre: server error HTTP 500 from {srv.url[7:-1]}"]
    assert not po(tmp_path).find(SENTENCES[3]).msgstr


def test_429_then_success(tmp_path):
    config = project(tmp_path)
    with fs.FakeServer(fs.failing_first(fs.libre(), [429, 429, 503])) as srv:
        summary = run(config, srv.url, workers=2)
    assert summary.translated == 12 and not summary.failed
    assert summary.requests == 15 == len(srv.requests)


def test_mangled_placeholders_fall_back_to_unmasked(tmp_path):
    config = project(tmp_path, {"a": SENTENCES[:2]})
    with fs.FakeServer(fs.libre(lambda q: "EN " + q.replace("[X1X]", "XQ1X"))) as srv:
        summary = run(config, srv.url)
    assert summary.masking_fallbacks == 2 and summary.translated == 2
    assert len(srv.requests) == 4
    entry = po(tmp_path).find(SENTENCES[0])
    assert entry.msgstr == "EN " + SENTENCES[0]
    assert any(line.startswith("protect:") for line in entry.comment.splitlines())


def test_punctuation_only_is_copied_not_sent(tmp_path, server):
    config = project(tmp_path, {"a": ["–", "***"]})
    summary = run(config, server.url)
    assert server.requests == [] and summary.copied == 2
    assert po(tmp_path).find("–").msgstr == "–"


def test_long_segment_is_chunked_under_the_limit(tmp_path, server):
    long = " ".join(f"Dette er setning nummer {i} i et langt avsnitt." for i in range(30))
    config = project(tmp_path, {"a": [long]})
    with fs.FakeServer(fs.mymemory(lambda q: q.upper())) as srv:
        summary = translate_project(config, engine="mymemory", engine_url=srv.url, retry=FAST)
    assert summary.translated == 1 and len(srv.requests) > 2
    assert all(len(r.query["q"]) <= 480 for r in srv.requests)
    assert po(tmp_path).find(long).msgstr == long.upper()


def test_dry_run_counts_and_costs_without_sending(tmp_path, monkeypatch):
    monkeypatch.setenv("L10N_DEEPL_KEY", "k:fx")
    config = project(tmp_path)
    with fs.FakeServer(fs.deepl()) as srv:
        summary = translate_project(config, engine="deepl", engine_url=srv.url, dry_run=True)
    assert srv.requests == []
    assert [(p.slug, p.segments) for p in summary.plans] == [("a", 6), ("b", 6)]
    assert summary.plans[0].characters > 6 * 30
    assert summary.estimated_cost == pytest.approx(summary.characters * 25 / 1e6)
    assert all(not e.msgstr for e in po(tmp_path))


def test_retranslate_fuzzy_refreshes_only_raw_mt(tmp_path, server):
    config = project(tmp_path, {"a": SENTENCES[:3]})
    run(config, server.url)
    catalog = po(tmp_path)
    catalog.find(SENTENCES[1]).msgstr = "Reviewer's better version."
    catalog.save()
    summary = translate_project(config, engine="dummy", retranslate_fuzzy=True)
    catalog = po(tmp_path)
    assert summary.translated == 2
    assert catalog.find(SENTENCES[0]).comment.splitlines()[-1] == f"mt: dummy {TODAY}"
    assert catalog.find(SENTENCES[1]).msgstr == "Reviewer's better version."


def test_translation_memory_first(tmp_path, server, monkeypatch):
    class FakeTM:
        def pretranslate(self, source, source_lang, target_lang, *, context="", threshold=75, glossary=None):
            if source == SENTENCES[0]:
                return Suggestion("From TM exactly.", 100, True, "tm: 100% from old.po", "old.po")
            if source == SENTENCES[1]:
                return Suggestion("From TM roughly.", 80, False, "tm: 80% from old.po", "old.po")
            return None

        def close(self):
            pass

    monkeypatch.setattr("l10n.translate._open_tm", lambda config: (FakeTM(), 75))
    config = project(tmp_path, {"a": SENTENCES[:3]})
    summary = run(config, server.url)
    catalog = po(tmp_path)
    assert (summary.from_tm, summary.translated, len(server.requests)) == (2, 1, 1)
    exact, fuzzy = catalog.find(SENTENCES[0]), catalog.find(SENTENCES[1])
    assert (exact.msgstr, exact.fuzzy, exact.comment.splitlines()[-1]) == ("From TM exactly.", False, "tm: 100% from old.po")
    assert (fuzzy.fuzzy, fuzzy.comment.splitlines()[-1]) == (True, "tm: 80% from old.po")


def test_key_never_leaks(tmp_path, server, monkeypatch):
    secret = "libre-key-0123456789"
    monkeypatch.setenv("L10N_LIBRE_KEY", secret)
    config = project(tmp_path)
    run(config, server.url)
    assert server.requests[0].query["api_key"] == secret
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert secret.encode() not in path.read_bytes(), path
    with pytest.raises(EngineError) as info:
        run(project(tmp_path / "x"), f"http://127.0.0.1:{fs.free_port()}/")
    assert secret not in str(info.value) and secret not in str(info.value.summary.as_dict())


def test_article_selection(tmp_path, server):
    config = project(tmp_path)
    summary = run(config, server.url, articles=["b"])
    assert summary.translated == 6 and all(not e.msgstr for e in po(tmp_path, "a"))
    with pytest.raises(Exception, match="no catalogue for article 'zzz'"):
        run(config, server.url, articles=["zzz"])


def test_engine_that_keeps_failing_stops_the_run(tmp_path):
    config = project(tmp_path, {"a": SENTENCES * 1 + [f"Ekstra setning {i} her." for i in range(30)]})
    with fs.FakeServer(lambda seen: fs.Reply(503, {"error": "down"})) as srv:
        with pytest.raises(EngineError, match=r"HTTP 503 .*in a row failed; giving up"):
            run(config, srv.url, workers=2)
    assert len(srv.requests) < 42 * (FAST.retries + 1) / 2


def test_timeouts_on_every_request(tmp_path):
    config = project(tmp_path, {"a": SENTENCES[:2]})
    with fs.FakeServer(fs.libre(delay=1.0)) as srv:
        summary = run(config, srv.url, timeout=0.1, retry=RetryPolicy(retries=1, backoff=0.01))
    assert [f.reason for f in summary.failed] == [f"libre: no answer from {srv.url[7:-1]} within 0.1 s"] * 2


def test_rejected_masked_text_is_retried_unmasked(tmp_path):
    """A reference-style server that knows only the original sentences still gets them."""
    config = project(tmp_path, {"a": SENTENCES[:3] + ["Dette er en setning uten navn."]})

    def respond(seen):
        if "[X" in seen.query["q"]:
            return fs.Reply(400, {"error": "unknown sentence"})
        return fs.libre()(seen)

    with fs.FakeServer(respond) as srv:
        summary = run(config, srv.url)
    assert (summary.translated, summary.masking_fallbacks, summary.failed) == (4, 3, [])
    assert len(srv.requests) == 7
    assert po(tmp_path).find(SENTENCES[0]).msgstr == "EN " + SENTENCES[0]


def test_echoed_masked_text_is_retried_unmasked(tmp_path):
    config = project(tmp_path, {"a": SENTENCES[:2]})
    with fs.FakeServer(fs.libre(lambda q: q if "[X" in q else "EN " + q)) as srv:
        summary = run(config, srv.url)
    assert summary.masking_fallbacks == 2 and summary.translated == 2


def test_segment_of_only_protected_terms_is_not_sent(tmp_path, server):
    config = project(tmp_path, {"a": ["Sjojgu", "Klassekampen: Sjojgu"]})
    summary = run(config, server.url)
    assert server.requests == [] and summary.translated == 2
    assert po(tmp_path).find("Klassekampen: Sjojgu").msgstr == "Klassekampen: Shoigu"


def test_one_bad_text_does_not_sink_its_batch(tmp_path):
    """The dummy engine batches 50 texts per call; a text it echoes back unchanged is a
    failure of that text alone, and the rest of the batch is still translated."""
    config = project(tmp_path, {"a": ["Han sa at det var fint.", "Qxz wvb rtp lkj.", "Hun sa det også."]})
    summary = translate_project(config, engine="dummy", cache_path=False)
    assert [f.msgid for f in summary.failed] == ["Qxz wvb rtp lkj."]
    assert summary.translated == 2
    entries = {e.msgid: e for e in po(tmp_path)}
    assert entries["Han sa at det var fint."].msgstr == "He said at it was fint."
    assert entries["Hun sa det også."].fuzzy and entries["Hun sa det også."].msgstr
    assert entries["Qxz wvb rtp lkj."].msgstr == ""


def test_rerun_does_not_resend_masked_text_the_engine_failed_on(tmp_path):
    """A resumed run goes straight to the unmasked request for a segment whose masked
    form the engine already rejected, instead of paying for the doomed request again."""
    config = project(tmp_path, {"a": SENTENCES[:3]})
    knows = {"sentences": False}

    def respond(seen):
        if "[X" in seen.query["q"] or not knows["sentences"]:
            return fs.Reply(400, {"error": "unknown sentence"})
        return fs.libre()(seen)

    with fs.FakeServer(respond) as srv:
        first = run(config, srv.url)
        assert len(first.failed) == 3 and len(srv.requests) == 6
        knows["sentences"] = True
        srv.requests.clear()
        second = run(config, srv.url)
    assert (second.translated, second.failed, second.masking_fallbacks) == (3, [], 3)
    assert sorted(seen.query["q"] for seen in srv.requests) == SENTENCES[:3]
    entry = po(tmp_path).find(SENTENCES[0])
    assert entry.msgstr == "EN " + SENTENCES[0] and "protect:" in entry.comment


def test_engine_that_loses_every_masked_text_gets_no_more_of_them(tmp_path):
    """After MASK_GIVE_UP masked texts failed and none came back intact, the rest of the run
    sends segments unmasked at once: one request each instead of two."""
    config = project(tmp_path, {"a": SENTENCES[:8]})

    def respond(seen):
        if "[X" in seen.query["q"]:
            return fs.Reply(400, {"error": "unknown sentence"})
        return fs.libre()(seen)

    with fs.FakeServer(respond) as srv:
        summary = run(config, srv.url, workers=1)
    assert (summary.translated, summary.failed, summary.masking_fallbacks) == (8, [], 8)
    masked = sum("[X" in seen.query["q"] for seen in srv.requests)
    assert 3 <= masked <= 3 + 1  # the one worker may have taken the next masked text before the third failure was seen
    assert len(srv.requests) == summary.requests == 8 + masked
    assert all("protect:" in po(tmp_path).find(s).comment for s in SENTENCES[:8])


def test_an_engine_that_keeps_tokens_keeps_getting_masked_text(tmp_path, server):
    config = project(tmp_path, {"a": SENTENCES[:8]})
    summary = run(config, server.url, workers=1)
    assert summary.masking_fallbacks == 0 and all("[X" in seen.query["q"] for seen in server.requests)


def test_an_edit_made_during_the_run_is_never_overwritten(tmp_path):
    """A reviewer saving the catalogue (l10n review, Poedit) while MT is still running keeps their work."""
    config = project(tmp_path, {"a": SENTENCES})
    path = tmp_path / "locales" / "en" / "LC_MESSAGES" / "a.po"
    last = SENTENCES[-1]
    done = []

    def progress(finished, total):
        if finished == 3 and not done:
            po_file = polib.pofile(str(path))
            po_file.find(last).msgstr = "Reviewed by a person."
            first_filled = next(e for e in po_file if e.msgstr and e.msgid != last)
            first_filled.msgstr, first_filled.flags = "Corrected by a person.", []
            po_file.save()
            done.append(first_filled.msgid)

    with fs.FakeServer(fs.libre(delay=0.02)) as srv:
        run(config, srv.url, workers=1, progress=progress, flush_every=1)
    final = {e.msgid: e for e in read_catalog(path)}
    assert done and final[last].msgstr == "Reviewed by a person."
    assert final[done[0]].msgstr == "Corrected by a person." and not final[done[0]].fuzzy
    assert sum(1 for e in final.values() if e.msgstr) == len(SENTENCES)
