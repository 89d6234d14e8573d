"""The `frontdesk` command: demo-data, verify, init, and its error messages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import guests, staff
from app.cli import main
from app.opening import KeyringKey, open_store


def test_demo_data_then_verify(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = tmp_path / "demo"
    assert main(["demo-data", "--data-dir", str(d), "--guests", "200"]) == 0
    assert "Wrote 200 guests" in capsys.readouterr().out
    assert main(["verify", "--data-dir", str(d)]) == 0
    assert "OK: integrity check passed" in capsys.readouterr().out
    files = [p for p in d.iterdir() if p.is_file()]
    assert files
    for p in files:
        assert not p.read_bytes().startswith(b"SQLite format 3"), p
    s = open_store(d, KeyringKey())
    try:
        assert guests.guest_count(s) == 200
        names = {st.name for st in staff.list_staff(s)}
        assert {"Eva Visser", "Sam Bakker", "Luca Rossi"} <= names
    finally:
        s.close()


def test_verify_of_a_missing_store_fails_clearly(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", "--data-dir", str(tmp_path / "none")]) == 2
    err = capsys.readouterr().err
    assert "no store in this folder" in err
    assert not (tmp_path / "none" / "frontdesk.db").exists()


def test_data_dir_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(tmp_path / "env-store"))
    pin = tmp_path / "pin"
    pin.write_text("4826\n")
    assert main(["init", "--manager", "Eva Visser", "--pin-file", str(pin)]) == 0
    assert (tmp_path / "env-store" / "frontdesk.db").exists()
    assert main(["init", "--manager", "Someone Else", "--pin-file", str(pin)]) == 2


def test_console_script_with_passphrase_file(tmp_path: Path) -> None:
    """The real entry point in a fresh process, with no keyring at all."""
    secret = tmp_path / "passphrase"
    secret.write_text("correct horse battery staple\n")
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    d = tmp_path / "p"
    run = [sys.executable, "-m", "app"]
    out = subprocess.run(run + ["demo-data", "--data-dir", str(d), "--guests", "50",
                                "--passphrase-file", str(secret)],
                         env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    ok = subprocess.run(run + ["--data-dir", str(d), "verify", "--passphrase-file", str(secret)],
                        env=env, capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0 and "OK" in ok.stdout
    bad = subprocess.run(run + ["verify", "--data-dir", str(d)], env=env, capture_output=True,
                         text=True, timeout=120)
    assert bad.returncode == 2
    assert "--passphrase-file" in bad.stderr
    version = subprocess.run(run + ["--version"], capture_output=True, text=True, timeout=60)
    assert version.stdout.startswith("frontdesk ")


def test_sub_commands_are_listed_from_their_folder_as_pkgutil_would(tmp_path: Path) -> None:
    """`frontdesk --help` lists the command modules without pkgutil (which imports
    `inspect`); the list is the same, and a folder without sources falls back to pkgutil."""
    import pkgutil

    import app.commands
    from app.cli import _command_modules

    path = list(app.commands.__path__)
    assert _command_modules(path) == sorted(m.name for m in pkgutil.iter_modules(path))
    assert "selftest" in _command_modules(path)
    compiled = tmp_path / "compiled"
    compiled.mkdir()
    (compiled / "only.pyc").write_bytes(b"")
    assert _command_modules([str(compiled)]) == sorted(
        m.name for m in pkgutil.iter_modules([str(compiled)]))
    assert _command_modules([str(tmp_path / "missing")]) == []


def test_frontdesk_help_lists_every_command_as_the_full_parser_does(
        capsys: pytest.CaptureFixture[str]) -> None:
    """`frontdesk --help` builds only the commands' names (a quicker start): the same text."""
    from app.cli import build_parser

    full = build_parser().format_help()
    assert build_parser(commands_in_full=False).format_help() == full
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    assert capsys.readouterr().out == full
    assert "autostart" in full and "export-guest" in full


def test_a_language_option_reads_the_registry_only_when_used(
        capsys: pytest.CaptureFixture[str]) -> None:
    from app import languages

    with pytest.raises(SystemExit):
        main(["--lang", "xx"])
    assert "'xx' is not a language code Frontdesk knows; choose from en, nl, de." in (
        capsys.readouterr().err)
    languages.reload()
    from app.cli import build_parser

    build_parser().format_help()
    assert languages._load.cache_info().currsize == 0  # --help read no registry
    args = build_parser().parse_args(["--lang", "nl", "export-guest", "G", "--format", "pdf",
                                      "--out", "f.pdf", "--staff", "Eva", "--language", "de"])
    assert (args.lang, args.language) == ("nl", "de")
