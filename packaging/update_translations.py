"""Refresh resources/i18n/frontdesk_nl.ts from the code, keeping every existing translation.

    .venv/bin/python packaging/update_translations.py [--apply FILE.json] [--report]

1. ``pyside6-lupdate`` reads every ``tr()`` / ``QCoreApplication.translate()`` in ``ui/``.
2. Contexts are put right: lupdate files a module-level ``tr("…")`` helper under an
   empty context and ``texts.tr("…")`` under "texts", while at run time the helper
   calls ``QCoreApplication.translate("Desk", …)``. The script reads each module's
   helper to find the real context (and maps ``box.tr`` to QMessageBox, ``main.tr``
   to MainWindow).
3. Translations already in the old file are carried over (same context and text, else
   same text), so moving a string between classes does not lose its Dutch.
4. ``--apply FILE.json`` fills translations from {"English": "Nederlands"};
   ``--report`` lists what is still untranslated.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "frontdesk_nl.ts"
HELPER = re.compile(r"def tr\([^)]*\)[^:]*:\s*\n\s*return QCoreApplication\.translate\(\s*"
                    r"\"([^\"]+)\"", re.M)
OBJECT_CONTEXTS = {"box": "QMessageBox", "main": "MainWindow"}


def sources() -> list[Path]:
    return sorted([*ROOT.glob("ui/*.py"), *ROOT.glob("ui/models/*.py")])


def helper_contexts() -> dict[str, str]:
    """Module name (and file path) -> the context its tr() helper uses at run time."""
    out: dict[str, str] = {}
    for path in sources():
        m = HELPER.search(path.read_text(encoding="utf-8"))
        if m:
            out[path.stem] = m.group(1)
            out[path.relative_to(ROOT).as_posix()] = m.group(1)
    return out


def run_lupdate(target: Path) -> None:
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(tool), *map(str, sources()), "-ts", str(target), "-source-language",
                    "en", "-target-language", "nl", "-no-obsolete", "-locations", "absolute"],
                   check=True, capture_output=True)


def messages(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation ("" when unfinished)."""
    if not path.is_file():
        return {}
    out = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            text = "" if tr is None or tr.get("type") in ("unfinished", "obsolete",
                                                          "vanished") else (tr.text or "")
            out[(name, msg.findtext("source") or "")] = text
    return out


def fix_contexts(tree: ET.ElementTree, helpers: dict[str, str]) -> dict[str, list[str]]:
    """Return {runtime context: [sources]} with lupdate's wrong contexts put right."""
    out: dict[str, list[str]] = {}
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            if name in OBJECT_CONTEXTS:
                real = {OBJECT_CONTEXTS[name]}
            elif name in helpers:
                real = {helpers[name]}
            elif not name:  # one text may come from several modules' helpers
                files = {loc.get("filename", "") for loc in msg.iter("location")}
                real = {helpers.get(Path(f).name.removesuffix(".py"), "") for f in files} - {""}
                if not real:
                    real = {_context_by_search(source, helpers)}
            else:
                real = {name}
            for r in sorted(real):
                out.setdefault(r, [])
                if source not in out[r]:
                    out[r].append(source)
    return out


def _context_by_search(source: str, helpers: dict[str, str]) -> str:
    """No location: find the module whose helper tr() holds this text."""
    needle = json.dumps(source, ensure_ascii=False)[1:-1]
    for path in sources():
        text = path.read_text(encoding="utf-8")
        if path.stem in helpers and (needle in text or source in text):
            return helpers[path.stem]
    return "Desk"


def write(out: Path, contexts: dict[str, list[str]], old: dict[tuple[str, str], str],
          extra: dict[str, str]) -> tuple[int, list[str]]:
    by_source = {src: t for (_, src), t in old.items() if t}
    root = ET.Element("TS", version="2.1", language="nl_NL", sourcelanguage="en")
    missing = []
    total = 0
    for name in sorted(contexts):
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = name
        for source in contexts[name]:
            total += 1
            msg = ET.SubElement(ctx, "message")
            ET.SubElement(msg, "source").text = source
            text = extra.get(source) or old.get((name, source)) or by_source.get(source, "")
            tr = ET.SubElement(msg, "translation")
            if text:
                tr.text = text
            else:
                tr.set("type", "unfinished")
                missing.append(f"{name}: {source}")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    out.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                   encoding="utf-8")
    return total, missing


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--apply", type=Path, help="JSON {English: Dutch} to fill in")
    parser.add_argument("--report", action="store_true", help="list untranslated strings")
    args = parser.parse_args(argv)
    old = messages(TS)
    extra = json.loads(args.apply.read_text(encoding="utf-8")) if args.apply else {}
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        run_lupdate(fresh)
        contexts = fix_contexts(ET.parse(fresh), helper_contexts())
    TS.parent.mkdir(parents=True, exist_ok=True)
    total, missing = write(TS, contexts, old, extra)
    print(f"{TS.relative_to(ROOT)}: {total} strings, {total - len(missing)} translated, "
          f"{len(missing)} to do")
    if args.report:
        for line in missing:
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
