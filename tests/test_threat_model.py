"""docs/threat-model.md names a test for each claim: every test it names exists."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "threat-model.md"


def test_every_test_the_threat_model_names_exists() -> None:
    text = DOC.read_text(encoding="utf-8")
    refs = set(re.findall(r"`(tests/[\w/]+\.py)(?:::(\w+)(?:\[([\w-]+)\])?)?`", text))
    assert len(refs) > 30
    missing = []
    for path, name, param in sorted(refs):
        file = ROOT / path
        if not file.is_file():
            missing.append(path)
            continue
        if not name:
            continue
        tree = ast.parse(file.read_text(encoding="utf-8"))
        funcs = {n.name: n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
        if name not in funcs:
            missing.append(f"{path}::{name}")
        elif param and f"'{param}'" not in ast.unparse(funcs[name]):   # a parametrize id
            missing.append(f"{path}::{name}[{param}]")
    assert not missing, missing


def test_the_readme_links_the_threat_model() -> None:
    assert "docs/threat-model.md" in (ROOT / "README.md").read_text(encoding="utf-8")
