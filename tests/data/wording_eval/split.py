"""Split the evaluation set into a tuning half and a test half, deterministically.

Stratified by (language, expected outcome): within each stratum the phrases are
ordered by the SHA-256 of ``lang + phrase`` and alternate between the halves, so
both halves hold every category in every language, and re-running this script
on the same files gives the same halves. Run it only when phrases are added:
``python tests/data/wording_eval/split.py``.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = ("en.tsv", "nl.tsv", "de.tsv")
HEADER = "# lang\texpect\ttopic\tphrase\n"


def rows() -> list[tuple[str, str, str, str]]:
    out = []
    for name in SOURCES:
        for line in (HERE / name).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                lang, expect, topic, phrase = line.split("\t")
                out.append((lang, expect, topic, phrase))
    return out


def _key(row: tuple[str, str, str, str]) -> str:
    return hashlib.sha256(f"{row[0]}\t{row[3]}".encode()).hexdigest()


def split() -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    strata: dict[tuple[str, str], list[tuple[str, str, str, str]]] = defaultdict(list)
    for row in rows():
        strata[(row[0], row[1])].append(row)
    tuning: list[tuple[str, ...]] = []
    test: list[tuple[str, ...]] = []
    for key in sorted(strata):
        for i, row in enumerate(sorted(strata[key], key=_key)):
            (tuning if i % 2 == 0 else test).append(row)
    return tuning, test


def main() -> None:
    tuning, test = split()
    for name, part in (("tuning.tsv", tuning), ("test.tsv", test)):
        (HERE / name).write_text(HEADER + "".join("\t".join(r) + "\n" for r in part),
                                 encoding="utf-8")
        print(f"{name}: {len(part)} phrases")


if __name__ == "__main__":
    main()
