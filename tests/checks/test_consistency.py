from __future__ import annotations

from l10n.checks.consistency import ConsistencyCheck

from .helpers import context, entry


def test_same_source_different_targets():
    check = ConsistencyCheck()
    ctx = context()
    pairs = [("Foto: Reuters", "Photo: Reuters", entry()), ("Foto: Reuters", "Picture: Reuters", entry()),
             ("Foto: AP", "Photo: AP", entry()), ("Foto: AP", "Photo:  AP", entry())]
    check.prepare(pairs, ctx)
    assert check.run("Foto: Reuters", "Photo: Reuters", entry(), ctx)
    assert check.run("Foto: Reuters", "Picture: Reuters", entry(), ctx)
    assert not check.run("Foto: AP", "Photo: AP", entry(), ctx)  # whitespace differences are not inconsistency
    assert not check.run("Foto: NTB", "Photo: NTB", entry(), ctx)


def test_different_msgctxt_may_differ():
    check = ConsistencyCheck()
    ctx = context()
    heading, text = entry(), entry()
    heading.msgctxt = "heading"
    check.prepare([("Krig", "War", heading), ("Krig", "war", text)], ctx)
    assert not check.run("Krig", "War", heading, ctx)
