"""Logs and crash reports never hold guest names, contact details or label wording.

The main flows run with canary values at the most talkative log level; then
every file in the log folder (and every crash report) is scanned for them.
Temporary files: none may be left in the system temp folder.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import backup, consents, crash, erasure, export, guests, labels, visits, vocabulary
from app.cli import main
from app.errors import FrontdeskError, NotFound, ValidationError
from app.guests import GuestFields
from app.logs import setup_logging
from app.views import Actor, Wording
from storage.models import Category, ConsentPurpose, RemovalReason, Sensitivity, Source, VisitKind
from storage.store import Store

NAME = "Qwertzuiop Canaryname"
EMAIL = "canarymail7c1@example.com"
PHONE = "+31 6 7777 1234"
WORDING = "Canarywording likes the quiet corner"
PURPOSE = "Canarypurpose so we seat them well"
CANARIES = [NAME, "Qwertzuiop", EMAIL, "canarymail7c1", PHONE, "7777 1234", "Canarywording",
            "Canarypurpose"]


def scan(folder: Path) -> list[Path]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    for p in files:
        text = p.read_bytes().decode("utf-8", "replace")
        for canary in CANARIES:
            assert canary not in text, (p.name, canary)
            assert canary.lower() not in text.lower(), (p.name, canary)
    return files


@pytest.fixture
def system_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the process's temp folder at an empty folder we can inspect afterwards."""
    folder = tmp_path / "system-tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setenv("TMPDIR", str(folder))
    yield folder


def test_main_flows_leave_no_guest_data_in_logs(store: Store, manager: Actor, tmp_path: Path,
                                                system_tmp: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    log_folder = setup_logging(logging.DEBUG)
    g = guests.create_guest(store, manager, GuestFields(NAME, preferred_name=NAME,
                                                        email=EMAIL, phone=PHONE))
    guests.update_guest(store, manager, g.id, GuestFields(NAME, pronunciation=NAME,
                                                          email=EMAIL, phone=PHONE))
    assert guests.find_guests(store, manager, "qwertz")[0].id == g.id
    guests.open_card(store, manager, g.id)
    draft = vocabulary.LabelDraft(Category.PREFERENCE, WORDING, Sensitivity.NORMAL, 365,
                                  (Wording("en", WORDING, PURPOSE),))
    proposed = vocabulary.propose_label(store, manager, draft)
    vocabulary.review_label(store, manager, proposed.id, True, "", answer="none")
    a = labels.assign_label(store, manager, g.id, proposed.id, Source.GUEST_TOLD)
    labels.remove_label(store, manager, a.id, RemovalReason.GUEST_REQUEST)
    c = consents.record_consent(store, manager, g.id, ConsentPurpose.HEALTH)
    consents.withdraw_consent(store, manager, c.id, by_guest=True)
    v = visits.record_visit(store, manager, g.id, kind=VisitKind.STAY,
                            starts_at=dt.datetime(2026, 5, 1, 14), place="12")
    from storage.models import VisitStatus

    visits.set_status(store, manager, v.id, VisitStatus.ARRIVED)
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    report = export.export_report(store, manager, g.id, "json")
    export.write_json(report, chosen / "guest.json")
    assert NAME in (chosen / "guest.json").read_text(encoding="utf-8")
    backup.make_backup(store, manager, chosen / "b.fdbackup", "backup passphrase")
    # Errors whose messages quote what was typed.
    for bad in (GuestFields(NAME, email=f"{EMAIL} not valid"),
                GuestFields(NAME + "\x07"), GuestFields(NAME * 20)):
        with pytest.raises(ValidationError) as err:
            guests.create_guest(store, manager, bad)
        logging.getLogger("frontdesk.test").exception("refused %s", type(err.value).__name__,
                                                      exc_info=err.value)
    with pytest.raises(NotFound):
        guests.open_card(store, manager, 999_999)
    erasure.erase_guest(store, manager, g.id)
    store.close()
    # The CLI's error path (it logs the failure type).
    assert main(["verify", "--data-dir", str(tmp_path / "nowhere")]) == 2
    capsys.readouterr()
    logging.shutdown()
    files = scan(log_folder)
    text = "".join(p.read_text(encoding="utf-8") for p in files)
    assert "ValidationError" in text and "<message withheld" in text
    assert "backup finished" in text
    assert sorted(p.name for p in chosen.iterdir()) == ["b.fdbackup", "guest.json"]
    assert list(system_tmp.iterdir()) == []


class GuestDataError(FrontdeskError):
    pass


def _raise_nested() -> None:
    try:
        raise ValidationError("Email", f"“{EMAIL}” does not look like an email address.")
    except ValidationError as exc:
        secret = NAME  # a frame local holding guest data  # noqa: F841
        raise GuestDataError(f"Could not save {NAME}") from exc


def test_crash_report_withholds_messages_and_locals(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    log_folder = setup_logging(logging.DEBUG)
    shown: list[str] = []
    crash.install(shown.append)
    try:
        try:
            _raise_nested()
        except GuestDataError as exc:
            crash.handle(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = sys.__excepthook__
        import threading

        threading.excepthook = threading.__excepthook__
    (message,) = shown
    assert "GuestDataError" in message and NAME not in message
    logging.shutdown()
    files = scan(log_folder)
    reports = [p for p in files if p.name.startswith("crash-")]
    assert len(reports) == 1
    text = reports[0].read_text(encoding="utf-8")
    assert "GuestDataError" in text and "ValidationError" in text
    assert "_raise_nested" in text and "The above was caused by" in text
    assert "secret" not in text


def test_unhandled_exception_in_a_real_process(tmp_path: Path) -> None:
    """The hook installed by the CLI: stderr and the log folder stay free of the message."""
    logs = tmp_path / "proc-logs"
    code = ("from app.crash import install; from app.logs import setup_logging\n"
            "setup_logging(); install()\n"
            f"raise ValueError('guest {NAME} at {EMAIL}')\n")
    env = dict(os.environ, FRONTDESK_LOG_DIR=str(logs))
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          cwd=root)
    assert proc.returncode == 1
    assert "internal error (ValueError)" in proc.stderr
    assert NAME not in proc.stderr and EMAIL not in proc.stderr
    files = scan(logs)
    assert any(p.name.startswith("crash-") for p in files)
