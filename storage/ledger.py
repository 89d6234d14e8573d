"""The ledger of erased guests: random tokens only, kept in the store and in the keyring.

An erased guest comes back when a backup made before the erasure is
restored. To erase them again, a restore must know whom: every erased
guest's ``ref`` (a random token that names no one) is kept

* in the store's ``erased_guest`` table, written in the erasure's own
  transaction, so it travels inside every later backup;
* in the keyring, one entry per store line (``<lineage>.erased-guests``; the
  lineage is the id a store keeps through every restore), so this computer
  remembers erasures even when an older backup replaces the store, or is
  restored into another folder.

Keyring entries are kept small (Windows Credential Locker holds 2,560 bytes):
the tokens are packed 16 bytes each, base64, ``CHUNK_REFS`` to an entry, and
only appended to; a first entry says how many there are.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import datetime as dt
import json
from collections.abc import Iterable

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage import keys
from storage.models import ErasedGuest, Guest

CHUNK_REFS = 90  # 90 tokens x 16 bytes = 1,920 base64 characters per keyring entry
_IN_BATCH = 500  # tokens per "IN (...)" query


# --- in the store ---------------------------------------------------------------------

def record_erasure(session: Session, ref: str, at: dt.datetime) -> None:
    """Add the token, marked "scrub pending", in the transaction that deletes the guest."""
    row = session.get(ErasedGuest, ref)
    if row is None:
        session.add(ErasedGuest(ref=ref, erased_at=at, scrub_pending=True))
    else:
        row.scrub_pending = True


def store_refs(session: Session) -> set[str]:
    return set(session.scalars(select(ErasedGuest.ref)))


def scrub_pending(session: Session) -> bool:
    return session.scalar(select(ErasedGuest.ref).where(ErasedGuest.scrub_pending).limit(1)
                          ) is not None


def clear_pending(session: Session) -> None:
    session.execute(update(ErasedGuest).where(ErasedGuest.scrub_pending)
                    .values(scrub_pending=False))


def add_refs(session: Session, refs: Iterable[str], at: dt.datetime) -> int:
    """Add tokens learnt elsewhere (keyring, another copy); returns how many were new."""
    known = store_refs(session)
    new = sorted(set(refs) - known)
    session.add_all(ErasedGuest(ref=r, erased_at=at, scrub_pending=False) for r in new)
    return len(new)


def guests_back(session: Session, refs: Iterable[str]) -> list[int]:
    """Ids of guests in the store whose token is in the ledger (brought back by a restore)."""
    wanted = sorted(set(refs))
    ids: list[int] = []
    for i in range(0, len(wanted), _IN_BATCH):
        ids += session.scalars(select(Guest.id).where(Guest.ref.in_(wanted[i:i + _IN_BATCH])))
    return sorted(ids)


# --- in the keyring -------------------------------------------------------------------

def _entry(line: str, chunk: int | None = None) -> str:
    return f"{line}.erased-guests" + ("" if chunk is None else f".{chunk}")


def _pack(refs: list[str]) -> str:
    return base64.b64encode(b"".join(bytes.fromhex(r) for r in refs)).decode("ascii")


def _unpack(value: str) -> list[str]:
    raw = base64.b64decode(value.encode("ascii"), validate=True)
    return [raw[i:i + 16].hex() for i in range(0, len(raw) - 15, 16)]


def _index(line: str) -> tuple[int, int] | None:
    value = keys.get_secret(_entry(line))
    if value is None:
        return None
    try:
        data = json.loads(value)
        return int(data["chunks"]), int(data["count"])
    except (ValueError, KeyError, TypeError):
        return 0, 0  # an entry we cannot read: start again after it, keep what we can


def keyring_refs(line: str) -> set[str] | None:
    """The tokens this computer's keyring remembers for a store line; None: no record at all.

    Raises ``storage.errors`` keyring errors (unavailable, locked).
    """
    index = _index(line)
    if index is None:
        return None
    refs: set[str] = set()
    for i in range(index[0]):
        value = keys.get_secret(_entry(line, i))
        if value is None:
            continue
        try:
            refs.update(_unpack(value))
        except (binascii.Error, ValueError):
            continue
    return refs


def keyring_add(line: str, refs: Iterable[str]) -> int:
    """Append tokens the keyring does not have yet (creating the record); returns how many."""
    known = keyring_refs(line)
    index = _index(line) or (0, 0)
    new = sorted(set(refs) - (known or set()))
    if not new and known is not None:
        return 0
    chunks = index[0]
    last: list[str] = []
    if chunks:
        value = keys.get_secret(_entry(line, chunks - 1))
        with contextlib.suppress(binascii.Error, ValueError):
            last = _unpack(value) if value else []
        if len(last) < CHUNK_REFS:
            chunks -= 1   # fill the last entry up before starting another
        else:
            last = []
    pending = last + new
    for start in range(0, len(pending), CHUNK_REFS):
        keys.set_secret(_entry(line, chunks), _pack(pending[start:start + CHUNK_REFS]))
        chunks += 1
    keys.set_secret(_entry(line), json.dumps({"v": 1, "chunks": chunks,
                                              "count": len(known or set()) + len(new)}))
    return len(new)
