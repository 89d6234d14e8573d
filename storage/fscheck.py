"""What is wrong around a store that will not open: the folder, the files, the disk.

SQLite reports a read-only folder, a full disk and a file it may not read
with a handful of codes ("unable to open database file", "disk I/O error")
that say nothing about the cause, and a damaged file with others. These
checks look at the folder and the files themselves, before SQLCipher is
asked (so a refusal writes nothing) and again after it fails, and name what
they find: :class:`FolderReadOnly`, :class:`AccessDenied`, :class:`DiskFull`,
:class:`StorePathIsFolder`. Nothing here writes.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from storage.errors import (
    AccessDenied,
    DamagedStore,
    DiskFull,
    FolderReadOnly,
    NotAStore,
    StorageError,
    StoreBusy,
    StorePathIsFolder,
)

# Below this much free space an I/O failure is put down to a full disk.
LOW_SPACE_BYTES = 2 * 1024 * 1024

# SQLite primary result codes (the low byte of an extended code).
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED = 3, 5, 6
SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT = 8, 10, 11
SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 13, 14, 26
_DAMAGE = {SQLITE_CORRUPT, SQLITE_NOTADB}
_ENVIRONMENT = {SQLITE_PERM, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN}


def _user() -> str:
    try:
        import pwd

        return pwd.getpwuid(os.geteuid()).pw_name
    except (ImportError, KeyError, AttributeError):
        return os.environ.get("USER") or os.environ.get("USERNAME") or "this account"


def _owner(st: os.stat_result) -> str:
    try:
        import pwd

        return pwd.getpwuid(st.st_uid).pw_name
    except (ImportError, KeyError):
        return str(st.st_uid)


def _may(path: Path, mode: int) -> bool:
    effective = os.access in os.supports_effective_ids
    return os.access(path, mode, effective_ids=effective)


def _denied(path: Path, need: str) -> AccessDenied:
    st = path.stat()
    return AccessDenied(path, need, _owner(st), stat.filemode(st.st_mode), _user())


def free_bytes(folder: Path) -> int | None:
    try:
        st = os.statvfs(folder)
    except (OSError, AttributeError):
        return None
    return st.f_bavail * st.f_frsize


def read_only_file_system(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


def check_folder(folder: Path) -> None:
    """The store folder must be a folder this account may list and write in."""
    if folder.exists() and not folder.is_dir():
        raise NotAStore(folder, "it is a file, but a store is a folder")
    if not folder.exists():
        return
    if not _may(folder, os.R_OK | os.X_OK):
        raise _denied(folder, "read")
    if read_only_file_system(folder):
        raise FolderReadOnly(folder, file_system=True)
    if not _may(folder, os.W_OK):
        raise FolderReadOnly(folder, file_system=False)


def check_files(files: Iterable[Path]) -> None:
    """Each existing file must be a file this account may read and write."""
    for path in files:
        if path.is_dir():
            raise StorePathIsFolder(path)
        if not path.exists():
            continue
        if not _may(path, os.R_OK):
            raise _denied(path, "read")
        if not _may(path, os.W_OK):
            raise _denied(path, "write")


def check_access(folder: Path, files: Iterable[Path]) -> None:
    """Everything an open needs, checked before SQLCipher touches a byte."""
    check_folder(folder)
    check_files(files)


def from_os_error(exc: OSError, path: Path) -> StorageError | None:
    """A named failure for an OSError met while reading or writing the store's files."""
    folder = path.parent
    if exc.errno == errno.ENOSPC or exc.errno == errno.EDQUOT:
        return DiskFull(folder, free_bytes(folder) or 0)
    if exc.errno == errno.EROFS:
        return FolderReadOnly(folder, file_system=True)
    if exc.errno in (errno.EACCES, errno.EPERM):
        # The folder may not exist yet: the first folder up that does is the one refused.
        existing = next((p for p in (folder, *folder.parents) if p.exists()), folder)
        try:
            check_access(existing, [path] if existing == folder else [])
        except StorageError as named:
            return named
        return FolderReadOnly(existing, file_system=False)
    if exc.errno == errno.EISDIR:
        return StorePathIsFolder(path)
    return None


def sqlite_code(exc: BaseException) -> int | None:
    """The primary SQLite result code behind a DB-API (or SQLAlchemy-wrapped) error."""
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def from_sqlite_error(exc: BaseException, db: Path) -> StorageError | None:
    """Name an SQLite failure: damage, a full disk, a read-only folder, denied access, busy.

    Environment codes (I/O error, cannot open, read-only, full) are checked
    against the folder and files first, since a full disk or a read-only mount
    is far likelier than damage behind them. Returns None for anything else
    (a programming error, which should surface as one).
    """
    code = sqlite_code(exc)
    orig = getattr(exc, "orig", exc)
    detail = str(orig)
    if code in _DAMAGE:
        return DamagedStore(db, detail)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return StoreBusy(detail)
    if code not in _ENVIRONMENT:
        return None
    folder = db.parent
    try:
        check_access(folder, [db, *_sidecars(db)])
    except StorageError as named:
        return named
    free = free_bytes(folder)
    if code == SQLITE_FULL or (free is not None and free < LOW_SPACE_BYTES):
        return DiskFull(folder, free or 0)
    if code == SQLITE_IOERR:
        # Nothing wrong around the file, yet reading it fails: a short or unreadable file.
        return DamagedStore(db, detail)
    return None


def _sidecars(db: Path) -> tuple[Path, Path]:
    return (db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm"))
