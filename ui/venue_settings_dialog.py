"""Manager ▸ Venue settings…: who keeps the guests' data, and where their copies go.

The fields come from the one declaration in ``app.venue_settings`` (name, type,
limits, the sentence under each field), so this dialog adds no rules of its
own. Show guest never asks where to print or save: it uses what is set here —
the venue's name and contact (at the top of every guest's copy), the printer
for "Print my copy", the folder for "Make a file with my data" — and how long a
label staff removed stays as a record, and the country whose numbers need no country code
(the search, the duplicate check and the import read "06 1234 5678" with it). Saving
checks every value first (a wrong one stores nothing and says which field) and is audited
per setting.

This is a staff window: choosing the folder may use a file dialog here; nothing
in Show guest can reach this dialog.
"""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import phones
from app import venue_settings as vs
from app.errors import FrontdeskError
from app.i18n import Msg
from app.opening import Store
from app.views import Actor
from ui import theme
from ui.i18n import current_language, say

SHOWN = (vs.VENUE_NAME, vs.VENUE_CONTACT, vs.PRINTER, vs.EXPORT_FOLDER, vs.REMOVED_RECORD_DAYS,
         vs.PHONE_REGION)


class VenueSettingsDialog(QDialog):
    """The venue's name and contact, the desk's printer, the folder for guest files."""

    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor = store, actor
        self.setWindowTitle(self.tr("Venue settings"))
        values = vs.all_values(store)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name = QLineEdit(str(values[vs.VENUE_NAME.key]))
        self.name.setMaxLength(vs.VENUE_NAME.max_len)
        self.contact = QPlainTextEdit(str(values[vs.VENUE_CONTACT.key]))
        self.contact.setTabChangesFocus(True)
        self.contact.setFixedHeight(self.contact.fontMetrics().lineSpacing() * 5 + 12)
        self.printer = QComboBox()
        self.printer.setEditable(True)  # a printer not connected right now can still be named
        current = str(values[vs.PRINTER.key])
        names = QPrinterInfo.availablePrinterNames()
        self.printer.addItems(names if current in names or not current else [current, *names])
        self.printer.setCurrentText(current)
        edit = self.printer.lineEdit()
        if edit is not None and not names:
            edit.setPlaceholderText(self.tr("No printer found on this computer"))
        self.folder = QLineEdit(str(values[vs.EXPORT_FOLDER.key]))
        choose = QPushButton(self.tr("C&hoose…"))
        choose.setAutoDefault(False)
        choose.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        self.days = QSpinBox()
        self.days.setRange(vs.REMOVED_RECORD_DAYS.minimum, vs.REMOVED_RECORD_DAYS.maximum)
        self.days.setValue(int(values[vs.REMOVED_RECORD_DAYS.key]))
        self.days.setSuffix(self.tr(" days"))
        # Phone numbers typed without a country code are read as this country's numbers.
        self.region = QComboBox()
        for code, name in phones.region_choices(current_language()):
            self.region.addItem(name, code)
        self.region.setCurrentIndex(self.region.findData(str(values[vs.PHONE_REGION.key])))
        self.fields: dict[str, QWidget] = {
            vs.VENUE_NAME.key: self.name, vs.VENUE_CONTACT.key: self.contact,
            vs.PRINTER.key: self.printer, vs.EXPORT_FOLDER.key: self.folder,
            vs.REMOVED_RECORD_DAYS.key: self.days, vs.PHONE_REGION.key: self.region}
        for sp in SHOWN:
            box = QVBoxLayout()
            box.setSpacing(2)
            if sp is vs.EXPORT_FOLDER:
                box.addLayout(folder_row)
            else:
                box.addWidget(self.fields[sp.key])
            hint = QLabel(say(Msg(sp.help)))
            hint.setWordWrap(True)
            hint.setObjectName("hint")
            box.addWidget(hint)
            box.addStretch(1)  # any height the form gives the row goes below the hint
            label = QLabel(say(vs.setting_name(sp)) + ":")
            label.setBuddy(self.fields[sp.key])
            form.addRow(label, box)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        theme.fit(self, 760, self.sizeHint().height())

    def values(self) -> dict[str, object]:
        return {vs.VENUE_NAME.key: self.name.text(),
                vs.VENUE_CONTACT.key: self.contact.toPlainText(),
                vs.PRINTER.key: self.printer.currentText().strip(),
                vs.EXPORT_FOLDER.key: self.folder.text(),
                vs.REMOVED_RECORD_DAYS.key: self.days.value(),
                vs.PHONE_REGION.key: str(self.region.currentData())}

    def save(self) -> None:
        try:
            vs.set_values(self.store, self.actor, self.values())
        except FrontdeskError as exc:
            self.error.setText(say(exc))
            field = getattr(exc, "field", None)
            for sp in SHOWN:
                if field is not None and str(field) == str(vs.setting_name(sp)):
                    self.fields[sp.key].setFocus()
            return
        self.accept()

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for guest files"),
                                                  self.folder.text())
        if chosen:
            self.folder.setText(chosen)


def open_venue_settings(parent: QWidget, store: Store, actor: Actor) -> None:
    VenueSettingsDialog(store, actor, parent).exec()
