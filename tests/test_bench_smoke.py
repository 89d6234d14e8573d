"""The benchmark keeps working: bench/run.py on 1,000 guests writes every figure.

No timing is asserted here (speed belongs in bench/ and docs/performance.md);
this only checks that the benchmark runs end to end and reports sane values.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench import startup

ROOT = Path(__file__).resolve().parent.parent
KEYS = {"search_p50_ms", "search_p95_ms", "search_plain_p95_ms", "card_open_p95_ms",
        "cold_start_s", "bare_qt_start_s", "rss_mb", "demo_data_rows_per_s"}


@pytest.mark.slow
def test_bench_runs_on_a_small_store(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "bench/run.py", "--guests", "1000", "--queries", "100", "--rounds", "1",
         "--bench-dir", str(tmp_path / "bench"), "--json", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False,
    )
    assert done.returncode == 0, done.stderr
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert set(figures) == KEYS
    optional = set() if startup.gui_hook_exists() else {"cold_start_s"}
    for key in KEYS - optional:
        value = figures[key]
        assert isinstance(value, int | float) and math.isfinite(value) and value > 0, key
    assert figures["search_p50_ms"] <= figures["search_p95_ms"]
    assert "search_p95_ms" in done.stdout  # the human-readable table
    assert not (tmp_path / "bench" / "g1000-plain").exists()  # plaintext copy removed


@pytest.mark.slow
def test_search_quality_bench_runs_on_a_small_store(tmp_path: Path) -> None:
    out = tmp_path / "quality.json"
    done = subprocess.run(
        [sys.executable, "bench/search_quality.py", "--guests", "1000", "--per-kind", "20",
         "--limit", "7", "--bench-dir", str(tmp_path / "bench"), "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )
    assert done.returncode == 0, done.stderr
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["guests"] == 1000 and figures["distinct_full_names"] > 500
    for kind in ("typo_full.anyone", "sound_alike.anyone", "phone_spaced.anyone"):
        row = figures[kind]
        assert row["n"] > 0 and 0 <= row["top5_pct"] <= 100, kind
    assert figures["merge_ms"] > 0 and figures["undo_ms"] > 0
    assert "in top 5" in done.stdout
    assert figures["limit"] == 7 and "7 guests a key press" in done.stdout


# --- the start-up path the benchmark measures --------------------------------

def test_revisions_read_from_files_agree_with_alembic() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from storage import migrate

    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.MIGRATIONS))
    script = ScriptDirectory.from_config(cfg)
    assert migrate.head() == script.get_current_head()
    assert migrate.known_revisions() == {r.revision for r in script.walk_revisions()}
    graph = migrate.revision_graph()
    assert all(graph[r.revision] == r.down_revision for r in script.walk_revisions())


def test_opening_a_current_store_does_not_import_alembic(tmp_path: Path) -> None:
    """Alembic costs ~0.1 s to import; a store at the head revision must not need it."""
    passphrase = tmp_path / "pass"
    passphrase.write_text("a long enough passphrase\n", encoding="utf-8")
    code = (
        "import sys; from pathlib import Path\n"
        "from app.opening import open_store, key_source_for\n"
        "d, p = Path(sys.argv[1]), sys.argv[2]\n"
        "open_store(d, key_source_for(p)).close()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic')[:3])\n"
    )
    run = [sys.executable, "-c", code, str(tmp_path / "store"), str(passphrase)]
    created = subprocess.run(run, cwd=ROOT, capture_output=True, text=True, check=True)
    assert "alembic" in created.stdout  # creating the store ran the migrations
    reopened = subprocess.run(run, cwd=ROOT, capture_output=True, text=True, check=True)
    assert reopened.stdout.strip() == "[]"


def test_the_desk_window_shows_before_the_storage_layer_loads() -> None:
    """The window (sign-in page) is on screen before SQLAlchemy, the models and the app's
    use cases load: those load on the thread that opens the store (ui.main)."""
    code = (
        "import sys\n"
        "from app.cli import build_parser\n"
        "from app.opening import key_source_for, resolve_data_dir\n"
        "from app.shared_store import resolve_store\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from ui.main import run_gui, show_fitted\n"
        "from ui.main_window import MainWindow\n"
        "build_parser().parse_args([])\n"
        "resolve_store(None, None); resolve_data_dir(None); key_source_for(None)\n"
        "app = QApplication([])\n"
        "window = MainWindow(None)\n"
        "show_fitted(window)\n"
        "app.processEvents()\n"
        "heavy = ('sqlalchemy', 'storage.store', 'storage.models', 'app.staff', 'app.guests',"
        " 'keyring', 'phonenumbers', 'babel', 'rapidfuzz', 'alembic')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_what_the_open_thread_preloads_exists() -> None:
    """ui.main.PRELOAD skips a name it cannot import (the desk imports it anyway): each one
    must exist, or the preload silently stops helping."""
    import importlib.util

    from ui.main import PRELOAD

    assert PRELOAD
    assert [name for name in PRELOAD if importlib.util.find_spec(name) is None] == []


@pytest.mark.slow
def test_startup_bench_measures_a_keyring_store_to_the_search_box(tmp_path: Path) -> None:
    """bench/startup.py on a tiny store: every figure printed, the desk's three marks in order
    (it starts a private Secret Service itself when this process has none)."""
    import shutil

    if shutil.which("gnome-keyring-daemon") is None or shutil.which("dbus-run-session") is None:
        pytest.skip("gnome-keyring and dbus are not installed (scripts/install-system-deps.sh)")
    out = tmp_path / "startup.json"
    env = {k: v for k, v in os.environ.items() if k != startup.SECRET_SERVICE_ENV}
    done = subprocess.run(
        [sys.executable, "bench/startup.py", "--runs", "1", "--guests", "20",
         "--bench-dir", str(tmp_path / "bench"), "--json", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "keyring store" in done.stdout
    figures = json.loads(out.read_text(encoding="utf-8"))
    window, names, ready = (figures[k] for k in figures if k.startswith(("desk ", "sign-in")))
    assert 0 < window < names < ready
    # `frontdesk` handing over to a desk waiting in the background: it exits, and the
    # waiting desk shows its window, then is signed in with the search box focused.
    exited, shown, waited = (figures[f"background desk: {k}"] for k in (
        "`frontdesk` handed over, exited", "window shown, names listed",
        "ready to search, signed in"))
    assert 0 < shown < waited and exited > 0
    assert all(math.isfinite(v) and v > 0 for v in figures.values())


def test_a_benchmark_keeps_its_audit_anchors_in_a_folder_of_its_own(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Copies of a bench store share a store id: each run's anchors go to a new folder, so
    no copy finds another's anchor (and warns at every write); the user's is left alone."""
    from bench.common import own_state_folder
    from storage import audit_anchor

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "user-state"))
    users = audit_anchor._state_dir()
    with own_state_folder("test") as state:
        inside = audit_anchor._state_dir()
        assert inside.is_relative_to(state) and not inside.is_relative_to(tmp_path)
        inside.mkdir(parents=True)
    assert not state.exists()
    assert os.environ["XDG_STATE_HOME"] == str(tmp_path / "user-state")
    assert audit_anchor._state_dir() == users
