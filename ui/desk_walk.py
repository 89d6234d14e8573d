"""Walk the desk on a real X display with key presses and take the README's screenshots.

    DISPLAY=:17 python -m ui.desk_walk [OUT_DIR] [--lang en nl]

Needs an X server (Xvfb with a window manager such as openbox, 1366×768), ``xdotool``
and ImageMagick's ``import``. It prepares a demo store (with health labels on some of
today's arrivals and tonight's bookings, so the markers show), starts ``python -m app``
on it in each language, and drives it as staff do — typing PINs, arrow keys, Enter, Esc,
the menus by keyboard — writing docs/screenshots/desk17-LANG-*.png:

* ``today-restaurant``: a host signing in lands on the bookings of the service under way,
  the health chips in their own column;
* ``today-hotel``: the hotel arrivals (Alt+H);
* ``card``: a guest with health labels, pinned first under Health and safety;
* ``audit``: the audit log in sentences (a manager, Manager ▸ Audit log…);
* ``staff``: the staff dialog with PIN reset, unlock and role change.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.opening import Store

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "docs" / "screenshots"
PASSPHRASE = "desk walk passphrase"


def prepare(folder: Path) -> tuple[Path, Path, int, str]:
    """A demo store with health labels on two arrivals and two bookings for today; returns
    (store folder, passphrase file, the row of the first arrival with a health label, that
    guest's token)."""
    from app import consents, demo, guests, labels, staff, visits
    from app.domain import ConsentPurpose, Role, Service, Source, VisitKind
    from app.opening import key_source_for, open_store

    data = folder / "store"
    pp = folder / "passphrase"
    pp.write_text(PASSPHRASE + "\n", encoding="utf-8")
    store = open_store(data, key_source_for(pp))
    try:
        demo.build_demo(store, guests=400, seed=17)
        name, _role, pin = next(s for s in demo.DEMO_STAFF if s[1] == Role.MANAGER)
        manager = staff.sign_in(store, next(p.id for p in staff.list_staff(store)
                                            if p.name == name), pin)
        by_key = {lb.key: lb.id for lb in labels.approved_labels(store, manager)}
        today = dt.date.today()
        dinner = visits.today_list(store, manager, today, VisitKind.BOOKING, Service.DINNER)
        lunch = visits.today_list(store, manager, today, VisitKind.BOOKING, Service.LUNCH)
        stays = visits.today_list(store, manager, today, VisitKind.STAY)
        plan = [(stays, 1, "nut-allergy"), (stays, 3, "coeliac-no-gluten"),
                (dinner, 0, "coeliac-no-gluten"), (dinner, 2, "nut-allergy"),
                (lunch, 1, "nut-allergy")]
        for rows, index, key in plan:
            if index >= len(rows) or rows[index].health:
                continue
            guest = rows[index].guest
            if not guests.open_card(store, manager, guest.id).has_consent(
                    ConsentPurpose.HEALTH):
                consents.record_consent(store, manager, guest.id)
            labels.assign_label(store, manager, guest.id, by_key[key], Source.GUEST_TOLD)
        arrivals = visits.today_list(store, manager, today, VisitKind.STAY)
        first = next((i for i, r in enumerate(arrivals) if r.health), 0)
        ref = history(store, arrivals[first].guest.id, by_key)
    finally:
        store.close()
    return data, pp, first, ref


def history(store: Store, guest_id: int, by_key: dict[str | None, int]) -> str:
    """A receptionist's morning with one guest, so the audit log (filtered to that guest)
    shows more than sign-ins: labels added, one removed because it is no longer true, one
    forgotten at the guest's request, one observed. Returns the guest's token."""
    from app import demo, guests, labels, staff
    from app.domain import RemovalReason, Role, Source

    name, _role, pin = next(s for s in demo.DEMO_STAFF if s[1] == Role.RECEPTIONIST)
    sam = staff.sign_in(store, next(p.id for p in staff.list_staff(store)
                                    if p.name == name), pin)
    quiet = labels.assign_label(store, sam, guest_id, by_key["quiet-room"], Source.GUEST_TOLD)
    labels.assign_label(store, sam, guest_id, by_key["extra-pillows"], Source.STAFF_OBSERVED)
    high = labels.assign_label(store, sam, guest_id, by_key["high-floor"], Source.GUEST_TOLD)
    labels.remove_label(store, sam, quiet.id, RemovalReason.NO_LONGER_TRUE)
    labels.remove_label(store, sam, high.id, RemovalReason.GUEST_REQUEST)
    return guests.open_card(store, sam, guest_id).guest.ref


def mnemonic(lang: str, source: str, context_name: str = "MainWindow") -> str:
    """The letter after "&" in ``source`` (a menu item or label of ``context_name``), as
    translated into ``lang`` (resources/i18n/frontdesk_LANG.ts; English is the source)."""
    import xml.etree.ElementTree as ET

    text = source
    ts = ROOT / "resources" / "i18n" / f"frontdesk_{lang}.ts"
    if ts.exists():
        for context in ET.parse(ts).getroot().iter("context"):
            if context.findtext("name") != context_name:
                continue
            for message in context.iter("message"):
                if message.findtext("source") == source:
                    text = message.findtext("translation") or source
    return text[text.index("&") + 1].lower()


class Desk:
    """The app on the X display, driven with xdotool."""

    def __init__(self, data: Path, pp: Path, lang: str, out: Path) -> None:
        self.lang, self.out = lang, out
        env = {**os.environ, "FRONTDESK_LANG": lang, "QT_QPA_PLATFORM": "xcb",
               "FRONTDESK_LOCK_MINUTES": "60"}
        self.proc = subprocess.Popen([sys.executable, "-m", "app", "--data-dir", str(data),
                                      "--passphrase-file", str(pp)], cwd=ROOT, env=env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.window = self._wait_window()

    def _wait_window(self) -> str:
        for _ in range(120):
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name",
                                    "Frontdesk"], capture_output=True, text=True).stdout.split()
            if found:
                time.sleep(1.5)
                return found[-1]
            time.sleep(0.5)
        raise RuntimeError("the Frontdesk window did not appear")

    def settle(self, timeout: float = 30.0) -> None:
        """Wait until the app has stopped working (no CPU used for ~0.6 s): on a loaded
        machine a fixed pause photographs a half-finished sign-in."""
        stat = Path(f"/proc/{self.proc.pid}/stat")

        def ticks() -> int:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            return int(fields[11]) + int(fields[12])  # utime + stime

        end, quiet, last = time.monotonic() + timeout, 0, ticks()
        while quiet < 3 and time.monotonic() < end:
            time.sleep(0.2)
            now = ticks()
            quiet, last = (quiet + 1 if now - last <= 1 else 0), now

    def menu(self, menu: str, item: str) -> None:
        """Open a menu item by its mnemonics (Alt+letter, letter) in this language."""
        self.keys(f"alt+{mnemonic(self.lang, menu)}", pause=0.6)
        self.keys(mnemonic(self.lang, item), pause=0.6)
        self.settle()

    def keys(self, *keys: str, pause: float = 0.25) -> None:
        subprocess.run(["xdotool", "windowactivate", "--sync", self.window], check=False)
        for k in keys:
            subprocess.run(["xdotool", "key", "--clearmodifiers", k], check=True)
            time.sleep(pause)

    def type(self, text: str) -> None:
        subprocess.run(["xdotool", "type", "--delay", "60", text], check=True)
        time.sleep(0.3)

    def sign_in(self, row: int, pin: str) -> None:
        """Choose the row-th name with ↑↓ in the PIN field, type the PIN, Enter."""
        self.keys(*(["Up"] * 6), *(["Down"] * row), pause=0.1)
        self.type(pin)
        self.keys("Return", pause=1.0)
        self.settle()

    def shot(self, name: str) -> Path:
        self.settle()
        time.sleep(0.5)
        path = self.out / f"desk17-{self.lang}-{name}.png"
        subprocess.run(["import", "-window", "root", str(path)], check=True)
        return path

    def quit(self) -> None:
        self.keys("ctrl+q", pause=1.0)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.terminate()
            self.proc.wait(timeout=10)


