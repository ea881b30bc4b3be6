"""One measuring harness for every bench script.

A workload is a subprocess command or a Python callable run in a forked child.
For each run it reports

* wall time,
* CPU time of ALL processes: user+sys of the child and every descendant it (or
  we, as child subreaper) reaped — the ``rusage`` that ``wait4`` returns covers
  the child and its waited-for descendants; orphans are re-parented to us
  (``PR_SET_CHILD_SUBREAPER``) and reaped too,
* peak memory of the WHOLE process tree: every ~20 ms the PSS (RSS where PSS is
  unreadable) of the child and all its descendants is summed; the peak sum is
  reported (a process living less than one interval may be missed; ``ru_maxrss``
  is no floor, as after fork + exec it carries the parent's high-water mark).

``one_core=True`` runs the same workload pinned to one CPU
(``os.sched_setaffinity``, inherited by every descendant) with
``L10N_WORKERS=1`` in its environment, so each bench can print the parallel
figure and the one-core figure side by side.

    from measure import measure_command, repeat, compare
    ours = repeat(lambda: measure_command(["l10n", "run"], cwd=p), runs=3)
    peer = repeat(lambda: measure_command(["pofilter", ...]), runs=3)
    print(compare("l10n", ours, "pofilter", peer))

Library use only from bench/ (psutil comes with the ``[bench]`` extra).
"""

from __future__ import annotations

import ctypes
import os
import pickle
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

import psutil

INTERVAL = 0.02  # seconds between memory samples
_PR_SET_CHILD_SUBREAPER = 36


def _become_subreaper() -> None:
    """Orphaned grandchildren are re-parented to us, so their CPU time is not lost."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
        except (OSError, AttributeError):
            pass


_become_subreaper()


def one_core_cpu() -> int:
    """The CPU a one-core run is pinned to: the first one we may use."""
    return min(os.sched_getaffinity(0))


def one_core_env(env: dict[str, str] | None = None) -> dict[str, str]:
    """Environment for a one-core run: L10N_WORKERS=1 on top of ``env`` (or ours)."""
    return {**(os.environ if env is None else env), "L10N_WORKERS": "1"}


@dataclass(frozen=True)
class Measurement:
    """One run of one workload."""

    wall: float  # seconds
    cpu: float  # user+sys seconds, all processes of the tree
    peak_mib: float  # peak of the summed memory of the tree
    memory_kind: str = "pss"  # "pss" or "rss" (what was summed)
    returncode: int = 0
    one_core: bool = False
    stdout: bytes = b""
    stderr: bytes = b""
    value: Any = None  # return value of a measured callable
    steps: tuple[tuple[str, "Measurement"], ...] = ()

    @staticmethod
    def sequence(steps: Sequence[tuple[str, "Measurement"]]) -> "Measurement":
        """Steps run one after another: times add up, the peak is the largest step's peak."""
        ms = [m for _, m in steps]
        return Measurement(
            wall=sum(m.wall for m in ms), cpu=sum(m.cpu for m in ms), peak_mib=max(m.peak_mib for m in ms),
            memory_kind="pss" if all(m.memory_kind == "pss" for m in ms) else "rss",
            returncode=next((m.returncode for m in ms if m.returncode), 0),
            one_core=all(m.one_core for m in ms), steps=tuple(steps))


class _TreeSampler(threading.Thread):
    """Samples the summed PSS/RSS of a process and its descendants until stopped."""

    def __init__(self, pid: int, interval: float) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak = 0
        self.kind = "pss"
        self.seen: dict[int, psutil.Process] = {}
        self.last_cpu: dict[int, float] = {}
        self._stop_event = threading.Event()

    def _memory(self, proc: psutil.Process) -> int:
        if self.kind == "pss":
            try:
                return proc.memory_full_info().pss
            except (psutil.AccessDenied, AttributeError):
                self.kind = "rss"
        return proc.memory_info().rss

    def sample(self) -> None:
        pids = _tree(self.pid)
        if not pids:
            return
        total = 0
        for pid in pids:
            proc = self.seen.get(pid)
            if proc is None:
                try:
                    proc = psutil.Process(pid)
                except psutil.Error:
                    continue
            try:
                total += self._memory(proc)
                self.seen[pid] = proc
                times = proc.cpu_times()
                self.last_cpu[proc.pid] = times.user + times.system
            except psutil.Error:
                continue  # exited between listing and reading
        self.peak = max(self.peak, total)

    def run(self) -> None:
        while not self._stop_event.is_set():
            self.sample()
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants, from /proc/<pid>/task/*/children (cheap: no scan of
    every process on a busy machine, as psutil's children() does); psutil where absent."""
    if not os.path.exists(f"/proc/{pid}/task"):
        return []
    try:
        out, todo = [], [pid]
        while todo:
            current = todo.pop()
            out.append(current)
            for task in os.scandir(f"/proc/{current}/task"):
                try:
                    with open(f"{task.path}/children", encoding="ascii") as handle:
                        todo.extend(int(x) for x in handle.read().split())
                except (FileNotFoundError, ProcessLookupError):
                    continue
        return out
    except FileNotFoundError:  # the process went away mid-walk: keep what we saw
        return out
    except OSError:  # no /proc/*/children in this kernel
        try:
            root = psutil.Process(pid)
            return [pid, *(p.pid for p in root.children(recursive=True))]
        except psutil.Error:
            return []


