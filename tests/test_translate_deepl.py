"""translate_project with DeepL: the official package, context, glossary sync and reruns (issue 9 point 4)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "engines"))

import fakeservers as fs  # noqa: E402
from fake_deepl import FakeDeepL  # noqa: E402

from l10n.catalog import read_catalog  # noqa: E402
from l10n.config import load_config  # noqa: E402
from l10n.engines.runner import RetryPolicy  # noqa: E402
from l10n.errors import EngineError  # noqa: E402
from l10n.translate import translate_project  # noqa: E402

KEY = "0123-deepl-secret:fx"
FAST = RetryPolicy(retries=1, backoff=0.01, max_backoff=0.02)
ARTICLE = ["Sjojgu besøkte Pyongyang i juli.", "Han så på våpen, skrev Klassekampen.",
           "Les mer på [NRK](https://nrk.no/urix).", "Besøket varte i tre dager."]


@pytest.fixture(autouse=True)
def key(monkeypatch):
    monkeypatch.setenv("L10N_DEEPL_KEY", KEY)


def run(root: Path, server: fs.FakeServer, **kw):
    return translate_project(load_config(root), engine="deepl", engine_url=server.url, retry=FAST, **kw)


MARKDOWN = """# Sjojgu i Pyongyang

Sjojgu besøkte Pyongyang i juli. Han så på våpen, skrev Klassekampen.

Les mer på [NRK](https://nrk.no/urix). Besøket varte i tre dager.
"""


def article_project(root: Path, translate: str = "") -> Path:
    from l10n.project import extract_project, update_project

    fs.make_project(root, {}, translate=translate)
    (root / "source_articles").mkdir()
    (root / "source_articles" / "a.md").write_text(MARKDOWN, encoding="utf-8")
    config = load_config(root)
    extract_project(config)
    update_project(config, "en")
    return root


def test_requests_carry_context_and_the_synced_glossary_and_a_rerun_sends_nothing(tmp_path):
    article_project(tmp_path, 'model_type = "quality_optimized"')
    fake = FakeDeepL(KEY)
    with fs.FakeServer(fake) as server:
        first = run(tmp_path, server)
        assert (first.translated, first.failed) == (5, [])
        bodies = FakeDeepL.translate_requests(server)
        (glossary,) = fake.glossaries.values()
        assert all(b["glossary_id"] == glossary.glossary_id and b["model_type"] == "quality_optimized"
                   for b in bodies)
        by_text = {t: b for b in bodies for t in b["text"]}
        assert len(bodies) == 3  # one request per paragraph (title, and the two paragraphs)
        assert by_text[ARTICLE[0]]["text"] == ARTICLE[:2]  # the paragraph together ...
        assert by_text[ARTICLE[0]]["context"].startswith("Sjojgu i Pyongyang")  # ... with what is around it
        assert ARTICLE[1] in by_text['Les mer på <x id="1"></x> NRK <x id="2"></x>.']["context"]
        assert "Sjojgu" in by_text[ARTICLE[0]]["text"][0]  # terms go to DeepL's glossary, not behind tokens
        server.requests.clear()
        second = run(tmp_path, server)
        assert server.requests == [] and second.requests == 0
    catalog = {e.msgid: e for e in read_catalog(tmp_path / "locales/en/LC_MESSAGES/a.po")}
    assert catalog[ARTICLE[0]].msgstr == "EN Shoigu besøkte Pyongyang i juli."
    assert catalog[ARTICLE[2]].msgstr == "EN Les mer på [NRK](https://nrk.no/urix)."
    assert all("protect:" not in (e.comment or "") for e in catalog.values())


def test_glossary_created_once_for_many_workers_and_recreated_when_it_changes(tmp_path):
    fs.make_project(tmp_path, {"a": ARTICLE, "b": [f"Sjojgu sa {i} ting." for i in range(6)]})
    fake = FakeDeepL(KEY)
    with fs.FakeServer(fake) as server:
        run(tmp_path, server, workers=4)
        assert [c for c in FakeDeepL.glossary_calls(server) if c[0] == "POST"] == [("POST", "/v2/glossaries")]
        (old,) = fake.glossaries
        (tmp_path / "glossary.csv").write_text(fs.GLOSSARY.replace("Shoigu", "Shoygu"), encoding="utf-8")
        po = tmp_path / "locales/en/LC_MESSAGES/b.po"
        po.write_text(po.read_text(encoding="utf-8").replace('msgstr "EN', 'msgstr "').replace(
            "#, fuzzy\n", ""), encoding="utf-8")
        catalog = read_catalog(po)
        for entry in catalog:
            entry.msgstr = ""
        catalog.save(str(po))
        server.requests.clear()
        run(tmp_path, server)
    assert old not in fake.glossaries and len(fake.glossaries) == 1
    assert ("DELETE", f"/v2/glossaries/{old}") in FakeDeepL.glossary_calls(server)
    assert read_catalog(po).find("Sjojgu sa 0 ting.").msgstr == "EN Shoygu sa 0 ting."


def test_key_never_in_errors_or_files(tmp_path):
    fs.make_project(tmp_path, {"a": ARTICLE[:1]})
    with fs.FakeServer(lambda seen: fs.Reply(403, {"message": f"key {KEY} is invalid"})) as server:
        summary = run(tmp_path, server)
    (failure,) = summary.failed
    assert KEY not in failure.reason and "L10N_DEEPL_KEY" in failure.reason
    assert KEY not in str(summary.as_dict())
    with pytest.raises(EngineError) as info:
        translate_project(load_config(tmp_path), engine="deepl", engine_url=f"http://127.0.0.1:{fs.free_port()}/",
                          retry=FAST)
    assert KEY not in str(info.value) and "cannot reach" in str(info.value)
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert KEY.encode() not in path.read_bytes(), path
