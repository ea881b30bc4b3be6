from __future__ import annotations

import pytest

from l10n.checks.names import NamesCheck, NearMissCheck, skeleton

from .helpers import context, fails, findings, passes

GOOD = [
    ("Forsvarsminister Sergej Sjojgu kom.", "Defence Minister Sergei Shoigu arrived."),
    ("Det sier president Zelenskyj.", "So says President Zelensky."),
    ("Det sa guvernør Oleg Kozjemjako.", "So said Governor Oleg Kozhemyako."),
    ("Lederen Kim Jong-un kom.", "The leader Kim Jong Un arrived."),
    ("Det sier Nato.", "NATO says so."),
    ("Det melder Yonhap.", "Yonhap reports this."),
    ("Han reiste til Russland.", "He travelled to Russia."),
    ("Han reiste til Nord-Korea.", "He travelled to North Korea."),
    ("Saken ble behandlet i Stortinget.", "The case was dealt with in parliament."),
    ("Putins tog kom.", "Putin's train arrived."),
    ("Det skriver Aftenposten.", "Aftenposten writes this."),
    ("Jevgenij Prigozjin døde.", "Yevgeny Prigozhin died."),
    ("Her kommer Aleksandr.", "Here comes Alexander."),
    ("Kim kom.", "Kim arrived."),  # sentence-initial capitals are not names
    ("Profeten Muhammed døde i Medina.", "The prophet Muhammad died in Medina."),  # one vowel for another: spelling
]
BAD_NAMES = [
    ("Det skrev senere VG.", "The Vaults later wrote this."),
    ("Det sier ordfører Gunnar Wilhelmsen.", "So says the mayor."),
    ("Han reiste til Nord-Korea.", "He travelled to South Korea."),
]
NEAR = [
    ("Her møtte Sjojgu Kim.", "Here Shojo met Kim.", "Shojo"),
    ("Det melder Yonhap.", "This is reported by Yonghap.", "Yonghap"),
    ("Det sier Zelenskyj.", "So says Zelinsky.", "Zelinsky"),
    # one consonant dropped is a corrupted name, not another ending of the same stem
    ("Generalsekretær Jens Stoltenberg kom.", "Secretary General Jens Stoltenbeg arrived.", "Stoltenbeg"),
    ("Mikhail Misjustin møtte Xi.", "Mikhail Mishutin met Xi.", "Mishutin"),
    # one letter dropped or doubled in a name copied as it stands
    ("Det sa Saunders i går.", "So said Sanders yesterday.", "Sanders"),
    ("Det sa trener Ferguson.", "So said coach Fergusson.", "Fergusson"),
    # names opening a sentence: no Norwegian word by the lexicon
    ("Sjojgu ble tatt i går.", "Shojo was taken yesterday.", "Shojo"),
    ("Yonhap melder dette.", "Yonghap reports this.", "Yonghap"),
    ("Saunders kom i går.", "Sanders came yesterday.", "Sanders"),
    ("Ferguson vant.", "Fergusson won.", "Fergusson"),
]
START_GOOD = [
    ("Saunders kom i går.", "Saunders came yesterday."),
    ("Argentinas president kom.", "The Argentine president came."),  # an ending, not a typo
    ("Tibetansk buddhisme er gammel.", "Tibetan Buddhism is old."),
    ("Han kom.", "He came."),
    ("Det melder USAs ambassade.", "The US's embassy says so."),
    ("Hun bor i Haag.", "She lives in The Hague."),
    ("Prisen er 45 USD.", "The price is $45."),
    ("VI MÅ REDDE NORGE NÅ", "WE MUST SAVE NORWAY NOW"),
]


@pytest.mark.parametrize("source,target", GOOD)
def test_names_pass(source, target):
    assert passes(NamesCheck(), source, target)
    assert passes(NearMissCheck(), source, target)


@pytest.mark.parametrize("source,target", BAD_NAMES)
def test_names_fail(source, target):
    assert fails(NamesCheck(), source, target)


@pytest.mark.parametrize("source,target,token", NEAR)
def test_near_miss(source, target, token):
    found = findings(NearMissCheck(), source, target)
    assert found and target[found[0].span[0]:found[0].span[1]] == token
    assert passes(NamesCheck(), source, target)  # reported once, as a near miss


def test_skeleton_transliteration():
    assert skeleton("Sjojgu") == skeleton("Shoigu")
    assert skeleton("Zelenskyj") == skeleton("Zelensky")
    assert skeleton("Kozjemjako") == skeleton("Kozhemyako")
    assert skeleton("Nato") == skeleton("NATO")


def test_names_only_for_norwegian_source():
    assert not NamesCheck().applies(context("en", "nb"))
    assert not NearMissCheck().applies(context("en", "nb"))


@pytest.mark.parametrize("source,target", START_GOOD)
def test_names_at_sentence_start_and_false_positive_families_pass(source, target):
    assert passes(NamesCheck(), source, target)
    assert passes(NearMissCheck(), source, target)


def test_catalogue_capitalisation_makes_a_sentence_start_a_name():
    check, ctx = NearMissCheck(), context()
    check.prepare([("Det sa Tom i går.", "", None)], ctx)
    assert check.run("Tom kom.", "Tod came.", None, ctx)
    assert not NearMissCheck().run("Tom kom.", "Tod came.", None, context())  # "tom" is a Norwegian word
