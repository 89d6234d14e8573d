"""The house rules of DESIGN.md, checked: ui → app → storage, no Qt below ui/, no SQL in app/."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAUNCHER = {"app/cli.py"}  # the one app module that may start the GUI


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def _files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package,forbidden", [
    ("storage", {"app", "ui", "PySide6"}),
    ("app", {"ui", "PySide6"}),
    ("ui", {"storage", "sqlalchemy", "sqlcipher3"}),
])
def test_imports_point_one_way(package: str, forbidden: set[str]) -> None:
    offenders = []
    for path in _files(package):
        rel = path.relative_to(ROOT).as_posix()
        if rel in LAUNCHER:
            continue
        bad = _imports(path) & forbidden
        if bad:
            offenders.append(f"{rel}: {sorted(bad)}")
    assert not offenders


def test_app_has_no_sql_text() -> None:
    """app/ builds no SQL: no sqlalchemy.text(), no raw statements, no select()."""
    offenders = []
    for path in _files("app"):
        src = path.read_text(encoding="utf-8")
        tree = ast.parse(src)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "sqlalchemy":
                names = {a.name for a in node.names}
                if names & {"text", "select", "insert", "update", "delete"}:
                    offenders.append(f"{path.name}: imports {sorted(names)}")
    assert not offenders