def _my_children() -> set[int]:
    """Direct children of this process (orphans of a workload become ours as subreaper)."""
    found: set[int] = set()
    try:
        for task in os.scandir("/proc/self/task"):
            try:
                with open(f"{task.path}/children", encoding="ascii") as handle:
                    found.update(int(x) for x in handle.read().split())
            except OSError:
                continue
    except OSError:
        pass
    return found


def _reap_orphans(sampler: _TreeSampler, root_pid: int, before: set[int], grace: float = 30.0) -> float:
    """CPU seconds of descendants that outlived the root and were re-parented to us.

    Candidates: descendants the sampler saw, and any child of ours that was not one
    before the workload started (an orphan may live and die between two samples).
    """
    cpu, me, deadline = 0.0, os.getpid(), time.monotonic() + grace
    candidates = (set(sampler.seen) | (_my_children() - before)) - {root_pid}
    for pid in sorted(candidates):
        try:
            if psutil.Process(pid).ppid() != me:
                continue
        except psutil.Error:
            continue
        while True:
            try:
                done, _status, usage = os.wait4(pid, os.WNOHANG)
            except ChildProcessError:
                break
            if done:
                cpu += usage.ru_utime + usage.ru_stime
                break
            if time.monotonic() > deadline:  # still running: count what it used so far
                try:
                    times = psutil.Process(pid).cpu_times()
                    cpu += times.user + times.system
                except psutil.Error:
                    cpu += sampler.last_cpu.get(pid, 0.0)
                break
            time.sleep(0.02)
    return cpu


def _wait(pid: int, start: float, interval: float, before: set[int]) -> tuple[float, float, int, int, _TreeSampler]:
    sampler = _TreeSampler(pid, interval)
    sampler.start()
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    sampler.stop()
    cpu = usage.ru_utime + usage.ru_stime + _reap_orphans(sampler, pid, before)
    # ru_maxrss is not used as a floor: after fork/vfork + exec it carries the PARENT's
    # high-water RSS, which would credit the bench process's own memory to the workload.
    return wall, cpu, os.waitstatus_to_exitcode(status), sampler.peak, sampler


def measure_command(cmd: Sequence[str], *, cwd: str | os.PathLike | None = None,
                    env: dict[str, str] | None = None, one_core: bool = False, check: bool = True,
                    input: bytes | None = None, interval: float = INTERVAL) -> Measurement:
    """Run ``cmd`` once; wall, CPU of the tree, tree peak memory. Output is captured."""
    if one_core:
        env = one_core_env(env)
    cpu_id = one_core_cpu()
    preexec = (lambda: os.sched_setaffinity(0, {cpu_id})) if one_core else None
    before = _my_children()
    start = time.perf_counter()
    proc = subprocess.Popen(list(cmd), cwd=cwd, env=env, preexec_fn=preexec, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out: dict[str, bytes] = {}

    def pump() -> None:
        out["stdout"], out["stderr"] = _communicate(proc, input)

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    wall, cpu, code, peak, sampler = _wait(proc.pid, start, interval, before)
    proc.returncode = code  # we reaped it; tell Popen so it does not wait again
    reader.join()
    result = Measurement(wall, cpu, peak / 2**20, sampler.kind, code, one_core, out.get("stdout", b""),
                         out.get("stderr", b""))
    if check and code != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} exited {code}: {result.stderr.decode(errors='replace')[-2000:]}")
    return result


def _communicate(proc: subprocess.Popen, data: bytes | None) -> tuple[bytes, bytes]:
    """Feed stdin and drain both pipes without waiting for the process (we reap it)."""
    err: list[bytes] = []
    drain = threading.Thread(target=lambda: err.append(proc.stderr.read()), daemon=True)
    drain.start()
    if data:
        try:
            proc.stdin.write(data)
        except BrokenPipeError:
            pass
    proc.stdin.close()
    stdout = proc.stdout.read()
    drain.join()
    return stdout, err[0] if err else b""


