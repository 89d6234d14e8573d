"""The guest report's words in English and Dutch, and dates written out in each language.

The desk UI is translated with Qt's tools, but the guest report is also built
without Qt (JSON export, the ``export-guest`` command), so its texts live here
as plain data: one dictionary per language with the same keys. A test checks
that every language has every key. Missing languages fall back to English and
the report says so.
"""

from __future__ import annotations

import datetime as dt

FALLBACK = "en"

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Everything we keep about you",
        "intro": "This is all the information {venue} has stored about you, in plain words. "
                 "You can ask us to remove any of it, right here.",
        "fell_back": "We do not have this page in your language yet, so it is shown in English.",
        "generated": "Made on {date}",
        "venue": "our hotel and restaurant",
        # sections
        "section.details": "Your details",
        "section.details.intro": "What we use to greet you and to contact you.",
        "section.labels": "What we noted to serve you better",
        "section.labels.intro": "Each note was chosen from a list our manager approved. "
                                "Nothing else is written about you.",
        "section.labels.empty": "We have noted nothing about you.",
        "section.removed": "Notes that were removed",
        "section.removed.intro": "These notes are no longer used. We keep a record of them "
                                 "until the date shown, then they are deleted.",
        "section.visits": "Your visits",
        "section.visits.intro": "Your stays and table bookings with us.",
        "section.visits.empty": "No visits recorded.",
        "section.consents": "Your consent",
        "section.consents.intro": "Permissions you gave us, and any you withdrew.",
        "section.consents.empty": "You have not given us any consent.",
        "section.access": "Who opened your profile",
        "section.access.intro": "Every time a member of our staff looked at your details.",
        "section.access.empty": "Nobody has opened your profile yet.",
        "section.changes": "History of your information",
        "section.changes.intro": "Everything we did with your information, and who did it.",
        "section.changes.empty": "Nothing recorded yet.",
        "section.rights": "Your choices",
        "rights.remove": "You can ask us to forget any note, at once.",
        "rights.withdraw": "You can withdraw your consent; notes that rely on it are removed.",
        "rights.correct": "You can correct your name, pronunciation, language and contact "
                          "details.",
        "rights.copy": "You can take a copy of this page, on paper or as a file.",
        "rights.erase": "You can ask a manager to erase everything we keep about you.",
        "rights.retention": "If you do not visit for {months} months, a manager reviews "
                            "whether to delete your information.",
        # guest fields
        "field.full_name": "Full name",
        "field.preferred_name": "Name you like to be called",
        "field.pronunciation": "How to pronounce your name",
        "field.language": "Your language",
        "field.email": "Email",
        "field.phone": "Phone",
        "field.created_at": "We first wrote down your details on",
        "field.ref": "Your reference (our logs use it instead of your name)",
        "field.retention_reviewed_at": "A manager last decided to keep your details on",
        # label fields
        "field.label": "Note",
        "field.category": "Kind of note",
        "field.purpose": "Why we keep it",
        "field.added_by": "Added by",
        "field.added_at": "Added on",
        "field.source": "How we know",
        "field.expires_at": "Deleted automatically on",
        "field.kept_until": "Record deleted on",
        "field.consent_id": "Relies on your consent",
        "field.removed_at": "Removed on",
        "field.removed_by": "Removed by",
        "field.removal_reason": "Why it was removed",
        # visit fields
        "field.kind": "Kind of visit",
        "field.starts_at": "Date",
        "field.ends_on": "Until",
        "field.service": "Meal",
        "field.party_size": "Number of guests",
        "field.place": "Room or table",
        "field.status": "Status",
        # consent fields
        "field.consent_purpose": "What you agreed to",
        "field.given_at": "Given on",
        "field.recorded_by": "Recorded by",
        "field.withdrawn_at": "Withdrawn on",
        "field.withdrawn_by": "Withdrawal recorded by",
        # access log fields
        "field.at": "When",
        "field.who": "Who",
        "field.action": "What happened",
        # merged profiles (guest_merge; search helper)
        "section.merges": "Your profiles that we merged",
        "section.merges.intro": "We had written down your details twice and joined them "
                                "into this one profile. A manager can undo it until the "
                                "date shown.",
        "field.merged_at": "Merged on",
        "field.merged_by": "Merged by",
        "field.merged_ref": "Reference of the other profile",
        "field.undo_until": "Can be undone until",
        "field.undo_data": "Details of the other profile, kept for undoing",
        "value.undo_data_gone": "deleted (the time for undoing has passed)",
        # values
        "value.none": "—",
        "value.not_given": "not given",
        "value.yes": "yes",
        "value.system": "our system (automatic)",
        "value.staff_gone": "a former member of staff",
        "value.person": "{first_name}, {role}",
        "value.consent_active": "Active",
        "value.consent_withdrawn": "Withdrawn",
        "value.nights": "{start} until {end}",
        "datetime": "{date} at {time}",
        # buttons and confirmations (used by the view)
        "button.forget": "Please forget this",
        "button.withdraw": "Withdraw my consent",
        "button.correct": "Correct my details",
        "button.pdf": "Save a copy (PDF)",
        "button.json": "Save my data (file)",
        "button.done": "I am done",
        "button.yes_forget": "Yes, forget it",
        "button.yes_withdraw": "Yes, withdraw",
        "button.save": "Save my details",
        "button.cancel": "Go back",
        "confirm.forget": "Forget this note now?\n\n“{label}”\n\nIt will no longer be used.",
        "confirm.withdraw": "Withdraw your consent?\n\n“{purpose}”\n\nNotes that rely on it "
                            "are removed at once.",
        "done.forget": "Done. We no longer use this note.",
        "done.withdraw": "Done. Your consent is withdrawn.",
        "done.correct": "Done. Your details are updated.",
        "done.saved": "Saved.",
        "correct.title": "Correct your details",
        "handover": "Please hand the screen back to our staff when you are done.",
        "problem": "That did not work: {message}",
    },
    "nl": {
        "title": "Alles wat we over u bewaren",
        "intro": "Dit is alle informatie die {venue} over u heeft opgeslagen, in gewone woorden. "
                 "U kunt ons hier meteen vragen iets te verwijderen.",
        "fell_back": "Deze pagina bestaat nog niet in uw taal; daarom ziet u hem in het Engels.",
        "generated": "Gemaakt op {date}",
        "venue": "ons hotel en restaurant",
        "section.details": "Uw gegevens",
        "section.details.intro": "Waarmee we u begroeten en contact met u opnemen.",
        "section.labels": "Wat we noteerden om u beter te helpen",
        "section.labels.intro": "Elke notitie komt uit een lijst die onze manager heeft "
                                "goedgekeurd. Er staat verder niets over u geschreven.",
        "section.labels.empty": "We hebben niets over u genoteerd.",
        "section.removed": "Verwijderde notities",
        "section.removed.intro": "Deze notities gebruiken we niet meer. We bewaren een "
                                 "verslag ervan tot de genoemde datum; daarna wordt het gewist.",
        "section.visits": "Uw bezoeken",
        "section.visits.intro": "Uw verblijven en tafelreserveringen bij ons.",
        "section.visits.empty": "Geen bezoeken vastgelegd.",
        "section.consents": "Uw toestemming",
        "section.consents.intro": "Toestemming die u ons gaf, en toestemming die u introk.",
        "section.consents.empty": "U hebt ons geen toestemming gegeven.",
        "section.access": "Wie uw profiel heeft geopend",
        "section.access.intro": "Elke keer dat een medewerker uw gegevens heeft bekeken.",
        "section.access.empty": "Nog niemand heeft uw profiel geopend.",
        "section.changes": "Geschiedenis van uw gegevens",
        "section.changes.intro": "Alles wat we met uw gegevens deden, en wie dat deed.",
        "section.changes.empty": "Nog niets vastgelegd.",
        "section.rights": "Uw keuzes",
        "rights.remove": "U kunt ons vragen elke notitie meteen te vergeten.",
        "rights.withdraw": "U kunt uw toestemming intrekken; notities die erop steunen "
                           "worden verwijderd.",
        "rights.correct": "U kunt uw naam, uitspraak, taal en contactgegevens verbeteren.",
        "rights.copy": "U kunt een kopie van deze pagina meenemen, op papier of als bestand.",
        "rights.erase": "U kunt een manager vragen alles wat we over u bewaren te wissen.",
        "rights.retention": "Als u {months} maanden niet bij ons bent geweest, beoordeelt een "
                            "manager of uw gegevens worden gewist.",
        "field.full_name": "Volledige naam",
        "field.preferred_name": "Naam waarmee u aangesproken wilt worden",
        "field.pronunciation": "Hoe u uw naam uitspreekt",
        "field.language": "Uw taal",
        "field.email": "E-mail",
        "field.phone": "Telefoon",
        "field.created_at": "We noteerden uw gegevens voor het eerst op",
        "field.ref": "Uw kenmerk (onze logboeken gebruiken dit in plaats van uw naam)",
        "field.retention_reviewed_at": "Een manager besloot uw gegevens te bewaren op",
        "field.label": "Notitie",
        "field.category": "Soort notitie",
        "field.purpose": "Waarom we dit bewaren",
        "field.added_by": "Toegevoegd door",
        "field.added_at": "Toegevoegd op",
        "field.source": "Hoe we het weten",
        "field.expires_at": "Automatisch gewist op",
        "field.kept_until": "Verslag gewist op",
        "field.consent_id": "Steunt op uw toestemming",
        "field.removed_at": "Verwijderd op",
        "field.removed_by": "Verwijderd door",
        "field.removal_reason": "Waarom verwijderd",
        "field.kind": "Soort bezoek",
        "field.starts_at": "Datum",
        "field.ends_on": "Tot",
        "field.service": "Maaltijd",
        "field.party_size": "Aantal gasten",
        "field.place": "Kamer of tafel",
        "field.status": "Status",
        "field.consent_purpose": "Waarvoor u toestemming gaf",
        "field.given_at": "Gegeven op",
        "field.recorded_by": "Vastgelegd door",
        "field.withdrawn_at": "Ingetrokken op",
        "field.withdrawn_by": "Intrekking vastgelegd door",
        "field.at": "Wanneer",
        "field.who": "Wie",
        "field.action": "Wat er gebeurde",
        # samengevoegde profielen (guest_merge)
        "section.merges": "Uw profielen die we hebben samengevoegd",
        "section.merges.intro": "We hadden uw gegevens twee keer genoteerd en ze tot dit ene "
                                "profiel samengevoegd. Een manager kan dat ongedaan maken tot "
                                "de genoemde datum.",
        "field.merged_at": "Samengevoegd op",
        "field.merged_by": "Samengevoegd door",
        "field.merged_ref": "Kenmerk van het andere profiel",
        "field.undo_until": "Ongedaan te maken tot",
        "field.undo_data": "Gegevens van het andere profiel, bewaard om het ongedaan te maken",
        "value.undo_data_gone": "verwijderd (de termijn om het ongedaan te maken is voorbij)",
        "value.none": "—",
        "value.not_given": "niet opgegeven",
        "value.yes": "ja",
        "value.system": "ons systeem (automatisch)",
        "value.staff_gone": "een voormalige medewerker",
        "value.person": "{first_name}, {role}",
        "value.consent_active": "Geldig",
        "value.consent_withdrawn": "Ingetrokken",
        "value.nights": "{start} tot {end}",
        "datetime": "{date} om {time}",
        "button.forget": "Vergeet dit alstublieft",
        "button.withdraw": "Mijn toestemming intrekken",
        "button.correct": "Mijn gegevens verbeteren",
        "button.pdf": "Kopie bewaren (PDF)",
        "button.json": "Mijn gegevens bewaren (bestand)",
        "button.done": "Ik ben klaar",
        "button.yes_forget": "Ja, vergeet het",
        "button.yes_withdraw": "Ja, intrekken",
        "button.save": "Gegevens opslaan",
        "button.cancel": "Terug",
        "confirm.forget": "Deze notitie nu vergeten?\n\n“{label}”\n\nWe gebruiken hem dan "
                          "niet meer.",
        "confirm.withdraw": "Uw toestemming intrekken?\n\n“{purpose}”\n\nNotities die erop "
                            "steunen worden meteen verwijderd.",
        "done.forget": "Gedaan. We gebruiken deze notitie niet meer.",
        "done.withdraw": "Gedaan. Uw toestemming is ingetrokken.",
        "done.correct": "Gedaan. Uw gegevens zijn bijgewerkt.",
        "done.saved": "Opgeslagen.",
        "correct.title": "Uw gegevens verbeteren",
        "handover": "Geef het scherm terug aan onze medewerker als u klaar bent.",
        "problem": "Dat lukte niet: {message}",
    },
}

