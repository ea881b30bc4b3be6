"""The desk's pages and fragments through Starlette's TestClient."""

from __future__ import annotations

import re

import polib

from l10n.serve.desk import entry_id


def test_overview_lists_articles_by_needed_work(client):
    page = client.get("/")
    assert page.status_code == 200
    text = page.text
    assert "Uvær stenger veier" in text and 'href="/a/en/storm"' in text and 'href="/a/en/farlig"' in text
    rows = re.findall(r'<a class="article-link" href="/a/en/(\w+)"', text)
    assert rows == ["storm", "farlig"]  # 12 fuzzy entries before 5 (1 fuzzy + 4 untranslated)
    cells = re.findall(r'<td class="num[^"]*">(\d+)</td>', text)
    assert cells[:4] == ["0", "12", "0", "0"]  # storm: reviewed, to review, untranslated, QA errors


def test_overview_counts_qa_errors(client, project):
    po_path = project / "locales/en/LC_MESSAGES/storm.po"
    po = polib.pofile(str(po_path))
    entry = po.find("Vinden nådde 41 m/s på [Lista](https://www.met.no/) i natt.")
    entry.msgstr = "The wind reached 14 m/s at Lista tonight."  # wrong number, link lost
    entry.flags.remove("fuzzy")
    po.save(str(po_path))
    text = client.get("/").text
    storm_row = text[text.index('href="/a/en/storm"'):text.index('href="/a/en/farlig"')]
    errors = re.findall(r'<td class="num[^"]*">(\d+)</td>', storm_row)[3]
    assert int(errors) >= 1


def test_article_page_shows_every_block_kind_side_by_side(client):
    page = client.get("/a/en/storm")
    assert page.status_code == 200
    text = page.text
    for label in ("Title", "Lead", "Heading", "Image alt text", "Caption", "List item", "Quote"):
        assert f'<div class="kind">{label}</div>' in text, label
    # each sentence: an editor named "Translation" with Accept and Save, source in place
    assert text.count('aria-label="Translation"') == 13  # 12 entries, title == heading shown twice
    assert text.count(">Accept</button>") == text.count(">Save</button>") == 13
    assert "Vinden nådde 41 m/s på <a href=\"https://www.met.no/\">Lista</a> i natt." in text
    assert "MT dummy" in text  # provenance on each card
    assert 'class="findings"' in text  # QA findings are visible text next to the entry


def test_article_page_escapes_catalogue_text(client, project):
    po_path = project / "locales/en/LC_MESSAGES/storm.po"
    po = polib.pofile(str(po_path))
    po.find("Fergene står.").msgstr = '</textarea><script>alert("po")</script>'
    po.save(str(po_path))
    text = client.get("/a/en/storm").text
    assert "<script>alert" not in text
    assert "&lt;/textarea&gt;&lt;script&gt;alert(&#34;po&#34;)&lt;/script&gt;" in text


def test_segment_and_panel_fragments(client, project):
    ident = entry_id(("", "Fergene står."))
    seg = client.get(f"/a/en/storm/seg/{ident}")
    assert seg.status_code == 200 and f'data-entry="{ident}"' in seg.text and 'aria-label="Translation"' in seg.text
    panel = client.get(f"/a/en/storm/panel/{ident}")
    assert panel.status_code == 200
    assert "Machine translation: dummy" in panel.text and "Add to glossary" in panel.text
    lista = entry_id(("", "Vinden nådde 41 m/s på [Lista](https://www.met.no/) i natt."))
    assert "term-src\">Lista<" in client.get(f"/a/en/storm/panel/{lista}").text  # glossary term in the sentence


def test_versions_endpoint_changes_when_the_file_changes(client, project):
    before = client.get("/a/en/storm/versions").json()
    ident = entry_id(("", "Fergene står."))
    assert before[ident]["state"] == "fuzzy"
    po_path = project / "locales/en/LC_MESSAGES/storm.po"
    po = polib.pofile(str(po_path))
    po.find("Fergene står.").msgstr = "The ferries are idle."
    po.save(str(po_path))
    after = client.get("/a/en/storm/versions").json()
    assert after[ident]["version"] != before[ident]["version"]
    assert after[ident]["sig"] != before[ident]["sig"]


def test_preview_is_built_html_with_reviewed_text_only(client, project):
    po_path = project / "locales/en/LC_MESSAGES/storm.po"
    po = polib.pofile(str(po_path))
    entry = po.find("Fergene står.")
    entry.msgstr, entry.flags = "The ferries are idle.", []
    po.save(str(po_path))
    page = client.get("/a/en/storm/preview")
    assert page.status_code == 200
    assert "The ferries are idle." in page.text
    assert "Flere veier is stengt" not in page.text  # fuzzy MT never reaches the preview
    assert '<mark class="untranslated" lang="nb">' in page.text
    assert "script-src" not in page.headers["content-security-policy"]  # default-src 'none': no scripts


def test_unknown_things_are_404(client):
    for path in ("/a/en/nope", "/a/de/storm", "/a/en/storm/seg/000000000000", "/a/en/storm/panel/zzz",
                 "/nothing", "/static/nothing.css"):
        response = client.get(path)
        assert response.status_code == 404, path
    assert "no article &#39;nope&#39;" in client.get("/a/en/nope").text


def test_article_without_catalogue(tmp_path):
    from starlette.testclient import TestClient

    from conftest import STORM, make_project
    from l10n.config import load_config
    from l10n.serve import create_app

    root = make_project(tmp_path / "p", {"storm": STORM}, translate=False)
    (root / "source_articles" / "ny.md").write_text("# Ny sak\n\nTekst her.\n", encoding="utf-8")
    client = TestClient(create_app(load_config(root), "en", allowed_hosts=["testserver"]))
    assert "No catalogue yet" in client.get("/").text
    response = client.get("/a/en/ny")
    assert response.status_code == 404 and "l10n update --lang en" in response.text


def test_static_files_are_package_data(client):
    css = client.get("/static/desk.css")
    js = client.get("/static/desk.js")
    assert css.status_code == js.status_code == 200
    assert "text/css" in css.headers["content-type"] and "javascript" in js.headers["content-type"]
    assert client.get("/favicon.ico", follow_redirects=False).status_code == 301


def test_review_queue_is_riskiest_first_with_reasons(client, project):
    from l10n.risk import entry_risk

    po = polib.pofile(str(project / "locales/en/LC_MESSAGES/storm.po"))
    po.find("Fergene står.").msgstr = ""  # untranslated: at the head of the queue
    po.save()
    text = client.get("/a/en/storm").text
    queue = text[text.index('class="panel-sec queue"'):]
    ids = re.findall(r'class="jump" data-entry="(\w+)"', queue)
    assert ids[0] == entry_id(("", "Fergene står."))
    scores = [int(s) for s in re.findall(r">risk (\d+)</span>", queue)]
    assert scores == sorted(scores, reverse=True) and len(scores) == len(ids) - 1
    panel = client.get(f"/a/en/storm/panel/{ids[1]}").text
    assert "raw machine translation (dummy" in panel  # the reasons behind the score are shown
    assert entry_risk([]).score == 0  # the desk shows issue 11's score, not one of its own
