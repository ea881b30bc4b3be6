import gc

import pytest

from l10n.gcutil import collector_paused, frozen


def test_collector_paused_restores_the_collector() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError):
        with collector_paused():
            raise ValueError("a check crashed")
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # a caller who had it off keeps it off
    finally:
        gc.enable()


def test_what_the_pause_kept_leaves_the_young_generation_and_nothing_stays_frozen() -> None:
    gc.collect()
    with collector_paused():
        kept = [[i] for i in range(20_000)]
        assert gc.get_count()[0] >= 20_000
    assert gc.get_count()[0] < 1_000  # the next young collection will not rescan them
    assert gc.get_freeze_count() == 0
    assert any(obj is kept[0] for obj in gc.get_objects(generation=2))


def test_cyclic_garbage_of_a_pause_is_still_collected() -> None:
    class Node:
        pass

    with collector_paused():
        a, b = Node(), Node()
        a.other, b.other = b, a
        del a, b
    assert gc.collect() >= 2


def test_frozen_unfreezes_on_exit() -> None:
    with frozen():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
