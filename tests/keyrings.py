"""A real keyring backend object for tests: secrets kept in a dict, in memory.

Installed with ``keyring.set_keyring(MemoryKeyring())``; the code under test
goes through keyring's public API exactly as it does with Secret Service.
Frontdesk accepts only backends known to encrypt (an allow-list in
``storage.keys``), so this module adds this one class to it, explicitly:
production code never imports tests.
"""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordDeleteError

from storage.keys import trust_backend_class


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}
        self.locked = False

    def get_password(self, service: str, username: str) -> str | None:
        if self.locked:
            raise KeyringLocked("the test keyring is locked")
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.locked:
            raise KeyringLocked("the test keyring is locked")
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.secrets[(service, username)]
        except KeyError as exc:
            raise PasswordDeleteError(username) from exc


trust_backend_class(MemoryKeyring)
