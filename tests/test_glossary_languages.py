"""Glossary terms carry their target language (issue 10, point 8): in a project with targets
en and de, an English rendering is never pinned into the German catalogue."""

from __future__ import annotations

import sys
from pathlib import Path

import polib
import pytest

sys.path.insert(0, str(Path(__file__).parent / "engines"))

import fakeservers as fs  # noqa: E402

from l10n.catalog import read_catalog  # noqa: E402
from l10n.config import load_config  # noqa: E402
from l10n.errors import GlossaryError  # noqa: E402
from l10n.glossary import format_glossary_csv, load_glossary, load_project_glossary, parse_glossary_csv  # noqa: E402
from l10n.qa import run_qa  # noqa: E402
from l10n.translate import translate_project  # noqa: E402

DATA = Path(__file__).parent / "data" / "glossary"
CSV = """source,target,type,forbidden,note,lang
rød løper,red carpet,term,red runner,,en
rød løper,roter Teppich,term,,,de
Sjojgu,Shoigu,name,Shojo,,
"""


def _targets(glossary, lang: str) -> dict[str, str]:
    return {t.sources[0]: t.target for t in glossary.for_language(lang).terms}


def test_csv_lang_column_filters_by_target_and_old_files_still_read() -> None:
    glossary = parse_glossary_csv(CSV)
    assert _targets(glossary, "en") == {"rød løper": "red carpet", "Sjojgu": "Shoigu"}
    assert _targets(glossary, "de") == {"rød løper": "roter Teppich", "Sjojgu": "Shoigu"}
    assert _targets(glossary, "en-GB")["rød løper"] == "red carpet"  # an en term serves en-GB
    old = parse_glossary_csv("source,target\nrød løper,red carpet\n")
    assert _targets(old, "de") == {"rød løper": "red carpet"}  # no language: every target, as before
    assert format_glossary_csv(old).splitlines()[0] == "source,target,type,forbidden,note"
    assert format_glossary_csv(glossary).splitlines()[0].endswith(",lang")
    assert parse_glossary_csv(format_glossary_csv(glossary)).terms == [t for t in glossary.terms]


def test_target_language_header_alias_and_bad_code() -> None:
    glossary = parse_glossary_csv("source,target,target_language\nstatsråd,Minister,de\n")
    assert glossary.terms[0].lang == "de" and not glossary.for_language("en").terms
    with pytest.raises(GlossaryError, match=r"g.csv:3: unknown language code 'xx-nonsense' in column lang"):
        parse_glossary_csv("source,target,lang\na,b,en\nc,d,xx-nonsense\n", Path("g.csv"))


def test_tbx_gives_each_target_language_its_own_terms() -> None:
    glossary = load_glossary(DATA / "two-targets.tbx", "nb", ["en", "de"])
    assert _targets(glossary, "en") == {"rød løper": "red carpet", "statsråd": "cabinet minister"}
    assert _targets(glossary, "de") == {"rød løper": "roter Teppich"}


TOML = """[project]
name = "t"
source_language = "nb"
target_languages = ["en", "de"]

[glossary]
path = "glossary.csv"

[memory]
enabled = false
"""


def _project(root: Path) -> Path:
    root.mkdir(parents=True)
    (root / "l10n.toml").write_text(TOML, encoding="utf-8")
    (root / "glossary.csv").write_text(CSV, encoding="utf-8")
    for lang in ("en", "de"):
        po = polib.POFile()
        po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": lang}
        po.append(polib.POEntry(msgid="Det ble rullet ut rød løper for Sjojgu.", msgstr="", comment="paragraph"))
        path = root / "locales" / lang / "LC_MESSAGES" / "a.po"
        path.parent.mkdir(parents=True)
        po.save(str(path))
    return root


def test_each_catalogue_gets_its_own_pairs_terms(tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    config = load_config(project)
    with fs.FakeServer(fs.libre()) as server:
        translate_project(config, engine="libre", engine_url=server.url, cache_path=False)
    german = read_catalog(project / "locales/de/LC_MESSAGES/a.po")[0].msgstr
    english = read_catalog(project / "locales/en/LC_MESSAGES/a.po")[0].msgstr
    assert "roter Teppich" in german and "red carpet" not in german and "Shoigu" in german
    assert "red carpet" in english and "Teppich" not in english
    assert _targets(load_project_glossary(config, lang="de"), "de")["rød løper"] == "roter Teppich"


def test_qa_checks_the_german_catalogue_against_german_terms(tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    for lang, text in (("en", "A red carpet was rolled out for Shoigu."), ("de", "Ein roter Teppich für Shoigu.")):
        path = project / "locales" / lang / "LC_MESSAGES" / "a.po"
        po = polib.pofile(str(path))
        po[0].msgstr = text
        po.save()
    findings = [f for f in run_qa(config=load_config(project)).findings if f.check.startswith("glossary")]
    assert findings == []
