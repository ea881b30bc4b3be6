"""``l10n translate`` through click's CliRunner."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent / "engines"))

import fakeservers as fs  # noqa: E402

from l10n.catalog import read_catalog  # noqa: E402
from l10n.cli import cli  # noqa: E402

SENTENCES = ["Sjojgu besøkte Nord-Korea.", "Klassekampen skrev om det.", "Det var en lang dag."]


@pytest.fixture(autouse=True)
def no_keys(monkeypatch):
    for name in ("LIBRE", "DEEPL"):
        monkeypatch.delenv(f"L10N_{name}_KEY", raising=False)


def invoke(*args):
    return CliRunner().invoke(cli, ["translate", *args], catch_exceptions=False)


def test_translate_with_libre(tmp_path):
    fs.make_project(tmp_path, {"kim-putin": SENTENCES})
    with fs.FakeServer(fs.libre()) as srv:
        result = invoke("--engine", "libre", "--engine-url", srv.url, "--project", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("libre: 3 translated (0 from cache), 0 from TM, 0 failed, 2 protected terms restored")
    po = read_catalog(tmp_path / "locales/en/LC_MESSAGES/kim-putin.po")
    assert po.find(SENTENCES[0]).msgstr == "EN Shoigu besøkte Nord-Korea."
    assert result.stderr == ""  # no progress bar when stderr is not a terminal


def test_engine_from_config_and_json(tmp_path):
    with fs.FakeServer(fs.libre()) as srv:
        fs.make_project(tmp_path, {"a": SENTENCES}, translate=f'engine = "libre"\nengine_url = "{srv.url}"')
        result = invoke("--json", "--project", str(tmp_path))
        again = invoke("--json", "--project", str(tmp_path))
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["engine"], data["translated"], data["requests"]) == ("libre", 3, 3)
    assert json.loads(again.stdout)["requests"] == 0


def test_unreachable_exit_1_one_line(tmp_path):
    fs.make_project(tmp_path, {"a": SENTENCES})
    url = f"http://127.0.0.1:{fs.free_port()}/"
    result = invoke("-e", "libre", "--engine-url", url, "--quiet", "--project", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr == f"Error: libre: cannot reach {url[7:-1]}: connection refused\n"
    read_catalog(tmp_path / "locales/en/LC_MESSAGES/a.po")  # still valid


def test_unreachable_without_quiet_is_one_line_too(tmp_path):
    fs.make_project(tmp_path, {"a": SENTENCES})
    url = f"http://127.0.0.1:{fs.free_port()}/"
    result = invoke("-e", "libre", "--engine-url", url, "--project", str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"Error: libre: cannot reach {url[7:-1]}: connection refused\n"


def test_outage_after_tm_fill_says_what_was_saved(tmp_path):
    from l10n.config import load_config
    from l10n.memory import open_memory

    fs.make_project(tmp_path, {"a": SENTENCES})
    toml = tmp_path / "l10n.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("enabled = false", "enabled = true"), encoding="utf-8")
    with open_memory(load_config(tmp_path)) as tm:
        tm.add(SENTENCES[2], "It was a long day.", "nb", "en", reviewer="test")
    url = f"http://127.0.0.1:{fs.free_port()}/"
    result = invoke("-e", "libre", "--engine-url", url, "--project", str(tmp_path))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[-1] == f"Error: libre: cannot reach {url[7:-1]}: connection refused"
    assert "1 from TM" in lines[0]  # the entry the memory filled is saved, and the user is told


def test_dry_run(tmp_path, monkeypatch):
    monkeypatch.setenv("L10N_DEEPL_KEY", "secret-deepl-key:fx")
    fs.make_project(tmp_path, {"a": SENTENCES})
    result = invoke("--engine", "deepl", "--dry-run", "--project", str(tmp_path))
    assert result.exit_code == 0
    chars = sum(len(s) for s in SENTENCES)  # DeepL gets the glossary: terms are sent as written
    assert result.stdout.splitlines()[0] == f"en/a: 3 segments, {chars} characters to send, about {chars * 25e-6:.4f} USD"
    assert "secret-deepl-key" not in result.stdout + result.stderr


def test_no_engine_configured(tmp_path):
    fs.make_project(tmp_path, {"a": SENTENCES})
    result = invoke("--project", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no engine chosen; pass --engine NAME")


def test_missing_key_message(tmp_path):
    fs.make_project(tmp_path, {"a": SENTENCES})
    result = invoke("--engine", "deepl", "--project", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr == "Error: deepl: no API key; set the environment variable L10N_DEEPL_KEY\n"


def test_failed_segments_exit_1(tmp_path):
    fs.make_project(tmp_path, {"a": SENTENCES})
    with fs.FakeServer(lambda seen: fs.Reply(200, {"translatedText": ""})) as srv:
        result = invoke("-e", "libre", "--engine-url", srv.url, "--project", str(tmp_path))
    assert result.exit_code == 1
    assert "failed: en/a: Sjojgu besøkte Nord-Korea.: libre: empty translation returned" in result.stdout
    assert result.stderr == "Error: 3 segments failed; they stay untranslated for a later run\n"


def test_help_lists_engines():
    result = invoke("--help")
    for name in ("google", "mymemory", "libre", "microsoft", "deepl", "memory", "argos", "dummy"):
        assert f"  {name} " in result.stdout


def test_argos_not_installed(tmp_path):
    try:
        import argostranslate  # noqa: F401
        pytest.skip("argostranslate installed")
    except ImportError:
        pass
    fs.make_project(tmp_path, {"a": SENTENCES})
    result = invoke("--engine", "argos", "--project", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: argos: argostranslate is not installed")


def test_openai_dry_run_json_and_max_cost_from_the_command_line(tmp_path):
    import llmfakes as lf

    fs.make_project(tmp_path, {"a": list(lf.PAIRS)[:4]}, translate='[translate.prices."m"]\ninput = 100.0\noutput = 100.0')
    fake = lf.LLMFake()
    with fs.FakeServer(fake) as srv:
        url = srv.url + "v1"
        dry = invoke("--engine", "openai", "--engine-url", url, "--model", "m", "--dry-run", "--json",
                     "--project", str(tmp_path))
        assert dry.exit_code == 0, dry.stderr
        data = json.loads(dry.stdout)
        assert data["estimated_cost"] > 0 and data["plans"][0]["input_tokens"] > 0 and srv.requests == []
        stopped = CliRunner().invoke(cli, ["translate", "--engine", "openai", "--engine-url", url, "--model", "m",
                                           "--max-cost", "0.000001", "--project", str(tmp_path)])
        assert stopped.exit_code == 1 and "stopped before passing --max-cost 1e-06 USD" in stopped.stderr
        assert srv.requests == []
        done = invoke("--engine", "openai", "--engine-url", url, "--model", "m", "--project", str(tmp_path))
    assert done.exit_code == 0, done.stderr
    po = read_catalog(tmp_path / "locales/en/LC_MESSAGES/a.po")
    assert all(e.msgstr == lf.PAIRS[e.msgid] for e in po)
    assert f"mt: openai m" in po[0].comment
