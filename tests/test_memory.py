"""Translation memory: storage hygiene, exact/fuzzy ranking, thresholds, pre-translation."""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading
from pathlib import Path

import pytest
from tm_project import make_project, po_path

from l10n.config import load_config
from l10n.errors import TMError
from l10n.glossary import parse_glossary_csv
from l10n.entrymeta import reviewer_in
from l10n.memory import CANDIDATE_BUDGET, TranslationMemory, Unit, catalog_units, open_memory

MEETING_NB = "Møtet mellom de to lederne er tirsdag 26. juli i Vladivostok."
MEETING_EN = "The meeting between the two leaders is on Tuesday 26 July in Vladivostok."


@pytest.fixture
def tm() -> TranslationMemory:
    memory = TranslationMemory(":memory:")
    yield memory
    memory.close()


def test_exact_match_scores_100_and_comes_first(tm: TranslationMemory) -> None:
    tm.add(MEETING_NB, MEETING_EN, "nb", "en", origin="kim.po")
    tm.add(MEETING_NB.replace("26.", "27."), MEETING_EN.replace("26", "27"), "nb", "en", origin="other.po")
    matches = tm.lookup(MEETING_NB, "nb", "en")
    assert [m.score for m in matches][0] == 100
    assert matches[0].target == MEETING_EN and matches[0].origin == "kim.po"
    assert 75 <= matches[1].score < 100


def test_fuzzy_ranking_orders_by_similarity(tm: TranslationMemory) -> None:
    tm.add("Kim Jong-un kom smilende til Russland tirsdag.", "Kim Jong Un arrived in Russia smiling on Tuesday.", "nb", "en")
    tm.add("Kim Jong-un kom til Russland.", "Kim Jong Un came to Russia.", "nb", "en")
    tm.add("Regionen grenser til Nord-Korea.", "The region borders North Korea.", "nb", "en")
    matches = tm.lookup("Kim Jong-un kom smilende til Russland onsdag.", "nb", "en", threshold=50)
    assert [m.source for m in matches][:2] == [
        "Kim Jong-un kom smilende til Russland tirsdag.",
        "Kim Jong-un kom til Russland.",
    ]
    assert matches[0].score > matches[1].score
    assert all(m.score < 100 for m in matches)


def test_threshold_and_limit(tm: TranslationMemory) -> None:
    tm.add("Kim og Putin møttes sist i 2019.", "Kim and Putin last met in 2019.", "nb", "en")
    assert tm.lookup("Putin møtte Kim i går kveld i Moskva.", "nb", "en", threshold=75) == []
    assert tm.lookup("Putin møtte Kim i går kveld i Moskva.", "nb", "en", threshold=20)
    for n in range(8):
        tm.add(f"Kim og Putin møttes sist i {2010 + n}.", f"Kim and Putin last met in {2010 + n}.", "nb", "en")
    assert len(tm.lookup("Kim og Putin møttes sist i 2018.", "nb", "en", limit=3)) == 3


def test_language_pairs_are_separate(tm: TranslationMemory) -> None:
    tm.add(MEETING_NB, MEETING_EN, "nb", "en")
    tm.add(MEETING_NB, "Das Treffen ist am Dienstag.", "nb", "de")
    assert [m.target for m in tm.lookup(MEETING_NB, "nb", "de")] == ["Das Treffen ist am Dienstag."]
    assert tm.lookup(MEETING_NB, "nn", "en") == []


@pytest.mark.parametrize("source,target", [("Reuters", "Reuters"), ("Foto: AP", " "), ("", "x"), ("Tekst.", "")])
def test_junk_is_never_stored(tm: TranslationMemory, source: str, target: str) -> None:
    assert tm.add(source, target, "nb", "en") == "skipped"
    assert len(tm) == 0


def test_withdraw_stops_offering_a_rejected_review(tm: TranslationMemory) -> None:
    tm.add("Hei.", "Hi.", "nb", "en", origin="a.po")
    tm.add("Hei.", "Hello.", "nb", "en", origin="b.po", context="greeting")
    assert tm.withdraw("Hei.", "Hi.", "nb", "en")
    assert not tm.withdraw("Hei.", "Hi.", "nb", "en")  # already withdrawn
    assert [m.target for m in tm.lookup("Hei.", "nb", "en")] == ["Hello."]  # the other context stays
    assert [(u.target, u.state) for u in tm.units(all_states=True)] == [("Hi.", "superseded"), ("Hello.", "reviewed")]


def test_correction_supersedes_old_target(tm: TranslationMemory) -> None:
    tm.add("Sjojgu ble invitert.", "Shojo was invited.", "nb", "en")
    assert tm.add("Sjojgu ble invitert.", "Shoigu was invited.", "nb", "en", reviewer="kari") == "added"
    matches = tm.lookup("Sjojgu ble invitert.", "nb", "en")
    assert [m.target for m in matches] == ["Shoigu was invited."]
    assert len(tm) == 1
    assert tm.stats()["pairs"] == {"nb→en": {"reviewed": 1, "superseded": 1}}


