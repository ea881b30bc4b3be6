"""Real-browser tests: Playwright driving Debian's Chromium against uvicorn on 127.0.0.1.

They skip with a reason where the ``playwright`` package or /usr/bin/chromium is missing
(Playwright's own browser download is never used); ``.ci/run`` installs chromium.
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import polib
import pytest

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is missing (apt-get install -y chromium)")

import uvicorn  # noqa: E402
from conftest import HOSTILE, STORM, make_project  # noqa: E402

from l10n.config import load_config  # noqa: E402
from l10n.serve import create_app  # noqa: E402

ARTIFACTS = Path(__file__).parent / "artifacts"  # git-ignored
WAIT = 10_000  # ms; generous for a loaded CI machine, never a timing assertion
LEAD = "Flere veier er stengt etter uværet."
FERRIES = "Fergene står."


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        # --no-sandbox: CI containers run as root, where Chromium's sandbox cannot start
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield chromium
        chromium.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def live(tmp_path: Path):
    root = make_project(tmp_path / "nyheter", {"storm": STORM, "farlig": HOSTILE})
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(load_config(root), "en"), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield SimpleNamespace(url=f"http://127.0.0.1:{port}", root=root)
    server.should_exit = True
    thread.join(10)


def po(live, slug: str = "storm") -> polib.POFile:
    return polib.pofile(str(live.root / f"locales/en/LC_MESSAGES/{slug}.po"))


def open_desk(browser, live, reviewer: str, slug: str = "storm"):
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda dialog: (errors.append("dialog: " + dialog.message), dialog.dismiss()))
    page.goto(live.url + "/")
    page.locator("#reviewer-name").fill(reviewer)
    page.get_by_role("button", name="Set").click()
    page.wait_for_load_state()
    page.goto(f"{live.url}/a/en/{slug}")
    page.errors = errors
    return page


def card(page, msgid: str):
    """The entry card of the sentence ``msgid`` (found through its source sentence)."""
    ident = page.locator(".src .s", has_text=msgid).first.get_attribute("data-entry")
    return page.locator(f'.seg[data-entry="{ident}"]').first


def test_accept_first_then_edit_and_save_second(browser, live):
    page = open_desk(browser, live, "Kari Nordmann")
    boxes = page.get_by_role("textbox", name="Translation")
    first = page.locator(".seg").nth(0)
    suggestion = boxes.nth(0).input_value()
    first.get_by_role("button", name="Accept").click()
    sync_api.expect(page.locator(".seg").nth(0).locator(".badge")).to_have_text("Reviewed", timeout=WAIT)
    second = page.locator(".seg").nth(1)  # the lead (the title recurs further down as the heading)
    second.get_by_role("textbox", name="Translation").fill("Several roads are closed after the storm.")
    second.get_by_role("button", name="Save").click()
    sync_api.expect(card(page, LEAD).locator(".badge")).to_have_text("Reviewed", timeout=WAIT)
    sync_api.expect(card(page, LEAD).locator(".msg")).to_have_text("saved and reviewed", timeout=WAIT)
    catalog = po(live)
    title = catalog.find("Uvær stenger veier")
    assert title.msgstr == suggestion and not title.fuzzy and "reviewed-by: Kari Nordmann" in title.tcomment
    lead = catalog.find(LEAD)
    assert lead.msgstr == "Several roads are closed after the storm." and "reviewed-by: Kari Nordmann" in lead.tcomment
    assert len([e for e in catalog if e.msgid]) == 12  # no entry lost
    # QA findings are visible text next to an entry (the dummy engine leaves Norwegian words)
    assert "looks like an untranslated Norwegian word" in card(page, FERRIES).locator(".findings").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "article-page.png"
    card(page, FERRIES).get_by_role("textbox", name="Translation").click()
    sync_api.expect(page.locator("#panel h2").first).to_have_text("Source", timeout=WAIT)
    assert "Needs review, riskiest first" in page.locator(".queue").text_content()
    page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert page.errors == []
    page.context.close()


def test_two_browsers_edit_at_once_and_conflict(browser, live):
    ana = open_desk(browser, live, "Ana")
    bo = open_desk(browser, live, "Bo")
    # two entries of one article at once: both saved, nothing lost
    card(ana, LEAD).get_by_role("textbox", name="Translation").fill("Several roads are closed.")
    card(bo, FERRIES).get_by_role("textbox", name="Translation").fill("The ferries are idle.")
    card(ana, LEAD).get_by_role("button", name="Save").click()
    card(bo, FERRIES).get_by_role("button", name="Save").click()
    sync_api.expect(card(ana, LEAD).locator(".badge")).to_have_text("Reviewed", timeout=WAIT)
    sync_api.expect(card(bo, FERRIES).locator(".badge")).to_have_text("Reviewed", timeout=WAIT)
    catalog = po(live)
    assert catalog.find(LEAD).msgstr == "Several roads are closed." and "reviewed-by: Ana" in catalog.find(LEAD).tcomment
    assert catalog.find(FERRIES).msgstr == "The ferries are idle." and "reviewed-by: Bo" in catalog.find(FERRIES).tcomment
    # each sees the other's change without reloading
    sync_api.expect(card(ana, FERRIES).get_by_role("textbox", name="Translation")).to_have_value("The ferries are idle.", timeout=WAIT)
    sync_api.expect(card(bo, LEAD).get_by_role("textbox", name="Translation")).to_have_value("Several roads are closed.", timeout=WAIT)
    # the same entry: Bo types while Ana saves; Bo's save shows both texts and writes nothing
    wind = "Vinden nådde 41 m/s på [Lista](https://www.met.no/) i natt."
    card(bo, "Vinden nådde").get_by_role("textbox", name="Translation").fill("Bo's wind sentence.")
    card(ana, "Vinden nådde").get_by_role("textbox", name="Translation").fill("Ana's wind sentence.")
    card(ana, "Vinden nådde").get_by_role("button", name="Save").click()
    sync_api.expect(card(ana, "Vinden nådde").locator(".badge")).to_have_text("Reviewed", timeout=WAIT)
    card(bo, "Vinden nådde").get_by_role("button", name="Save").click()
    conflict = card(bo, "Vinden nådde").locator(".conflict")
    sync_api.expect(conflict).to_be_visible(timeout=WAIT)
    assert "Ana's wind sentence." in conflict.inner_text() and "Bo's wind sentence." in conflict.inner_text()
    assert po(live).find(wind).msgstr == "Ana's wind sentence."
    conflict.get_by_role("button", name="Save mine instead").click()
    sync_api.expect(card(bo, "Vinden nådde").locator(".msg")).to_have_text("saved and reviewed", timeout=WAIT)
    final = po(live).find(wind)
    assert final.msgstr == "Bo's wind sentence." and "reviewed-by: Bo" in final.tcomment
    assert ana.errors == bo.errors == []
    ana.context.close()
    bo.context.close()


def test_keyboard_accepts_saves_and_moves_on(browser, live):
    page = open_desk(browser, live, "Kari")
    boxes = page.get_by_role("textbox", name="Translation")
    boxes.nth(0).click()
    page.keyboard.press("Control+Enter")  # unchanged: accept
    lead_box = card(page, LEAD).get_by_role("textbox", name="Translation")
    sync_api.expect(lead_box).to_be_focused(timeout=WAIT)
    page.keyboard.press("Control+A")
    page.keyboard.type("Several roads are closed after the storm.")
    page.keyboard.press("Control+Enter")  # changed: save
    wind_box = card(page, "Vinden nådde 41 m/s").get_by_role("textbox", name="Translation")
    sync_api.expect(wind_box).to_be_focused(timeout=WAIT)
    catalog = po(live)
    assert not catalog.find("Uvær stenger veier").fuzzy
    assert catalog.find(LEAD).msgstr == "Several roads are closed after the storm." and not catalog.find(LEAD).fuzzy
    assert catalog.find("Fergene står.").fuzzy  # untouched entries stay as they were
    assert page.errors == []
    page.context.close()


def test_hostile_article_renders_as_text(browser, live):
    catalog = po(live, "farlig")
    for entry in catalog:
        entry.msgstr = entry.msgid  # hostile text in the catalogue as well
    catalog.save()
    page = open_desk(browser, live, "Kari", slug="farlig")
    page.wait_for_timeout(500)
    assert "<script>alert('title')</script>" in page.locator(".row").first.inner_text()
    assert page.locator(".doc img").count() == 0 and page.locator("main script").count() == 0
    assert page.locator('a[href^="javascript:"]').count() == 0
    assert page.locator(".src a", has_text="denne lenken").get_attribute("href") == "#"
    page.goto(f"{live.url}/a/en/farlig/preview")
    page.wait_for_timeout(300)
    assert page.locator("script").count() == 0 and page.locator('[onerror]').count() == 0
    assert "<script>alert('para')</script>" in page.locator("body").inner_text()
    assert page.errors == []  # no alert() ran anywhere
    page.context.close()
