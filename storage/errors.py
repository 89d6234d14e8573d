"""Low-level storage failures.

``app.errors`` turns each into an exception with an actionable message; these
carry the technical facts (paths, revisions) the messages are built from.
"""

from __future__ import annotations

from pathlib import Path


class StorageError(Exception):
    """Base class for every failure the storage layer reports on purpose."""


class KeyringUnavailable(StorageError):
    """No usable keyring backend, or one that would keep the key in plain text."""

    def __init__(self, backend: str, reason: str) -> None:
        super().__init__(f"{backend}: {reason}")
        self.backend = backend
        self.reason = reason


class KeyringLocked(StorageError):
    """The keyring exists but refused to hand out the key (locked, dismissed)."""


class KeyMissing(StorageError):
    """The store exists but the key source has no key for it."""

    def __init__(self, store_id: str) -> None:
        super().__init__(store_id)
        self.store_id = store_id


class WrongKey(StorageError):
    """The key does not match the fingerprint recorded beside the store."""

    def __init__(self, key_source: str) -> None:
        super().__init__(key_source)
        self.key_source = key_source


class WrongKeySource(StorageError):
    """The store was created with another kind of key (keyring vs passphrase)."""

    def __init__(self, expected: str, given: str) -> None:
        super().__init__(f"store uses {expected}, given {given}")
        self.expected = expected
        self.given = given


class NotAStore(StorageError):
    """The file is not a Frontdesk store (a plain SQLite file, an empty file and no header)."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(f"{path}: {detail}")
        self.path = path
        self.detail = detail


class DamagedStore(StorageError):
    """The key is right but the file cannot be read: it is damaged."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(f"{path}: {detail}")
        self.path = path
        self.detail = detail


class StoreFileMissing(StorageError):
    """The header is there but the database file is gone or empty (0 bytes): never rebuilt."""

    def __init__(self, path: Path, *, empty: bool) -> None:
        super().__init__(f"{path}: {'empty' if empty else 'missing'}")
        self.path = path
        self.empty = empty


class HeaderMissing(StorageError):
    """The database is there but its header is lost, and this key source cannot rebuild it."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(f"{path}: {detail}")
        self.path = path
        self.detail = detail


class HeaderMismatch(StorageError):
    """The header beside the database belongs to another store (its file salt differs)."""

    def __init__(self, header: Path, store_id: str) -> None:
        super().__init__(f"{header} belongs to store {store_id}")
        self.header = header
        self.store_id = store_id


class StorePathIsFolder(StorageError):
    """A folder sits where the database (or its header) file should be."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


class FolderReadOnly(StorageError):
    """The store folder cannot be written: a read-only file system, or no write permission."""

    def __init__(self, folder: Path, *, file_system: bool) -> None:
        why = "read-only file system" if file_system else "no write permission"
        super().__init__(f"{folder}: {why}")
        self.folder = folder
        self.file_system = file_system


class AccessDenied(StorageError):
    """This account may not read or write one of the store's files (owner or mode)."""

    def __init__(self, path: Path, need: str, owner: str, mode: str, user: str) -> None:
        super().__init__(f"{path}: may not {need} (owner {owner}, mode {mode}, user {user})")
        self.path = path
        self.need = need   # "read" or "write"
        self.owner = owner
        self.mode = mode
        self.user = user


class DiskFull(StorageError):
    """The disk holding the store has no room left for SQLite to work."""

    def __init__(self, folder: Path, free_bytes: int) -> None:
        super().__init__(f"{folder}: {free_bytes} bytes free")
        self.folder = folder
        self.free_bytes = free_bytes


class SchemaTooNew(StorageError):
    """The store was written by a newer Frontdesk; we never downgrade."""

    def __init__(self, found: str, known: str) -> None:
        super().__init__(f"store schema {found}, this version knows up to {known}")
        self.found = found
        self.known = known


class StoreBusy(StorageError):
    """Another process held the write lock for longer than the busy timeout."""
