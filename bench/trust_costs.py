"""What sign-in checks, read auditing and the audit anchor cost per use case.

    .venv/bin/python bench/trust_costs.py [--guests 2000] [--rounds 300]
    bash scripts/with-secret-service.sh .venv/bin/python bench/trust_costs.py   # real keyring

Measures, in one run and on one store (medians in ms, and ratios to the baseline
measured in the same run):

* type-ahead: the raw search in a read transaction (baseline) against
  ``guests.find_guests`` (``require`` + the per-minute search count);
* ``require`` alone (a registry lookup and one primary-key read);
* opening a card: ``open_card`` (write transaction, audit event, anchor written to
  the keyring after commit) against the same read without audit (baseline);
* one keyring write of the anchor with the active backend.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _ms(fn: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--guests", type=int, default=2000)
    p.add_argument("--rounds", type=int, default=300)
    args = p.parse_args()

    import keyring

    from app import guests, staff
    from app.demo import build_demo
    from app.guest_search import find
    from app.guests import build_card, region_in
    from app.opening import KeyringKey, open_store
    from app.permissions import Action, require
    from storage import audit_anchor, queries
    from storage.card import card_rows
    from storage.keys import usable_backend

    try:
        backend = usable_backend()
        name = f"{type(backend).__module__}.{type(backend).__name__}"
        usable = True
    except Exception:
        usable = False
    if not usable:
        from tests.keyrings import MemoryKeyring

        keyring.set_keyring(MemoryKeyring())
        name = "tests.keyrings.MemoryKeyring (no usable keyring here)"
    folder = Path(tempfile.mkdtemp(prefix="frontdesk-trust-bench-"))
    store = open_store(folder / "s", KeyringKey())
    try:
        build_demo(store, args.guests)
        sam = staff.sign_in_by_name(store, "Sam Bakker", "3917")
        ids = [g.id for g in guests.list_guests(store, sam, limit=args.rounds)]
        words = ["a", "an", "ann", "anna", "b", "ba", "bak", "bakk", "m", "mu", "mul"]
        day = __import__("datetime").date.today()

        def raw_search() -> None:
            for w in words:
                with store.read() as s:
                    find(s, w, 20, day, region_in(s))

        def use_case_search() -> None:
            for w in words:
                guests.find_guests(store, sam, w, 20)

        it = iter(ids * 10)

        def raw_card() -> None:
            with store.read() as s:
                rows = card_rows(s, next(it))
                assert rows is not None
                build_card(rows, __import__("datetime").datetime.now())

        def audited_card() -> None:
            guests.open_card(store, sam, next(it))

        anchor = audit_anchor.Anchor(1, "0" * 64, "2026-01-01T00:00:00", {"1": 1})

        def anchor_write() -> None:
            audit_anchor.save(store.store_id, "keyring", anchor)

        rounds = args.rounds
        results = {
            "search, 11 keystrokes: raw (baseline)": _ms(raw_search, rounds // 10 or 1),
            "search, 11 keystrokes: find_guests": _ms(use_case_search, rounds // 10 or 1),
            "require alone": _ms(lambda: require(store, sam, Action.SEARCH_GUESTS), rounds),
            "card: read only (baseline)": _ms(raw_card, rounds),
            "card: open_card (audit + anchor)": _ms(audited_card, rounds),
            "anchor: one keyring write": _ms(anchor_write, max(20, rounds // 10)),
        }
        # Events per search session: 11 keystrokes within a minute.
        with store.read() as s:
            searched = len(queries.audit_events(s, action="guests.searched", limit=100_000))
    finally:
        store.close()
    print(f"keyring backend: {name}; guests: {args.guests:,}; load average: "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    base_search = results["search, 11 keystrokes: raw (baseline)"]
    base_card = results["card: read only (baseline)"]
    for label, ms in results.items():
        base = base_search if label.startswith("search") else base_card \
            if label.startswith("card") else None
        ratio = f"  ×{ms / base:.2f}" if base else ""
        print(f"  {label:42} {ms:8.3f} ms{ratio}")
    print(f"  search events written for {rounds // 10 or 1} sessions of 11 keystrokes: "
          f"{searched}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
