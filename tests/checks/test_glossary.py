from __future__ import annotations

from l10n.checks.glossary import GlossaryForbiddenCheck, GlossaryTermCheck
from l10n.checks.names import NearMissCheck
from l10n.glossary import parse_glossary_csv

from .helpers import context, fails, findings, passes

GLOSSARY = parse_glossary_csv(
    "source,target,type,forbidden,note\n"
    "Sjojgu|Sjojgus,Shoigu,name,Shojo|Shoygu,\n"
    "VG,VG,dnt,the Vaults,newspaper\n"
    "rød løper|røde løper|røde løperen,red carpet,term,red runner,\n"
    "forsvarsminister|forsvarsministeren,defence minister,term,,\n"
    "Yonhap,Yonhap,name,,\n"
)
CTX = context(glossary=GLOSSARY)


def test_required_term():
    check = GlossaryTermCheck()
    assert passes(check, "Forsvarsministeren kom.", "The defence minister arrived.", CTX)
    assert passes(check, "Forsvarsministeren kom.", "The Defence Minister arrived.", CTX)
    assert fails(check, "Forsvarsministeren kom.", "The defense secretary arrived.", CTX)
    assert passes(check, "Den røde løperen ble rullet ut.", "The red carpet was rolled out.", CTX)
    assert passes(check, "Sjojgus besøk.", "Shoigu's visit.", CTX)
    assert passes(check, "Forsvarsministeren kom.", "Whatever.", context())  # no glossary, no finding


def test_name_term_missing_is_error():
    found = findings(GlossaryTermCheck(), "Det skriver VG.", "The Vaults writes this.", CTX)
    assert found and found[0].severity == "error"


def test_forbidden_rendering():
    check = GlossaryForbiddenCheck()
    assert fails(check, "Det skriver VG.", "The Vaults writes this.", CTX)
    assert fails(check, "Her møtte Sjojgu Kim.", "Here Shojo met Kim.", CTX)
    assert fails(check, "Den røde løperen ble rullet ut.", "The red runner was rolled out.", CTX)
    assert passes(check, "Den røde løperen ble rullet ut.", "The red carpet was rolled out.", CTX)
    # a forbidden rendering of a plain term only counts when the term is in the source
    assert passes(check, "Han løp.", "He was a red runner.", CTX)


def test_near_miss_of_glossary_term():
    found = findings(NearMissCheck(), "Det melder Yonhap.", "This is reported by Yonghap.", CTX)
    assert found and found[0].suggestion == "Yonhap"
