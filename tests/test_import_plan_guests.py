"""A file's repeated guest cells are checked once (``app.importing.plan.SEEN_GUESTS``): the
plan is the same, row for row, error for error and note for note, as when every row's
guest is checked afresh."""

from __future__ import annotations

import pytest

from app.guests import GuestFields
from app.importing import plan as planning
from app.importing.mapping import guess_mapping
from app.importing.reading import read_table

HEADER = "Name;E-mail;Phone;Language;Arrival;Room"
GUESTS = [
    "Anna de Vries;anna@example.nl;;nl",
    " Anna de Vries ;anna@example.nl;;NL",              # the same, written otherwise
    "Anna de Vries;ANNA@example.nl;;nl",                # another e-mail spelling
    "Bram Smit;;+31 6 12345678;",
    "Bram Smit;;+31 6 12345678;Klingon",               # a language not offered: a note
    "Carla Bos;carla(at)example.nl;;",                   # not an e-mail
    "Dirk Hoek;;06-1234-5678x;",                         # not a phone
    ";nobody@example.nl;;",                              # no name
    "Eva " + "X" * 200 + ";;;",                          # a name too long
    "Joost Thomassen;joost@example.nl;0612345678;en",
]


def _file(rows: int) -> bytes:
    lines = [HEADER]
    for i in range(rows):
        lines.append(f"{GUESTS[i % len(GUESTS)]};{1 + i % 27:02d}-03-2027;{100 + i % 9}")
    return ("\r\n".join(lines) + "\r\n").encode()


@pytest.mark.parametrize("rows", [30, 400])
def test_repeated_guest_cells_give_the_plan_of_every_row_checked_afresh(
        rows: int, monkeypatch: pytest.MonkeyPatch) -> None:
    table = read_table(_file(rows))
    mapping = guess_mapping(table.header)
    real = GuestFields.cleaned
    calls: list[int] = []

    def counted(self: GuestFields) -> GuestFields:
        calls.append(1)
        return real(self)

    monkeypatch.setattr(GuestFields, "cleaned", counted)
    kept = planning.build_plan(table, mapping)
    assert len(calls) < rows * 3 // 4   # the good ones repeated were not checked again
    monkeypatch.setattr(planning, "SEEN_GUESTS", 0)   # nothing kept: each row afresh
    fresh = planning.build_plan(table, mapping)
    assert kept.rows == fresh.rows and kept.errors == fresh.errors
    assert kept.notes == fresh.notes and kept.unknown_languages == fresh.unknown_languages
    assert len(kept.rows) > rows // 3 and len(kept.errors) >= rows // 3
    assert dict(kept.unknown_languages) == {"Klingon": rows // len(GUESTS)
                                            + (rows % len(GUESTS) > 4)}
