"""Peak memory of a desk process: open the store, 100 searches, 100 card opens.

Run by bench/run.py as ``python -m bench.rss_probe DIR PASSPHRASE_FILE`` with
``{"queries": [...], "guest_ids": [...]}`` on stdin; prints
``{"maxrss_mb": …}``. No Qt here: this is the store side of the desk's memory
(Qt's own floor is ~58 MB, see /work/shared/QT-NOTES.md and cold_start_s).
"""

from __future__ import annotations

import json
import resource
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import guests
from bench.measure import open_bench_store, sign_in


def main() -> int:
    folder, passphrase = Path(sys.argv[1]), Path(sys.argv[2])
    job = json.load(sys.stdin)
    store = open_bench_store(folder, passphrase)
    try:
        actor = sign_in(store)
        for typed in job["queries"]:
            guests.find_guests(store, actor, typed)
        for gid in job["guest_ids"]:
            guests.open_card(store, actor, gid)
    finally:
        store.close()
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    print(json.dumps({"maxrss_mb": kb / 1024}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