def walk(lang: str, data: Path, pp: Path, first_health: int, ref: str, out: Path
         ) -> list[Path]:
    from app.demo import DEMO_STAFF
    from app.domain import Role

    people = sorted(DEMO_STAFF, key=lambda s: s[0])  # the sign-in list is by name
    host = next(i for i, s in enumerate(people) if s[1] == Role.HOST)
    manager = next(i for i, s in enumerate(people) if s[1] == Role.MANAGER)
    desk = Desk(data, pp, lang, out)
    shots = []
    try:
        desk.sign_in(host, people[host][2])
        shots.append(desk.shot("today-restaurant"))  # a host lands on the bookings
        desk.keys("alt+a", "ctrl+t", pause=0.8)  # Hotel &arrivals, focus on the list
        shots.append(desk.shot("today-hotel"))
        desk.keys(*(["Down"] * first_health), "Return", pause=0.3)
        shots.append(desk.shot("card"))
        desk.keys("Escape", "ctrl+l", pause=1.0)  # lock; the manager takes over the desk
        desk.sign_in(manager, people[manager][2])
        desk.menu("&Manager", "&Audit log…")
        # That guest's history: Alt+G (the Guest field), the token, Enter.
        desk.keys(f"alt+{mnemonic(lang, '&Guest:', 'AuditView')}")
        desk.type(ref)
        desk.keys("Return", pause=0.6)
        shots.append(desk.shot("audit"))
        desk.keys("Escape", pause=0.8)
        desk.menu("&Manager", "&Staff…")
        shots.append(desk.shot("staff"))
        desk.keys("Escape", pause=0.6)
    finally:
        desk.quit()
    return shots


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv and not argv[0].startswith("--") else DEFAULT_OUT
    langs = argv[argv.index("--lang") + 1:] if "--lang" in argv else ["en", "nl"]
    for tool in ("xdotool", "import"):
        if shutil.which(tool) is None:
            print(f"{tool} is missing (apt-get install xdotool imagemagick)", file=sys.stderr)
            return 2
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="frontdesk-walk-"))
    try:
        data, pp, first, ref = prepare(folder)
        for lang in langs:
            for path in walk(lang, data, pp, first, ref, out):
                print(path)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
