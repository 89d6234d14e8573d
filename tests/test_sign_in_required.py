"""No use case without a real sign-in: Actors come only from ``app.staff``; ``require`` checks them.

The walk below finds every public function in ``app`` that takes an ``actor``
and calls it with ``None`` and with forged Actors; each must refuse with
``PermissionDenied`` before doing anything (no audit event, no other error).
"""

from __future__ import annotations

import copy
import dataclasses
import importlib
import inspect
import pickle
import pkgutil
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import app
from app import audit_log, backup, guests, staff, staff_admin
from app.errors import PermissionDenied, SignInError
from app.guests import GuestFields
from app.opening import MemoryKey, open_store
from app.permissions import Action, require
from app.views import Actor
from storage import queries
from storage.models import Role
from storage.store import Store
from tests.conftest import MANAGER_PIN, as_manager

SKIP_MODULES = {"app.cli", "app.__main__"}   # the launcher; commands are tested via the CLI


def _use_cases() -> Iterator[tuple[str, Callable[..., Any]]]:
    for info in pkgutil.walk_packages(app.__path__, "app."):
        if info.name in SKIP_MODULES or info.name.startswith("app.commands"):
            continue
        module = importlib.import_module(info.name)
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ != module.__name__ or name.startswith("_"):
                continue
            params = inspect.signature(fn).parameters
            # A helper taking a Session runs inside a use case's transaction, after its
            # require() (audit writers, review answers): not an entry point.
            if "actor" in params and not any(str(p.annotation) == "Session"
                                             for p in params.values()):
                yield f"{info.name}.{name}", fn


USE_CASES = sorted(_use_cases(), key=lambda item: item[0])
# Taking an actor without acting as them: ending one's own sign-in.
# The audit writers a use case calls after its own require() (the read auditing of
# app.audit; record and look take a Session, so the walk skips them anyway).
NOT_GUARDED = {"app.staff.sign_out", "app.permissions.end_session", "app.audit.bulk_read",
               "app.audit.note_search", "app.audit.record_late"}


def _samples() -> dict[str, object]:
    """Arguments that decide which permission a use case asks for (not poisoned)."""
    from app import venue_settings

    return {"SettingSpec": venue_settings.VENUE_NAME,
            "dict[str, object]": {venue_settings.VENUE_NAME.key: "Hotel Forged"}}


SAMPLES = _samples()


def _forge(staff_id: int, name: str, role: Role, token: str) -> Actor:
    """What someone bypassing the constructor could build (no registered session)."""
    fake = object.__new__(Actor)
    for slot, value in (("_id", staff_id), ("_name", name), ("_role", role), ("_service", ""),
                        ("_token", token)):
        object.__setattr__(fake, slot, value)
    return fake


