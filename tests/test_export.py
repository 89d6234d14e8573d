"""A copy to take home: JSON export, `frontdesk export-guest` (PDF and JSON), `erase-guest`."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from app import export, guests, labels, report, staff, visits, vocabulary
from app.cli import main
from app.domain import Source, VisitKind
from app.errors import NotFound, ValidationError
from app.guests import GuestFields
from app.opening import PassphraseKey, open_store
from app.views import Actor
from storage.store import Store

ROOT = Path(__file__).resolve().parent.parent
PASSPHRASE = "export test passphrase"


def _fill(store: Store, actor: Actor) -> int:
    g = guests.create_guest(store, actor, GuestFields(
        "Jean-Pierre Thomassen", "Jean-Pierre", "TOH-mah-sen", "nl", "JP@example.com",
        "+31 6 12345678"))
    guests.create_guest(store, actor, GuestFields("Jean Other"))
    visits.record_visit(store, actor, g.id, kind=VisitKind.STAY,
                        starts_at=dt.datetime(2026, 3, 2, 15), ends_on=dt.date(2026, 3, 4),
                        place="204")
    for lb in labels.approved_labels(store, actor)[:2]:
        labels.assign_label(store, actor, g.id, lb.id, Source.GUEST_TOLD)
    guests.open_card(store, actor, g.id)
    return g.id


def test_json_export_has_the_report_raw_values_and_a_schema_version(
    store: Store, manager: Actor, tmp_path: Path
) -> None:
    gid = _fill(store, manager)
    rep = export.export_report(store, manager, gid, "json")
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "mine.json"
    out.write_text("old", encoding="utf-8")
    export.write_json(rep, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema_version"] == export.SCHEMA_VERSION and data["language"] == "nl"
    guest = data["data"]["guest"][0]
    assert guest["full_name"] == "Jean-Pierre Thomassen" and guest["created_at"][4] == "-"
    assert data["data"]["visit"][0]["starts_at"] == "2026-03-02T15:00:00"
    assert data["data"]["visit"][0]["kind"] == "stay"
    assert len(data["data"]["assignment"]) == 2
    headings = [it["heading"] for s in data["report"]["sections"] if s["key"] == "labels"
                for it in s["items"]]
    assert headings == [it.heading for it in rep.section("labels").items]
    assert data["report"]["title"] == "Alles wat we over u bewaren"
    assert [p.name for p in out.parent.iterdir()] == ["mine.json"]  # no temp file left over


def test_resolve_guest_by_ref_email_or_unique_name(store: Store, manager: Actor) -> None:
    gid = _fill(store, manager)
    ref = guests.get_guest(store, manager, gid).ref
    assert export.resolve_guest(store, manager, ref).id == gid
    from app.report_text import short_ref

    assert export.resolve_guest(store, manager, short_ref(ref)).id == gid  # as on the copy
    assert export.resolve_guest(store, manager,
                                short_ref(ref).lower().replace("-", " ")).id == gid
    assert export.resolve_guest(store, manager, "jp@EXAMPLE.com").id == gid
    assert export.resolve_guest(store, manager, "thomassen").id == gid
    with pytest.raises(ValidationError, match="2 guests match"):
        export.resolve_guest(store, manager, "jean")
    with pytest.raises(NotFound):
        export.resolve_guest(store, manager, "nobody@example.com")


STAFF = ["--staff", "Eva Visser", "--pin-stdin"]   # and the PIN on standard input


def _cli_store(tmp_path: Path) -> tuple[Path, Path, str]:
    data_dir = tmp_path / "store"
    pp = tmp_path / "passphrase"
    pp.write_text(PASSPHRASE, encoding="utf-8")
    store = open_store(data_dir, PassphraseKey(PASSPHRASE))
    try:
        actor = staff.create_first_manager(store, "Eva Visser", "4826")
        vocabulary.load_starter(store, actor)
        gid = _fill(store, actor)
        rep = report.guest_report(store, actor, gid, language="en")
        wordings = "\n".join(it.heading for it in rep.section("labels").items)
    finally:
        store.close()
    return data_dir, pp, wordings


def test_export_guest_command_writes_pdf_and_json(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir, pp, wordings = _cli_store(tmp_path)
    pdf = tmp_path / "copy.pdf"
    # A separate process, as a manager would run it: Qt starts offscreen for the PDF only.
    done = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), "--passphrase-file", str(pp),
         "export-guest", "jp@example.com", "--format", "pdf", "--out", str(pdf),
         "--language", "en", *STAFF], input="4826\n",
        cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    for wording in wordings.splitlines():
        assert " ".join(wording.split()) in text
    assert "Jean-Pierre Thomassen" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)  # every font embedded
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                           check=True).stdout
    assert "(A4)" in pages

    out = tmp_path / "copy.json"
    monkeypatch.setattr("sys.stdin", io.StringIO("4826\n4826\n"))
    assert main(["--data-dir", str(data_dir), "--passphrase-file", str(pp), "export-guest",
                 "Thomassen", "--format", "json", "--out", str(out), *STAFF]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["language"] == "nl"
    assert main(["--data-dir", str(data_dir), "--passphrase-file", str(pp), "export-guest",
                 "jean", "--format", "json", "--out", str(out), *STAFF]) == 2  # ambiguous


def test_erase_guest_command_needs_yes(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir, pp, _ = _cli_store(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO("4826\n" * 3))
    args = ["--data-dir", str(data_dir), "--passphrase-file", str(pp), "erase-guest",
            "jp@example.com", *STAFF]
    assert main(args) == 1
    assert "--yes" in capsys.readouterr().err
    assert main([*args, "--yes"]) == 0
    assert "Erased guest" in capsys.readouterr().out
    assert main([*args, "--yes"]) == 2  # no such guest any more
    store = open_store(data_dir, PassphraseKey(PASSPHRASE))
    try:
        from app.verify import verify_store

        assert verify_store(store).ok
    finally:
        store.close()
