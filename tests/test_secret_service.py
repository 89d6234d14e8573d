"""The store's key round-trips through a real Secret Service (gnome-keyring).

Run by ``scripts/with-secret-service.sh`` inside a private D-Bus session;
``.ci/run`` sets FRONTDESK_REQUIRE_SECRET_SERVICE so a missing daemon fails
instead of skipping.
"""

from __future__ import annotations

import os
from pathlib import Path

import keyring
import pytest

from app import guests, staff
from app.guests import GuestFields
from app.opening import KeyringKey, open_store
from storage.keys import SERVICE

pytestmark = pytest.mark.secret_service


def _secret_service() -> object:
    from keyring.backends import SecretService

    backend = SecretService.Keyring()
    try:
        backend.get_password("frontdesk-probe", "probe")
    except Exception as exc:
        if os.environ.get("FRONTDESK_REQUIRE_SECRET_SERVICE"):
            raise
        pytest.skip(f"no Secret Service on this machine: {exc}")
    return backend


def test_key_round_trips_through_gnome_keyring(data_dir: Path) -> None:
    backend = _secret_service()
    keyring.set_keyring(backend)
    s = open_store(data_dir, KeyringKey())
    store_id = s.store_id
    actor = staff.create_first_manager(s, "Eva Visser", "4826")
    guests.create_guest(s, actor, GuestFields("Ada Lovelace"))
    s.close()

    stored = keyring.get_password(SERVICE, store_id)
    assert stored is not None and len(bytes.fromhex(stored)) == 32

    reopened = open_store(data_dir, KeyringKey())
    try:
        assert guests.guest_count(reopened) == 1
    finally:
        reopened.close()
    keyring.delete_password(SERVICE, store_id)
