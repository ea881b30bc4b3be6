"""Content stamps for incremental runs: which step made which files from which inputs.

``.l10n/state.json`` records, for every step of every article (``extract:<slug>``,
``update:<lang>:<slug>``, ``tm:<lang>:<slug>``, ``build:<lang>:<slug>:<fmt>``), a stamp of
its inputs (hashes of the bytes it read, the settings that change its result, the l10n
version) and the hash of every file it wrote. A step is skipped only when its input
stamp is unchanged *and* its outputs are still on disk exactly as it wrote them, so a
file edited, replaced or deleted by anyone else is redone.

The file is a cache, never a source of truth: a missing, corrupt or foreign state file
means "redo everything", which only costs time. It is replaced atomically (temporary
file + rename), so two concurrent runs can at worst lose each other's stamps — and a
lost stamp, again, only costs time.

File hashes are cached by (size, modification time) the way git's index does it: an
entry is trusted only if the file's modification time is safely older than the moment
the state was saved; a file modified in the same instant is hashed again. "Safely" is
the file system's timestamp granularity with a wide margin: 2 s where modification
times carry no sub-millisecond part (FAT, HFS+, ext3, some network shares), else
100 ms (ten times the coarsest Linux clock tick), so the files a run wrote in its
last moments are not all hashed again by the next one.

Input stamps are the settings of a step (hashed once per run) joined with the hashes
of the files it reads, so checking 1,000 articles hashes nothing but the settings.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from . import __version__
from .fsutil import atomic_write_bytes, digest

if TYPE_CHECKING:
    from .config import Config

STATE_PATH = ".l10n/state.json"
FORMAT = 2
RACY_NS = 2_000_000_000  # coarse timestamps: a file this close to the last save may have changed unnoticed
RACY_FINE_NS = 100_000_000  # the same for nanosecond timestamps (at most a 10 ms clock tick)
_settings: dict[tuple, str] = {}


def stamp(*parts: Any) -> str:
    """A stamp of a step's inputs: hashes and settings, plus the l10n version
    (a new release may segment, merge or render differently)."""
    return digest("\x1f".join(map(repr, (__version__, *parts))).encode("utf-8", "surrogatepass"))


def settings_stamp(*parts: Any) -> str:
    """:func:`stamp` of settings that are the same for every article of a run, computed once."""
    value = _settings.get(parts)
    if value is None:
        value = _settings[parts] = stamp(*parts)
    return value


# --- the inputs of each step ----------------------------------------------------------
# settings stamp, then the input hashes (fixed length, or None), then free text last: unambiguous

def extract_stamp(config: Config, rel_path: str, article_hash: str) -> str:
    return f"{settings_stamp('extract', config.source_language, config.name)}:{article_hash}:{rel_path}"


def update_stamp(config: Config, lang: str, pot_hash: str | None) -> str:
    return f"{settings_stamp('update', lang)}:{pot_hash}"


def memory_stamp(config: Config, lang: str, po_hash: str | None, generation: str, origin: str) -> str:
    return f"{settings_stamp('tm', lang, config.source_language, generation)}:{po_hash}:{origin}"


def build_stamp(config: Config, lang: str, article_hash: str, po_hash: str | None, options: BuildOptions) -> str:
    key = settings_stamp("build", lang, config.source_language, options.fmt, options.fallback, options.include_fuzzy)
    return f"{key}:{article_hash}:{po_hash}"


@dataclass(frozen=True)
class BuildOptions:
    """The build settings that change what a build writes."""

    fmt: str = "md"
    fallback: str = "source"
    include_fuzzy: bool = False


# --- records ------------------------------------------------------------------------------

@dataclass
class Record:
    """What one step did: its input stamp, the files it wrote (relative path → hash),
    and a few figures to report when it is skipped next time."""

    name: str
    slug: str
    inputs: str
    outputs: dict[str, str | None] = field(default_factory=dict)
    info: dict[str, Any] = field(default_factory=dict)


@dataclass
class FileSeen:
    """A file's hash with the stat it had when read (for the hash cache)."""

    rel: str
    hash: str | None
    size: int = -1
    mtime_ns: int = -1


