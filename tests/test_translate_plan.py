"""The planner's batching: the one-segment-per-request shortcut is the general packing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.engines.base import Engine
from l10n.engines.request import MTRequest
from l10n.translate_plan import Planner


class _Unit(Engine):
    name = "unit"
    batch_size = 1


def _planner(unit: str, limit: int) -> Planner:
    engine = _Unit()
    engine.batch_unit, engine.max_batch_chars = unit, limit  # type: ignore[misc]
    return Planner(None, engine, None, None, None, None, "")  # type: ignore[arg-type]


GROUPS = st.lists(st.tuples(st.sampled_from([("nb", "en"), ("nb", "de")]),
                            st.sampled_from([(), ("a",), ("b", 1), ("strict", "7")]),
                            st.text(min_size=1, max_size=30)), max_size=30)


@given(GROUPS, st.sampled_from(["sentence", "paragraph", "article"]), st.sampled_from([0, 10, 1000]))
@settings(max_examples=200, deadline=None)
def test_single_segment_batches_are_what_packing_by_one_gives(rows, unit, limit) -> None:
    planner = _planner(unit, limit)
    groups: dict = {}
    for n, (pair, unit_key, text) in enumerate(rows):
        key = (*pair, f"{text}\x1f{n}")
        planner.items[key] = MTRequest.plain(str(n), text)
        groups.setdefault(pair, {}).setdefault(unit_key, []).append(key)

    def shape(batches):
        return [(b.keys, [i.id for i in b.items], b.source, b.target, b.tries, b.note) for b in batches]

    assert shape(planner._singles(groups)) == shape(planner._pack(groups, 1, limit))
