"""translate runs that must neither fail forever nor lose protection (issue 10, items 6 and 7)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent / "engines"))

import fakeservers as fs  # noqa: E402

from l10n.catalog import read_catalog  # noqa: E402
from l10n.cli import cli  # noqa: E402
from l10n.config import load_config  # noqa: E402
from l10n.engines.runner import RetryPolicy  # noqa: E402
from l10n.translate import translate_project  # noqa: E402

FAST = RetryPolicy(retries=1, backoff=0.01, max_backoff=0.02)
HEADLINE = "Elite League: Dundee Stars 5-3 Belfast Giants"
LINKS = [f"Les mer om kamp {i} på [NRK](https://nrk.no/sport/{i}) i dag." for i in range(3)]


@pytest.fixture(autouse=True)
def no_keys(monkeypatch):
    monkeypatch.delenv("L10N_LIBRE_KEY", raising=False)


def entries(root: Path) -> dict[str, object]:
    return {e.msgid: e for e in read_catalog(root / "locales/en/LC_MESSAGES/a.po")}


def echo_headlines(text: str) -> str:
    return text if "Elite League" in text else "EN " + text


def test_rightly_identical_headline_is_accepted_and_a_rerun_sends_nothing(tmp_path):
    fs.make_project(tmp_path, {"a": [HEADLINE, "Det var en god kamp."]})
    args = ["translate", "--engine", "libre", "--project", str(tmp_path)]
    with fs.FakeServer(fs.libre(echo_headlines)) as srv:
        first = CliRunner().invoke(cli, [*args, "--engine-url", srv.url], catch_exceptions=False)
        assert first.exit_code == 0, first.output
        sent = len(srv.requests)
        second = CliRunner().invoke(cli, [*args, "--engine-url", srv.url], catch_exceptions=False)
    assert second.exit_code == 0, second.output
    assert len(srv.requests) == sent == 2
    entry = entries(tmp_path)[HEADLINE]
    assert entry.msgstr == HEADLINE and entry.fuzzy and "protect:" not in entry.comment


def test_identical_headline_around_protected_terms_is_not_resent_unmasked(tmp_path):
    """With "Dundee Stars" in the glossary the engine sees "Elite League: [X1X] 5-3 Belfast Giants"
    and rightly echoes it; that is a translation, not an echo to retry unprotected."""
    glossary = fs.GLOSSARY + "Dundee Stars,Dundee Stars,dnt,,\n"
    fs.make_project(tmp_path, {"a": [HEADLINE]}, glossary=glossary)
    with fs.FakeServer(fs.libre(echo_headlines)) as srv:
        summary = translate_project(load_config(tmp_path), engine="libre", engine_url=srv.url, retry=FAST)
    assert (summary.translated, summary.failed, summary.masking_fallbacks) == (1, [], 0)
    assert [seen.query["q"] for seen in srv.requests] == ["Elite League: [X1X] 5-3 Belfast Giants"]
    assert entries(tmp_path)[HEADLINE].msgstr == HEADLINE


def test_an_echo_of_words_still_fails(tmp_path):
    fs.make_project(tmp_path, {"a": ["Dette er en setning som ikke ble oversatt."]})
    with fs.FakeServer(fs.libre(lambda q: q)) as srv:
        summary = translate_project(load_config(tmp_path), engine="libre", engine_url=srv.url, retry=FAST)
    assert [f.reason for f in summary.failed] == ["libre: text came back untranslated"]


def test_healthy_run_after_an_outage_keeps_links_protected(tmp_path):
    """Malformed answers during an outage are the service failing, not the engine losing
    placeholder tokens: the next, healthy run sends the link sentences masked and marks nothing."""
    fs.make_project(tmp_path, {"a": LINKS})
    config = load_config(tmp_path)
    outage = fs.FakeServer(lambda seen: fs.Reply(200, "<html><body>502 Bad Gateway</body></html>", "text/html"))
    with outage:
        down = translate_project(config, engine="libre", engine_url=outage.url, retry=FAST)
    assert len(down.failed) == 3 and down.translated == 0
    assert all("[X" in seen.query["q"] for seen in outage.requests), "sent unprotected during the outage"
    with fs.FakeServer(fs.libre()) as srv:
        healthy = translate_project(config, engine="libre", engine_url=srv.url, retry=FAST)
    assert (healthy.translated, healthy.failed, healthy.masking_fallbacks) == (3, [], 0)
    assert len(srv.requests) == 3 and all("[X" in seen.query["q"] for seen in srv.requests)
    for source, entry in entries(tmp_path).items():
        assert "protect:" not in entry.comment
        assert entry.msgstr == "EN " + source


def test_real_token_loss_is_still_counted(tmp_path):
    """An engine that answers but drops the tokens does lose them: fallback, note and memory."""
    fs.make_project(tmp_path, {"a": LINKS[:1]})
    config = load_config(tmp_path)
    with fs.FakeServer(fs.libre(lambda q: "EN " + q.replace("[X1X]", ""))) as srv:
        summary = translate_project(config, engine="libre", engine_url=srv.url, retry=FAST)
        assert summary.masking_fallbacks == 1 and summary.translated == 1
        assert "protect:" in entries(tmp_path)[LINKS[0]].comment


def test_identical_headline_of_glossary_terms_is_accepted_from_an_engine_given_the_glossary(tmp_path, monkeypatch):
    """DeepL gets the glossary instead of tokens, so the echo check sees the do-not-translate terms
    themselves: "Brann" (also the word for fire) is a club here because the glossary says so."""
    from fake_deepl import FakeDeepL

    monkeypatch.setenv("L10N_DEEPL_KEY", "k:fx")
    headline = "Eliteserien: Brann – Molde 2-1, Rosenborg – Viking 0-0"
    glossary = fs.GLOSSARY + "Eliteserien,Eliteserien,dnt,,\nBrann,Brann,dnt,,\n"
    fs.make_project(tmp_path, {"a": [headline]}, glossary=glossary)
    with fs.FakeServer(FakeDeepL("k:fx", lambda q: q if "Eliteserien" in q else "EN " + q)) as srv:
        summary = translate_project(load_config(tmp_path), engine="deepl", engine_url=srv.url, retry=FAST)
        assert (summary.translated, summary.failed) == (1, [])
        assert entries(tmp_path)[headline].msgstr == headline
        srv.requests.clear()
        assert translate_project(load_config(tmp_path), engine="deepl", engine_url=srv.url).requests == 0
        assert srv.requests == []
