"""The manager's audit screen shows the chain head's fingerprint, and `verify --noted` takes it.

Issue 12 item 3: the head is anchored outside the database in a place no program
on the desk can rewrite — a manager's note on paper. The fingerprint the screen
shows must be the head's, and the one `verify --noted` accepts.
"""

from __future__ import annotations

import re

import pytest
from pytestqt.qtbot import QtBot

from app import guests
from app.guests import GuestFields
from app.verify import verify_store
from app.views import Actor
from storage import audit_anchor, audit_chain
from storage.store import Store
from tests.ui.test_audit_view import make_view

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_the_audit_screen_shows_the_fingerprint_verify_noted_checks(
        qtbot: QtBot, store: Store, manager: Actor, receptionist: Actor) -> None:
    for name in ("Ada Lovelace", "Grace Hopper"):
        guests.open_card(store, receptionist,
                         guests.create_guest(store, receptionist, GuestFields(name)).id)
    view = make_view(qtbot, store, manager)
    with store.read() as s:
        head = audit_chain.head(s)
    assert head is not None
    shown = re.findall(r"\d[\d,]*:[0-9A-F]{4}-[0-9A-F]{4}", view.fingerprint.text())
    assert shown and set(shown) == {audit_anchor.fingerprint(head[0], head[1])}
    view.close()
    assert verify_store(store, noted=[shown[0]]).ok
    # More work moves the head: the noted print still holds (the log went on) …
    guests.create_guest(store, receptionist, GuestFields("Alan Turing"))
    assert verify_store(store, noted=[shown[0]]).ok
    # … but a made-up print of the same event is named.
    number, digest = shown[0].split(":")
    other = f"{number}:{'0000-0000' if digest != '0000-0000' else '1111-1111'}"
    assert not verify_store(store, noted=[other]).ok
