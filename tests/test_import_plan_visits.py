"""A file's repeated visit cells are read once (``app.importing.plan.SEEN_VISITS``): the plan
is the same, row for row and error for error, as when every row is read afresh."""

from __future__ import annotations

import pytest

from app.importing import plan as planning
from app.importing.mapping import guess_mapping
from app.importing.reading import read_table

HEADER = "Reservation no;Name;E-mail;Arrival;Departure;Time;Type;Service;Persons;Room;Table"
CELLS = [
    "12-03-2027;14-03-2027;;stay;;2;101;",
    "12-03-2027;14-03-2027;;stay;;2 pers;101;",
    "12-03-2027;11-03-2027;;stay;;2;101;",       # departure before arrival
    "13-03-2027;;19:30;restaurant;;4;;T7",
    "13-03-2027;;19:30;restaurant;dinner;4;;T7",
    "13-03-2027;;7:30 PM;table;;0;;T7",          # party out of range
    "31-02-2027;;;stay;;2;101;",                 # not a date
    "14-03-2027;;;lunch;;2;;T2",
    "14-03-2027;;;brunch;;2;;" + "T" * 30,      # place too long
    "2027-03-15 12:15;;;;;3;;T1",
    "15-03-2027;;25:00;;;3;;T1",                 # not a time
    "16-03-2027;17-03-2027;;;;;;",
]


def _file(rows: int) -> bytes:
    lines = [HEADER]
    for i in range(rows):
        ref = f"B-{i}" if i % 7 else "R" * 41   # now and then a booking number too long
        cells = CELLS[i % len(CELLS)]
        lines.append(f"{ref};Gast {i} Jansen;gast{i}@example.org;{cells}")
    return ("\r\n".join(lines) + "\r\n").encode()


@pytest.mark.parametrize("rows", [40, 500])
def test_repeated_visit_cells_give_the_plan_of_every_row_read_afresh(
        rows: int, monkeypatch: pytest.MonkeyPatch) -> None:
    table = read_table(_file(rows))
    mapping = guess_mapping(table.header)
    read = planning._read_visit
    calls: list[int] = []
    monkeypatch.setattr(planning, "_read_visit", lambda r, k: calls.append(1) or read(r, k))
    kept = planning.build_plan(table, mapping)
    assert len(calls) < rows * 3 // 4   # the good ones repeated were not read again
    monkeypatch.setattr(planning, "SEEN_VISITS", 0)   # nothing kept: each row read afresh
    fresh = planning.build_plan(table, mapping)
    assert kept.rows == fresh.rows and kept.errors == fresh.errors
    assert len(kept.rows) > rows // 3 and kept.errors   # both kinds of rows were there
    assert {r.visit.reference for r in kept.rows if r.visit} >= {"B-1", "B-13"}