# Domain codes in plain words. Keys are the enum *values* so this module needs no imports.
WORDS: dict[str, dict[str, dict[str, str]]] = {
    "en": {
        "role": {"receptionist": "receptionist", "host": "restaurant host",
                 "manager": "manager"},
        "visit_kind": {"stay": "hotel stay", "booking": "restaurant booking"},
        "visit_status": {"expected": "expected", "arrived": "arrived",
                         "departed": "departed", "cancelled": "cancelled"},
        "service": {"lunch": "lunch", "dinner": "dinner"},
        "consent_purpose": {"health": "Using health information you give us (such as "
                                      "allergies, diet or mobility) to look after you"},
        "removal_reason": {"guest_request": "you asked us to forget it",
                           "no_longer_true": "it was no longer true",
                           "added_by_mistake": "it was added by mistake",
                           "consent_withdrawn": "you withdrew your consent",
                           "label_retired": "we stopped using this kind of note",
                           "expired": "its time was up"},
        "language": {"en": "English", "nl": "Dutch"},
        "action": {"guest.opened": "opened your profile",
                   "guest.created": "wrote down your details",
                   "guest.updated": "changed your details",
                   "guest.shown": "showed you this page",
                   "guest.exported": "made a copy of your data for you",
                   "guest.kept": "decided to keep your details",
                   "label.assigned": "added a note",
                   "label.removed": "removed a note",
                   "label.expired": "deleted notes whose time was up",
                   "consent.given": "recorded your consent",
                   "consent.withdrawn": "recorded that you withdrew your consent",
                   "visit.recorded": "recorded a visit",
                   "visit.status": "updated a visit",
                   "guest.merged": "merged two profiles of yours into one",
                   "guest.merge_undone": "undid the merge of your profiles",
                   "other": "made a change"},
    },
    "nl": {
        "role": {"receptionist": "receptionist", "host": "gastheer/gastvrouw restaurant",
                 "manager": "manager"},
        "visit_kind": {"stay": "hotelverblijf", "booking": "restaurantreservering"},
        "visit_status": {"expected": "verwacht", "arrived": "aangekomen",
                         "departed": "vertrokken", "cancelled": "geannuleerd"},
        "service": {"lunch": "lunch", "dinner": "diner"},
        "consent_purpose": {"health": "Gezondheidsinformatie die u ons geeft (zoals "
                                      "allergieën, dieet of mobiliteit) gebruiken om goed "
                                      "voor u te zorgen"},
        "removal_reason": {"guest_request": "u vroeg ons het te vergeten",
                           "no_longer_true": "het klopte niet meer",
                           "added_by_mistake": "het was per vergissing toegevoegd",
                           "consent_withdrawn": "u trok uw toestemming in",
                           "label_retired": "we gebruiken dit soort notitie niet meer",
                           "expired": "de bewaartermijn was voorbij"},
        "language": {"en": "Engels", "nl": "Nederlands"},
        "action": {"guest.opened": "opende uw profiel",
                   "guest.created": "noteerde uw gegevens",
                   "guest.updated": "wijzigde uw gegevens",
                   "guest.shown": "liet u deze pagina zien",
                   "guest.exported": "maakte een kopie van uw gegevens voor u",
                   "guest.kept": "besloot uw gegevens te bewaren",
                   "label.assigned": "voegde een notitie toe",
                   "label.removed": "verwijderde een notitie",
                   "label.expired": "wiste notities waarvan de termijn voorbij was",
                   "consent.given": "legde uw toestemming vast",
                   "consent.withdrawn": "legde vast dat u uw toestemming introk",
                   "visit.recorded": "legde een bezoek vast",
                   "visit.status": "werkte een bezoek bij",
                   "guest.merged": "voegde twee profielen van u samen tot één",
                   "guest.merge_undone": "maakte het samenvoegen van uw profielen ongedaan",
                   "other": "bracht een wijziging aan"},
    },
}

MONTHS: dict[str, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
}

WEEKDAYS: dict[str, tuple[str, ...]] = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
}


def supported(language: str) -> str:
    """The report language for a guest: theirs when we have it, else English."""
    return language if language in TEXTS else FALLBACK


def text(language: str, key: str, **values: object) -> str:
    """One report text in ``language`` (English when missing), with ``{names}`` filled in."""
    lang = supported(language)
    template = TEXTS[lang].get(key) or TEXTS[FALLBACK][key]
    return template.format(**values) if values else template


def word(language: str, kind: str, code: str) -> str:
    """A domain code (enum value) in plain words; the code itself if we have no word."""
    table = WORDS[supported(language)][kind]
    return table.get(code) or WORDS[FALLBACK][kind].get(code) or code


def date_words(value: dt.date, language: str) -> str:
    """'24 November 2026' / '24 november 2026': unambiguous for any reader."""
    lang = supported(language)
    return f"{value.day} {MONTHS[lang][value.month - 1]} {value.year}"


def datetime_words(value: dt.datetime, language: str) -> str:
    return text(language, "datetime", date=date_words(value.date(), language),
                time=value.strftime("%H:%M"))
