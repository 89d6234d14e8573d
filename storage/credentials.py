"""Credentials that are not a person, kept in the OS keyring: the scheduled backup's.

The secret lives only in the keyring (entry ``<store id>.backup-credential`` of
service ``frontdesk``); the store keeps only its SHA-256 digest, so a manager
revokes it by switching the daily backup off, and a copy of the database alone
gives nobody a working credential.
"""

from __future__ import annotations

import hashlib
import secrets

from storage import keys


def _entry(store_id: str) -> str:
    return f"{store_id}.backup-credential"


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    return hashlib.sha256(b"frontdesk-backup-credential:" + secret.encode()).hexdigest()


def save(store_id: str, secret: str) -> None:
    """Into the keyring (refusing a backend that would keep it in plain text)."""
    keys.usable_backend()
    keys._set_password(_entry(store_id), secret)


def load(store_id: str) -> str | None:
    keys.usable_backend()
    return keys._get_password(_entry(store_id))


def delete(store_id: str) -> None:
    import contextlib

    import keyring
    from keyring.errors import KeyringError

    with contextlib.suppress(KeyringError):
        keyring.delete_password(keys.SERVICE, _entry(store_id))
