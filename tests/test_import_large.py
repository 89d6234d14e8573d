"""A 100,000-row export imports in one transaction (speed is measured in bench/, not here)."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from app import guests, importing
from app.verify import verify_store
from app.views import Actor
from storage.store import Store
from tests.import_helpers import counts

ROWS = 100_000


def write_export(path: Path, rows: int) -> None:
    """A PMS-like export: semicolons, day-month-year, one guest in five comes back twice."""
    rng = random.Random(8)
    lines = ["Achternaam;Voornaam;E-mail;Telefoon;Aankomst;Vertrek;Kamer;Personen;Opmerkingen"]
    for i in range(rows):
        g = i if i % 5 else rng.randrange(max(1, i))  # every fifth row: an earlier guest again
        day, month = 1 + i % 27, 1 + (i // 27) % 12
        lines.append(f"Gast{g};Anna;gast{g}@example.com;+31 6 {10000000 + g};"
                     f"{day:02d}-{month:02d}-2026;{day + 1:02d}-{month:02d}-2026;{100 + g % 300};"
                     f"2;wil graag een rustige kamer")
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8-sig")


@pytest.mark.slow
def test_100k_rows_in_one_transaction(store: Store, manager: Actor, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    export = tmp_path / "pms.csv"
    write_export(export, ROWS)
    before = counts(store)
    started = time.perf_counter()
    table = importing.read_file(export)
    mapping, _ = importing.mapping_for(store, table.header)
    plan = importing.build_plan(table, mapping, file_name=export.name)
    parsed = time.perf_counter()
    pre = importing.preview(store, manager, plan)
    previewed = time.perf_counter()
    steps: list[int] = []
    result = importing.apply(store, manager, plan, progress=lambda d, t: steps.append(d),
                             previewed=pre)
    applied = time.perf_counter()
    assert len(plan.rows) == ROWS and not plan.errors
    assert result.guests_created == pre.new_guests
    assert result.visits + result.duplicate_visits == ROWS
    assert len(steps) > 10 and steps == sorted(steps)  # progress came in many small steps
    after = counts(store)
    assert after[0] - before[0] == result.guests_created
    assert after[1] - before[1] == result.visits
    # one guest.created per guest, one visit.recorded per visit, the preview's
    # import.previewed and one import.applied
    assert after[2] - before[2] == result.guests_created + result.visits + 2
    assert "Anna Gast77" in [g.full_name for g in guests.find_guests(store, manager, "gast77")]
    assert verify_store(store).ok
    with capsys.disabled():  # a figure for the curious, never asserted
        print(f"\n100k-row import: read+plan {parsed - started:.1f} s, preview "
              f"{previewed - parsed:.1f} s, apply {applied - previewed:.1f} s "
              f"({ROWS / (applied - started):,.0f} rows/s overall)")
