"""parallel_map: this process works beside its workers; results and errors come back in article order."""

from __future__ import annotations

import os

import pytest

from l10n import incremental


def square_with_pid(x: int) -> tuple[int, int]:
    if x in (13, 27):
        raise ValueError(f"item {x}")
    return x * x, os.getpid()


@pytest.fixture
def two_workers(monkeypatch):
    monkeypatch.setattr(incremental, "PARALLEL_MIN", 1)
    monkeypatch.setattr(incremental, "CHUNK", 1)
    monkeypatch.setenv("L10N_WORKERS", "2")


def test_results_in_order_from_this_process_and_a_worker(two_workers) -> None:
    items = [x for x in range(40) if x not in (13, 27)]
    results = incremental.parallel_map(square_with_pid, items)
    assert [value for value, _ in results] == [x * x for x in items]
    pids = {pid for _, pid in results}
    assert os.getpid() in pids and len(pids) <= 2  # this process works, beside one worker on two "cores"


def test_the_first_error_in_article_order_is_raised(two_workers) -> None:
    with pytest.raises(ValueError, match="item 13"):
        incremental.parallel_map(square_with_pid, range(40))


def test_few_articles_stay_in_this_process(monkeypatch) -> None:
    monkeypatch.setenv("L10N_WORKERS", "2")
    results = incremental.parallel_map(square_with_pid, range(5))
    assert {pid for _, pid in results} == {os.getpid()}
