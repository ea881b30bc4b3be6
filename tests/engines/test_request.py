"""MTRequest.plain, the planner's cheap constructor, makes exactly the dataclass's object."""

from __future__ import annotations

from dataclasses import MISSING, fields

from hypothesis import given, strategies as st

from l10n.engines.request import MTRequest


def test_no_field_has_a_factory() -> None:
    """plain() copies the defaults: a factory default would be shared between requests."""
    assert all(f.default_factory is MISSING for f in fields(MTRequest))


@given(st.text(max_size=8), st.text(max_size=40), st.text(max_size=8))
def test_plain_equals_the_constructor(rid: str, text: str, msgctxt: str) -> None:
    made, expected = MTRequest.plain(rid, text, msgctxt), MTRequest(id=rid, text=text, msgctxt=msgctxt)
    assert made == expected and hash(made) == hash(expected) and repr(made) == repr(expected)
    assert made.__dict__ == expected.__dict__ and list(made.__dict__) == list(expected.__dict__)
    assert made.context_hash() == expected.context_hash()
