"""The small plain-text header kept beside each store.

SQLCipher answers a wrong key and a damaged file with the same error. The
header records the store's id, schema revision and a salted fingerprint of
its key (never the key), so opening can name the right problem *before*
touching the database file.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

FORMAT = "frontdesk-store"


@dataclass
class Header:
    store_id: str
    key_source: str
    key_fingerprint: str
    fingerprint_salt: str
    schema_revision: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    format: str = FORMAT

    def write(self, path: Path) -> None:
        """Write atomically (temp file + rename) so a crash never leaves half a header."""
        data = json.dumps(asdict(self), indent=2, sort_keys=True)
        fd, tmp = tempfile.mkstemp(prefix=".header-", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)

    @classmethod
    def read(cls, path: Path) -> Header:
        """Parse a header; raise ``ValueError`` when it is not one of ours."""
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise ValueError("not a Frontdesk store header")
        try:
            return cls(
                store_id=str(raw["store_id"]),
                key_source=str(raw["key_source"]),
                key_fingerprint=str(raw["key_fingerprint"]),
                fingerprint_salt=str(raw["fingerprint_salt"]),
                schema_revision=str(raw.get("schema_revision", "")),
                extra={str(k): str(v) for k, v in dict(raw.get("extra", {})).items()},
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"incomplete header: {exc}") from exc
