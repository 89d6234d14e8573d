"""Timing the desk's two hot paths through app/: type-ahead search and opening a card."""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app import guests, staff
from app.opening import Store, key_source_for, open_store
from app.views import Actor
from bench.common import BENCH_STAFF
from storage import bench_support

LENGTHS = (1, 2, 3, 4)


@dataclass(frozen=True)
class Query:
    kind: str  # "1", "2", "3", "4" typed characters, or "full" name
    typed: str


def open_bench_store(folder: Path, passphrase: Path) -> Store:
    return open_store(folder, key_source_for(passphrase), create=False)


def sign_in(store: Store, as_staff: tuple[str, str] = BENCH_STAFF) -> Actor:
    """Sign in as the demo receptionist (searches and card opens run with a desk role), or
    as ``as_staff`` (name, PIN) from app.demo.DEMO_STAFF for manager-only work."""
    name, pin = as_staff
    person = next(s for s in staff.list_staff(store) if s.name == name)
    return staff.sign_in(store, person.id, pin)


def make_queries(store: Store, names: int, seed: int) -> list[Query]:
    """What a receptionist types: the first 1-4 letters of a guest's name, or all of it.

    Names are sampled across the whole table, so first letters follow the
    data's own distribution (many "J", few "Ł"), and shuffled so lengths mix.
    """
    sample = bench_support.sample_names(store, names, seed)
    queries = [Query(str(n), name[:n]) for name in sample for n in LENGTHS]
    queries += [Query("full", name) for name in sample]
    random.Random(seed).shuffle(queries)
    return queries


def time_searches(stores: Sequence[Store], actor: Actor, queries: Sequence[Query]
                  ) -> list[list[float]]:
    """Seconds per query for each store, interleaved so both see the same machine load."""
    times: list[list[float]] = [[] for _ in stores]
    for q in queries:
        for i, store in enumerate(stores):
            t = time.perf_counter()
            guests.find_guests(store, actor, q.typed)
            times[i].append(time.perf_counter() - t)
    return times


def time_cards(store: Store, actor: Actor, guest_ids: Sequence[int]) -> list[float]:
    """Seconds per ``open_card`` (a read of everything the card shows plus its audit write)."""
    out = []
    for gid in guest_ids:
        t = time.perf_counter()
        guests.open_card(store, actor, gid)
        out.append(time.perf_counter() - t)
    return out
