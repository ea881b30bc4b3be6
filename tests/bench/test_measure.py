"""bench/measure.py counts the whole process tree: CPU of every descendant, summed memory."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("psutil")
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import measure  # noqa: E402

# Two grandchildren each hold 60 MiB and burn 0.3 s of CPU, then linger long enough to be sampled.
CHILD = ("import time\nb = bytearray(60 * 2**20)\nb[::4096] = b'x' * len(b[::4096])\n"
         "t = time.process_time()\nwhile time.process_time() - t < 0.3: pass\ntime.sleep(0.4)\n")
PARENT = ("import subprocess, sys\n"
          f"ps = [subprocess.Popen([sys.executable, '-c', {CHILD!r}]) for _ in range(2)]\n"
          "[p.wait() for p in ps]\n")
ORPHANING = ("import subprocess, sys\n"
             "subprocess.Popen([sys.executable, '-c', 'import time\\nt = time.process_time()\\n"
             "while time.process_time() - t < 0.3: pass'])\n")


def test_tree_cpu_and_memory_cover_every_descendant():
    m = measure.measure_command([sys.executable, "-c", PARENT])
    assert m.cpu >= 0.55  # both grandchildren's 0.3 s, not only the parent's
    assert m.peak_mib >= 110  # both 60 MiB buffers at once: more than any single process
    assert m.returncode == 0


def test_orphaned_descendant_cpu_is_counted():
    m = measure.measure_command([sys.executable, "-c", ORPHANING])
    assert m.cpu >= 0.28


def test_one_core_run_is_pinned_and_single_worker():
    probe = "import os; print(len(os.sched_getaffinity(0)), os.environ.get('L10N_WORKERS'))"
    m = measure.measure_command([sys.executable, "-c", probe], one_core=True)
    assert m.stdout.split() == [b"1", b"1"]
    assert m.one_core


def _work(n: int) -> int:
    import os
    return len(os.sched_getaffinity(0)) * 1000 + n


def test_callable_runs_in_child_and_returns_value():
    m = measure.measure_call(_work, 7, one_core=True)
    assert m.value == 1007


def test_failing_command_and_callable_raise():
    with pytest.raises(RuntimeError, match="exited 3"):
        measure.measure_command([sys.executable, "-c", "raise SystemExit(3)"])
    with pytest.raises(RuntimeError, match="ZeroDivisionError"):
        measure.measure_call(lambda: 1 / 0)


def test_series_and_sequence_figures():
    runs = [measure.Measurement(wall=w, cpu=w / 2, peak_mib=10 * w) for w in (3.0, 1.0, 2.0)]
    series = measure.Series(runs)
    assert series.median("wall") == 2.0 and series.spread("wall") == (1.0, 3.0)
    assert "3 runs" in series.summary()
    seq = measure.Measurement.sequence([("a", runs[0]), ("b", runs[1])])
    assert (seq.wall, seq.cpu, seq.peak_mib) == (4.0, 2.0, 30.0)
