"""Why a shared (PostgreSQL) store could not be reached or used.

Each failure has its own type, so ``app.shared_store`` can say what happened and
what to do next in plain words (like the local store's failed opens in
``storage.errors``). These carry only technical facts: the address shown never
holds a password (an address with one is refused before anything else).
"""

from __future__ import annotations

from storage.errors import StorageError


class SharedStoreError(StorageError):
    """Base: something about the shared store's address, server or database."""

    def __init__(self, where: str, detail: str = "") -> None:
        super().__init__(f"{where}: {detail}" if detail else where)
        self.where = where
        self.detail = detail


class BadAddress(SharedStoreError):
    """The store address is not a ``postgresql://user@host[:port]/database`` address."""


class PasswordInAddress(SharedStoreError):
    """The address carries a password; passwords live in the keyring only."""


class PlainTextRefused(SharedStoreError):
    """The address asks for a connection that is not TLS with a verified certificate."""


class PasswordMissing(SharedStoreError):
    """The keyring holds no password for this address (not set up on this desk yet)."""


class ServerUnreachable(SharedStoreError):
    """No server answered at the address (down, wrong host or port, network)."""


class ServerWithoutTls(SharedStoreError):
    """The server answered but does not offer TLS."""


class CertificateMissing(SharedStoreError):
    """The CA certificate that should vouch for the server was not found on this desk."""


class CertificateMismatch(SharedStoreError):
    """The server's certificate is not signed by the expected CA or not for this host."""


class WrongPassword(SharedStoreError):
    """The server refused the role's password (or the role does not exist)."""


class DatabaseMissing(SharedStoreError):
    """The server has no database of that name."""


class NotAFrontdeskDatabase(SharedStoreError):
    """The database exists but was not set up by ``frontdesk init --store``."""


class SchemaTooOld(SharedStoreError):
    """The database has an older schema; the owner upgrades it (desks never change it)."""


class NotEmpty(SharedStoreError):
    """``move-store`` needs an empty shared store; this one already holds guests or staff."""


class NeedsOwner(SharedStoreError):
    """The connected role may not create what ``init --store`` needs (schema, roles)."""


class ServerLost(SharedStoreError):
    """The connection to the server broke while working; nothing half-written stays."""
