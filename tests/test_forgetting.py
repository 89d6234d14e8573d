"""Forgetting means gone: after "Please forget this" and after a consent is withdrawn.

A guest gets three labels: one they ask us to forget, a health label that goes
when they withdraw their consent, and one that stays (the positive control).
Then the decrypted store is searched, two ways:

* **logically**, every row of every table through a keyed connection (the search
  index's shadow tables and the audit log included): no row that belongs to
  the guest (their id, their reference, or their id inside a JSON column) may
  name the label's id (alone or in a list) or hold its wording, and no row may
  still have the assignment's number as its own; the search index is read
  term by term (``fts5vocab``), since its pages keep words, not sentences;
* **physically**, the decrypted pages of the file and the WAL (free pages
  included): the deleted assignment row's unique expiry timestamp must be gone.

Each check finds the label before it is forgotten and still finds the label
that stays, so a scan that sees nothing cannot pass; the index check is shown
to find a wording a guest's row put there. Finally Show guest's report, the
JSON and the PDF are compared with what is stored, in every language a guest
can read their pages in.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from PySide6.QtWidgets import QApplication

from app import consents, export, guests, labels, languages, report, venue_settings
from app.domain import Source
from app.guest_wording import render_label
from app.guests import GuestFields
from app.report_text import Say, say_n
from app.views import Actor, LabelInfo
from storage import queries
from storage.store import Store
from tests.test_erasure import _key, decrypted_db, decrypted_wal

T0 = dt.datetime(2026, 11, 27, 10, 11, 12)
INDEX = "guest_fts terms"  # the search index's words per guest row (not a table)
GUEST_LANGUAGES = [lang.code for lang in languages.guest_languages()]


def _label(store: Store, key: str) -> LabelInfo:
    from app import snapshots

    with store.read() as s:
        lb = queries.label_by_key(s, key)
        assert lb is not None
        return snapshots.label(lb)


def _rows(store: Store, tmp: Path) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table (FTS shadow tables too), read through a keyed connection."""
    if store.kind == "postgresql":
        return _server_rows(store)
    work = tmp / "scan"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    db = store.paths.db
    shutil.copy2(db, work / "copy.db")
    wal = db.with_name(db.name + "-wal")
    if wal.exists():
        shutil.copy2(wal, work / "copy.db-wal")
    conn = sqlcipher3.connect(str(work / "copy.db"))
    try:
        conn.execute(f"PRAGMA key = \"x'{_key(store).hex()}'\"")
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        out: dict[str, list[dict[str, Any]]] = {}
        for name in names:
            if name == "guest_fts":
                continue  # the virtual table itself: its shadow tables hold the data
            cur = conn.execute(f'SELECT * FROM "{name}"')
            cols = [d[0] for d in cur.description]
            out[name] = [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]
        if "guest_fts" in names:  # the search index, word by word, with the row it belongs to
            conn.execute("CREATE VIRTUAL TABLE temp.fts_terms USING "
                         "fts5vocab(main, guest_fts, instance)")
            out[INDEX] = [{"term": term, "doc": doc} for term, doc in conn.execute(
                "SELECT term, doc FROM temp.fts_terms")]
        return out
    finally:
        conn.close()


def _server_rows(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table of the shared store (its trigram index has no words of its
    own: its entries go with the rows)."""
    from sqlalchemy import inspect, text

    out: dict[str, list[dict[str, Any]]] = {}
    with store.engine.connect() as conn:
        for name in inspect(conn).get_table_names():
            out[name] = [dict(r._mapping) for r in conn.execute(text(f'SELECT * FROM "{name}"'))]
    assert {"guest", "assignment", "audit_event"} <= set(out), sorted(out)
    return out


def _tokens(value: str) -> set[str]:
    """The words the search index would hold for ``value`` (unicode61, diacritics removed)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", value.casefold())
                    if not unicodedata.combining(c))
    return set(re.findall(r"\w+", plain))


def _text(value: object) -> str:
    if isinstance(value, bytes):
        return value.decode("latin-1").casefold()
    return str(value).casefold()