def test_same_unit_twice_is_unchanged(tm: TranslationMemory) -> None:
    assert tm.add(MEETING_NB, MEETING_EN, "nb", "en", origin="a.po") == "added"
    assert tm.add(MEETING_NB, MEETING_EN, "nb", "en", origin="a.po") == "unchanged"
    assert tm.add(MEETING_NB, MEETING_EN, "nb", "en", origin="b.po") == "updated"


def test_match_found_among_many_common_word_units(tm: TranslationMemory) -> None:
    filler = [Unit(f"Det er en sak som han og de i {n} var med på.", f"It is a case {n}.", "nb", "en")
              for n in range(CANDIDATE_BUDGET + 500)]
    tm.add_units(filler)
    tm.add("Det er en sak om kosmodromet Vostotsjnyj.", "It is a story about the Vostochny cosmodrome.", "nb", "en")
    best = tm.lookup("Det er en sak om kosmodromet Vostotsjnyj nå.", "nb", "en", limit=1)
    assert best[0].target == "It is a story about the Vostochny cosmodrome."
    common = tm.lookup("Det er en sak som han og de i 17 var med på!", "nb", "en", limit=1)
    assert common[0].target == "It is a case 17."


def test_diacritics_and_new_units_are_found(tm: TranslationMemory) -> None:
    tm.add("Kaféen på Blåtind åpnet i går.", "The café at Blåtind opened yesterday.", "nb", "en")
    assert tm.lookup("Kafeen på Blåtind åpnet i dag.", "nb", "en", threshold=60)
    tm.add("Kaféen på Blåtind stengte i går.", "The café at Blåtind closed yesterday.", "nb", "en")
    assert len(tm.lookup("Kaféen på Blåtind stengte i dag.", "nb", "en")) == 2


def test_special_characters_do_not_break_search(tm: TranslationMemory) -> None:
    tm.add("«Alle spørsmål» – sa Putin (NEAR/AND OR*).", "“All issues” – said Putin.", "nb", "en")
    assert tm.lookup("«Alle spørsmål» – sa Putin (NEAR/AND OR*)!", "nb", "en")[0].score >= 90
    assert tm.lookup("*", "nb", "en") == []


def test_pretranslate_exact_needs_same_context(tm: TranslationMemory) -> None:
    tm.add("Foto: Reuters", "Photo: Reuters", "nb", "en", origin="kim.po", context="caption")
    exact = tm.pretranslate("Foto: Reuters", "nb", "en", context="caption")
    assert exact is not None and exact.exact and exact.score == 100
    assert exact.comment == "tm: 100% from kim.po"
    other = tm.pretranslate("Foto: Reuters", "nb", "en", context="")
    assert other is not None and not other.exact and other.target == "Photo: Reuters"


def test_pretranslate_patches_weekday_and_number(tm: TranslationMemory) -> None:
    tm.add(MEETING_NB, MEETING_EN, "nb", "en", origin="kim-putin.po")
    s = tm.pretranslate(MEETING_NB.replace("tirsdag 26.", "onsdag 27."), "nb", "en")
    assert s is not None and not s.exact
    assert s.target == "The meeting between the two leaders is on Wednesday 27 July in Vladivostok."
    assert s.comment == f"tm: {s.score}% from kim-putin.po (patched: tirsdag→onsdag, 26→27)"


def test_pretranslate_below_threshold_is_none(tm: TranslationMemory) -> None:
    tm.add(MEETING_NB, MEETING_EN, "nb", "en")
    assert tm.pretranslate("Noe helt annet skjedde i Oslo i dag.", "nb", "en") is None
    assert tm.pretranslate(MEETING_NB.replace("Vladivostok", "Moskva"), "nb", "en", threshold=99) is None


def test_pretranslate_patches_glossary_names(tm: TranslationMemory) -> None:
    glossary = parse_glossary_csv("source,target,type\nSjojgu|Sjojgus,Shoigu,name\nLavrov|Lavrovs,Lavrov,name\n")
    tm.add("Forsvarsminister Sjojgu besøkte våpenutstillingen i Pyongyang.",
           "Defence Minister Shoigu visited the arms exhibition in Pyongyang.", "nb", "en")
    s = tm.pretranslate("Forsvarsminister Lavrov besøkte våpenutstillingen i Pyongyang.", "nb", "en", glossary=glossary)
    assert s is not None
    assert s.target == "Defence Minister Lavrov visited the arms exhibition in Pyongyang."
    assert "Sjojgu→Lavrov" in s.comment


