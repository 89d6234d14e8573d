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
    """The file is not a Frontdesk store (no header, or a plain SQLite file)."""

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


class SchemaTooNew(StorageError):
    """The store was written by a newer Frontdesk; we never downgrade."""

    def __init__(self, found: str, known: str) -> None:
        super().__init__(f"store schema {found}, this version knows up to {known}")
        self.found = found
        self.known = known


class StoreBusy(StorageError):
    """Another process held the write lock for longer than the busy timeout."""