class RunState:
    """The stamps of one project, loaded once per command and saved once at its end."""

    def __init__(self, root: Path, path: Path, data: dict[str, Any] | None = None) -> None:
        self.root, self.path = root, path
        self._root = str(root)
        data = data or {}
        self.saved_ns: int = int(data.get("saved_ns", 0))
        self._files: dict[str, list] = dict(data.get("files", {}))
        self._steps: dict[str, dict[str, Any]] = dict(data.get("steps", {}))
        self.dirty = False

    @classmethod
    def load(cls, config: Config) -> RunState:
        """The project's state; anything unreadable or from another format is an empty state."""
        from .gcutil import collector_paused

        path = config.root / STATE_PATH
        try:
            with collector_paused():  # tens of thousands of objects, all kept: nothing to collect
                data = json.loads(path.read_bytes())
        except (OSError, ValueError):
            data = None
        if not _valid(data):
            data = None
        return cls(config.root, path, data)

    # -- files ---------------------------------------------------------------------------
    def rel(self, path: Path) -> str:
        from .fsutil import relative_to

        return relative_to(path, self.root)

    def file_hash(self, rel: str) -> str | None:
        """The content hash of the file at ``rel`` (relative to the project root; None if it does
        not exist), from the cache when that is safe."""
        path = rel if rel.startswith("/") else f"{self._root}/{rel}"
        try:
            st = os.stat(path)
        except OSError:
            return None
        cached = self._files.get(rel)
        if cached and cached[0] == st.st_size and cached[1] == st.st_mtime_ns:
            mtime = st.st_mtime_ns
            if mtime < self.saved_ns - (RACY_NS if mtime % 1_000_000 == 0 else RACY_FINE_NS):
                return cached[2]
        seen = hash_file(Path(path), rel)
        if not cached or cached != [seen.size, seen.mtime_ns, seen.hash]:
            self.note(seen)  # unchanged: nothing to save (it is hashed again until the next save)
        return seen.hash

    def note(self, seen: FileSeen) -> None:
        """Remember a file's hash and stat (a file read or written, possibly in a worker)."""
        if seen.hash is None:
            self._files.pop(seen.rel, None)
        else:
            self._files[seen.rel] = [seen.size, seen.mtime_ns, seen.hash]
        self.dirty = True

    # -- steps ---------------------------------------------------------------------------
    def get(self, name: str) -> dict[str, Any] | None:
        return self._steps.get(name)

    def is_fresh(self, name: str, inputs: str) -> bool:
        """True when the step last ran on these inputs and its outputs are untouched since."""
        record = self._steps.get(name)
        if record is None or record.get("in") != inputs:
            return False
        return all(self.file_hash(rel) == h for rel, h in record.get("out", {}).items())

    def info(self, name: str) -> dict[str, Any]:
        record = self._steps.get(name) or {}
        return dict(record.get("info", {}))

    def record(self, rec: Record) -> None:
        self._steps[rec.name] = {"slug": rec.slug, "in": rec.inputs, "out": dict(rec.outputs), "info": dict(rec.info)}
        self.dirty = True

    def forget(self, name: str) -> None:
        if self._steps.pop(name, None) is not None:
            self.dirty = True

    def prune(self, live_slugs: Iterable[str]) -> None:
        """Drop the records of articles and catalogues that are gone."""
        live = set(live_slugs)
        for name in [n for n, r in self._steps.items() if r.get("slug") not in live]:
            self.forget(name)

    def subset(self, names: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The records a worker process needs for one article."""
        return {n: self._steps[n] for n in names if n in self._steps}

    # -- saving --------------------------------------------------------------------------
    def save(self) -> None:
        """Write the state atomically; a failure to write it is no error (it is only a cache)."""
        if not self.dirty:
            return
        self.saved_ns = time.time_ns()
        data = {"format": FORMAT, "l10n": __version__, "saved_ns": self.saved_ns,
                "files": self._files, "steps": self._steps}
        try:
            # not fsynced: a state lost in a crash only costs time
            atomic_write_bytes(self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(),
                               durable=False)
        except Exception:  # noqa: BLE001 - a read-only .l10n/ must not fail the run
            return
        self.dirty = False


def hash_file(path: Path, rel: str) -> FileSeen:
    """Hash a file, stat taken first: a change while reading then shows as a stat mismatch."""
    try:
        st = os.stat(path)
        data = path.read_bytes()
    except OSError:
        return FileSeen(rel, None)
    return FileSeen(rel, digest(data), st.st_size, st.st_mtime_ns)


def seen_bytes(path: Path, rel: str, data: bytes | None) -> FileSeen:
    """The record of a file whose bytes we just read or wrote (``None``: it does not exist)."""
    if data is None:
        return FileSeen(rel, None)
    try:
        st = os.stat(path)
    except OSError:
        return FileSeen(rel, None)
    return FileSeen(rel, digest(data), st.st_size, st.st_mtime_ns)


def is_fresh_record(record: dict[str, Any] | None, inputs: str, outputs: dict[str, str | None]) -> bool:
    """The worker-side check: same inputs, and the outputs hash as recorded."""
    return record is not None and record.get("in") == inputs and record.get("out") == outputs


def _valid(data: Any) -> bool:
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("l10n") != __version__:
        return False
    files, steps = data.get("files"), data.get("steps")
    if not isinstance(files, dict) or not isinstance(steps, dict):
        return False
    ok_files = all(isinstance(v, list) and len(v) == 3 for v in files.values())
    ok_steps = all(isinstance(v, dict) and isinstance(v.get("out", {}), dict) for v in steps.values())
    return ok_files and ok_steps and isinstance(data.get("saved_ns", 0), int)
