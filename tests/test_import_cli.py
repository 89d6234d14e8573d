"""`frontdesk import`: preview, confirmation, --yes, --dry-run, --map, on each sample export."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from app.cli import main
from app.opening import KeyringKey, open_store
from tests.import_helpers import counts

DATA = Path(__file__).parent / "data"


@pytest.fixture
def cli_store(tmp_path: Path) -> tuple[Path, Path]:
    """A store made with `frontdesk init`; returns (data dir, PIN file)."""
    pin = tmp_path / "pin"
    pin.write_text("4826\n")
    data = tmp_path / "store"
    assert main(["init", "--data-dir", str(data), "--manager", "Eva Visser",
                 "--pin-file", str(pin)]) == 0
    return data, pin


def run(cli_store: tuple[Path, Path], *args: str) -> int:
    data, pin = cli_store
    return main(["import", "--data-dir", str(data), "--staff", "Eva Visser", "--pin-file",
                 str(pin), *args])


def store_counts(data: Path) -> tuple[int, int, int, int]:
    store = open_store(data, KeyringKey(), create=False)
    try:
        return counts(store)
    finally:
        store.close()


@pytest.mark.parametrize("name,expect", [
    ("hotel_pms_utf8_bom_semicolon.csv", ["utf-8-sig, semicolon-separated, 6 rows",
                                          "New guests: 5", "Visits to add: 6"]),
    ("restaurant_cp1252_tabs_dutch.csv", ["cp1252, tab-separated, 5 rows", "New guests: 5",
                                          "Column “Opmerkingen” skipped: free text is never "
                                          "imported"]),
    ("english_iso_remarks.csv", ["utf-8, comma-separated, 4 rows", "Visits to add: 4",
                                 "Column “Remarks” skipped: free text is never imported"]),
])
def test_each_sample_previews_then_imports_with_yes(
        cli_store: tuple[Path, Path], capsys: pytest.CaptureFixture[str], name: str,
        expect: list[str]) -> None:
    before = store_counts(cli_store[0])
    assert run(cli_store, "--dry-run", str(DATA / name)) == 0
    out = capsys.readouterr().out
    for text in expect:
        assert text in out
    assert "Dry run: nothing was imported." in out
    assert store_counts(cli_store[0])[:2] == before[:2]  # sign-in is audited; nothing else
    assert run(cli_store, "--yes", str(DATA / name)) == 0
    out = capsys.readouterr().out
    assert "Imported:" in out
    assert store_counts(cli_store[0])[0] > before[0]


def test_a_file_with_bad_rows_imports_nothing_unless_told(
        cli_store: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    before = store_counts(cli_store[0])
    assert run(cli_store, "--yes", str(DATA / "bad_rows.csv")) == 1
    out = capsys.readouterr().out
    assert "Rows with errors: 7" in out
    for line in (6, 7, 8, 9, 11, 14, 15):  # every bad row is listed, by line and column
        assert f"line {line}, column" in out
    assert "line 14, column “Arrival”: “31-02-2026” is not a date" in out
    assert "nothing was imported" in out and "--only-good-rows" in out
    assert store_counts(cli_store[0])[:2] == before[:2]
    assert run(cli_store, "--yes", "--only-good-rows", str(DATA / "bad_rows.csv")) == 0
    assert "Imported: 7 new guests" in capsys.readouterr().out
    assert store_counts(cli_store[0])[0] == before[0] + 7


def test_without_yes_it_asks_and_no_means_nothing(
        cli_store: tuple[Path, Path], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    before = store_counts(cli_store[0])
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    assert run(cli_store, str(DATA / "english_iso_remarks.csv")) == 1
    out = capsys.readouterr().out
    assert "Import 4 new guests and 4 visits? [y/N]" in out
    assert "Nothing was imported." in out
    assert store_counts(cli_store[0])[:2] == before[:2]
    monkeypatch.setattr("sys.stdin", io.StringIO("ja\n"))
    assert run(cli_store, str(DATA / "english_iso_remarks.csv")) == 0
    assert store_counts(cli_store[0])[0] == before[0] + 4


def test_map_corrects_a_guess_and_is_remembered(
        cli_store: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    hotel = str(DATA / "hotel_pms_utf8_bom_semicolon.csv")
    assert run(cli_store, "--dry-run", "--map", "Room=skip", "--save-mapping", hotel) == 0
    out = capsys.readouterr().out
    assert "Room → not imported" in out and "Mapping saved" in out
    assert run(cli_store, "--dry-run", hotel) == 0
    out = capsys.readouterr().out
    assert "Columns (remembered mapping):" in out and "Room → not imported" in out


@pytest.mark.parametrize("args,message", [
    (["--map", "Nope=email"], "no column called “Nope”"),
    (["--map", "Room=spaceship"], "“spaceship” is not a field"),
    (["--map", "Remarks=name"], "Column “Remarks” holds free text, which is never imported."),
])
def test_bad_map_options_are_clear(cli_store: tuple[Path, Path],
                                   capsys: pytest.CaptureFixture[str], args: list[str],
                                   message: str) -> None:
    before = store_counts(cli_store[0])
    code = run(cli_store, "--yes", *args, str(DATA / "english_iso_remarks.csv"))
    captured = capsys.readouterr()
    assert code == 2 and message in captured.err
    assert store_counts(cli_store[0])[:2] == before[:2]


def test_wrong_pin_imports_nothing(cli_store: tuple[Path, Path], tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    wrong = tmp_path / "wrong"
    wrong.write_text("9999")
    data, _ = cli_store
    before = store_counts(data)[:2]
    assert main(["import", "--data-dir", str(data), "--staff", "Eva Visser", "--pin-file",
                 str(wrong), "--yes", str(DATA / "bad_rows.csv")]) == 2
    assert "Wrong PIN" in capsys.readouterr().err
    assert store_counts(data)[:2] == before


def test_a_file_that_is_not_csv(cli_store: tuple[Path, Path], tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "photo.csv"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert run(cli_store, "--yes", str(junk)) == 2
    assert "not a text file" in capsys.readouterr().err
