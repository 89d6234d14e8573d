"""Reading a CSV export whatever spreadsheet or booking system wrote it.

Exports from hotel PMSs, booking sites and Excel differ in three ways that
matter: the encoding (UTF-8 with or without a byte-order mark, UTF-16 from
Excel's "Unicode text", or Windows-1252 from older Windows software), the
delimiter (comma, semicolon in Dutch locales, tab) and the date format. This
module settles the first two and hands back the header and the records with
the line number each record starts on, so errors can name the line.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
from collections import Counter
from dataclasses import dataclass

from app.errors import ValidationError
from app.i18n import Msg, _
from app.importing.collector import while_paused

DELIMITERS = (",", ";", "\t")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
MAX_BYTES = 200 * 1024 * 1024
MAX_FIELD = 10_000


class CsvFormatError(ValidationError):
    """The file as a whole cannot be read as a table (not a row-level problem)."""

    def __init__(self, message: Msg | str) -> None:
        super().__init__(_("File"), message)


@dataclass(frozen=True)
class Record:
    line: int                 # 1-based line number where the record starts
    values: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    encoding: str             # the codec used: utf-8-sig, utf-8, utf-16, cp1252
    delimiter: str
    header: tuple[str, ...]
    header_line: int
    records: tuple[Record, ...]
    sha256: str               # of the raw bytes: the audit names the file by it

    @property
    def fingerprint(self) -> str:
        return header_fingerprint(self.header)


def header_fingerprint(header: tuple[str, ...] | list[str]) -> str:
    """A stable key for "this export layout": the same header row gives the same key."""
    normal = "\x1f".join(h.strip().casefold() for h in header)
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:32]


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, codec). BOMs win; then strict UTF-8; then Windows-1252.

    A file that is neither is refused when some of its lines are valid UTF-8 with
    accented letters and others are not: such a file was pasted together from two
    exports, and decoding it all as Windows-1252 would garble every accent of the
    UTF-8 lines ("ZoÃ«"), so it is named instead of guessed.
    """
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise CsvFormatError(_mixed_message(data[len(codecs.BOM_UTF8):]) or _(
                "The file starts like UTF-8 text but is not valid UTF-8; export it again "
                "as CSV (UTF-8).")) from exc
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise CsvFormatError(_("The file starts like UTF-16 text but is not valid "
                                   "UTF-16; export it again as CSV (UTF-8).")) from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mixed = _mixed_message(data)
    if mixed is not None:
        raise CsvFormatError(mixed)
    # Windows-1252 leaves five bytes undefined; they cannot be meaningful text, so they
    # become U+FFFD rather than refusing a file that is otherwise readable.
    return data.decode("cp1252", errors="replace"), "cp1252"


def _mixed_message(data: bytes) -> Msg | None:
    """A message naming the lines of each encoding when UTF-8 and 8-bit lines are mixed."""
    utf8: list[int] = []
    other: list[int] = []
    for number, line in enumerate(data.split(b"\n"), 1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            other.append(number)
        else:
            utf8.append(number)
    if not (utf8 and other):
        return None
    return _("The file mixes two encodings: lines {utf8} are UTF-8, lines {other} are not "
             "(Windows-1252 or another 8-bit encoding), so accented letters cannot be read "
             "reliably. Export it again in one encoding (CSV UTF-8).",
             utf8=_line_list(utf8), other=_line_list(other))


def _line_list(numbers: list[int], most: int = 8) -> str:
    shown = ", ".join(str(n) for n in numbers[:most])
    return shown + (f" … (+{len(numbers) - most})" if len(numbers) > most else "")


def sniff_delimiter(text: str) -> str:
    """Pick the delimiter that splits the first lines into the most, and most even, columns."""
    lines = [ln for ln in text.splitlines()[:50] if ln.strip()][:20]
    if not lines:
        raise CsvFormatError(_("The file is empty: there is no header row."))
    best, best_score = ",", (-1, -1)
    sample = "\n".join(lines)
    for d in DELIMITERS:
        try:
            rows = list(csv.reader(io.StringIO(sample), delimiter=d))
        except csv.Error:
            continue
        if not rows:
            continue
        widths = Counter(len(r) for r in rows)
        width, same = max(widths.items(), key=lambda kv: (kv[1], kv[0]))  # the usual width
        score = (same if width > 1 else 0, width)
        if score > best_score:
            best, best_score = d, score
    return best


@while_paused
def read_table(data: bytes) -> Table:
    """Decode, find the delimiter, and split into a header and records (blank lines dropped)."""
    if len(data) > MAX_BYTES:
        raise CsvFormatError(_("The file is larger than {size} MB; split it into smaller "
                               "exports.", size=MAX_BYTES // (1024 * 1024)))
    if b"\x00" in data and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise CsvFormatError(_("This is not a text file (it contains NUL bytes). Export the "
                               "arrivals as CSV and try again."))
    text, codec = decode(data)
    text = text.replace("\x00", "")
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    header: tuple[str, ...] | None = None
    header_line = 0
    records: list[Record] = []
    last_line = 0
    try:
        for row in reader:
            start = last_line + 1
            last_line = reader.line_num
            # (whole-row string operations: a backlog has 100,000 rows of ~10 fields)
            if not "".join(row).strip():   # every field blank
                continue
            if max(map(len, row)) > MAX_FIELD:
                raise CsvFormatError(_("Line {line} holds a field longer than {limit} "
                                       "characters; a quote is probably not closed.",
                                       line=start, limit=format(MAX_FIELD, ",")))
            if header is None:
                header = tuple(v.strip() for v in row)
                header_line = start
            else:
                records.append(Record(start, tuple(row)))
    except csv.Error as exc:
        raise CsvFormatError(_("Line {line} cannot be read: {problem}.", line=reader.line_num,
                               problem=str(exc))) from exc
    if header is None:
        raise CsvFormatError(_("The file is empty: there is no header row."))
    header, header_line, records = _skip_title_lines(header, header_line, records)
    _refuse_duplicate_columns(header, header_line)
    return Table(codec, delimiter, header, header_line, tuple(records),
                 hashlib.sha256(data).hexdigest())


def _skip_title_lines(header: tuple[str, ...], line: int, records: list[Record]
                      ) -> tuple[tuple[str, ...], int, list[Record]]:
    """Reports often start with a title ("Arrivals 14-03-2026"): the header is the first
    row with two or more filled cells, if one comes within the first ten rows."""
    def filled(values: tuple[str, ...]) -> int:
        return sum(1 for v in values if v.strip())

    if filled(header) >= 2:
        return header, line, records
    for i, rec in enumerate(records[:10]):
        if filled(rec.values) >= 2:
            return tuple(v.strip() for v in rec.values), rec.line, records[i + 1:]
    return header, line, records


def _refuse_duplicate_columns(header: tuple[str, ...], line: int) -> None:
    """Two columns with the same name: which one is meant cannot be known, so refuse.

    (Keeping either would silently drop the other column's values.) Unnamed columns
    are not compared: exports often end rows with empty cells.
    """
    seen: dict[str, int] = {}
    for i, name in enumerate(header, 1):
        key = " ".join(name.casefold().split())
        if not key:
            continue
        if key in seen:
            raise CsvFormatError(_(
                "Line {line}: the header names the column “{name}” twice (columns {first} "
                "and {second}). Rename one of them in the export and try again.",
                line=line, name=name, first=seen[key], second=i))
        seen[key] = i
