"""l10n.toml mistakes: one line naming the file, the line, the key and what is expected."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from l10n.config import DEFAULT_TOML, load_config
from l10n.config_schema import BUILD_FALLBACKS, BUILD_FORMATS
from l10n.errors import ConfigError


def _project(tmp_path: Path, replace: tuple[str, str] = ("", ""), extra: str = "") -> Path:
    text = DEFAULT_TOML.format(name="t", source="nb", targets='"en"')
    if replace[0]:
        assert replace[0] in text
        text = text.replace(replace[0], replace[1])
    (tmp_path / "l10n.toml").write_text(text + extra, encoding="utf-8")
    (tmp_path / "source_articles").mkdir()
    return tmp_path


MISTAKES = [
    (("# workers = 8", 'workers = "eight"'),
     r'l10n\.toml:{line}: translate\.workers must be a whole number from 1 to 256, got "eight"$'),
    (("# workers = 8", "workers = -3"), r"l10n\.toml:{line}: translate\.workers must be a whole number from 1 to 256, got -3$"),
    (('source = "source_articles"', 'source = ["a"]'),
     r"l10n\.toml:{line}: paths\.source must be a path \(a non-empty string\), got a list$"),
    (("# workers = 8", "wokers = 8"), r"l10n\.toml:{line}: unknown key translate\.wokers; did you mean workers\?$"),
    (("[memory]", "[memorry]"), r"l10n\.toml:{line}: unknown section \[memorry\]; did you mean \[memory\]\?$"),
    (('format = "md"', 'format = "pdf"'), r'l10n\.toml:{line}: build\.format must be one of "md", "html", "txt", got "pdf"$'),
    (("fuzzy_threshold = 75", "fuzzy_threshold = 175"), r"l10n\.toml:{line}: memory\.fuzzy_threshold must be a whole number from 0 to 100, got 175$"),
    (('target_languages = ["en"]', 'target_languages = ["xx-yy"]'),
     r"l10n\.toml:{line}: unknown language code 'xx-yy' \(project\.target_languages\)$"),
]


@pytest.mark.parametrize("replace,message", MISTAKES)
def test_each_mistake_is_one_line_exit_1(tmp_path: Path, invoke, replace: tuple[str, str], message: str) -> None:
    root = _project(tmp_path, replace)
    result = invoke(["stats"], project=root)
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)  # no traceback
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    assert str(root) in lines[0]
    text = (root / "l10n.toml").read_text(encoding="utf-8").splitlines()
    line = text.index(replace[1].splitlines()[0]) + 1
    assert re.search(message.format(line=line), lines[0]), lines[0]


def test_a_key_outside_any_section_names_its_home(tmp_path: Path) -> None:
    root = tmp_path
    (root / "l10n.toml").write_text('workers = 4\n[project]\nname = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"l10n\.toml:1: unknown key workers outside any section; did you mean translate\.workers"):
        load_config(root)


def test_an_unknown_name_without_a_close_match_lists_the_known_ones(tmp_path: Path) -> None:
    root = _project(tmp_path, extra="\n[zzz]\n")
    with pytest.raises(ConfigError, match=r"unknown section \[zzz\]; known: \[project\], \[paths\]"):
        load_config(root)


def test_engine_settings_are_accepted(tmp_path: Path) -> None:
    """Keys an engine declares (``settings``) belong in [translate] too."""
    root = _project(tmp_path, ("# workers = 8", 'workers = 8\nemail = "a@example.org"\nmax_cost = 2.5'))
    config = load_config(root)
    assert config.section("translate")["workers"] == 8


def test_default_file_is_valid(tmp_path: Path) -> None:
    assert load_config(_project(tmp_path)).target_languages == ["en"]


def test_build_choices_match_the_assembler() -> None:
    from l10n.assemble import FALLBACKS, FORMATS

    assert (BUILD_FORMATS, BUILD_FALLBACKS) == (tuple(FORMATS), tuple(FALLBACKS))


# --- the parsed-file cache (.l10n/config.json) ---------------------------------------------

def _cached_project(tmp_path: Path) -> Path:
    root = _project(tmp_path, ('target_languages = ["en"]', 'target_languages = ["en", "de"]'))
    (root / ".l10n").mkdir()
    return root


def test_a_parsed_file_is_kept_and_used_while_its_bytes_are_unchanged(tmp_path: Path, monkeypatch) -> None:
    import l10n.config as config_mod

    root = _cached_project(tmp_path)
    first = load_config(root)
    assert (root / config_mod.CACHE_PATH).is_file()
    monkeypatch.setattr(config_mod, "parse_config", lambda data, path: pytest.fail("parsed again"))
    again = load_config(root)
    assert (again.raw, again.source_language, again.target_languages, again.name, again.root) == \
        (first.raw, first.source_language, first.target_languages, first.name, first.root)


def test_an_edit_of_the_file_is_seen_through_the_cache(tmp_path: Path) -> None:
    root = _cached_project(tmp_path)
    assert load_config(root).target_languages == ["en", "de"]
    text = (root / "l10n.toml").read_text(encoding="utf-8")
    (root / "l10n.toml").write_text(text.replace('["en", "de"]', '["en", "sv"]'), encoding="utf-8")  # same size
    assert load_config(root).target_languages == ["en", "sv"]
    (root / "l10n.toml").write_text(text.replace('fuzzy_threshold = 75', 'fuzzy_threshold = 175'), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"memory\.fuzzy_threshold must be"):  # a bad edit is still an error
        load_config(root)


@pytest.mark.parametrize("content", [b"", b"{broken", b"[]", b'{"format": 1, "key": 3}', b"\xff\xfe",
                                     b'{"format": 1, "key": "K", "raw": [], "source": "nb", "targets": ["en"]}'])
def test_a_corrupt_cache_is_ignored_and_written_again(tmp_path: Path, content: bytes) -> None:
    import json

    import l10n.config as config_mod

    root = _cached_project(tmp_path)
    expected = load_config(root)
    cache = root / config_mod.CACHE_PATH
    key = json.loads(cache.read_bytes())["key"]
    cache.write_bytes(content.replace(b'"K"', json.dumps(key).encode()))
    config = load_config(root)
    assert (config.raw, config.target_languages) == (expected.raw, ["en", "de"])
    assert json.loads(cache.read_bytes())["key"] == key  # rebuilt


def test_no_state_folder_no_cache(tmp_path: Path) -> None:
    """Reading a project never creates .l10n/ just for the cache."""
    root = _project(tmp_path)
    load_config(root)
    assert not (root / ".l10n").exists()


def test_values_json_cannot_hold_are_not_cached(tmp_path: Path) -> None:
    """A TOML date has no JSON form: such a file is parsed every time, never cached wrongly."""
    import datetime

    import l10n.config as config_mod

    root = _cached_project(tmp_path)
    config = load_config(root)
    (root / config_mod.CACHE_PATH).unlink()
    config.raw["review"] = {"since": datetime.date(1979, 5, 27)}
    config_mod._store(root, "key", config)
    assert not (root / config_mod.CACHE_PATH).exists()