def linked_traces(store: Store, tmp: Path, guest_id: int, ref: str, label: LabelInfo,
                  assignment_id: int) -> list[str]:
    """Where the store still ties the guest to ``label`` (or keeps the assignment's row)."""
    words = {label.staff_wording.casefold()} | {
        w.guest_wording.casefold() for w in label.wordings}
    hits = []
    rows_by_table = _rows(store, tmp)
    indexed = {r["term"] for r in rows_by_table.pop(INDEX, []) if r["doc"] == guest_id}
    hits += [f"{INDEX}: {w!r}" for w in words if _tokens(w) and _tokens(w) <= indexed]
    for table, rows in rows_by_table.items():
        for row in rows:
            if table in {"label", "label_wording"}:
                continue  # the vocabulary itself: the words exist, tied to no one
            if table == "assignment" and row["id"] == assignment_id:
                hits.append(f"assignment {assignment_id} still exists")
            mine = (row.get("guest_id") == guest_id or ref in {_text(v) for v in row.values()}
                    or (table == "guest" and row.get("id") == guest_id)
                    or any(_ids_in_json(v, "guest", guest_id) for v in row.values()))
            blob = " ".join(_text(v) for v in row.values())
            if table.startswith("guest_fts"):
                hits += [f"{table}: {w!r}" for w in words if w in blob]
                continue
            if not mine:
                continue
            hits += [f"{table}: {w!r}" for w in words if w in blob]
            if row.get("label_id") == label.id:
                hits.append(f"{table}: label_id {label.id}")
            for column, value in row.items():  # JSON kept in a column (audit detail, undo)
                hits += [f"{table}.{column}: {key}={label.id}"
                         for key in _ids_in_json(value, "label", label.id)]
    return hits


def _ids_in_json(value: object, kind: str, wanted: int) -> list[str]:
    """Keys naming ``kind`` ("label", "guest") with this id, alone or in a list, in JSON text."""
    if isinstance(value, dict | list):  # a JSON column the driver already decoded
        data: object = value
    elif not isinstance(value, str) or not value.startswith(("{", "[")):
        return []
    else:
        try:
            data = json.loads(value)
        except ValueError:
            return []
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                ids = v if isinstance(v, list) else [v]
                if kind in str(k) and any(type(i) is int and i == wanted for i in ids):
                    found.append(str(k))
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(data)
    return found


def raw_pages(store: Store) -> bytes:
    key = _key(store)
    return decrypted_db(store.paths.db, key) + decrypted_wal(store.paths.sidecars[0], key)


def _stamp(at: dt.datetime) -> bytes:
    return at.isoformat(sep=" ").encode()  # how SQLite stores a DateTime


def _said(lang: str, message: object, n: int, text: str) -> bool:
    """``text`` is ``message`` (a plural ``Say`` entry) in ``lang``, whatever the day."""
    pre, post = say_n(lang, message, n, day="\0").split("\0")  # type: ignore[arg-type]
    return text.startswith(pre) and text.endswith(post)


@pytest.mark.parametrize("lang", GUEST_LANGUAGES)
def test_forget_and_withdraw_leave_nothing_that_links_the_label_to_the_guest(
    store: Store, manager: Actor, receptionist: Actor, tmp_path: Path, qapp: QApplication,
    lang: str,
) -> None:
    g = guests.create_guest(store, receptionist, GuestFields("Wilma Forget", language=lang))
    consents.record_consent(store, receptionist, g.id, now=T0)
    forgotten, health, stays = (_label(store, k) for k in ("quiet-room", "nut-allergy",
                                                           "high-floor"))
    at = {lb.key: T0 + dt.timedelta(microseconds=n) for n, lb in
          enumerate((forgotten, health, stays), start=101)}
    added = {lb.key: labels.assign_label(store, receptionist, g.id, lb.id, Source.GUEST_TOLD,
                                         now=at[lb.key]) for lb in (forgotten, health, stays)}
    expiry = {k: _stamp(a.expires_at) for k, a in added.items()}
    guests.open_card(store, receptionist, g.id)
    report.show_guest(store, receptionist, g.id)

    # Positive controls: every check sees each label before anything is forgotten ...
    for lb in (forgotten, health, stays):
        assert linked_traces(store, tmp_path, g.id, g.ref, lb, added[lb.key].id)
    pages = raw_pages(store)
    assert all(stamp in pages for stamp in expiry.values())
    # ... and the search-index check finds a label's words a guest's row put in the index.
    echo = guests.create_guest(store, receptionist, GuestFields(
        "Echo Control", preferred_name=render_label(forgotten, lang).wording))
    assert any(h.startswith(INDEX) for h in linked_traces(
        store, tmp_path, echo.id, echo.ref, forgotten, -1))

    # "Please forget this" (the guest, in Show guest), then the consent is withdrawn.
    rep = report.guest_report(store, receptionist, g.id)
    assert rep.language == lang
    (withdraw,) = [it.action for it in rep.section("consents").items if it.action]
    assert withdraw.consequences == (render_label(health, lang).wording,)
    labels.forget_label(store, receptionist, added["quiet-room"].id)
    assert consents.withdraw_consent(store, receptionist, withdraw.target_id, by_guest=True,
                                     expected=withdraw.expected) == 1

    for lb in (forgotten, health):
        assert linked_traces(store, tmp_path, g.id, g.ref, lb, added[lb.key].id) == [], lb.key
    assert linked_traces(store, tmp_path, g.id, g.ref, stays, added["high-floor"].id)
    pages = raw_pages(store)
    assert expiry["quiet-room"] not in pages and expiry["nut-allergy"] not in pages
    assert expiry["high-floor"] in pages  # the scan still sees what is there

    # Show guest's report, the JSON and the PDF say the same as the store, in their language.
    venue_settings.set_value(store, manager, venue_settings.VENUE_NAME, "Hotel De Linde")
    copy = export.export_report(store, receptionist, g.id, "json")
    stored = {a.label.key for a in guests.open_card(store, manager, g.id).assignments}
    assert stored == {"high-floor"}
    on_screen = [it.heading for it in copy.section("labels").items]
    assert on_screen == [render_label(stays, lang).wording]
    assert "removed" not in {s.key for s in copy.sections}
    gone = copy.section("labels").notes
    assert len(gone) == 1 and _said(lang, Say.FORGOTTEN, 1, gone[0]), gone
    (consent,) = copy.section("consents").items
    assert _said(lang, Say.WITHDRAWN_GONE, 1, consent.note), consent.note
    if lang != languages.source():  # said in the guest's language, not in English
        assert not _said(languages.source(), Say.FORGOTTEN, 1, gone[0])
        assert not _said(languages.source(), Say.WITHDRAWN_GONE, 1, consent.note)

    data = export.to_json(copy)
    assert data["language"] == lang
    (labels_json,) = [s for s in data["report"]["sections"] if s["key"] == "labels"]
    assert [it["heading"] for it in labels_json["items"]] == on_screen
    assert labels_json["notes"] == list(gone)
    (consents_json,) = [s for s in data["report"]["sections"] if s["key"] == "consents"]
    assert [it["note"] for it in consents_json["items"]] == [consent.note]
    assert [a["label_id"] for a in data["data"]["assignment"]] == [stays.id]
    assert {lb["id"] for lb in data["data"]["label"]} == {stays.id}

    from ui.report_pdf import write_pdf

    pdf = tmp_path / "copy.pdf"
    write_pdf(copy, pdf)
    words = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], check=True,
                                    capture_output=True, text=True).stdout.split())
    assert " ".join(on_screen[0].split()) in words
    assert " ".join(gone[0].split()) in words and " ".join(consent.note.split()) in words
    for lb in (forgotten, health):
        for w in lb.wordings:
            assert w.guest_wording not in words and w.guest_wording not in json.dumps(data)


