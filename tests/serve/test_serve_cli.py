"""``l10n serve``: help, refusing a public address without a token, starting uvicorn on loopback."""

from __future__ import annotations

import uvicorn


def test_help_has_examples(invoke):
    result = invoke(["serve", "--help"])
    assert result.exit_code == 0
    assert "l10n serve --lang en --port 8080" in result.output and "L10N_SERVE_TOKEN" in result.output


def test_public_address_without_token_exits_1(invoke, project, monkeypatch):
    monkeypatch.delenv("L10N_SERVE_TOKEN", raising=False)
    started = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: started.append(k))
    result = invoke(["serve", "--host", "0.0.0.0"], project=project)
    assert result.exit_code == 1 and "refusing to listen on 0.0.0.0 without a token" in result.output
    assert not started


def test_token_from_environment_allows_public_address(invoke, project, monkeypatch):
    monkeypatch.setenv("L10N_SERVE_TOKEN", "from-the-environment")
    started = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **k: started.append(k))
    result = invoke(["serve", "--host", "0.0.0.0", "--port", "8123"], project=project)
    assert result.exit_code == 0, result.output
    assert started == [{"host": "0.0.0.0", "port": 8123, "log_level": "warning", "access_log": False}]
    assert "http://0.0.0.0:8123/?token=from-the-environment" in result.output


def test_loopback_default(invoke, project, monkeypatch):
    monkeypatch.delenv("L10N_SERVE_TOKEN", raising=False)
    started = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **k: started.append(k))
    result = invoke(["serve", "--lang", "en"], project=project)
    assert result.exit_code == 0 and started[0]["host"] == "127.0.0.1" and started[0]["port"] == 8000
    bad = invoke(["serve", "--lang", "xx-nope"], project=project)
    assert bad.exit_code == 1 and "unknown language code" in bad.output
