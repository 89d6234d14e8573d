"""One import in its own process, timed step by step, with its peak memory.

Run by bench/import_bench.py as ``python -m bench.import_probe DIR PASSPHRASE FILE``;
prints ``{"read_plan_s", "preview_s", "apply_s", "write_s", "total_s", "maxrss_mb", …}``;
``write_s`` is the apply step's write phase (from the end of its preparation, through
taking the write lock, to the commit): how long other desks' writes can be held up; the
``*_cpu_s`` beside them are the process's CPU seconds over the same spans (all threads:
``time.process_time``), which the machine's load does not stretch as it does wall time. The
peak memory is the whole process's (Python, SQLCipher's page cache, the file and the
plan), which is what a desk running the import would hold.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import importing
from bench.measure import open_bench_store, sign_in


def main() -> int:
    folder, passphrase, export = (Path(a) for a in sys.argv[1:4])
    store = open_bench_store(folder, passphrase)
    try:
        actor = sign_in(store)
        t0, c0 = time.perf_counter(), time.process_time()
        table = importing.read_file(export)
        mapping, _ = importing.mapping_for(store, table.header)
        plan = importing.build_plan(table, mapping, file_name=export.name)
        t1, c1 = time.perf_counter(), time.process_time()
        pre = importing.preview(store, actor, plan)
        t2, c2 = time.perf_counter(), time.process_time()
        marks: list[tuple[float, float]] = []
        result = importing.apply(
            store, actor, plan, previewed=pre,
            prepared=lambda: marks.append((time.perf_counter(), time.process_time())))
        t3, c3 = time.perf_counter(), time.process_time()
    finally:
        store.close()
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    print(json.dumps({
        "rows": plan.records, "new_guests_previewed": pre.new_guests,
        "write_from": time.time() - (t3 - marks[-1][0]), "write_until": time.time(),
        "read_plan_s": t1 - t0, "preview_s": t2 - t1, "apply_s": t3 - t2,
        "write_s": t3 - marks[-1][0], "preparations": len(marks), "total_s": t3 - t0,
        "read_plan_cpu_s": c1 - c0, "preview_cpu_s": c2 - c1, "apply_cpu_s": c3 - c2,
        "write_cpu_s": c3 - marks[-1][1], "total_cpu_s": c3 - c0,
        "maxrss_mb": kb / 1024, "guests_created": result.guests_created,
        "visits": result.visits,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