def test_exact_match_with_a_forbidden_rendering_is_only_fuzzy(tm: TranslationMemory) -> None:
    """A unit reviewed before the glossary knew "Shojo" is wrong must not fill an entry as final."""
    glossary = parse_glossary_csv("source,target,type,forbidden\nSjojgu|Sjojgus,Shoigu,name,Shojo\n")
    tm.add("Forsvarsminister Sjojgu besøkte fabrikken.", "Defence Minister Shojo visited the factory.",
           "nb", "en", origin="a1.po")
    exact = tm.pretranslate("Forsvarsminister Sjojgu besøkte fabrikken.", "nb", "en", glossary=glossary)
    assert exact is not None and not exact.exact and exact.score == 100
    assert exact.comment == "tm: 100% from a1.po (glossary: forbidden 'Shojo', use 'Shoigu')"
    fuzzy = tm.pretranslate("Forsvarsminister Sjojgu besøkte fabrikken torsdag.", "nb", "en", glossary=glossary)
    assert fuzzy is not None and fuzzy.comment.endswith("(glossary: forbidden 'Shojo', use 'Shoigu')")
    assert tm.pretranslate("Forsvarsminister Sjojgu besøkte fabrikken.", "nb", "en").exact  # no glossary: as before


def test_pretranslate_patches_spelled_out_numbers(tm: TranslationMemory) -> None:
    tm.add("Tre personer ble sendt til sykehus.", "Three people were taken to hospital.", "nb", "en", origin="a1.po")
    s = tm.pretranslate("Fem personer ble sendt til sykehus.", "nb", "en")
    assert s is not None and not s.exact and s.target == "Five people were taken to hospital."
    assert s.comment.endswith("(patched: Tre→Fem)")


def test_catalog_units_only_reviewed(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"kim": [
        ("Kim kom tirsdag.", "Kim came on Tuesday.", False),
        ("Putin ventet.", "Putin waited.", True, "mt: google 2026-11-27"),
        ("Ingen oversettelse.", "", False),
        ("Reuters", "Reuters", False),
    ]})
    config = load_config(root)
    with open_memory(config) as tm:
        counts = tm.update_from_catalogs(config)
        assert (counts.catalogues, counts.added, counts.skipped) == (1, 1, 1)
        assert [u.source for u in tm.units()] == ["Kim kom tirsdag."]
        assert tm.units().__next__().origin == "kim.po"
        again = tm.update_from_catalogs(config, "en")
        assert (again.added, again.unchanged) == (0, 1)
    assert (root / ".l10n" / "memory.sqlite").exists()


def test_reviewer_and_date_come_from_translator_comment(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"kim": [("Kim kom tirsdag.", "Kim came on Tuesday.", False)]})
    import polib

    po = polib.pofile(str(po_path(root, "kim")))
    po[0].tcomment = "checked twice\nreviewed-by: Kari Nordmann <kari@example.org> 2026-11-20"
    po.save()
    unit = next(catalog_units(polib.pofile(str(po_path(root, "kim"))), "kim.po", "nb", "en"))
    assert unit.reviewer == "Kari Nordmann <kari@example.org>"
    assert unit.date == "2026-11-20T00:00:00Z"
    assert reviewer_in("no marker") == ("", "")


def test_open_memory_disabled_and_bad_file(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {}, extra_toml="")
    text = (root / "l10n.toml").read_text().replace("[memory]\n", "[memory]\nenabled = false\n")
    (root / "l10n.toml").write_text(text)
    assert open_memory(load_config(root)) is None
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(TMError, match="junk.sqlite: cannot open translation memory"):
        TranslationMemory(junk)


def test_threads_share_one_memory(tmp_path: Path) -> None:
    tm = TranslationMemory(tmp_path / "tm.sqlite")
    tm.add(MEETING_NB, MEETING_EN, "nb", "en")
    results: list[int] = []

    def work() -> None:
        for _ in range(20):
            results.append(tm.lookup(MEETING_NB, "nb", "en")[0].score)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [100] * 80
    tm.close()
    assert sqlite3.connect(tmp_path / "tm.sqlite").execute("select count(*) from units").fetchone() == (1,)



def _store_all(path: str) -> None:
    with TranslationMemory(path) as memory:
        for start in range(0, 600, 200):
            memory.add_units(Unit(f"Setning {i}.", f"Sentence {i}.", "nb", "en") for i in range(start, start + 200))


def test_concurrent_writers_to_one_file_do_not_collide(tmp_path: Path) -> None:
    """Two ``l10n tm update`` runs at once: each stores units the other may have just stored."""
    path = tmp_path / "memory.sqlite"
    TranslationMemory(path).close()
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        pool.map(_store_all, [str(path)] * 4)  # an IntegrityError in a worker is raised here
    with TranslationMemory(path) as memory:
        assert len(memory) == 600