def measure_commands(steps: Sequence[tuple[str, Sequence[str]]], **kwargs: Any) -> Measurement:
    """Named commands one after another (a pipeline of tools); see Measurement.sequence."""
    return Measurement.sequence([(name, measure_command(cmd, **kwargs)) for name, cmd in steps])


def measure_call(fn: Callable[..., Any], *args: Any, one_core: bool = False, interval: float = INTERVAL,
                 **kwargs: Any) -> Measurement:
    """Run ``fn(*args, **kwargs)`` in a forked child; its (picklable) return value comes back as ``value``.

    The child inherits what this process has imported and allocated; PSS charges it
    only its share of those shared pages. Prefer measure_command when start-up matters.
    """
    cpu_id = one_core_cpu()
    read_fd, write_fd = os.pipe()
    before = _my_children()
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # child
        code = 0
        try:
            os.close(read_fd)
            if one_core:
                os.sched_setaffinity(0, {cpu_id})
                os.environ["L10N_WORKERS"] = "1"
            payload = pickle.dumps((True, fn(*args, **kwargs)))
        except BaseException as exc:  # noqa: BLE001 - reported to the parent
            payload, code = pickle.dumps((False, repr(exc))), 1
        with os.fdopen(write_fd, "wb") as pipe:
            pipe.write(payload)
        os._exit(code)
    os.close(write_fd)
    chunks: list[bytes] = []
    reader = threading.Thread(target=lambda: chunks.append(os.fdopen(read_fd, "rb").read()), daemon=True)
    reader.start()
    wall, cpu, code, peak, sampler = _wait(pid, start, interval, before)
    reader.join()
    ok, value = pickle.loads(chunks[0]) if chunks and chunks[0] else (False, "child died without a result")
    if not ok:
        raise RuntimeError(f"{getattr(fn, '__name__', fn)} failed in the child: {value}")
    return Measurement(wall, cpu, peak / 2**20, sampler.kind, code, one_core, value=value)


@dataclass
class Series:
    """Repeated runs of one workload: median and min–max of each figure."""

    runs: list[Measurement] = field(default_factory=list)

    def values(self, attr: str) -> list[float]:
        return [getattr(m, attr) for m in self.runs]

    def median(self, attr: str) -> float:
        return statistics.median(self.values(attr))

    def spread(self, attr: str) -> tuple[float, float]:
        vals = self.values(attr)
        return min(vals), max(vals)

    @property
    def memory_kind(self) -> str:
        return "pss" if all(m.memory_kind == "pss" for m in self.runs) else "rss"

    def summary(self) -> str:
        """``wall 7.01 s [6.90–7.20], CPU 9.10 s [...], tree peak 64 MiB [...] (PSS, 3 runs)``."""
        def fig(attr: str, unit: str, fmt: str) -> str:
            lo, hi = self.spread(attr)
            return f"{self.median(attr):{fmt}} {unit} [{lo:{fmt}}–{hi:{fmt}}]"
        return (f"wall {fig('wall', 's', '.2f')}, CPU {fig('cpu', 's', '.2f')}, "
                f"tree peak {fig('peak_mib', 'MiB', '.0f')} ({self.memory_kind.upper()}, {len(self.runs)} runs)")


def repeat(run: Callable[[], Measurement], runs: int = 3, setup: Callable[[], Any] | None = None) -> Series:
    """Call ``run`` ``runs`` times (``setup`` before each, unmeasured)."""
    series = Series()
    for _ in range(runs):
        if setup is not None:
            setup()
        series.runs.append(run())
    return series


def ratio_line(ours: Series, peer: Series) -> str:
    """Peer ÷ ours for wall and CPU (>1: we are faster), ours ÷ peer for memory (>1: we use more)."""
    return (f"wall {peer.median('wall') / ours.median('wall'):.2f}x, "
            f"CPU {peer.median('cpu') / max(ours.median('cpu'), 1e-9):.2f}x faster; "
            f"memory {ours.median('peak_mib') / max(peer.median('peak_mib'), 1e-9):.2f}x the peer's")


def compare(ours_name: str, ours: Series, peer_name: str, peer: Series,
            ours_one: Series | None = None, peer_one: Series | None = None, mode: str = "parallel") -> str:
    """The lines every bench prints: ours, peer, ratio — in ``mode`` and (if given) on one core."""
    width = max(len(ours_name), len(peer_name)) + 12
    blocks = [(mode, ours, peer)] + ([("one core", ours_one, peer_one)] if ours_one and peer_one else [])
    lines = []
    for label, mine, theirs in blocks:
        lines += [f"{ours_name + f' ({label})':{width}} {mine.summary()}",
                  f"{peer_name + f' ({label})':{width}} {theirs.summary()}",
                  f"{f'ratio ({label})':{width}} {ratio_line(mine, theirs)}"]
    return "\n".join(lines)


