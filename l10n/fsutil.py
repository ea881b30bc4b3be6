"""Atomic file writes: an interrupted run never leaves a half-written file."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import WriteError

try:  # the BLAKE2 module itself: hashlib would also load OpenSSL, a no-op run's largest import after click
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter built without it
    from hashlib import blake2b


def digest(data: bytes) -> str:
    """The content hash of stamps and caches (BLAKE2b, 128 bits)."""
    return blake2b(data, digest_size=16).hexdigest()


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to a temporary file beside ``path``, fsync it, then rename it over ``path``."""
    atomic_write_bytes(path, text.encode(encoding))


def atomic_write_bytes(path: Path, data: bytes, durable: bool = True) -> None:
    """Write ``data`` atomically; an OS failure (read-only folder, full disk) is a WriteError.

    ``durable=False`` skips the fsync: for files made again from others (templates, built
    articles), where a crash can at worst leave a file the next run sees as changed and redoes.
    """
    try:
        _replace_with(path, data, durable)
    except OSError as exc:
        raise WriteError(f"cannot write: {exc.strerror or exc}", path) from exc


def create_bytes(path: Path, data: bytes) -> bool:
    """Create ``path`` holding ``data`` if it does not exist yet; False if it does (or the file
    system cannot tell atomically), and nothing was written. Never a half-written file: the
    bytes go to a temporary file that is then hard-linked in place, which fails if a file is
    already there. Not fsynced: for files that hold nothing a person wrote."""
    try:
        tmp = _temporary(path, data, False, 0o644)
    except OSError as exc:
        raise WriteError(f"cannot write: {exc.strerror or exc}", path) from exc
    try:
        os.link(tmp, path)
        return True
    except OSError:  # there is a file now (FileExistsError), or no hard links here
        return False
    finally:
        _unlink(tmp)


def _temporary(path: Path, data: bytes, durable: bool, mode: int) -> str:
    """A temporary file beside ``path`` holding ``data`` with permissions ``mode``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    import tempfile  # not at import time: a no-op run writes nothing

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.chmod(tmp, mode)
    except BaseException:
        _unlink(tmp)
        raise
    return tmp


def _unlink(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except FileNotFoundError:
        pass


def _replace_with(path: Path, data: bytes, durable: bool = True) -> None:
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = 0o644
    tmp = _temporary(path, data, durable, mode)
    try:
        os.replace(tmp, path)
    except BaseException:
        _unlink(tmp)
        raise


def read_text(path: Path, error_cls: type, what: str = "file") -> str:
    """Read UTF-8 text; raise ``error_cls(message, path, line)`` naming the first bad byte's line."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise error_cls(f"{what} not found", path) from exc
    except OSError as exc:
        raise error_cls(f"cannot read {what}: {exc.strerror}", path) from exc
    return decode_utf8(data, error_cls, path)


def decode_utf8(data: bytes, error_cls: type, where: Path | str) -> str:
    """Decode UTF-8 (a leading BOM dropped); a bad byte raises ``error_cls`` naming its line."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise error_cls(f"not valid UTF-8 (byte 0x{data[exc.start]:02x})", where, line) from exc
    return text[1:] if text.startswith("\ufeff") else text


def package_data(*parts: str) -> str:
    """Text of a language data file shipped in the package (``l10n/data/...``)."""
    from importlib import resources

    return resources.files("l10n").joinpath("data", *parts).read_text(encoding="utf-8")


def relative_to(path: Path, root: Path) -> str:
    """``path`` relative to ``root``, as written into catalogues.

    Tried first without resolving symlinks: an article symlinked into the source folder
    keeps its project path rather than leaking the link target's absolute path.
    """
    for absolute in (lambda p: Path(os.path.abspath(p)), Path.resolve):
        try:
            return absolute(path).relative_to(absolute(root)).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def child(folder: Path, name: str) -> Path:
    """``folder / name`` for a plain file name (no separator), without parsing it again:
    a no-op run makes a few thousand of these, and pathlib's ``/`` re-parses every part.
    Uses pathlib's own internal join where this Python has it (3.11, 3.12), else ``/``."""
    join = getattr(folder, "_make_child_relpath", None)
    return join(name) if join is not None and name and "/" not in name and name not in (".", "..") else folder / name
