"""Accept, Save, Reject, Retranslate, Add to glossary and Publish: each saved at once, with
the reviewer, versions guarding against silent overwrites, CSRF on every POST."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from conftest import csrf_of

from l10n.config import load_config
from l10n.glossary import read_glossary
from l10n.memory import open_memory
from l10n.serve.desk import entry_id

FERRIES = "Fergene står."
LEAD = "Flere veier er stengt etter uværet."


def po_of(project: Path, slug: str = "storm") -> polib.POFile:
    return polib.pofile(str(project / f"locales/en/LC_MESSAGES/{slug}.po"))


def version_of(client, msgid: str, slug: str = "storm") -> str:
    return client.get(f"/a/en/{slug}/versions").json()[entry_id(("", msgid))]["version"]


def act(client, action: str, msgid: str, token: str, version: str | None = None, slug: str = "storm", **fields):
    version = version_of(client, msgid, slug) if version is None else version
    return client.post(f"/a/en/{slug}/entry/{entry_id(('', msgid))}/{action}",
                       data={"version": version, **fields}, headers={"X-CSRF-Token": token})


@pytest.fixture
def token(client) -> str:
    client.cookies.set("l10n_reviewer", "Kari%20Nordmann")
    return csrf_of(client)


def test_accept_marks_reviewed_with_reviewer_and_feeds_tm(client, project, token):
    suggested = po_of(project).find(LEAD).msgstr
    response = act(client, "accept", LEAD, token)
    assert response.status_code == 200 and response.json()["ok"] and response.json()["state"] == "reviewed"
    entry = po_of(project).find(LEAD)
    assert not entry.fuzzy and entry.msgstr == suggested
    assert "reviewed-by: Kari Nordmann" in entry.tcomment
    assert po_of(project).metadata["Last-Translator"] == "Kari Nordmann"
    tm = open_memory(load_config(project))
    assert [m.target for m in tm.lookup(LEAD, "nb", "en")] == [suggested]
    tm.close()


def test_save_edit_keeps_every_other_entry(client, project, token):
    before = {e.msgid: (e.msgstr, e.fuzzy) for e in po_of(project)}
    response = act(client, "save", FERRIES, token, text="  The ferries are not running.  ")
    assert response.json()["message"] == "saved and reviewed"
    after = {e.msgid: (e.msgstr, e.fuzzy) for e in po_of(project)}
    assert after.pop(FERRIES) == ("The ferries are not running.", False)
    before.pop(FERRIES)
    assert after == before  # nothing else touched, nothing lost


def test_reject_goes_back_to_untranslated_and_records_who(client, project, token):
    assert act(client, "reject", FERRIES, token).status_code == 200
    entry = po_of(project).find(FERRIES)
    assert entry.msgstr == "" and not entry.fuzzy and "mt:" not in (entry.comment or "")
    assert "rejected-by: Kari Nordmann" in entry.tcomment


def test_rejecting_a_reviewed_entry_takes_it_out_of_the_memory(client, project, token):
    act(client, "accept", LEAD, token)
    act(client, "reject", LEAD, token)
    tm = open_memory(load_config(project))
    try:
        assert tm.lookup(LEAD, "nb", "en") == []
        assert [u.state for u in tm.units(all_states=True)] == ["superseded"]
    finally:
        tm.close()


def test_retranslate_through_the_configured_engine(client, project, token):
    act(client, "reject", LEAD, token)
    response = act(client, "retranslate", LEAD, token)
    assert response.status_code == 200, response.text
    entry = po_of(project).find(LEAD)
    assert entry.msgstr == "Flere veier is stengt after uværet." and entry.fuzzy  # the dummy engine's words
    assert "mt: dummy" in entry.comment


def test_retranslate_without_engine_is_a_clear_error(client, project, token):
    toml = project / "l10n.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('engine = "dummy"', ""), encoding="utf-8")
    from l10n.serve import create_app
    from starlette.testclient import TestClient

    other = TestClient(create_app(load_config(project), "en", allowed_hosts=["testserver"]))
    response = act(other, "retranslate", LEAD, csrf_of(other))
    assert response.status_code == 422 and "no engine configured" in response.json()["error"]


def test_conflict_shows_both_texts_and_never_overwrites(client, project, token):
    seen = version_of(client, FERRIES)
    assert act(client, "save", FERRIES, token, version=seen, text="The ferries are idle.").status_code == 200
    late = act(client, "save", FERRIES, token, version=seen, text="Ferries stand still.")
    assert late.status_code == 409
    conflict = late.json()["conflict"]
    assert conflict["theirs"] == "The ferries are idle." and conflict["yours"] == "Ferries stand still."
    assert conflict["reviewer"].startswith("Kari Nordmann")
    assert po_of(project).find(FERRIES).msgstr == "The ferries are idle."
    # saving again on top of the version now shown is deliberate, and allowed
    again = act(client, "save", FERRIES, token, version=conflict["version"], text="Ferries stand still.")
    assert again.status_code == 200 and po_of(project).find(FERRIES).msgstr == "Ferries stand still."


def test_accept_after_someone_else_edited_is_a_conflict(client, project, token):
    seen = version_of(client, LEAD)
    po = po_of(project)
    po.find(LEAD).msgstr = "Several roads are closed after the storm."  # a Poedit save meanwhile
    po.save()
    response = act(client, "accept", LEAD, token, version=seen)
    assert response.status_code == 409
    assert po_of(project).find(LEAD).fuzzy  # not accepted behind anyone's back


def test_refusals(client, project, token):
    act(client, "reject", FERRIES, token)
    empty = act(client, "accept", FERRIES, token)
    assert empty.status_code == 422 and "empty" in empty.json()["error"]
    gloss = project / "glossary.csv"
    gloss.write_text(gloss.read_text(encoding="utf-8") + "Fergene,the ferries,term,boats,\n", encoding="utf-8")
    forbidden = act(client, "save", FERRIES, token, text="The boats are idle.")
    assert forbidden.status_code == 422 and "boats" in forbidden.json()["error"]
    assert act(client, "dance", FERRIES, token).status_code == 404
    missing = client.post("/a/en/storm/entry/000000000000/accept", data={"version": "x"}, headers={"X-CSRF-Token": token})
    assert missing.status_code == 404


def test_every_post_needs_the_session_csrf_token(client, project, token):
    ident = entry_id(("", FERRIES))
    posts = [f"/a/en/storm/entry/{ident}/accept", f"/a/en/storm/entry/{ident}/save", "/glossary", "/reviewer",
             "/a/en/storm/publish"]
    for path in posts:
        for headers in ({}, {"X-CSRF-Token": "0" * 64}):
            response = client.post(path, data={"version": version_of(client, FERRIES), "text": "x", "name": "x",
                                               "source": "x", "target": "y"}, headers=headers)
            assert response.status_code == 403, (path, headers)
    stranger = type(client)(client.app)  # another browser: its own session, so our token is worthless to it
    assert stranger.post(posts[0], data={"version": "x"}, headers={"X-CSRF-Token": token}).status_code == 403
    assert po_of(project).find(FERRIES).fuzzy
    assert client.post("/reviewer", data={"csrf_token": token, "name": "x"}, follow_redirects=False).status_code == 303


def test_reviewer_name_is_per_browser_and_safe_in_po(client, project):
    token = csrf_of(client)
    response = client.post("/reviewer", data={"csrf_token": token, "name": "Ola\nmsgid \"x\"  Nordmann", "next": "//evil"},
                           follow_redirects=False)
    assert response.headers["location"] == "/"
    assert 'value="Ola msgid &#34;x&#34; Nordmann"' in client.get("/").text
    act(client, "accept", FERRIES, token)
    entry = po_of(project).find(FERRIES)
    assert entry.tcomment.splitlines()[-1].startswith('reviewed-by: Ola msgid "x" Nordmann')
    assert len(po_of(project)) == 12  # the name did not inject an entry


def test_add_to_glossary_appends_a_validated_row(client, project, token):
    response = client.post("/glossary", data={"source": "ferge|fergene", "target": "ferry", "type": "term",
                                              "forbidden": "ferge-boat", "note": "desk"}, headers={"X-CSRF-Token": token})
    assert response.status_code == 200, response.text
    terms = read_glossary(project / "glossary.csv").terms
    assert terms[0].sources == ("Lista",)  # the existing row is kept
    assert terms[-1].sources == ("ferge", "fergene") and terms[-1].forbidden == ("ferge-boat",)
    again = client.post("/glossary", data={"source": "Fergene", "target": "x"}, headers={"X-CSRF-Token": token})
    assert again.status_code == 422 and "already in glossary.csv" in again.json()["error"]
    bad = client.post("/glossary", data={"source": "vind", "target": "wind", "forbidden": "wind"},
                      headers={"X-CSRF-Token": token})
    assert bad.status_code == 422 and "both approved and forbidden" in bad.json()["error"]
    # the findings of the entry now see the new term
    panel = client.get(f"/a/en/storm/panel/{entry_id(('', FERRIES))}").text
    assert "term-src\">Fergene<" in panel


def test_publish_reports_what_blocks_and_builds_when_clean(client, project, token):
    act(client, "reject", FERRIES, token)
    blocked = client.post("/a/en/storm/publish", headers={"X-CSRF-Token": token})
    assert blocked.status_code == 422
    body = blocked.json()
    assert not body["published"] and body["gate"] == "untranslated"
    assert body["blockers"] == ["13 sentence(s) would not be in en"]  # 11 fuzzy, 1 empty, the title twice
    assert not (project / "build").exists()
    act(client, "save", FERRIES, token, text="The ferries are idle.")
    for entry in po_of(project):
        if entry.fuzzy:
            assert act(client, "accept", entry.msgid, token).status_code == 200
    fixed = client.post("/a/en/storm/publish", headers={"X-CSRF-Token": token})
    assert fixed.status_code == 200, fixed.text
    built = (project / fixed.json()["path"]).read_text(encoding="utf-8")
    assert "The ferries are idle." in built and "Flere veier is stengt after uværet." in built


def test_retranslate_sends_the_article_context(client, project, token, monkeypatch):
    from l10n.engines.base import Engine
    from l10n.serve import engine as desk_engine

    seen = []

    class ContextEngine(Engine):
        name = "context-stub"
        uses_context = True
        context_sentences = 1

        def _translate_requests(self, requests, source, target):
            seen.extend(requests)
            return ["The ferries are idle." for _ in requests]

    monkeypatch.setattr(desk_engine, "make_engine", lambda *a, **k: ContextEngine())
    response = act(client, "retranslate", FERRIES, token)
    assert response.status_code == 200, response.text
    (request,) = seen
    assert request.text == FERRIES and request.title == "Uvær stenger veier"
    assert request.before == ("Vinden nådde 41 m/s på [Lista](https://www.met.no/) i natt.",)
    assert request.paragraph == ("Vinden nådde 41 m/s på [Lista](https://www.met.no/) i natt.", FERRIES)
    entry = po_of(project).find(FERRIES)
    assert entry.msgstr == "The ferries are idle." and entry.fuzzy and "mt: context-stub" in entry.comment


def test_actions_wait_for_the_command_lines_catalogue_lock(client, project, token):
    import threading

    from l10n.locking import catalog_lock

    path = project / "locales/en/LC_MESSAGES/storm.po"
    version = version_of(client, FERRIES)
    result = {}
    with catalog_lock(path):  # as `l10n review` or `l10n translate` would hold it
        worker = threading.Thread(target=lambda: result.setdefault(
            "response", act(client, "save", FERRIES, token, version=version, text="The ferries are idle.")))
        worker.start()
        worker.join(0.5)
        assert worker.is_alive() and po_of(project).find(FERRIES).fuzzy  # blocked on the lock, nothing written
    worker.join(30)
    assert result["response"].status_code == 200
    assert po_of(project).find(FERRIES).msgstr == "The ferries are idle."


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from l10n.catalog import read_catalog  # noqa: E402
from l10n.serve.actions import clean_text  # noqa: E402
from l10n.serve.routes import clean_name  # noqa: E402


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80))
def test_any_typed_text_is_saved_as_a_readable_catalogue(client, project, token, text):
    """Whatever is typed or pasted (control characters, U+2028, quotes, backslashes), the
    catalogue stays readable, the text is stored as cleaned, and no entry is lost."""
    response = act(client, "save", LEAD, token, text=text)
    assert response.status_code in (200, 422), response.text
    entry = read_catalog(project / "locales/en/LC_MESSAGES/storm.po").find(LEAD)
    if clean_text(text):
        assert response.status_code == 200 and entry.msgstr == clean_text(text) and not entry.fuzzy
    else:
        assert response.status_code == 422
    assert len([e for e in po_of(project) if e.msgid]) == 12


@given(st.text())
def test_reviewer_names_are_one_clean_line(name):
    cleaned = clean_name(name)
    assert "\n" not in cleaned and "\r" not in cleaned and len(cleaned) <= 80
    assert all(ord(c) >= 32 and ord(c) != 127 for c in cleaned) and cleaned == cleaned.strip()
