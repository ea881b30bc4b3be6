"""The persistent MT cache."""

from __future__ import annotations

import threading

from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.mtcache import MTCache, _Keys, cache_key


def test_round_trip_and_persistence(tmp_path):
    path = tmp_path / "c" / "mt.sqlite"
    cache = MTCache(path)
    assert cache.get("libre", "nb", "en", "{}", "Hei") is None
    cache.put("libre", "nb", "en", "{}", "Hei", "Hello")
    cache.close()
    again = MTCache(path)
    assert again.get("libre", "nb", "en", "{}", "Hei") == "Hello"
    assert again.hits == 1 and len(again) == 1


def test_key_parts_are_all_significant(tmp_path):
    cache = MTCache(tmp_path / "mt.sqlite")
    cache.put("libre", "nb", "en", "{}", "Hei", "Hello")
    for args in [("google", "nb", "en", "{}", "Hei"), ("libre", "nn", "en", "{}", "Hei"),
                 ("libre", "nb", "de", "{}", "Hei"), ("libre", "nb", "en", '{"url": "x"}', "Hei"),
                 ("libre", "nb", "en", "{}", "Hei ")]:
        assert cache.get(*args) is None


def test_thread_safe(tmp_path):
    cache = MTCache(tmp_path / "mt.sqlite")

    def work(n):
        for i in range(50):
            cache.put("e", "nb", "en", "", f"{n}-{i}", "x")
            assert cache.get("e", "nb", "en", "", f"{n}-{i}") == "x"

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(cache) == 400


def test_fill_records(tmp_path):
    cache = MTCache(tmp_path / "mt.sqlite")
    cache.record_fill("en", "", "Hei", "Hello")
    assert cache.was_filled("en", "", "Hei", "Hello")
    assert not cache.was_filled("en", "", "Hei", "Hello there")


def test_in_memory_cache():
    cache = MTCache(None)
    cache.put("e", "nb", "en", "", "a", "b")
    assert cache.get("e", "nb", "en", "", "a") == "b"


def test_a_fresh_cache_finds_what_it_stored_before_and_after_each_commit(tmp_path):
    """A fresh cache skips its lookups until something is stored: pending and committed results
    are found all the same, in this session and the next."""
    cache = MTCache(tmp_path / "mt.sqlite")
    assert cache.get("libre", "nb", "en", "{}", "Hei") is None
    cache.put("libre", "nb", "en", "{}", "Hei", "Hello")
    assert cache.get("libre", "nb", "en", "{}", "Hei") == "Hello"  # pending
    cache.commit()
    assert cache.get("libre", "nb", "en", "{}", "Hei") == "Hello"  # committed
    assert cache.get("libre", "nb", "en", "{}", "Hallo") is None
    cache.close()
    assert MTCache(tmp_path / "mt.sqlite").get("libre", "nb", "en", "{}", "Hei") == "Hello"


@given(st.text(max_size=8), st.sampled_from(["nb", "en", ""]), st.text(max_size=30), st.text(max_size=40))
@settings(max_examples=200)
def test_keys_with_a_shared_prefix_hash_equal_cache_key(engine, lang, options, text):
    keys = _Keys()
    for args in ((engine, lang, "en", options, text), (engine, lang, "en", options, text + "x"), (engine, "nb", lang, options, text)):
        assert keys(*args) == cache_key(*args)
