"""The fast indented JSON writer must write exactly what json.dumps writes."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.jsonindent import dumps_indented

_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
                     st.text())
_VALUES = st.recursive(_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.tuples(inner, inner), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=25)


@settings(max_examples=300, deadline=None)
@given(_VALUES)
def test_same_text_as_json_dumps(value):
    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_keys_json_converts_are_left_to_json():
    value = {1: "a", True: [1.5], None: {}, 2.5: ()}
    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_unencodable_value_raises_as_json_does():
    try:
        dumps_indented({"a": {1, 2}})
    except TypeError as exc:
        assert "not JSON serializable" in str(exc)
    else:
        raise AssertionError("a set was encoded")


def test_circular_value_raises_as_json_does():
    loop: list = []
    loop.append(loop)
    try:
        dumps_indented(loop)
    except ValueError as exc:
        assert "Circular" in str(exc)
    else:
        raise AssertionError("a circular list was encoded")
