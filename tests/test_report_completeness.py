"""Nothing hidden, by construction: every column that holds guest data has a guest-facing rendering.

Walks the SQLAlchemy metadata. A table holds guest data when it is ``guest``
or has a ``guest_id`` / ``guest_ref`` column; each of its columns must be
either rendered by ``app.report.COLUMNS`` or listed, with a reason, in
``app.report.EXEMPT``. Adding a column to such a table without deciding how
the guest sees it makes this test fail.
"""

from __future__ import annotations

import datetime as dt

import pytest
from babel.messages.pofile import read_po

from app import guests, labels, languages, report, report_text, visits
from app.domain import Source, VisitKind
from app.guests import GuestFields
from app.i18n import Msg
from app.views import Actor
from storage.models import Base
from storage.store import Store

GUEST_TABLES = sorted(
    t.name for t in Base.metadata.sorted_tables
    if t.name == "guest" or {"guest_id", "guest_ref"} & set(t.columns.keys())
)


def test_the_guest_tables_are_found() -> None:
    # If this list shrinks, the walk below would silently check less.
    assert {"guest", "visit", "assignment", "consent", "audit_event"} <= set(GUEST_TABLES)


@pytest.mark.parametrize("table", GUEST_TABLES)
def test_every_column_is_rendered_or_exempt(table: str) -> None:
    columns = set(Base.metadata.tables[table].columns.keys())
    rendered = set(report.COLUMNS.get(table, {}))
    exempt = set(report.EXEMPT.get(table, {}))
    assert not rendered & exempt, "a column is either rendered or exempt, not both"
    missing = columns - rendered - exempt
    assert not missing, (
        f"{table}: columns {sorted(missing)} have no guest-facing rendering. Add them to "
        "app.report.COLUMNS (and texts to app.report_text), or to EXEMPT with a reason."
    )
    unknown = (rendered | exempt) - columns
    assert not unknown, f"{table}: declared columns {sorted(unknown)} do not exist"


def test_declarations_only_name_real_tables_and_give_reasons() -> None:
    tables = set(Base.metadata.tables)
    assert set(report.COLUMNS) <= tables and set(report.EXEMPT) <= tables
    assert set(report.RENDERED_VIA_LABEL) <= tables
    for table, reasons in report.EXEMPT.items():
        for column, reason in reasons.items():
            assert len(reason) > 10, f"{table}.{column}: the exemption needs a real reason"


def _guest_msgids() -> set[str | tuple[str, str]]:
    """Every guest-facing msgid: field names, code tables and the Say sentences."""
    ids: set[str | tuple[str, str]] = {k for cols in report.COLUMNS.values()
                                       for col in cols.values() for k in col.keys}
    for table in (report_text.ROLE, report_text.VISIT_KIND, report_text.VISIT_STATUS,
                  report_text.SERVICE, report_text.CONSENT_PURPOSE, report_text.REMOVAL_REASON,
                  report_text.SOURCE, report_text.CATEGORY, report_text.ACTION):
        ids |= set(table.values())
    for name, value in vars(report_text.Say).items():
        if name.isupper():
            for v in value if isinstance(value, tuple) else (value,):
                ids.add((v.msgid, v.plural or "") if isinstance(v, Msg) else v)
    return ids


GUEST_LANGUAGES = [lang for lang in languages.all_languages()
                   if lang.guest_complete and lang.code != languages.source()]


@pytest.mark.parametrize("lang", GUEST_LANGUAGES, ids=lambda lang: lang.code)
def test_every_guest_facing_word_is_translated(lang: languages.Language) -> None:
    """A language marked guest_complete has every guest-facing word, reviewed (not fuzzy)."""
    with lang.app_catalogue.open("rb") as fh:
        cat = read_po(fh, locale=lang.code)
    translated = {msg.id for msg in cat if msg.id and not msg.fuzzy and (
        all(msg.string) if isinstance(msg.string, tuple) else msg.string)}
    missing = sorted(str(m) for m in _guest_msgids() if m not in translated)
    assert not missing, f"{lang.code} lacks {missing}"


def test_every_stored_guest_value_reaches_the_report(store: Store, manager: Actor) -> None:
    """Dynamic check: fill every guest column, then find each rendered column in the report."""
    g = guests.create_guest(store, manager, GuestFields(
        "Quirinus Testfield", "Quin", "KWIH-rih-nus", "en", "quin@example.org", "+31 20 555 0101"))
    visits.record_visit(store, manager, g.id, kind=VisitKind.STAY,
                        starts_at=dt.datetime(2026, 5, 1, 15), ends_on=dt.date(2026, 5, 3),
                        place="311")
    lb = labels.approved_labels(store, manager)[0]
    labels.assign_label(store, manager, g.id, lb.id, Source.GUEST_TOLD)
    guests.open_card(store, manager, g.id)
    rep = report.show_guest(store, manager, g.id)
    columns = {r.column for s in rep.sections for it in s.items for r in it.rows}
    for value in ("Quirinus Testfield", "Quin", "KWIH-rih-nus", "quin@example.org",
                  "+31 20 555 0101", report_text.short_ref(g.ref), "311", "English",
                  "1 May 2026", "3 May 2026"):
        assert value in rep.plain_text(), value
    expected = {f"guest.{c}" for c in report.COLUMNS["guest"]} - {"guest.retention_reviewed_at"}
    assert expected <= columns
    raw_tables = {r.table for r in rep.raw}
    assert {"guest", "visit", "assignment", "audit_event", "label", "label_wording"} <= raw_tables
