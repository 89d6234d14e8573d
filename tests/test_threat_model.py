"""docs/threat-model.md names a test for each claim, and every test the trust docs name exists.

The same check covers the pages that make trust claims beside it (architecture's
invariants table, the shared store's page): a test renamed or deleted makes the
claim that pointed at it fail here, not silently go stale.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "threat-model.md"
TRUST_DOCS = [DOC, ROOT / "docs" / "architecture.md", ROOT / "docs" / "shared-store.md"]
FULL_REF = re.compile(r"`(tests/[\w/]+\.py)(?:::(\w+)(?:\[([\w-]+)\])?)?`")
BARE_REF = re.compile(r"`(test_\w+)`")
# Bold lead-ins that open a part stating limits (what is NOT protected): no test there.
LIMITS = ("Not protected", "What they still get", "The honest limit", "What moves the limit",
          "What the server does not move")
# Sections that summarise or discuss rather than claim.
UNCHECKED = ("What is protected", "The short version", "Considered and not done")


@cache
def _functions(path: Path) -> dict[str, ast.FunctionDef]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {n.name: n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}


@cache
def _all_test_names() -> frozenset[str]:
    return frozenset(name for f in (ROOT / "tests").rglob("test_*.py")
                     for name in _functions(f) if name.startswith("test_"))


def _missing_refs(text: str) -> list[str]:
    missing = []
    for path, name, param in sorted(set(FULL_REF.findall(text))):
        file = ROOT / path
        if not file.is_file():
            missing.append(path)
        elif name and name not in _functions(file):
            missing.append(f"{path}::{name}")
        elif name and param and f"'{param}'" not in ast.unparse(_functions(file)[name]):
            missing.append(f"{path}::{name}[{param}]")   # a parametrize id
    missing += [name for name in sorted(set(BARE_REF.findall(text)))
                if name not in _all_test_names()]
    return missing


@pytest.mark.parametrize("doc", TRUST_DOCS, ids=lambda p: p.name)
def test_every_test_a_trust_doc_names_exists(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    assert FULL_REF.search(text) or BARE_REF.search(text)
    assert _missing_refs(text) == []


def test_the_check_finds_a_stale_reference() -> None:
    """Positive control: a renamed test, a lost file and a lost parameter are all caught."""
    text = ("`tests/test_threat_model.py::test_no_such_test` `tests/test_gone.py` "
            "`tests/test_threat_model.py::test_every_test_a_trust_doc_names_exists[nope]` "
            "`test_no_such_test_anywhere` `tests/test_threat_model.py::_claims`")
    assert len(_missing_refs(text)) == 4


def _claims(text: str) -> list[tuple[str, str]]:
    """(section, bullet text) for every bullet that makes a claim (not in a limits part)."""
    out: list[tuple[str, str]] = []
    section, limits, bullet = "", False, None
    for line in [*text.splitlines(), ""]:
        starts_bullet = line.startswith("* ")
        if bullet is not None and (starts_bullet or not line.strip() or line.startswith("#")
                                   or not line.startswith(" ")):
            out.append((section, " ".join(bullet)))
            bullet = None
        if line.startswith("## "):
            section, limits = line[3:].strip(), False
        elif line.startswith("#"):
            limits = False
        elif line.startswith("**"):
            limits = any(line.startswith(f"**{w}") for w in LIMITS)
        if starts_bullet and not limits and not section.startswith(UNCHECKED):
            bullet = [line]
        elif bullet is not None and line.startswith(" "):
            bullet.append(line.strip())
    return out


def test_every_claim_in_the_threat_model_names_its_test() -> None:
    claims = _claims(DOC.read_text(encoding="utf-8"))
    assert len(claims) > 40
    bare = [f"{section}: {text[:90]}" for section, text in claims
            if not FULL_REF.search(text) and not BARE_REF.search(text)]
    assert bare == []


def test_the_threat_model_covers_every_adversary_and_the_shared_store() -> None:
    sections = {section for section, _text in _claims(DOC.read_text(encoding="utf-8"))}
    for needed in ("Adversaries", "The shared store", "Erasure that sticks",
                   "Failed opens", "Import is all-or-nothing"):
        assert any(s.startswith(needed) for s in sections), needed


def test_the_readme_links_the_threat_model() -> None:
    assert "docs/threat-model.md" in (ROOT / "README.md").read_text(encoding="utf-8")
