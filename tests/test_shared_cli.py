"""The shared store from the command line: init --store, store-password, move-store, verify."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from app import guests, shared_store, staff
from app.cli import main
from app.opening import KeyringKey, open_store
from storage import audit_chain, postgres_move, queries
from storage.models import Role
from tests.pg_fixtures import DESK, SharedCluster

pytestmark = pytest.mark.postgres


def _digests(folder: Path) -> dict[str, tuple[int, str]]:
    store = open_store(folder, KeyringKey())
    try:
        with store.read() as s:
            return postgres_move.table_digests(s)
    finally:
        store.close()


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def test_init_then_a_desk_saves_its_password_and_verifies(
        pg_cluster: SharedCluster, empty_db: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    owner = pg_cluster.owner_url(empty_db)
    _stdin(monkeypatch, pg_cluster.owner_password + "\n4826\n")
    assert main(["init", "--store", owner, "--manager", "Eva Visser", "--password-stdin"]) == 0
    out = capsys.readouterr().out
    desk = pg_cluster.desk_url(empty_db)
    assert "frontdesk store-password --store" in out
    assert f"role {DESK}" in out
    assert pg_cluster.owner_password not in out
    _stdin(monkeypatch, pg_cluster.desk_password + "\n")
    assert main(["store-password", "--store", desk, "--password-stdin"]) == 0
    assert main(["verify", "--store", desk]) == 0
    assert "OK: integrity check passed" in capsys.readouterr().out
    store = shared_store.open_shared_store(desk)
    try:
        (manager,) = staff.list_staff(store)
        actor = staff.sign_in(store, manager.id, "4826")
        assert actor.name == "Eva Visser"
    finally:
        store.close()


def test_plain_text_address_is_refused_with_a_clear_message(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", "--store", "postgresql://d@localhost/x?sslmode=disable"]) == 2
    assert "verify-full" in capsys.readouterr().err


def test_environment_chooses_the_shared_store_but_data_dir_means_local(
        shared_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv(shared_store.ENV_STORE, shared_url)
    assert shared_store.resolve_store(None) == shared_url
    assert shared_store.resolve_store(None, tmp_path) is None
    assert main(["verify"]) == 0  # the shared store (empty, but a Frontdesk store)
    assert main(["verify", "--data-dir", str(tmp_path / "none")]) == 2
    assert "no store in this folder" in capsys.readouterr().err


def test_desk_setting_chooses_the_shared_store(shared_url: str) -> None:
    assert shared_store.resolve_store(None) is None
    shared_store.save_desk_store(shared_url)
    chosen = shared_store.resolve_store(None)
    assert chosen is not None
    assert shared_store.parse(chosen) == shared_store.parse(shared_url)  # CA file kept too
    shared_store.open_shared_store(chosen).close()
    shared_store.save_desk_store(None)
    assert shared_store.resolve_store(None) is None


def test_move_store_copies_everything_verifies_and_leaves_the_local_file(
        pg_cluster: SharedCluster, empty_db: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    local = tmp_path / "local"
    assert main(["demo-data", "--data-dir", str(local), "--guests", "120"]) == 0
    before = _digests(local)
    owner = pg_cluster.owner_url(empty_db)
    _stdin(monkeypatch, pg_cluster.owner_password + "\n")
    assert main(["init", "--store", owner, "--password-stdin"]) == 0
    desk = pg_cluster.desk_url(empty_db)
    shared_store.save_password(desk, pg_cluster.desk_password)
    capsys.readouterr()
    _stdin(monkeypatch, "4826\n")
    assert main(["move-store", "--data-dir", str(local), "--to", desk,
                 "--staff", "Eva Visser", "--pin-stdin"]) == 0
    assert "verified: 120 guests" in capsys.readouterr().out
    after = _digests(local)
    kept = ("guest", "visit", "assignment", "consent", "label", "label_wording")
    assert {t: after[t] for t in kept} == {t: before[t] for t in kept}
    assert after["audit_event"][0] > before["audit_event"][0]  # sign-in, copied_out
    local_store = open_store(local, KeyringKey())
    try:
        with local_store.read() as s:
            assert audit_chain.verify(s).ok
            assert queries.audit_events(s, limit=1)[0].action == "store.copied_out"
    finally:
        local_store.close()
    store = shared_store.open_shared_store(desk)
    try:
        with store.read() as s:
            assert queries.guest_count(s) == 120
            chain = audit_chain.verify(s)
            assert chain.ok, chain.problem
            assert queries.audit_events(s, limit=1)[0].action == "store.moved_in"
        eva = next(m for m in staff.list_staff(store) if m.name == "Eva Visser")
        actor = staff.sign_in(store, eva.id, "4826")
        assert guests.find_guests(store, actor, "a")  # the search works on the copy
        new = guests.create_guest(store, actor, guests.GuestFields("After Themove"))
        assert new.id > 120  # the id sequences were moved past the copied rows
    finally:
        store.close()
    # A second move into the now non-empty store is refused and changes nothing.
    _stdin(monkeypatch, "4826\n")
    assert main(["move-store", "--data-dir", str(local), "--to", desk,
                 "--staff", "Eva Visser", "--pin-stdin"]) == 2
    assert "is not empty" in capsys.readouterr().err


def test_backup_of_the_shared_store_is_refused_with_the_next_step(
        shared_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app import backup
    from app.errors import BackupFileError

    store = shared_store.open_shared_store(shared_url)
    try:
        actor = staff.create_first_manager(store, "Eva Visser", "4826")
        with pytest.raises(BackupFileError, match="backed up on its server"):
            backup.make_backup(store, actor, tmp_path / "out" / "b", "a long backup passphrase")
        assert not (tmp_path / "out").exists()
        assert backup.run_configured_backup(store) is None
    finally:
        store.close()


def test_a_manager_chooses_the_shared_store_for_this_desk_and_back(
        shared_url: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    store = shared_store.open_shared_store(shared_url)
    try:
        manager = staff.create_first_manager(store, "Eva Visser", "4826")
        staff.add_staff(store, manager, "Sam Bakker", Role.RECEPTIONIST, "5937")
    finally:
        store.close()
    _stdin(monkeypatch, "5937\n")  # a receptionist may not
    assert main(["use-store", "--store", shared_url, "--staff", "Sam Bakker",
                 "--pin-stdin"]) == 2
    assert shared_store.chosen_store() is None
    _stdin(monkeypatch, "4826\n")
    assert main(["use-store", "--store", shared_url, "--staff", "Eva Visser",
                 "--pin-stdin"]) == 0
    assert shared_store.resolve_store(None) is not None
    assert main(["verify"]) == 0  # no --store: the desk's setting chooses the shared store
    _stdin(monkeypatch, "4826\n")
    assert main(["use-store", "--local", "--staff", "Eva Visser", "--pin-stdin"]) == 0
    assert shared_store.resolve_store(None) is None
    store = shared_store.open_shared_store(shared_url)
    try:
        with store.read() as s:
            actions = [e.action for e in queries.audit_events(s, limit=20)]
        assert "desk.store_chosen" in actions and "desk.store_left" in actions
    finally:
        store.close()
