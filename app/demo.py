"""A realistic small hotel and restaurant, for `--demo`, `demo-data` and benchmarks.

Guests, their stays and bookings over years of history and the fortnight
around today sized to the venue (``app.demo_visits``), labels from the starter
vocabulary (with consent where they are health data), a few pending proposals,
and staff in each role. Rows are written in
batches through ``storage.bulk`` so a million guests take minutes, not hours.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from app import demo_names, languages, vocabulary
from app import staff as staff_uc
from app.audit import record
from app.demo_visits import DUE_SHARE, Places, history_days, plan_fortnight, visit_rows
from app.views import Actor, Wording
from storage import bulk, name_terms, queries, search
from storage.models import (
    Assignment,
    Category,
    Consent,
    ConsentPurpose,
    Guest,
    LabelStatus,
    Role,
    Sensitivity,
    Source,
    Visit,
)
from storage.store import Store

DEMO_STAFF: tuple[tuple[str, Role, str], ...] = (
    ("Eva Visser", Role.MANAGER, "4826"),
    ("Sam Bakker", Role.RECEPTIONIST, "3917"),
    ("Luca Rossi", Role.HOST, "5273"),
    ("Noor El Amrani", Role.RECEPTIONIST, "6148"),
)

PRONOUNCE = {
    "Thomassen": "TOH-mah-sen", "Søren": "SUR-en", "Niamh": "NEEV", "Seán": "SHAWN",
    "Łukasz": "WOO-kash", "Siobhan": "shi-VAWN", "Saar": "SAHR", "Horváth": "HOR-vaht",
    "Çelik": "CHEH-lik", "Dijkstra": "DIKE-strah", "João": "zhoo-OW",
}
#: Pending proposals, named and worded in every language of the starter vocabulary
#: (category, sensitivity, retention days, staff names, guest wording, purpose). The
#: big spender is there to show the wording check blocking a judgement.
DEMO_PROPOSALS: tuple[tuple[Category, Sensitivity, int, dict[str, str], dict[str, str],
                            dict[str, str]], ...] = (
    (Category.PREFERENCE, Sensitivity.NORMAL, 365,
     {"en": "Prefers sparkling water on the table",
      "nl": "Wil bruisend water op tafel",
      "de": "Möchte Sprudelwasser auf dem Tisch"},
     {"en": "You like sparkling water on the table.",
      "nl": "U heeft graag bruisend water op tafel.",
      "de": "Sie haben gern Sprudelwasser auf dem Tisch."},
     {"en": "So your table is set the way you like it.",
      "nl": "Zodat uw tafel gedekt is zoals u dat prettig vindt.",
      "de": "Damit Ihr Tisch so gedeckt ist, wie Sie es mögen."}),
    (Category.PREFERENCE, Sensitivity.NORMAL, 365,
     {"en": "Big spender – alert the manager",
      "nl": "Big spender – manager waarschuwen",
      "de": "Gibt viel Geld aus – Geschäftsleitung informieren"},
     {"en": "You spend a lot with us.",
      "nl": "U geeft veel bij ons uit.",
      "de": "Sie geben bei uns viel aus."},
     {"en": "So the manager can greet you.",
      "nl": "Zodat de manager u kan begroeten.",
      "de": "Damit die Geschäftsleitung Sie begrüßen kann."}),
    (Category.RECOGNITION, Sensitivity.NORMAL, 730,
     {"en": "Likes to be greeted in Italian",
      "nl": "Wil graag in het Italiaans begroet worden",
      "de": "Möchte auf Italienisch begrüßt werden"},
     {"en": "You enjoy being greeted in Italian.",
      "nl": "U wordt graag in het Italiaans begroet.",
      "de": "Sie werden gern auf Italienisch begrüßt."},
     {"en": "So we can greet you the way you enjoy.",
      "nl": "Zodat we u begroeten zoals u dat fijn vindt.",
      "de": "Damit wir Sie so begrüßen, wie Sie es mögen."}),
)
# Guests per write transaction. Visits, labels and guests are indexed on random
# values (dates, uuids, emails), so every batch touches index pages all over
# the file; bigger batches touch each page for more rows. 20,000 instead of
# 5,000: ~20% faster at 300,000 guests, ~200 MB peak; bigger gains nothing more.
BATCH = 20_000


@dataclass(frozen=True)
class DemoSummary:
    guests: int
    visits: int
    assignments: int
    consents: int
    staff: dict[str, str]


def ensure_staff(store: Store) -> Actor:
    """Create the demo staff (if missing) and return the manager, signed in with its PIN."""
    name, _, pin = DEMO_STAFF[0]
    if staff_uc.needs_first_manager(store):
        manager = staff_uc.create_first_manager(store, name, pin)
        for other, role, other_pin in DEMO_STAFF[1:]:
            staff_uc.add_staff(store, manager, other, role, other_pin)
        return manager
    return staff_uc.sign_in_by_name(store, name, pin)


def build_demo(
    store: Store, guests: int = 200, *, seed: int = 7, today: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    rng = random.Random(seed)
    day = today or dt.date.today()
    manager = ensure_staff(store)
    vocabulary.load_starter(store, manager)
    _demo_venue(store, manager)  # show-guest: who keeps the data, where guest files go
    name, _, pin = min(d for d in DEMO_STAFF if d[1] == Role.RECEPTIONIST)  # first by name
    desk = staff_uc.sign_in_by_name(store, name, pin)
    offered = set(languages.codes())
    for cat, sens, days, p_names, p_guest, p_purpose in DEMO_PROPOSALS:
        vocabulary.propose_label(store, desk, vocabulary.LabelDraft(
            cat, {lang: n for lang, n in p_names.items() if lang in offered}, sens, days,
            tuple(Wording(lang, p_guest[lang], p_purpose[lang]) for lang in p_guest
                  if lang in offered)))
    with store.read() as s:
        staff_ids = [st.id for st in queries.active_staff(s)]
        labels = [(lb.id, lb.sensitivity, lb.retention_days)
                  for lb in queries.labels_with_status(s, LabelStatus.APPROVED)]
    counts = {"visits": 0, "assignments": 0, "consents": 0}
    now = dt.datetime.combine(day, dt.time(9, 0))
    places = Places(rng)
    history = history_days(guests)
    fortnight = plan_fortnight(rng, guests)
    done = 0
    while done < guests:
        n = min(BATCH, guests - done)
        with store.write() as s:
            first_id = bulk.max_id(s, Guest) + 1
            visit_id = bulk.max_id(s, Visit) + 1
            consent_id = bulk.max_id(s, Consent) + 1
            # Explicit ids, as for visits and consents: nothing is read back.
            assignment_id = bulk.max_id(s, Assignment) + 1
            g_rows, v_rows, c_rows, a_rows = [], [], [], []
            for i in range(n):
                gid = first_id + i
                guest = _guest_row(rng, gid, now)
                stays = visit_rows(rng, gid, day, history, fortnight.get(done + i),
                                   rng.random() < DUE_SHARE, places)
                # Known before the first visit: booked some days ahead (never after a stay).
                starts = [v["starts_at"] for v in stays]
                first = min((t for t in starts if isinstance(t, dt.datetime)), default=now)
                guest["created_at"] = min(first, now) - dt.timedelta(days=rng.randint(1, 30),
                                                                       hours=rng.randint(0, 9))
                g_rows.append(guest)
                for v in stays:
                    v["id"] = visit_id
                    visit_id += 1
                    v_rows.append(v)
                known = guest["created_at"]
                assert isinstance(known, dt.datetime)
                chosen = rng.sample(labels, k=rng.choice((0, 1, 2, 2, 3)))
                added_at = [_added(rng, known, now, retention) for _, _, retention in chosen]
                health = [a for (_, sens, _), a in zip(chosen, added_at, strict=True)
                          if sens == Sensitivity.SPECIAL]
                consent: int | None = None
                if health:  # consent first, then the health labels that rest on it
                    consent = consent_id
                    consent_id += 1
                    c_rows.append(dict(id=consent, guest_id=gid, purpose=ConsentPurpose.HEALTH,
                                       given_at=min(health), recorded_by=rng.choice(staff_ids)))
                for (label_id, sens, retention), added in zip(chosen, added_at, strict=True):
                    special = sens == Sensitivity.SPECIAL
                    a_rows.append(dict(
                        id=assignment_id, guest_id=gid, label_id=label_id,
                        added_by=rng.choice(staff_ids), added_at=added,
                        # Health information rests on what the guest told us (app.labels).
                        source=Source.GUEST_TOLD if special else rng.choice(list(Source)),
                        expires_at=added + dt.timedelta(days=retention),
                        consent_id=consent if special else None))
                    assignment_id += 1
            bulk.insert_rows(s, Guest, g_rows)
            name_terms.remember_names(s, [str(g[k]) for g in g_rows
                                      for k in ("full_name", "preferred_name")])
            bulk.insert_rows(s, Visit, v_rows)
            bulk.insert_rows(s, Consent, c_rows)
            bulk.insert_rows(s, Assignment, a_rows)
            counts["visits"] += len(v_rows)
            counts["consents"] += len(c_rows)
            counts["assignments"] += len(a_rows)
            record(s, manager, "demo.generated", guests=n, visits=len(v_rows),
                   assignments=len(a_rows), consents=len(c_rows))
        done += n
        if progress:
            progress(done, guests)
    # Written in many pieces, the search index is in dozens of segments, each of which
    # every key press looks up (migration 0015 says what that costs); merged once here,
    # as an old store is at its upgrade: milliseconds for the --demo store, ~15 s at 1M.
    with store.write() as s:
        search.optimize_index(s)
    return DemoSummary(guests, counts["visits"], counts["assignments"], counts["consents"],
                       {name: pin for name, _, pin in DEMO_STAFF})


def _ascii(text: str) -> str:
    """"garcía" → "garcia", "søren" → "soren": demo email addresses stay ASCII."""
    folded = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("ø", "o"))
    return "".join(ch for ch in folded if ch.isascii())


def _guest_row(rng: random.Random, gid: int, now: dt.datetime) -> dict[str, object]:
    first, last, origin = demo_names.pick_name(rng)
    full = f"{first} {last}"
    preferred = first if rng.random() < 0.7 else ""
    # A hint covers the whole name, as staff would write it ("Ingrid TOH-mah-sen").
    hint = (f"{PRONOUNCE.get(first, first)} {PRONOUNCE.get(last, last)}"
            if first in PRONOUNCE or last in PRONOUNCE else "")
    # The language the guest reads Show guest in: their origin's when Frontdesk speaks it
    # (a German guest reads German), else the source language. The draw stays, so the
    # rest of the demo (emails, phones, visits) is the same for a seed.
    rng.random()
    wanted = demo_names.LANGUAGE_OF.get(origin, languages.source())
    lang = wanted if wanted in languages.codes() else languages.source()
    slug = _ascii(full.lower()).replace(" ", ".").replace("'", "")
    email = f"{slug}{gid}@example.com" if rng.random() < 0.8 else None
    mobile = rng.randint(10000000, 99999999)
    phone = f"+31 6 {mobile}" if rng.random() < 0.6 else None
    return dict(id=gid, ref=uuid.UUID(int=rng.getrandbits(128), version=4).hex, full_name=full,
                preferred_name=preferred, pronunciation=hint, language=lang, email=email,
                phone=phone, phone_e164=f"+316{mobile}" if phone else None,  # app.phones rule
                created_at=now - dt.timedelta(days=rng.randint(7, 400)))


def _added(rng: random.Random, known: dt.datetime, now: dt.datetime, retention: int
           ) -> dt.datetime:
    """When a label was added: after the guest was first recorded, still within its
    retention today (an expired label would already have been deleted)."""
    earliest = max(known, now - dt.timedelta(days=retention - 1))
    span = max(0, int((now - earliest).total_seconds() // 3600))
    return earliest + dt.timedelta(hours=rng.randint(0, span))


def _demo_venue(store: Store, manager: Actor) -> None:
    """The demo venue's name and contact, and a folder for guest files in the demo's folder.

    (Show guest's copies need them; no printer is set: a manager picks one under
    Manager ▸ Venue settings.)
    """
    from app import venue_settings

    folder = store.paths.data_dir / "guest-files"
    folder.mkdir(exist_ok=True)
    venue_settings.set_values(store, manager, {
        venue_settings.VENUE_NAME.key: "Hotel De Linde",
        venue_settings.VENUE_CONTACT.key: "Lindenlaan 12, 3512 AB Utrecht\n"
                                          "+31 30 123 4567 · privacy@delinde.example",
        venue_settings.EXPORT_FOLDER.key: str(folder)})
