"""Refresh every language's resources/i18n/frontdesk_<code>.ts from the code, keeping translations.

    .venv/bin/python packaging/update_translations.py                 # every registry language
    .venv/bin/python packaging/update_translations.py --report        # ... and list what is left
    .venv/bin/python packaging/update_translations.py --todo de       # untranslated, as JSON
    .venv/bin/python packaging/update_translations.py --apply de FILE.json

The languages are the registry's (resources/languages.toml): adding one there and
running this script creates its .ts with every string marked unfinished.

1. ``pyside6-lupdate`` reads every ``tr()`` / ``QCoreApplication.translate()`` in ``ui/``.
2. Contexts are put right: lupdate files a module-level ``tr("…")`` helper under an
   empty context and ``texts.tr("…")`` under "texts", while at run time the helper
   calls ``QCoreApplication.translate("Desk", …)``. The script reads each module's
   helper to find the real context (and maps ``box.tr`` to QMessageBox, ``main.tr``
   to MainWindow).
3. Translations already in the old file are carried over (same context and text, else
   same text), so moving a string between classes does not lose its Dutch.
4. ``--apply LANG FILE.json`` fills translations from {"English": "translation"}
   (a key "Context|English" fills only that context); ``--report`` lists what is
   still untranslated.
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
sys.path.insert(0, str(ROOT))

from app import languages  # noqa: E402

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
                    languages.source(), "-no-obsolete", "-locations", "absolute"],
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


def _plain(text: str) -> str:
    return re.sub(r"&(?!&)", "", text)


def write(out: Path, code: str, contexts: dict[str, list[str]],
          old: dict[tuple[str, str], str], extra: dict[str, str]) -> tuple[int, list[str]]:
    by_source = {src: t for (_, src), t in old.items() if t}
    # A source whose only change is its mnemonic (&) keeps its translation: the
    # translation's own mnemonic was chosen for that language's menus and dialogs.
    by_plain = {(ctx, _plain(src)): t for (ctx, src), t in old.items() if t}
    root = ET.Element("TS", version="2.1", language=code, sourcelanguage=languages.source())
    missing = []
    total = 0
    for name in sorted(contexts):
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = name
        for source in contexts[name]:
            total += 1
            msg = ET.SubElement(ctx, "message")
            ET.SubElement(msg, "source").text = source
            text = (extra.get(f"{name}|{source}") or extra.get(source) or old.get((name, source))
                    or by_source.get(source) or by_plain.get((name, _plain(source)), ""))
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
    parser.add_argument("--apply", nargs=2, metavar=("LANG", "FILE"),
                        help="JSON {English: translation} to fill in for LANG")
    parser.add_argument("--todo", metavar="LANG", help="print LANG's untranslated strings as "
                        "JSON {\"Context|English\": \"\"}, ready to fill in and --apply")
    parser.add_argument("--report", action="store_true", help="list untranslated strings")
    args = parser.parse_args(argv)
    extra: dict[str, dict[str, str]] = {}
    if args.apply:
        extra[args.apply[0]] = json.loads(Path(args.apply[1]).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        run_lupdate(fresh)
        contexts = fix_contexts(ET.parse(fresh), helper_contexts())
    todo: dict[str, str] = {}
    for lang in languages.all_languages():
        if lang.code == languages.source():
            continue
        ts = lang.qt_catalogue
        ts.parent.mkdir(parents=True, exist_ok=True)
        total, missing = write(ts, lang.code, contexts, messages(ts), extra.get(lang.code, {}))
        if args.todo == lang.code:
            todo = {line.replace(": ", "|", 1): "" for line in missing}
            continue
        print(f"{ts.relative_to(ROOT)}: {total} strings, {total - len(missing)} translated, "
              f"{len(missing)} to do")
        if args.report:
            for line in missing:
                print("  " + line)
    if args.todo:
        print(json.dumps(todo, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