@pytest.mark.parametrize("reason", ["no_longer_true", "added_by_mistake", "label_retired"])
def test_staff_removals_keep_a_short_record_and_nothing_of_health_labels(
    store: Store, manager: Actor, receptionist: Actor, tmp_path: Path, reason: str
) -> None:
    from app.domain import RemovalReason

    why = RemovalReason(reason)
    g = guests.create_guest(store, receptionist, GuestFields("Rita Removed"))
    consents.record_consent(store, receptionist, g.id, now=T0)
    normal, health = _label(store, "high-floor"), _label(store, "nut-allergy")
    a = labels.assign_label(store, receptionist, g.id, normal.id, Source.GUEST_TOLD, now=T0)
    h = labels.assign_label(store, receptionist, g.id, health.id, Source.GUEST_TOLD,
                            now=T0 + dt.timedelta(microseconds=7))
    health_expiry = _stamp(h.expires_at)
    assert linked_traces(store, tmp_path, g.id, g.ref, health, h.id)  # the scan sees it
    if why == RemovalReason.LABEL_RETIRED:  # a manager retires both labels, off every guest
        from app import vocabulary_admin

        for lb in (normal, health):
            vocabulary_admin.retire_label(store, manager, lb.id, remove_now=True, now=T0)
    else:
        labels.remove_label(store, receptionist, a.id, why, now=T0)
        labels.remove_label(store, receptionist, h.id, why, now=T0)
    # Nothing of the health label is left tied to the guest, not even in freed pages;
    # the normal label's short record is (so the same scan would have found it).
    assert linked_traces(store, tmp_path, g.id, g.ref, health, h.id) == []
    assert health_expiry not in raw_pages(store)
    assert linked_traces(store, tmp_path, g.id, g.ref, normal, a.id)
    card = guests.open_card(store, manager, g.id)
    (kept,) = card.removed
    assert kept.label.key == "high-floor"
    assert kept.expires_at == T0 + dt.timedelta(days=30)  # the stated, short record time
    rep = report.guest_report(store, manager, g.id)
    assert "30 days" in rep.section("removed").intro
    # A shorter setting applies to records already kept.
    venue_settings.set_value(store, manager, venue_settings.REMOVED_RECORD_DAYS, 7)
    (kept,) = guests.open_card(store, manager, g.id).removed
    assert kept.expires_at == T0 + dt.timedelta(days=7)
    with store.read() as s:
        removed = [json.loads(e.detail) for e in queries.audit_events(s, action="label.removed")]
    assert all("label" not in d for d in removed)
    if why == RemovalReason.LABEL_RETIRED:  # only the normal label's removal is per guest
        assert removed == [{"assignment": a.id, "reason": reason}], removed
    else:
        assert {"reason": reason} in removed  # the health label: no ids at all