class Poison:
    """Any argument after the actor: touching it means the function acted before checking."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"used the argument ({name}) before require()")


@pytest.fixture
def other_store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "other", MemoryKey())
    staff.create_first_manager(s, "Eva Visser", MANAGER_PIN)   # same id (1) and name
    yield s
    s.close()


def _bad_actors(store: Store, manager: Actor, receptionist: Actor, other: Store
                ) -> dict[str, Any]:
    return {
        "None": None,
        "forged": _forge(manager.id, manager.name, Role.MANAGER, secrets.token_urlsafe(24)),
        "spliced": _forge(manager.id, manager.name, Role.MANAGER, receptionist._token),
        "other store": staff.sign_in_by_name(other, "Eva Visser", MANAGER_PIN),
        "signed out": _signed_out(store),
        "a string": "Eva Visser",
    }


def _signed_out(store: Store) -> Actor:
    a = staff.sign_in_by_name(store, "Eva Visser", MANAGER_PIN)
    staff.sign_out(a)
    return a


def _event_count(store: Store) -> int:
    with store.read() as s:
        return queries.audit_event_count(s)


def test_the_walk_finds_the_use_cases() -> None:
    names = {n for n, _ in USE_CASES}
    assert len(names) > 50
    assert {"app.guests.open_card", "app.erasure.erase_guest", "app.export.export_report",
            "app.backup.make_backup", "app.recovery.set_up_recovery", "app.staff.add_staff",
            "app.visits.today_list", "app.audit_log.list_events"} <= names


def test_no_use_case_accepts_none_or_a_forged_actor(
    store: Store, manager: Actor, receptionist: Actor, other_store: Store,
) -> None:
    """One store for the whole walk (a store per use case would take minutes)."""
    bad_actors = _bad_actors(store, manager, receptionist, other_store)
    before = _event_count(store)
    walked = 0
    for name, fn in USE_CASES:
        if name in NOT_GUARDED:
            continue
        sig = inspect.signature(fn)
        for label, bad in bad_actors.items():
            args: dict[str, Any] = {}
            for p in sig.parameters.values():
                if p.name == "store" or p.annotation in ("Store", Store):
                    args[p.name] = store
                elif p.name == "actor":
                    args[p.name] = bad
                elif p.name == "action":
                    args[p.name] = Action.VIEW_GUEST
                elif str(p.annotation) in SAMPLES:   # where the permission comes from
                    args[p.name] = SAMPLES[str(p.annotation)]
                elif p.default is inspect.Parameter.empty:
                    args[p.name] = Poison()
            try:
                fn(**args)
            except PermissionDenied:
                pass
            else:
                pytest.fail(f"{name} accepted a {label} actor")
            assert _event_count(store) == before, f"{name} wrote with a {label} actor"
        walked += 1
    assert walked == len([n for n, _ in USE_CASES if n not in NOT_GUARDED])


def test_an_actor_cannot_be_made_by_hand(manager: Actor) -> None:
    with pytest.raises(TypeError):
        Actor(manager.id, manager.name, Role.MANAGER)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        type("Sub", (Actor,), {})
    with pytest.raises(TypeError):
        pickle.dumps(manager)
    with pytest.raises(TypeError):
        dataclasses.replace(manager, role=Role.MANAGER)  # type: ignore[type-var]
    with pytest.raises(AttributeError):
        manager.role = Role.MANAGER  # type: ignore[misc]
    with pytest.raises(AttributeError):
        object.__setattr__(manager, "extra", 1)   # no __dict__: nothing to smuggle in
    assert copy.copy(manager) is manager and copy.deepcopy(manager) is manager


def test_a_forged_role_is_ignored(store: Store, manager: Actor, receptionist: Actor) -> None:
    """The role comes from the store, not the Actor: a receptionist stays a receptionist."""
    promoted = _forge(receptionist.id, receptionist.name, Role.MANAGER, receptionist._token)
    require(store, promoted, Action.SEARCH_GUESTS)          # the same live session...
    with pytest.raises(PermissionDenied, match="receptionist may not"):
        audit_log.list_events(store, promoted)              # ...with the stored role


def test_deactivation_takes_effect_at_once(store: Store, manager: Actor,
                                           receptionist: Actor) -> None:
    g = guests.create_guest(store, receptionist, GuestFields("Ada Lovelace"))
    staff.set_active(store, manager, receptionist.id, False)
    with pytest.raises(PermissionDenied, match="deactivated"):
        guests.open_card(store, receptionist, g.id)
    with pytest.raises(SignInError, match="deactivated"):
        staff.sign_in(store, receptionist.id, "3917")
    staff.set_active(store, manager, receptionist.id, True)
    assert guests.open_card(store, receptionist, g.id).guest.full_name == "Ada Lovelace"


def test_demotion_takes_effect_at_once(store: Store, manager: Actor) -> None:
    info = staff.add_staff(store, manager, "Noor El Amrani", Role.MANAGER, "6148")
    noor = staff.sign_in(store, info.id, "6148")
    assert audit_log.list_events(store, noor)
    staff_admin.change_role(store, manager, info.id, Role.RECEPTIONIST)
    with pytest.raises(PermissionDenied, match="receptionist may not"):
        audit_log.list_events(store, noor)
    with pytest.raises(PermissionDenied, match="receptionist may not"):
        staff_admin.change_role(store, noor, manager.id, Role.HOST)
    assert guests.list_guests(store, noor) == []            # desk work goes on
    events = audit_log.list_events(store, manager,
                                   audit_log.AuditFilter(action="staff.role_changed"))
    assert [e.action for e in events] == ["staff.role_changed"]


def test_sign_out_ends_the_session(store: Store, receptionist: Actor) -> None:
    guests.list_guests(store, receptionist)
    staff.sign_out(receptionist)
    with pytest.raises(PermissionDenied, match="sign in again"):
        guests.list_guests(store, receptionist)


def test_restore_needs_a_manager_of_the_backup(store: Store, manager: Actor,
                                               receptionist: Actor, tmp_path: Path) -> None:
    out = backup.make_backup(store, manager, tmp_path / "b.fdbackup", "horse staple battery")
    target = tmp_path / "restored"
    for who in (lambda s: None, lambda s: receptionist, lambda s: manager,
                lambda s: staff.sign_in_by_name(s, "Sam Bakker", "3917")):
        with pytest.raises(PermissionDenied):
            backup.restore_backup(out, "horse staple battery", target, MemoryKey(), who,
                                  accept_unknown_erasures=True)
        assert not target.exists() or not any(p.name.startswith("frontdesk.db")
                                              for p in target.iterdir())
    result = backup.restore_backup(out, "horse staple battery", target, MemoryKey(), as_manager,
                                   accept_unknown_erasures=True)
    try:
        assert result.restored_by.name == "Eva Visser"
        events = audit_log.list_events(result.store, result.restored_by)
        assert events[0].action == "recovery.set_up" or events[0].action == "store.restored"
        assert "store.restored" in {e.action for e in events[:3]}
    finally:
        result.store.close()


def test_only_app_staff_issues_actors() -> None:
    """``permissions.issue`` is the mint; only the sign-in module may call it."""
    root = Path(app.__file__).parent
    callers = sorted(str(p.relative_to(root)) for p in root.rglob("*.py")
                     if "issue(" in p.read_text(encoding="utf-8")
                     and p.name not in ("permissions.py",))
    assert callers == ["staff.py"]
    for p in Path(root).parent.joinpath("ui").rglob("*.py"):
        assert "_actor(" not in p.read_text(encoding="utf-8"), p
