"""Extract app/'s messages and update every language's gettext catalogue (Babel).

    .venv/bin/python packaging/update_catalogues.py            # extract + update
    .venv/bin/python packaging/update_catalogues.py --report   # list untranslated entries
    .venv/bin/python packaging/update_catalogues.py --todo de      # untranslated, as JSON
    .venv/bin/python packaging/update_catalogues.py --apply de FILE.json   # fill them in

1. Babel extracts every ``_("…")``, ``N_("…")`` and ``ngettext_("…", "…", n)`` in
   ``app/`` into ``resources/locale/frontdesk.pot``.
2. Each language in ``resources/languages.toml`` gets its
   ``resources/locale/<code>/LC_MESSAGES/frontdesk.po`` created or updated: existing
   translations are kept, new messages are added empty, vanished ones are dropped
   (Babel marks near matches fuzzy; fuzzy entries are not used until reviewed).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import languages  # noqa: E402

KEYWORDS = {"_": None, "N_": None, "ngettext_": (1, 2)}
POT = languages.APP_CATALOGUES / f"{languages.DOMAIN}.pot"


def extract() -> Catalog:
    template = Catalog(project="Frontdesk", domain=languages.DOMAIN, fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
            str(ROOT / "app"), method_map=[("**.py", "python")], keywords=KEYWORDS,
            comment_tags=("TRANSLATORS:",), strip_comment_tags=True):
        template.add(message, None, [(f"app/{filename}", lineno)], auto_comments=comments,
                     context=context, flags=("python-brace-format",)
                     if "{" in (message if isinstance(message, str) else message[0]) else ())
    return template


def update(template: Catalog) -> list[Path]:
    written = []
    for lang in languages.all_languages():
        if lang.code == languages.source():
            continue
        path = lang.app_catalogue
        if path.is_file():
            with path.open("rb") as fh:
                cat = read_po(fh, locale=lang.code, domain=languages.DOMAIN)
        else:
            cat = Catalog(locale=lang.code, domain=languages.DOMAIN, project="Frontdesk")
        cat.update(template, update_header_comment=False)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            write_po(fh, cat, width=100, omit_header=False, ignore_obsolete=True,
                     sort_output=False)
        written.append(path)
    return written


def report() -> int:
    missing = 0
    for lang in languages.all_languages():
        if lang.code == languages.source() or not lang.app_catalogue.is_file():
            continue
        with lang.app_catalogue.open("rb") as fh:
            cat = read_po(fh, locale=lang.code)
        for msg in cat:
            strings = msg.string if isinstance(msg.string, tuple) else (msg.string,)
            if msg.id and (not all(strings) or msg.fuzzy):
                missing += 1
                print(f"{lang.code}: {msg.id!r}")
    return missing


def _read(code: str) -> Catalog:
    lang = languages.get(code)
    if lang is None:
        raise SystemExit(f"{code}: not in {languages.REGISTRY_FILE}")
    with lang.app_catalogue.open("rb") as fh:
        return read_po(fh, locale=code, domain=languages.DOMAIN)


def todo(code: str) -> dict[str, object]:
    """{msgid: ""} (plurals: {msgid: ["", ""]}) for every entry still to translate."""
    out: dict[str, object] = {}
    for msg in _read(code):
        if msg.id and (not msg.string or msg.fuzzy or
                       (isinstance(msg.string, tuple) and not all(msg.string))):
            key = msg.id[0] if isinstance(msg.id, tuple) else msg.id
            out[key] = [""] * len(msg.string) if isinstance(msg.id, tuple) else ""
    return out


def apply(code: str, translations: dict[str, object]) -> int:
    """Fill entries from {msgid: text} (plural entries: a list, one per plural form)."""
    cat = _read(code)
    done = 0
    for msg in cat:
        key = msg.id[0] if isinstance(msg.id, tuple) else msg.id
        text = translations.get(key) if msg.id else None
        if not text:
            continue
        msg.string = tuple(text) if isinstance(text, list) else str(text)
        msg.flags.discard("fuzzy")
        done += 1
    lang = languages.get(code)
    assert lang is not None
    with lang.app_catalogue.open("wb") as fh:
        write_po(fh, cat, width=100, omit_header=False, ignore_obsolete=True, sort_output=False)
    return done


def main() -> int:
    import json

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--report", action="store_true")
    p.add_argument("--todo", metavar="LANG", help="print the untranslated entries as JSON")
    p.add_argument("--apply", nargs=2, metavar=("LANG", "FILE"),
                   help="fill translations from a JSON file {msgid: text}")
    args = p.parse_args()
    if args.report:
        return 1 if report() else 0
    if args.todo:
        print(json.dumps(todo(args.todo), ensure_ascii=False, indent=1))
        return 0
    if args.apply:
        code, file = args.apply
        n = apply(code, json.loads(Path(file).read_text(encoding="utf-8")))
        print(f"{code}: {n} entries filled")
        return 0
    template = extract()
    POT.parent.mkdir(parents=True, exist_ok=True)
    with POT.open("wb") as fh:
        write_po(fh, template, width=100, omit_header=False, sort_output=False)
    for path in update(template):
        print(f"updated {path.relative_to(ROOT)}")
    print(f"{len(template)} messages in {POT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
