"""Loopback by default, a token anywhere else, inert hostile articles, nothing outside the project."""

from __future__ import annotations

import polib
import pytest
from starlette.testclient import TestClient

from l10n.config import load_config
from l10n.serve import ServeError, create_app, is_loopback, require_token_off_loopback

TOKEN = "s3cret-token-1234"


def test_hostile_article_is_escaped_and_links_inert(client, project):
    po_path = project / "locales/en/LC_MESSAGES/farlig.po"
    po = polib.pofile(str(po_path))
    for entry in po:
        entry.msgstr = entry.msgid  # the hostile text comes back from the catalogue too
    po.save()
    for path in ("/", "/a/en/farlig", "/a/en/farlig/preview"):
        text = client.get(path).text
        assert "<script>alert" not in text, path
        assert "<img src=x onerror" not in text and "<img src=\"x\"" not in text, path
        assert 'href="javascript:' not in text and 'src="javascript:' not in text, path
    page = client.get("/a/en/farlig").text
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in page
    assert '<a href="#">denne lenken</a>' in page  # the javascript: link lost its target
    preview = client.get("/a/en/farlig/preview").text
    assert 'src=""' in preview and "&lt;script&gt;" in preview


def test_security_headers(client):
    response = client.get("/a/en/storm")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    assert response.headers["x-content-type-options"] == "nosniff"
    cookie = response.headers.get("set-cookie", "")
    assert "l10n_session=" in cookie and "httponly" in cookie.lower() and "samesite=strict" in cookie.lower()


@pytest.mark.parametrize("path", [
    "/static/../l10n.toml", "/static/%2e%2e/%2e%2e/l10n.toml", "/static/..%2f..%2fdesk.py",
    "/a/en/..%2f..%2fl10n", "/a/en/%2e%2e", "/a/..%2fsource_articles/storm", "/a/en/storm/seg/..%2f..",
    "/source_articles/storm.md", "/locales/en/LC_MESSAGES/storm.po", "/l10n.toml", "/static/%2fetc%2fpasswd",
])
def test_nothing_outside_the_desk_is_served(client, path):
    response = client.get(path)
    assert response.status_code in (400, 404), path
    assert "[project]" not in response.text and "msgid" not in response.text and "root:" not in response.text


def test_dns_rebinding_host_is_rejected(project):
    client = TestClient(create_app(load_config(project), "en"), base_url="http://evil.example")
    assert client.get("/").status_code == 400
    local = TestClient(create_app(load_config(project), "en"), base_url="http://127.0.0.1:8000")
    assert local.get("/").status_code == 200


def test_token_is_required_everywhere_when_set(project):
    app = create_app(load_config(project), "en", token=TOKEN)
    client = TestClient(app, base_url="http://192.0.2.10:8000")
    assert client.get("/").status_code == 401
    assert client.get("/static/desk.css").status_code == 401
    assert client.get("/", headers={"Authorization": "Bearer wrong-token-xx"}).status_code == 401
    assert client.get("/", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    first = client.get(f"/a/en/storm?token={TOKEN}", follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"] == "/a/en/storm"  # token leaves the address bar
    assert client.get("/a/en/storm").status_code == 200  # now by cookie


@pytest.mark.parametrize("host,ok", [("127.0.0.1", True), ("::1", True), ("localhost", True), ("127.0.0.2", True),
                                     ("0.0.0.0", False), ("192.168.1.5", False), ("example.org", False)])
def test_loopback_detection(host, ok):
    assert is_loopback(host) is ok


def test_refuses_public_address_without_token(monkeypatch):
    with pytest.raises(ServeError, match="refusing to listen on 0.0.0.0 without a token"):
        require_token_off_loopback("0.0.0.0", None)
    with pytest.raises(ServeError, match="at least 8"):
        require_token_off_loopback("0.0.0.0", "short")
    require_token_off_loopback("0.0.0.0", TOKEN)
    require_token_off_loopback("127.0.0.1", None)
