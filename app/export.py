"""A guest's copy of their data: the report as JSON (and the PDF through ``ui/``).

The JSON holds everything in the report (the same sections, in the guest's
words) plus the raw stored values (ISO dates, codes) and a schema version,
so another service can read it without guessing. Files are written
atomically next to the chosen path: a temporary file in the same folder, then
``os.replace`` — never a temp folder elsewhere, which could be on another disk
and would leave a copy of the guest's data behind if the move failed.

Show guest never asks where to put a copy (a file dialog would hand the guest
the desk computer's files): :func:`prepare_copy` checks the venue's settings
(its name and contact head every copy; the printer and the export folder are
chosen by a manager), builds the report and, for files, picks unused names
in the export folder; :func:`record_copy` audits the copy once it is made.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from app import report as rp
from app import snapshots, venue_settings
from app.audit import note_search, record
from app.clock import now as _now
from app.errors import NotFound, ValidationError
from app.i18n import _
from app.permissions import Action, require
from app.report_text import Say, ref_prefix, short_ref
from app.views import Actor, GuestInfo
from storage import queries, search
from storage.store import Store

SCHEMA_VERSION = 2  # 2: venue, short reference, what is gone (section and item notes)
Format = Literal["pdf", "json"]
CopyKind = Literal["print", "files"]


def export_report(store: Store, actor: Actor, guest_id: int, fmt: Format, *,
                  language: str | None = None, now: dt.datetime | None = None
                  ) -> rp.GuestReport:
    """The report for a copy to take home, audited as "guest.exported" with the format.

    ``actor`` is the staff member in Show guest or at `frontdesk export-guest --staff`.
    """
    require(store, actor, Action.EXPORT_GUEST)
    at = now or _now()
    with store.write(audit_only=True) as s:  # a look: it writes only its audit event
        g = rp.load_guest(s, guest_id)
        record(s, actor, "guest.exported", guest_ref=g.ref, at=at, format=fmt,
               )
        s.flush()
        return rp.build(s, g, at, language)


def resolve_guest(store: Store, actor: Actor, spec: str) -> GuestInfo:
    """The one guest meant by ``spec``: a guest reference, an exact email, or a unique name.

    Refuses (with the count) when a name matches several guests, so a command
    line can never export or erase the wrong person. Audited as a search (the count,
    never the spec).
    """
    require(store, actor, Action.SEARCH_GUESTS)
    try:
        info = _resolve(store, spec)
    except (NotFound, ValidationError):
        note_search(store, actor, 0)
        raise
    note_search(store, actor, 1)
    return info


def _resolve(store: Store, spec: str) -> GuestInfo:
    spec = spec.strip()
    with store.read() as s:
        if len(spec) == 32 and all(ch in "0123456789abcdef" for ch in spec):
            g = queries.guest_by_ref(s, spec)
            if g is not None:
                return snapshots.guest(g)
        prefix = ref_prefix(spec)
        if prefix is not None:  # the short reference printed on the guest's copy
            by_ref = list(queries.guests_by_ref_prefix(s, prefix))
            if len(by_ref) == 1:
                return snapshots.guest(by_ref[0])
            if len(by_ref) > 1:
                raise ValidationError(_("Guest"), _(
                    "{count} guests share the reference {ref}. Give the full reference or "
                    "their email.", count=len(by_ref), ref=short_ref(by_ref[0].ref)))
        if "@" in spec:
            found = list(queries.guests_by_exact_email(s, spec))
            what = _("the email {email}", email=spec)
        else:
            ids = [int(r.id) for r in search.search_guest_rows(s, spec, 50)]
            found = list(queries.guests_by_ids(s, ids))
            what = _("“{name}”", name=spec)
        if not found:
            raise NotFound(_("No guest matches {what}. Give the guest reference, their exact "
                             "email, or more of their name.", what=what))
        if len(found) > 1:
            raise ValidationError(_("GUEST"), _(
                "{n} guests match {what}. Give the guest reference (shown in Show guest) or "
                "their email.", n=len(found), what=what))
        return snapshots.guest(found[0])


@dataclass(frozen=True)
class Copy:
    """A copy about to be made in Show guest: the report and where it goes."""

    report: rp.GuestReport
    kind: CopyKind
    printer: str = ""  # for "print": the printer a manager chose
    pdf: Path | None = None  # for "files": unused names in the export folder
    json: Path | None = None


def prepare_copy(store: Store, actor: Actor, guest_id: int, kind: CopyKind, *,
                 language: str | None = None, now: dt.datetime | None = None) -> Copy:
    """Check the settings a copy needs and build its report; nothing is written yet.

    Refuses (a message the guest may read, in their language) when the venue's
    name is not set, when no printer is chosen for printing, or when the export
    folder is missing or not writable for files.
    """
    require(store, actor, Action.EXPORT_GUEST)
    at = now or _now()
    with store.read() as s:
        if not str(venue_settings.value_in(s, venue_settings.VENUE_NAME)):
            raise ValidationError(_(venue_settings.VENUE_NAME.name), _(Say.NO_VENUE))
        printer = str(venue_settings.value_in(s, venue_settings.PRINTER))
        folder = str(venue_settings.value_in(s, venue_settings.EXPORT_FOLDER))
        report = rp.build(s, rp.load_guest(s, guest_id), at, language)
    if kind == "print":
        if not printer:
            raise ValidationError(_(venue_settings.PRINTER.name), _(
                "No printer is chosen for guest copies. A manager chooses one under "
                "Manager ▸ Venue settings."))
        return Copy(report, kind, printer=printer)
    pdf, data = copy_paths(folder, report, at)
    return Copy(report, kind, pdf=pdf, json=data)


def copy_paths(folder: str, report: rp.GuestReport, at: dt.datetime) -> tuple[Path, Path]:
    """Unused names for the PDF and JSON in the export folder: reference and time, no name."""
    where = Path(folder) if folder else None
    if where is None or not where.is_dir() or not os.access(where, os.W_OK | os.X_OK):
        raise ValidationError(_(venue_settings.EXPORT_FOLDER.name), _(
            "The folder for guest files is not set or cannot be written. A manager chooses "
            "it under Manager ▸ Venue settings."))
    stem = f"guest-{report.reference}-{at:%Y%m%d-%H%M}"
    for n in range(1, 1000):
        name = stem if n == 1 else f"{stem}-{n}"
        pdf, data = where / f"{name}.pdf", where / f"{name}.json"
        if not pdf.exists() and not data.exists():
            return pdf, data
    raise ValidationError(_(venue_settings.EXPORT_FOLDER.name),
                          _("The folder for guest files is full of copies of this guest."))


def record_copy(store: Store, actor: Actor, copy: Copy, *,
                now: dt.datetime | None = None) -> None:
    """Audit a copy once it is made: printed (and where) or saved (file names)."""
    require(store, actor, Action.EXPORT_GUEST)
    at = now or _now()
    with store.write(audit_only=True) as s:  # a look: it writes only its audit event
        g = rp.load_guest(s, copy.report.guest.id)
        if copy.kind == "print":
            record(s, actor, "guest.printed", guest_ref=g.ref, at=at, printer=copy.printer)
        else:
            files = [p.name for p in (copy.pdf, copy.json) if p is not None]
            record(s, actor, "guest.exported", guest_ref=g.ref, at=at, format="pdf+json",
                   files=files, via="gui")


def to_json(report: rp.GuestReport) -> dict[str, Any]:
    """The machine-readable export: the rendered report plus raw values, schema-versioned."""
    raw: dict[str, list[dict[str, rp.RawValue]]] = {}
    for rec in report.raw:
        raw.setdefault(rec.table, []).append(dict(rec.values))
    return {
        "format": "frontdesk-guest-export",
        "schema_version": SCHEMA_VERSION,
        "generated_at": report.generated_at.isoformat(),
        "language": report.language,
        "requested_language": report.requested_language,
        "venue": {"name": report.venue_name, "contact": list(report.venue_contact)},
        "guest_ref": report.guest.ref,
        "guest_reference": report.reference,
        "report": {
            "title": report.title,
            "intro": report.intro,
            "notes": list(report.notes),
            "sections": [
                {
                    "key": s.key,
                    "title": s.title,
                    "intro": s.intro,
                    "notes": list(s.notes),
                    "empty": s.empty if not s.items else "",
                    "items": [
                        {"heading": it.heading,
                         "rows": [{"field": r.field, "value": r.value, "column": r.column}
                                  for r in it.rows],
                         **({"note": it.note} if it.note else {})}
                        for it in s.items
                    ],
                }
                for s in report.sections
            ],
            "your_choices_title": report.rights_title,
            "your_choices": list(report.rights),
        },
        "data": raw,
    }


def json_bytes(report: rp.GuestReport) -> bytes:
    return (json.dumps(to_json(report), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and ``os.replace``."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_json(report: rp.GuestReport, path: Path) -> None:
    write_atomically(path, json_bytes(report))


def temp_path_beside(path: Path) -> Path:
    """A fresh, unused name in ``path``'s folder (for writers that need a file name, e.g. PDF)."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    return Path(tmp)
