"""Every `frontdesk` command that reads or changes guest data or the store signs a person in.

`--staff NAME` plus the PIN (terminal, `--pin-stdin` or `--pin-file`), checked
against the same permission table as the GUI and audited under that person.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import keyring
import pytest

from app import audit_log, export, guests, staff
from app.cli import main
from app.opening import KeyringKey, PassphraseKey, open_store
from app.views import Actor
from storage.store import Store
from tests.keyrings import MemoryKeyring
from tests.pg_fixtures import SharedCluster

ROOT = Path(__file__).resolve().parent.parent


def readme_demo_staff() -> dict[str, tuple[str, str]]:
    """The README's "Demo staff" table: name -> (role, PIN), as a reader would type them."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("**Demo staff**", 1)[1].split("\n\n", 2)[1]
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in table.splitlines()]
    return {name: (role, pin) for name, role, pin in rows[2:]}


EVA, SAM = (("Eva Visser", readme_demo_staff()["Eva Visser"][1]),
            ("Sam Bakker", readme_demo_staff()["Sam Bakker"][1]))


def test_the_readme_demo_table_is_the_demo_staff_and_no_pin_is_trivial() -> None:
    from app.demo import DEMO_STAFF
    from app.pins import trivial_reason

    table = readme_demo_staff()
    assert table == {name: (role.value, pin) for name, role, pin in DEMO_STAFF}
    assert [pin for _role, pin in table.values() if trivial_reason(pin)] == []
    assert "manager" in {role for role, _pin in table.values()}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")   # its example uses the table
    assert f'echo {table["Eva Visser"][1]} | frontdesk erase-guest GUEST --yes --staff ' \
           '"Eva Visser" --pin-stdin' in readme.replace("\n  ", " ")


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def with_store(folder: Path, fn: Callable[[Store, Actor], object], key: object = None) -> object:
    s = open_store(folder, key or KeyringKey(), create=False)   # type: ignore[arg-type]
    try:
        return fn(s, staff.sign_in_by_name(s, *EVA))
    finally:
        s.close()


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory
                  ) -> tuple[Path, dict[tuple[str, str], str], str]:
    """One `demo-data` store per module (it takes seconds), with its keyring entries."""
    base = tmp_path_factory.mktemp("demo-template")
    backend, previous = MemoryKeyring(), keyring.get_keyring()
    with pytest.MonkeyPatch.context() as mp:
        for var in ("FRONTDESK_LOG_DIR", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
            mp.setenv(var, str(base / var.lower()))
        keyring.set_keyring(backend)
        try:
            assert main(["demo-data", "--data-dir", str(base / "demo"), "--guests", "30"]) == 0
            ref = with_store(base / "demo", lambda s, a: guests.list_guests(s, a)[0].ref)
        finally:
            keyring.set_keyring(previous)
    assert isinstance(ref, str)
    return base / "demo", dict(backend.secrets), ref


@pytest.fixture
def demo(demo_template: tuple[Path, dict[tuple[str, str], str], str], tmp_path: Path,
         isolated: MemoryKeyring) -> tuple[Path, str]:
    """A copy of the `demo-data` store (its key in this test's keyring) and a guest's ref."""
    template, secrets, ref = demo_template
    shutil.copytree(template, tmp_path / "demo")
    isolated.secrets.update(secrets)
    return tmp_path / "demo", ref


def run(argv: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    try:
        return main(argv)
    except SystemExit as exc:   # argparse: a missing required option
        return int(exc.code or 0)


def test_readme_erase_guest_with_staff_and_pin_on_stdin(tmp_path: Path) -> None:
    """The README's done-when, in a real process: without --staff nothing changes."""
    folder = tmp_path / "demo"
    secret = tmp_path / "passphrase"
    secret.write_text("correct horse battery staple\n")
    base = [sys.executable, "-m", "app", "--data-dir", str(folder), "--passphrase-file",
            str(secret)]
    made = subprocess.run([*base, "demo-data", "--guests", "30"], cwd=ROOT, capture_output=True,
                          text=True, timeout=180)
    assert made.returncode == 0, made.stderr
    name, pin = EVA
    assert f"{name} {pin}" in made.stdout
    key = PassphraseKey("correct horse battery staple")
    ref = with_store(folder, lambda s, a: guests.list_guests(s, a)[0].ref, key)
    before = snapshot(folder)
    refused = subprocess.run([*base, "erase-guest", str(ref), "--yes"], cwd=ROOT,
                             input=pin + "\n", capture_output=True, text=True, timeout=120)
    assert refused.returncode != 0 and "--staff" in refused.stderr
    assert snapshot(folder) == before
    done = subprocess.run([*base, "erase-guest", str(ref), "--yes", "--staff", name,
                           "--pin-stdin"], cwd=ROOT, input=pin + "\n", capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"Erased guest {ref}" in done.stdout

    def check(s: Store, a: Actor) -> None:
        events = audit_log.list_events(s, a, audit_log.AuditFilter(guest_ref=str(ref)))
        erased = next(e for e in events if e.action == "guest.erased")
        assert erased.staff_name == "Eva Visser"
        with pytest.raises(Exception, match="No guest matches"):
            export.resolve_guest(s, a, str(ref))
    with_store(folder, check, key)


@pytest.mark.parametrize("command", [
    ["erase-guest", "{ref}", "--yes"],
    ["export-guest", "{ref}", "--format", "json", "--out", "{tmp}/g.json"],
    ["backup", "--out", "{tmp}/b.fdbackup", "--backup-passphrase-file", "{tmp}/bp"],
    ["restore", "--from", "{tmp}/ok.fdbackup", "--backup-passphrase-file", "{tmp}/bp"],
    ["recovery-setup"],
    ["import", "{tmp}/arrivals.csv", "--yes"],
], ids=["erase-guest", "export-guest", "backup", "restore", "recovery-setup", "import"])
def test_each_command_refuses_without_a_valid_sign_in(
    command: list[str], demo: tuple[Path, str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    folder, ref = demo
    (tmp_path / "bp").write_text("horse staple battery\n")
    shutil.copy(ROOT / "tests" / "data" / "english_iso_remarks.csv", tmp_path / "arrivals.csv")
    from app import backup

    with_store(folder, lambda s, a: backup.make_backup(s, a, tmp_path / "ok.fdbackup",
                                                       "horse staple battery"))
    argv = ["--data-dir", str(folder)] + [
        part.format(ref=ref, tmp=tmp_path) for part in command]
    before = snapshot(folder)
    # No --staff at all: refused before the store is even opened.
    assert run(argv, "4826\n", monkeypatch) != 0
    assert "--staff" in capsys.readouterr().err
    assert snapshot(folder) == before
    # A wrong PIN: refused (the failed attempt is audited, nothing else is written).
    assert run([*argv, "--staff", "Eva Visser", "--pin-stdin"], "9999\n", monkeypatch) == 2
    assert "Wrong PIN" in capsys.readouterr().err
    # Nobody of that name.
    assert run([*argv, "--staff", "Mallory", "--pin-stdin"], "4826\n", monkeypatch) == 2
    assert "No active staff member" in capsys.readouterr().err
    # Deactivated: a former colleague's PIN no longer works.
    sam = with_store(folder, lambda s, a: next(x for x in staff.list_staff(s)
                                               if x.name == "Sam Bakker"))
    with_store(folder, lambda s, a: staff.set_active(s, a, sam.id, False))  # type: ignore
    assert run([*argv, "--staff", "Sam Bakker", "--pin-stdin"], "3917\n", monkeypatch) == 2
    assert "No active staff member is called “Sam Bakker”" in capsys.readouterr().err
    assert not (tmp_path / "g.json").exists() and not (tmp_path / "b.fdbackup").exists()
    assert with_store(folder, lambda s, a: guests.guest_count(s)) == 30
    assert not [p for p in folder.iterdir() if p.name.startswith("before-restore")]


@pytest.mark.parametrize("command", [
    ["erase-guest", "{ref}", "--yes"],
    ["backup", "--out", "{tmp}/b.fdbackup", "--backup-passphrase-file", "{tmp}/bp"],
    ["restore", "--from", "{tmp}/ok.fdbackup", "--backup-passphrase-file", "{tmp}/bp"],
    ["recovery-setup"],
], ids=["erase-guest", "backup", "restore", "recovery-setup"])
def test_manager_commands_refuse_desk_staff(
    command: list[str], demo: tuple[Path, str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    folder, ref = demo
    (tmp_path / "bp").write_text("horse staple battery\n")
    from app import backup

    with_store(folder, lambda s, a: backup.make_backup(s, a, tmp_path / "ok.fdbackup",
                                                       "horse staple battery"))
    argv = ["--data-dir", str(folder)] + [
        part.format(ref=ref, tmp=tmp_path) for part in command]
    assert run([*argv, "--staff", "Sam Bakker", "--pin-stdin"], "3917\n", monkeypatch) == 2
    assert "receptionist may not" in capsys.readouterr().err
    assert with_store(folder, lambda s, a: guests.guest_count(s)) == 30
    assert not (tmp_path / "b.fdbackup").exists()
    assert not [p for p in folder.iterdir() if p.name.startswith("before-restore")]
    # The same command as the manager works, and is audited under her.
    assert run([*argv, "--staff", "Eva Visser", "--pin-stdin"], "4826\n", monkeypatch) == 0

    def last_by_eva(s: Store, a: Actor) -> None:
        mine = audit_log.list_events(s, a, audit_log.AuditFilter(staff_id=a.id))
        assert {"guest.erased", "backup.made", "store.restored", "recovery.set_up"} & {
            e.action for e in mine}
    with_store(folder, last_by_eva)


def test_export_is_desk_work_and_audited_under_the_person(demo: tuple[Path, str], tmp_path: Path,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    folder, ref = demo
    out = tmp_path / "g.json"
    assert run(["--data-dir", str(folder), "export-guest", ref, "--format", "json", "--out",
                str(out), "--staff", "Sam Bakker", "--pin-stdin"], "3917\n", monkeypatch) == 0
    assert out.exists()

    def exported_by(s: Store, a: Actor) -> list[str | None]:   # audited under Sam
        events = audit_log.list_events(s, a, audit_log.AuditFilter(action="guest.exported"))
        return [e.staff_name for e in events if e.guest_ref == ref]
    assert with_store(folder, exported_by) == ["Sam Bakker"]


def test_demo_data_refuses_a_folder_with_a_store(demo: tuple[Path, str],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    folder, _ = demo
    before = snapshot(folder)
    assert main(["demo-data", "--data-dir", str(folder), "--guests", "5"]) == 2
    assert "already holds a store" in capsys.readouterr().err
    assert snapshot(folder) == before


def test_no_terminal_and_no_pin_stdin_is_refused(demo: tuple[Path, str], tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    folder, ref = demo
    assert run(["--data-dir", str(folder), "erase-guest", ref, "--yes", "--staff",
                "Eva Visser"], "4826\n", monkeypatch) == 2
    assert "--pin-stdin" in capsys.readouterr().err
    assert with_store(folder, lambda s, a: guests.guest_count(s)) == 30


@pytest.mark.parametrize("pin", ["0000", "1234", "4321", "0123", "7890", "2468", "1212",
                                 "2580"])
def test_trivial_pins_are_refused(store: Store, manager: Actor, pin: str) -> None:
    from app.domain import Role
    from app.errors import ValidationError

    with pytest.raises(ValidationError, match="too easy to guess"):
        staff.add_staff(store, manager, "Ann Example", Role.HOST, pin)
    with pytest.raises(ValidationError, match="too easy to guess"):
        staff.reset_pin(store, manager, manager.id, pin)
    assert staff.add_staff(store, manager, f"Ann {pin}", Role.HOST, "6148").name == f"Ann {pin}"


def test_init_refuses_a_trivial_pin_and_writes_nothing(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    pin = tmp_path / "pin"
    pin.write_text("1111\n")
    folder = tmp_path / "new"
    assert main(["init", "--data-dir", str(folder), "--manager", "Eva Visser",
                 "--pin-file", str(pin)]) == 2
    assert "too easy to guess" in capsys.readouterr().err
    assert not folder.exists()


def test_the_scheduled_backup_runs_on_its_own_credential_and_nothing_else(
        store: Store, manager: Actor, data_dir: Path, tmp_path: Path,
        isolated: MemoryKeyring, capsys: pytest.CaptureFixture[str]) -> None:
    from app import backup, erasure
    from app.errors import PermissionDenied

    g = guests.create_guest(store, manager, guests.GuestFields("Ada Lovelace"))
    folder = tmp_path / "daily"
    backup.set_backup_settings(store, manager, enabled=True, folder=folder, keep=3,
                               passphrase="horse staple battery")
    service = staff.backup_service(store)
    for forbidden in (lambda: erasure.erase_guest(store, service, g.id),
                      lambda: backup.make_backup(store, service, tmp_path / "x",
                                                 "horse staple battery"),
                      lambda: guests.open_card(store, service, g.id),
                      lambda: audit_log.list_events(store, service)):
        with pytest.raises(PermissionDenied, match="credential may not"):
            forbidden()
    store.close()
    assert main(["scheduled-backup", "--data-dir", str(data_dir)]) == 0
    assert "Daily backup written to" in capsys.readouterr().out
    assert main(["scheduled-backup", "--data-dir", str(data_dir)]) == 0   # not due again
    assert "No backup was due" in capsys.readouterr().out
    assert len(list(folder.iterdir())) == 1
    s = open_store(data_dir, KeyringKey(), create=False)
    try:
        eva = staff.sign_in_by_name(s, *EVA)
        made = audit_log.list_events(s, eva, audit_log.AuditFilter(action="backup.made"))
        assert made[0].staff_id is None and '"credential":"backup"' in made[0].detail
        # Switched off: the credential is revoked at once, even for an Actor already issued.
        backup.set_backup_settings(s, eva, enabled=False, folder=None, keep=3)
        from app.permissions import Action, require

        with pytest.raises(PermissionDenied, match="revoked"):
            require(s, service, Action.SCHEDULED_BACKUP)
        with pytest.raises(PermissionDenied, match="no valid credential"):
            staff.backup_service(s)
        # A secret someone typed into the keyring is not the credential either.
        backup.set_backup_settings(s, eva, enabled=True, folder=folder, keep=3)
        isolated.secrets[("frontdesk", f"{s.store_id}.backup-credential")] = "guessed"
        with pytest.raises(PermissionDenied, match="no valid credential"):
            staff.backup_service(s)
    finally:
        s.close()


# Commands that sign no person in, each for the reason docs/threat-model.md gives. A new
# command that touches the store either takes --staff or is added here after review.
NO_SIGN_IN = {
    "verify": "reads integrity, the chain and its anchors; prints counts and problems only",
    "recover": "the recovery passphrase is as good as the key; audited as recovery.used",
    "scheduled-backup": "the backup-only credential (kept in the keyring)",
    "self-test": "a throw-away store of its own",
    "init": "a new store and its first manager; refuses a store that has staff",
    "demo-data": "writes only into a folder without a store",
    "store-password": "the desk password into this desk's keyring; nothing in the store",
    "autostart": "a login entry in the OS account's own settings; opens no store",
}


def test_every_command_signs_a_person_in_or_is_a_reviewed_exception() -> None:
    import argparse

    from app.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    without = {name for name, p in sub.choices.items()
               if not any(a.dest == "staff" and a.required for a in p._actions)}
    assert without == set(NO_SIGN_IN)
    assert {"erase-guest", "export-guest", "backup", "restore", "recovery-setup", "import",
            "move-store", "use-store"} <= set(sub.choices) - without


def test_recover_is_audited_as_the_recovery_passphrase(store: Store, manager: Actor,
                                                       data_dir: Path) -> None:
    from app import recovery

    phrase = recovery.set_up_recovery(store, manager)
    store.close()
    keyring.set_keyring(MemoryKeyring())   # the keyring lost the key
    got = recovery.open_with_recovery(data_dir, phrase)
    try:
        eva = staff.sign_in_by_name(got.store, *EVA)
        used = audit_log.list_events(got.store, eva,
                                     audit_log.AuditFilter(action="recovery.used"))
        assert len(used) == 1 and used[0].staff_id is None
    finally:
        got.store.close()


@pytest.mark.postgres
def test_move_store_refuses_desk_staff_and_a_wrong_pin(
        pg_cluster: SharedCluster, empty_db: str, demo: tuple[Path, str],
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Copying every guest to a server is a manager's act, signed in like the others."""
    from app import shared_store
    from storage import queries

    folder, _ref = demo
    assert run(["init", "--store", pg_cluster.owner_url(empty_db), "--password-stdin"],
               pg_cluster.owner_password + "\n", monkeypatch) == 0
    desk = pg_cluster.desk_url(empty_db)
    shared_store.save_password(desk, pg_cluster.desk_password)
    before = snapshot(folder)
    capsys.readouterr()
    argv = ["move-store", "--data-dir", str(folder), "--to", desk, "--pin-stdin"]
    assert run(argv, EVA[1] + "\n", monkeypatch) != 0            # no --staff
    assert "--staff" in capsys.readouterr().err
    assert run([*argv, "--staff", SAM[0]], SAM[1] + "\n", monkeypatch) == 2   # desk staff
    assert "ask a manager" in capsys.readouterr().err
    assert run([*argv, "--staff", EVA[0]], "9999\n", monkeypatch) == 2         # wrong PIN
    assert "Wrong PIN" in capsys.readouterr().err
    store = shared_store.open_shared_store(desk)
    try:
        with store.read() as s:
            assert queries.guest_count(s) == 0 and queries.audit_event_count(s) == 0
    finally:
        store.close()
    after = snapshot(folder)   # the refused sign-ins are audited locally, nothing else moved
    assert set(after) == set(before)
