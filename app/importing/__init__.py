"""Importing arrivals and bookings from CSV exports.

The steps, each its own module so each can be tested on its own:

* :mod:`reading`  bytes → :class:`Table` (encoding, delimiter, header, records);
* :mod:`mapping`  which column is what (guessed from English/Dutch headers,
  remembered per header layout), free-text columns never mapped;
* :mod:`plan`     table + mapping → :class:`ImportPlan` (pure; bad rows named by
  line and column);
* :mod:`apply`    plan → :class:`Preview` (read-only match against the store) →
  :func:`apply` (one transaction, progress, cancel).
"""

from __future__ import annotations

from pathlib import Path

from app.errors import ValidationError
from app.i18n import _
from app.importing.apply import (
    ImportCancelled,
    ImportHasErrors,
    ImportResult,
    Preview,
    apply,
    preview,
)
from app.importing.mapping import (
    FIELD_LABELS,
    Field,
    guess_mapping,
    is_free_text,
    mapping_for,
    save_mapping,
)
from app.importing.plan import ImportPlan, Problem, RowError, build_plan, mapping_problems
from app.importing.reading import CsvFormatError, Table, read_table

__all__ = [
    "FIELD_LABELS", "CsvFormatError", "Field", "ImportCancelled",
    "ImportHasErrors",
    "ImportPlan", "ImportResult",
    "Preview", "Problem", "RowError", "Table", "apply", "build_plan", "guess_mapping",
    "is_free_text", "mapping_for", "mapping_problems", "preview", "read_file", "read_table",
    "save_mapping",
]


def read_file(path: Path) -> Table:
    """Read an export from disk; an unreadable file is a clear error, not a traceback."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ValidationError(_("File"), _("Cannot read {path}: {reason}.", path=str(path),
                                           reason=exc.strerror or str(exc))) from exc
    return read_table(data)