def compile_bytecode() -> str:
    """Compile l10n's modules to bytecode before anything is timed, as ``pip install`` does.

    An editable install never compiles, and with PYTHONDONTWRITEBYTECODE set (as on
    this machine) nothing is ever cached: every timed run — and every worker process —
    would compile each module it imports from source, while the peer's site-packages
    were compiled when pip installed them. Existing bytecode is only checked, not redone.
    """
    import compileall

    package = Path(__file__).resolve().parents[1] / "l10n"
    try:
        ok = compileall.compile_dir(str(package), quiet=2)
    except OSError:
        ok = False
    return "l10n bytecode compiled" if ok else "l10n bytecode NOT compiled (read-only tree?)"


def machine() -> str:
    """Cores usable, load average and Python: printed at the top of every bench (compiles l10n's bytecode)."""
    compiled = compile_bytecode()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"machine: {len(os.sched_getaffinity(0))} cores usable ({os.cpu_count()} online), "
            f"load average {load}, Python {sys.version.split()[0]}; {compiled}")


@dataclass
class Comparison:
    """Ours and the peer, parallel and one core, from interleaved runs (same load for both)."""

    ours: Series
    peer: Series
    ours_one: Series
    peer_one: Series

    def report(self, ours_name: str, peer_name: str) -> str:
        one = bool(self.ours_one.runs and self.peer_one.runs)
        return compare(ours_name, self.ours, peer_name, self.peer,
                       self.ours_one if one else None, self.peer_one if one else None)


def rounds(workloads: dict[str, Callable[[bool], Measurement]], runs: int = 3,
           one_core: bool = True) -> dict[tuple[str, bool], Series]:
    """``runs`` rounds of every workload, parallel then pinned to one core, interleaved.

    Each callable receives ``one_core`` and returns one Measurement; interleaving the
    tools within each round means a change in machine load hits all of them alike.
    Result keys: (name, one_core).
    """
    modes = [False, True] if one_core else [False]
    result = {(name, mode): Series() for mode in modes for name in workloads}
    for _ in range(runs):
        for mode in modes:
            for name, run in workloads.items():
                result[(name, mode)].runs.append(run(mode))
    return result


def side_by_side(ours: Callable[[bool], Measurement], peer: Callable[[bool], Measurement], runs: int = 3,
                 one_core: bool = True) -> Comparison:
    """Ours and the peer, ``runs`` interleaved rounds, parallel and (if asked) one core."""
    got = rounds({"ours": ours, "peer": peer}, runs, one_core)
    return Comparison(got[("ours", False)], got[("peer", False)], got.get(("ours", True), Series()),
                      got.get(("peer", True), Series()))


def shared_data() -> Path:
    """``../shared/data`` relative to the repository (for a git worktree: relative to the main checkout).

    ``L10N_BENCH_DATA`` overrides it.
    """
    if os.environ.get("L10N_BENCH_DATA"):
        return Path(os.environ["L10N_BENCH_DATA"])
    repo = Path(__file__).resolve().parents[1]
    candidates = [repo.parent / "shared" / "data"]
    try:
        common = subprocess.run(["git", "rev-parse", "--path-format=absolute", "--git-common-dir"], cwd=repo,
                                capture_output=True, text=True, check=True).stdout.strip()
        candidates.append(Path(common).parent.parent / "shared" / "data")
    except (OSError, subprocess.CalledProcessError):
        pass
    for path in candidates:
        if path.is_dir():
            return path
    sys.exit(f"no benchmark data: expected {candidates[0]} (or set L10N_BENCH_DATA)")


def norwegian_sentences(data: Path | None = None) -> list[str]:
    """The ``nob`` column of every ../shared/data/parallel/*.tsv (by header, not by position)."""
    folder = (data or shared_data()) / "parallel"
    sentences: list[str] = []
    for path in sorted(folder.glob("*.tsv")):
        lines = path.read_text(encoding="utf-8").splitlines()
        column = lines[0].split("\t").index("nob")
        for line in lines[1:]:
            cells = line.split("\t")
            if len(cells) > column and cells[column].strip():
                sentences.append(cells[column].strip())
    if not sentences:
        sys.exit(f"no Norwegian sentences in {folder}")
    return sentences
