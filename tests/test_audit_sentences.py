"""The audit log in sentences, in the reader's language, for every action the app records."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from app import audit_log, audit_sentences, consents, guests, labels, staff_admin, visits
from app.audit_log import AuditFilter
from app.domain import RemovalReason, Role, Source, VisitKind
from app.guests import GuestFields
from app.i18n import translate
from app.opening import Store
from app.views import Actor

ROOT = Path(__file__).resolve().parent.parent


def label_id(store: Store, actor: Actor, key: str) -> int:
    return next(lb.id for lb in labels.approved_labels(store, actor) if lb.key == key)


def sentences_of(store: Store, manager: Actor, lang: str, **flt: object) -> list[str]:
    events = audit_log.list_events(store, manager, AuditFilter(**flt))  # type: ignore[arg-type]
    return [translate(m, lang)
            for m in audit_sentences.sentences(store, manager, events, lang)]


def test_a_removal_at_the_guests_request_reads_as_a_sentence_in_english_and_dutch(
        store: Store, manager: Actor, host: Actor) -> None:
    g = guests.create_guest(store, host, GuestFields("Ada de Vries"))
    a = labels.assign_label(store, host, g.id, label_id(store, host, "quiet-room"),
                            Source.GUEST_TOLD)
    b = labels.assign_label(store, host, g.id, label_id(store, host, "high-floor"),
                            Source.GUEST_TOLD)
    labels.remove_label(store, host, b.id, RemovalReason.NO_LONGER_TRUE)
    labels.remove_label(store, host, a.id, RemovalReason.GUEST_REQUEST)
    en = sentences_of(store, manager, "en", guest_ref=g.ref)
    high = "Prefers a high floor"  # the staff wording (one language)
    # Forgotten at the guest's request: the log (show-guest) no longer says which label it was.
    assert en == ["Luca Rossi deleted a label at the guest's request (which one is not kept)",
                  f"Luca Rossi removed “{high}” because it is no longer true",
                  f"Luca Rossi added “{high}” (the guest told us)",
                  "Luca Rossi added a label that is no longer kept (the guest told us)",
                  "Luca Rossi added a new guest"]
    nl = sentences_of(store, manager, "nl", guest_ref=g.ref)
    assert nl[0] == "Luca Rossi wiste een label op verzoek van de gast (welk label wordt niet " \
                    "bewaard)"
    assert nl[-1] == "Luca Rossi heeft een nieuwe gast toegevoegd"
    # The label is named in the reader's language too (its Dutch staff name).
    assert nl[1] == "Luca Rossi heeft “Liefst een hoge verdieping” verwijderd omdat het niet " \
                    "meer klopt"
    assert not any("label." in s or "=" in s for s in en + nl)  # no raw codes left


def test_staff_visits_consent_and_sign_in_events_are_sentences(
        store: Store, manager: Actor, receptionist: Actor) -> None:
    g = guests.create_guest(store, receptionist, GuestFields("Kofi Mensah"))
    visits.record_visit(store, receptionist, g.id, kind=VisitKind.STAY,
                        starts_at=dt.datetime.combine(dt.date.today(), dt.time(15)))
    c = consents.record_consent(store, receptionist, g.id)
    consents.withdraw_consent(store, receptionist, c.id, by_guest=True)
    staff_admin.change_role(store, manager, receptionist.id, Role.HOST)
    text = sentences_of(store, manager, "en")
    assert "Eva Visser changed Sam Bakker's role from receptionist to host" in text
    assert "Sam Bakker recorded a hotel stay" in text
    assert "Sam Bakker recorded the guest's consent for health information" in text
    assert ("The guest withdrew their consent for health information; 0 health labels were "
            "removed (recorded by Sam Bakker)") in text
    assert "Eva Visser added Sam Bakker as receptionist" in text
    nl = sentences_of(store, manager, "nl")
    assert "Eva Visser heeft de rol van Sam Bakker gewijzigd van receptionist in gastheer/" \
           "gastvrouw" in nl


def test_every_recorded_action_has_a_sentence_and_a_name() -> None:
    """Each action code written anywhere in app/ reads as a sentence, not as a code."""
    found: set[str] = set()
    for path in (ROOT / "app").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r'record\(\s*\w+,\s*[\w.]+,\s*"([a-z_]+\.[a-z_]+)"', text))
        found |= set(re.findall(r'"(staff\.(?:activated|deactivated))"', text))
        if '"visit.{status.value}"' in text:
            found |= {f"visit.{s}" for s in ("arrived", "expected", "departed", "cancelled")}
    missing = sorted(a for a in found if a not in audit_sentences.SENTENCES)
    unnamed = sorted(a for a in found if a not in audit_sentences.ACTION_NAMES)
    assert not missing, f"actions without a sentence: {missing}"
    assert not unnamed, f"actions without a name for the filter: {unnamed}"
    assert {"label.removed", "staff.pin_reset", "visit.arrived", "staff.deactivated"} <= found


def test_list_reads_count_in_words_and_a_right_to_left_name_is_fenced_in() -> None:
    from app.greeting import FSI, PDI
    from app.views import AuditInfo

    def read(name: str) -> AuditInfo:
        return AuditInfo(1, dt.datetime(2026, 11, 27, 17, 0), 3, name, "host",
                         "arrivals.listed", None, "")

    names = audit_sentences.Names({}, {})
    once = audit_sentences.describe(read("Luca Rossi"),
                                    {"day": "2026-11-27", "rows": 7, "reads": 1}, names)
    thrice = audit_sentences.describe(read("Luca Rossi"),
                                      {"day": "2026-11-27", "rows": 7, "reads": 3}, names)
    assert translate(once, "en") == ("Luca Rossi read the list for 2026-11-27 (7 guests; read "
                                     "1 time since the last entry)")
    assert translate(thrice, "en").endswith("read 3 times since the last entry)")
    assert translate(once, "nl").endswith("1 keer gelezen sinds de vorige regel)")
    assert translate(thrice, "de").endswith("3-mal gelesen seit dem letzten Eintrag)")
    dutch = audit_sentences.Names({}, {}, "nl")
    in_words = audit_sentences.describe(read("Luca Rossi"),
                                        {"day": "2026-11-27", "rows": 7, "reads": 3}, dutch)
    assert translate(in_words, "nl") == ("Luca Rossi las de lijst van 27 nov 2026 (7 gasten; "
                                         "3 keer gelezen sinds de vorige regel)")
    arabic = audit_sentences.describe(read("سارة"), {"day": "2026-11-27", "rows": 7,
                                                        "reads": 1}, names)
    assert translate(arabic, "en").startswith(f"{FSI}سارة{PDI} read the list")
