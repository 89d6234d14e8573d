"""A guest's copy of their data: the report as JSON (and the PDF through the launcher).

The JSON holds everything in the report (the same sections, in the guest's
words) plus the raw stored values (ISO dates, codes) and a schema version,
so another service can read it without guessing. Files are written
atomically next to the chosen path: a temporary file in the same folder, then
``os.replace`` — never a temp folder elsewhere, which could be on another disk
and would leave a copy of the guest's data behind if the move failed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Literal

from app import report as rp
from app import snapshots
from app.audit import note_search, record
from app.clock import now as _now
from app.errors import NotFound, ValidationError
from app.i18n import _
from app.permissions import Action, require
from app.views import Actor, GuestInfo
from storage import queries, search
from storage.store import Store

SCHEMA_VERSION = 1
Format = Literal["pdf", "json"]


def export_report(store: Store, actor: Actor, guest_id: int, fmt: Format, *,
                  language: str | None = None, now: dt.datetime | None = None
                  ) -> rp.GuestReport:
    """The report for a copy to take home, audited as "guest.exported" with the format.

    ``actor`` is the staff member in Show guest or at `frontdesk export-guest --staff`.
    """
    require(store, actor, Action.EXPORT_GUEST)
    at = now or _now()
    with store.write() as s:
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
        "guest_ref": report.guest.ref,
        "report": {
            "title": report.title,
            "intro": report.intro,
            "notes": list(report.notes),
            "sections": [
                {
                    "key": s.key,
                    "title": s.title,
                    "intro": s.intro,
                    "items": [
                        {"heading": it.heading,
                         "rows": [{"field": r.field, "value": r.value, "column": r.column}
                                  for r in it.rows]}
                        for it in s.items
                    ],
                }
                for s in report.sections
            ],
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
