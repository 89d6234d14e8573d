"""Extract app/'s messages and update every language's gettext catalogue (Babel).

    .venv/bin/python packaging/update_catalogues.py            # extract + update
    .venv/bin/python packaging/update_catalogues.py --report   # list untranslated entries

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


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--report", action="store_true")
    args = p.parse_args()
    if args.report:
        return 1 if report() else 0
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
