"""Property test: any CSV-ish file either imports cleanly or fails clearly, never partly.

Hypothesis builds files with odd quoting, stray delimiters, embedded newlines,
blank lines, mixed encodings and plain garbage. For each: reading, planning,
previewing and applying either succeed (and the store grows by exactly what
the result says) or raise a :class:`FrontdeskError` with the store unchanged.
Some runs also fail on purpose half-way through applying: nothing may remain.
"""

from __future__ import annotations

import codecs
import csv
import io

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from app import importing
from app.errors import FrontdeskError
from app.verify import verify_store
from app.views import Actor
from storage.store import Store
from tests.import_helpers import after_preview, counts

HEADERS = ["Name", "Naam", "Voornaam", "Achternaam", "E-mail", "Telefoon", "Phone",
           "Arrival", "Aankomst", "Vertrek", "Departure", "Datum", "Tijd", "Room", "Tafel",
           "Personen", "Taal", "Type", "Remarks", "Opmerkingen", "", "Kamer;nr", 'Qu"ote']
CELLS = st.one_of(
    st.sampled_from(["", " ", "Anna de Vries", "Zoë Müller", "José", "a@b.nl", "x@y",
                     "+31 6 12345678", "06-1234", "14-03-2026", "31-02-2026", "2026-03-14",
                     "14.03.2026 19:30", "1/1/99", "19:30", "25:61", "2", "0", "-3", "two",
                     "stay", "booking", "diner", "nl", "EN", "de", '"', '""', ";", ",", "\t",
                     "\n", "\r\n", "a\nb", "€", "\ufeff", "\x00", "=cmd()", "x" * 300]),
    st.text(min_size=0, max_size=12),
)


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    if draw(st.integers(0, 19)) == 0:
        return draw(st.binary(max_size=200))  # plain garbage now and then
    width = draw(st.integers(1, 7))
    header = draw(st.lists(st.sampled_from(HEADERS), min_size=width, max_size=width))
    header[0] = draw(st.sampled_from(["Name", "Naam", header[0]]))  # usually mappable
    rows = draw(st.lists(st.lists(CELLS, min_size=0, max_size=width + 1), max_size=12))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    out = io.StringIO()
    quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, -1]))
    lines = [header, *rows]
    for i, row in enumerate(lines):
        if quoting == -1:  # naive join: stray delimiters and quotes stay unescaped
            out.write(delimiter.join(row) + "\n")
        else:
            csv.writer(out, delimiter=delimiter, quoting=quoting,
                       lineterminator=draw(st.sampled_from(["\n", "\r\n"]))).writerow(row)
        if i and draw(st.integers(0, 4)) == 0:
            out.write(draw(st.sampled_from(["\n", "\r\n", "  \n", delimiter * 3 + "\n"])))
    text = out.getvalue()
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "mixed"]))
    if encoding == "mixed":  # half UTF-8, half Windows-1252
        half = len(text) // 2
        return text[:half].encode("utf-8") + text[half:].encode("cp1252", errors="replace")
    if encoding == "utf-8-sig":
        return codecs.BOM_UTF8 + text.encode("utf-8", errors="replace")
    return text.encode(encoding, errors="replace")


class Boom(Exception):
    pass


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=csv_files(), fail_at=st.one_of(st.none(), st.integers(0, 3)))
def test_no_crash_and_no_partial_import(store: Store, manager: Actor, data: bytes,
                                        fail_at: int | None) -> None:
    before = counts(store)
    calls: list[int] = []

    def progress(done: int, total: int) -> None:
        calls.append(done)
        if fail_at is not None and len(calls) > fail_at:
            raise Boom()

    try:
        table = importing.read_table(data)
        mapping, _ = importing.mapping_for(store, table.header)
        plan = importing.build_plan(table, mapping, file_name="fuzz.csv")
        for e in plan.errors:  # every error names its line inside the file
            assert 1 <= e.line <= data.count(b"\n") + data.count(b"\r") + 1
            assert e.text.startswith(f"line {e.line}")
        pre = importing.preview(store, manager, plan)
        before = after_preview(store, before)  # read-only but for its audit event
        result = importing.apply(store, manager, plan, progress=progress)
    except FrontdeskError as exc:
        event(f"refused: {type(exc).__name__}")
        assert str(exc)  # a sentence for staff
        assert counts(store) == before
        return
    except Boom:
        event("failed half-way on purpose")
        assert counts(store) == before
        return
    event("imported" if result.guests_created or result.visits else "nothing to import")
    after = counts(store)
    assert result.guests_created == pre.new_guests
    assert after[0] == before[0] + result.guests_created
    assert after[1] == before[1] + result.visits
    assert after[2] == before[2] + result.guests_created + result.visits + 1


def test_store_still_verifies_after_fuzzing(store: Store, manager: Actor) -> None:
    test_no_crash_and_no_partial_import(store, manager)
    assert verify_store(store).ok