def test_records_kept_by_earlier_versions_are_forgotten_on_upgrade(
    store: Store, manager: Actor, receptionist: Actor
) -> None:
    """Migration 0008 applies today's rules to removed labels an earlier version kept."""
    import importlib

    from storage.models import Assignment, RemovalReason

    migration = importlib.import_module("storage.migrations.versions.0008_forget_removed_labels")
    g = guests.create_guest(store, receptionist, GuestFields("Olaf Older"))
    consents.record_consent(store, receptionist, g.id, now=T0)
    rows = {  # label key: the reason an earlier version recorded when it kept the row
        "quiet-room": RemovalReason.GUEST_REQUEST, "nut-allergy": RemovalReason.NO_LONGER_TRUE,
        "high-floor": RemovalReason.NO_LONGER_TRUE, "vegetarian": RemovalReason.CONSENT_WITHDRAWN,
        "early-breakfast": None}
    with store.write() as s:
        for key, why in rows.items():
            s.add(Assignment(guest_id=g.id, label_id=_label(store, key).id, added_by=manager.id,
                             added_at=T0, source=Source.GUEST_TOLD,
                             expires_at=T0 + dt.timedelta(days=700),
                             removed_at=T0 if why else None, removed_by=manager.id if why else None,
                             removal_reason=why))
    with store.engine.begin() as conn:
        assert migration.forget_old_removals(conn) == (3, 1)
    card = guests.open_card(store, manager, g.id)
    assert [a.label.key for a in card.assignments] == ["early-breakfast"]
    (kept,) = card.removed
    assert kept.label.key == "high-floor" and kept.expires_at == T0 + dt.timedelta(days=30)


def test_forgetting_reaches_what_a_merge_keeps_for_its_undo(
    store: Store, manager: Actor, receptionist: Actor, tmp_path: Path
) -> None:
    """Two profiles with the same label merged: the set-aside copy goes when it is forgotten."""
    from app import merge

    keep = guests.create_guest(store, receptionist, GuestFields("Mia Merge", email="m@x.nl"))
    other = guests.create_guest(store, receptionist, GuestFields("Mia Merge", phone="0612345678"))
    quiet = _label(store, "quiet-room")
    kept = labels.assign_label(store, receptionist, keep.id, quiet.id, Source.GUEST_TOLD)
    labels.assign_label(store, receptionist, other.id, quiet.id, Source.GUEST_TOLD)
    merge.merge_guests(store, manager, keep.id, other.id)
    before = linked_traces(store, tmp_path, keep.id, keep.ref, quiet, kept.id)
    assert any(h.startswith("guest_merge.undo_data") for h in before), before  # control
    labels.forget_label(store, receptionist, kept.id)
    assert linked_traces(store, tmp_path, keep.id, keep.ref, quiet, kept.id) == []


@pytest.mark.postgres
@pytest.mark.parametrize("engine_name", ["postgresql"], indirect=True)
def test_forgetting_on_the_shared_store_leaves_no_row_that_links_the_label(
    store: Store, manager: Actor, receptionist: Actor, tmp_path: Path
) -> None:
    """The same logical scan on the venue's PostgreSQL store (old row versions stay in the
    server's pages until VACUUM: a limit stated in docs/threat-model.md)."""
    g = guests.create_guest(store, receptionist, GuestFields("Wilma Shared"))
    consents.record_consent(store, receptionist, g.id, now=T0)
    forgotten, health, stays = (_label(store, k) for k in ("quiet-room", "nut-allergy",
                                                           "high-floor"))
    added = {lb.key: labels.assign_label(store, receptionist, g.id, lb.id, Source.GUEST_TOLD)
             for lb in (forgotten, health, stays)}
    report.show_guest(store, receptionist, g.id)
    for lb in (forgotten, health, stays):  # the scan sees each label first
        assert linked_traces(store, tmp_path, g.id, g.ref, lb, added[lb.key].id), lb.key
    labels.forget_label(store, receptionist, added["quiet-room"].id)
    (withdraw,) = [it.action for it in report.guest_report(store, receptionist, g.id)
                   .section("consents").items if it.action]
    assert consents.withdraw_consent(store, receptionist, withdraw.target_id, by_guest=True,
                                     expected=withdraw.expected) == 1
    for lb in (forgotten, health):
        assert linked_traces(store, tmp_path, g.id, g.ref, lb, added[lb.key].id) == [], lb.key
    assert linked_traces(store, tmp_path, g.id, g.ref, stays, added["high-floor"].id)
