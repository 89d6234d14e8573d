"""Import arrivals…: choose a CSV export, check its columns, preview, import (or cancel).

A QWizard with four pages. Reading, planning, previewing and applying all run
in a worker thread (a 100,000-row export takes seconds), with a progress bar;
cancelling an import rolls back its single transaction, so nothing is left
half-imported. Free-text columns (remarks, notes…) are shown as skipped and
cannot be chosen: the app layer refuses them too.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app import i18n as app_i18n
from app import importing
from app.errors import FrontdeskError
from app.importing import FIELD_LABELS, Field, RowError
from app.opening import Store
from app.views import Actor
from ui.i18n import current_language, say


def tr(text: str) -> str:
    return QCoreApplication.translate("ImportWizard", text)


def field_label(f: Field) -> str:
    """A field's name in the interface language (the app declares the words once)."""
    return app_i18n.gettext(current_language(), FIELD_LABELS[f])


def error_text(e: RowError) -> str:
    """A row error in the interface language."""
    return say(e.text)


class _Bridge(QObject):
    done = Signal(object)           # the result, or the FrontdeskError raised
    progress = Signal(int, int)


def run_in_thread(bridge: _Bridge, work: Callable[[], object]) -> threading.Thread:
    def target() -> None:
        result: object
        try:
            result = work()
        except FrontdeskError as exc:
            result = exc
        except OSError as exc:
            result = FrontdeskError(tr("The import failed: {reason}. Nothing was imported.")
                                    .format(reason=exc.strerror or type(exc).__name__))
        bridge.done.emit(result)

    thread = threading.Thread(target=target, name="frontdesk-import", daemon=True)
    thread.start()
    return thread


def _status_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class FilePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(tr("Choose the export"))
        self.setSubTitle(tr("A CSV file from your booking system or spreadsheet: comma, "
                            "semicolon or tab separated, in any common encoding."))
        self.path = QLineEdit()
        self.path.setObjectName("importPath")
        self.path.setPlaceholderText(tr("Path of the CSV file"))
        self.path.textChanged.connect(lambda _t: self.completeChanged.emit())
        browse = QPushButton(tr("&Choose file…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        note = QLabel(tr("Nothing is written until you confirm the preview. Columns with "
                         "remarks or notes are never imported."))
        note.setWordWrap(True)
        lay.addWidget(note)
        lay.addStretch(1)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Choose the export"), "",
                                              tr("CSV files (*.csv *.txt *.tsv);;All files (*)"))
        if name:
            self.path.setText(name)

    def isComplete(self) -> bool:
        text = self.path.text().strip()
        return bool(text) and Path(text).is_file()


class MappingPage(QWizardPage):
    """One row per column of the file: its header, an example, and what it imports as."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(tr("Check the columns"))
        self.setSubTitle(tr("Frontdesk guessed what each column holds. Correct any guess; "
                            "the choice is remembered for files with the same columns."))
        self.status = _status_label()
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("Column in the file"), tr("Example"),
                                              tr("Imports as")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.problems = _status_label()
        self.problems.setObjectName("errorText")
        self.remember = QCheckBox(tr("&Remember these columns for files like this one"))
        self.remember.setChecked(True)
        lay = QVBoxLayout(self)
        for w in (self.status, self.table, self.problems, self.remember):
            lay.addWidget(w)
        self.combos: dict[int, QComboBox] = {}
        self._ready = False
        self._bridge = _Bridge()  # no Qt parent: lives while its worker thread needs it
        self._bridge.done.connect(self._loaded)

    def initializePage(self) -> None:
        self._ready = False
        self.table.setRowCount(0)
        self.problems.clear()
        self.status.setText(tr("Reading the file…"))
        path = Path(self.w.file_page.path.text().strip())
        store = self.w.store

        def work() -> object:
            table = importing.read_file(path)
            return table, importing.mapping_for(store, table.header)

        run_in_thread(self._bridge, work)

    def _loaded(self, result: object) -> None:
        if isinstance(result, FrontdeskError):
            self.status.setText(say(result))
            return
        assert isinstance(result, tuple)
        table, (mapping, remembered) = result
        self.w.table = table
        self.status.setText(
            (tr("Columns as you set them last time for this layout.") if remembered else
             tr("Columns guessed from the header row."))
            + " " + tr("{rows} rows.").format(rows=f"{len(table.records):,}"))
        self.combos.clear()
        self.table.setRowCount(len(table.header))
        for i, header in enumerate(table.header):
            sample = next((r.values[i] for r in table.records[:50]
                           if i < len(r.values) and r.values[i].strip()), "")
            self.table.setItem(i, 0, QTableWidgetItem(header or f"#{i + 1}"))
            self.table.setItem(i, 1, QTableWidgetItem(sample[:60]))
            if importing.is_free_text(header):
                item = QTableWidgetItem(tr("skipped: free text is never imported"))
                item.setForeground(Qt.GlobalColor.darkGray)
                item.setToolTip(item.text())
                self.table.setItem(i, 2, item)
                continue
            combo = QComboBox()
            for f in Field:
                combo.addItem(field_label(f), f.value)
            combo.setCurrentIndex(combo.findData(mapping.get(i, Field.SKIP).value))
            combo.currentIndexChanged.connect(lambda _i: self._changed())
            self.combos[i] = combo
            self.table.setCellWidget(i, 2, combo)
        self.table.resizeColumnToContents(0)
        skip_width = self.table.fontMetrics().horizontalAdvance(
            tr("skipped: free text is never imported")) + 24
        self.table.setColumnWidth(2, max(260, skip_width))
        self._ready = True
        self._changed()

    def mapping(self) -> dict[int, Field]:
        return {i: Field(c.currentData()) for i, c in self.combos.items()
                if c.currentData()}

    def _changed(self) -> None:
        problems = importing.mapping_problems(self.mapping())
        self.problems.setText("\n".join(say(m) for m in problems))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._ready and not importing.mapping_problems(self.mapping())

    def validatePage(self) -> bool:
        if self.remember.isChecked() and self.w.table is not None:
            try:
                importing.save_mapping(self.w.store, self.w.actor, self.w.table.header,
                                       self.mapping())
            except FrontdeskError as exc:
                self.problems.setText(say(exc))
                return False
        return True


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(tr("Preview"))
        self.setSubTitle(tr("Nothing has been written yet. If any row has an error, nothing is "
                            "imported: correct the file, or choose to leave those rows out."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, tr("&Import"))
        self.summary = _status_label()
        self.summary.setObjectName("importSummary")
        self.errors = QListWidget()
        self.errors.setObjectName("importErrors")
        self.errors.setWordWrap(True)
        self.rows = QTableWidget(0, 3)
        self.rows.setObjectName("importRows")
        self.rows.setHorizontalHeaderLabels([tr("Line"), tr("Guest"), tr("Status")])
        self.rows.verticalHeader().hide()
        header = self.rows.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.rows.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.errors, tr("Rows with errors"))
        self.tabs.addTab(self.rows, tr("Rows to import"))
        self.notes = _status_label()
        self.only_good = QCheckBox(tr("Import &only the rows without errors; leave the "
                                      "rows with errors out"))
        self.only_good.setObjectName("importOnlyGoodRows")
        self.only_good.toggled.connect(lambda _on: self.completeChanged.emit())
        self.only_good.hide()
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.only_good)
        lay.addWidget(self.notes)
        self._ready = False
        self._bridge = _Bridge()  # no Qt parent: lives while its worker thread needs it
        self._bridge.done.connect(self._previewed)

    def initializePage(self) -> None:
        self._ready = False
        self.errors.clear()
        self.rows.setRowCount(0)
        self.notes.clear()
        self.only_good.setChecked(False)
        self.only_good.hide()
        self.summary.setText(tr("Checking every row and looking for known guests…"))
        table, mapping = self.w.table, self.w.mapping_page.mapping()
        store, actor = self.w.store, self.w.actor
        name = Path(self.w.file_page.path.text()).name
        assert table is not None

        def work() -> object:
            plan = importing.build_plan(table, mapping, file_name=name)
            return importing.preview(store, actor, plan)

        run_in_thread(self._bridge, work)

    def _previewed(self, result: object) -> None:
        if isinstance(result, FrontdeskError):
            self.summary.setText(say(result))
            return
        assert isinstance(result, importing.Preview)
        self.w.preview = result
        p = result.plan
        lines = [
            tr("New guests: {n}").format(n=f"{result.new_guests:,}"),
            tr("Matched guests (same email, or same name and phone): {n}").format(
                n=f"{result.matched_guests:,}"),
            tr("Visits to add: {n}").format(n=f"{result.visits:,}"),
            tr("Rows with errors: {n}").format(n=f"{p.error_lines:,}"),
        ]
        if result.same_name:
            lines.append(tr("Check for duplicate profiles — new guests with the name of a "
                            "known guest or of another row: {names}").format(
                names=", ".join(result.same_name[:10])
                + (" …" if len(result.same_name) > 10 else "")))
        if result.duplicate_visits:
            lines.insert(3, tr("Visits already in the store (skipped): {n}").format(
                n=f"{result.duplicate_visits:,}"))
        self.summary.setText("\n".join(lines))
        for e in p.errors:  # every one: nothing is imported while one is left
            self.errors.addItem(error_text(e))
        if not p.errors:
            self.errors.addItem(tr("None"))
        self.only_good.setVisible(bool(p.errors))
        shown = p.rows[:1000]
        self.rows.setRowCount(len(shown))
        for i, (row, status) in enumerate(zip(shown, result.row_status, strict=False)):
            known = status == "matched"
            for col, text in enumerate((str(row.line), row.guest.full_name,
                                        tr("known guest") if known else tr("new guest"))):
                self.rows.setItem(i, col, QTableWidgetItem(text))
        self.tabs.setCurrentWidget(self.errors if p.errors else self.rows)
        self.notes.setText("\n".join(say(m) for m in (*(s.text for s in p.skipped),
                                                        *p.notes)))
        self._ready = True
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        pre = self.w.preview
        return (self._ready and pre is not None and pre.new_guests + pre.visits > 0
                and (not pre.plan.errors or self.only_good.isChecked()))


class ApplyPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(tr("Importing"))
        self.bar = QProgressBar()
        self.status = _status_label()
        self.status.setObjectName("importResult")
        lay = QVBoxLayout(self)
        lay.addWidget(self.bar)
        lay.addWidget(self.status)
        lay.addStretch(1)
        self.running = False
        self.cancel_requested = threading.Event()
        self._bridge = _Bridge()  # no Qt parent: lives while its worker thread needs it
        self._bridge.progress.connect(self._progress)
        self._bridge.done.connect(self._done)

    def initializePage(self) -> None:
        pre = self.w.preview
        assert pre is not None
        self.running = True
        self.cancel_requested.clear()
        self.status.setText(tr("Importing… Cancel undoes everything."))
        self.bar.setRange(0, 0)
        store, actor, plan = self.w.store, self.w.actor, pre.plan
        bridge, cancel = self._bridge, self.cancel_requested
        only_good = self.w.preview_page.only_good.isChecked()

        def work() -> object:
            return importing.apply(store, actor, plan, only_good_rows=only_good,
                                   progress=bridge.progress.emit, cancelled=cancel.is_set,
                                   previewed=pre)

        run_in_thread(self._bridge, work)

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)

    def _done(self, result: object) -> None:
        self.running = False
        self.bar.setRange(0, 1)
        if isinstance(result, importing.ImportCancelled):
            self.bar.setValue(0)
            self.status.setText(tr("Cancelled: nothing was imported."))
        elif isinstance(result, FrontdeskError):
            self.bar.setValue(0)
            self.status.setText(say(result))
        else:
            assert isinstance(result, importing.ImportResult)
            self.w.import_result = result
            self.bar.setValue(1)
            self.status.setText(tr("Imported {new} new guests and {visits} visits; {matched} "
                                   "guests were already known.").format(
                new=f"{result.guests_created:,}", visits=f"{result.visits:,}",
                matched=f"{result.guests_matched:,}"))
        self.w.button(QWizard.WizardButton.CancelButton).setEnabled(False)
        self.completeChanged.emit()
        if self.w.close_when_done:
            self.w.done(0)

    def isComplete(self) -> bool:
        return not self.running


class ImportWizard(QWizard):
    """The whole import, started from the Desk menu (every desk role may import)."""

    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor = store, actor
        self.table: importing.Table | None = None
        self.preview: importing.Preview | None = None
        self.import_result: importing.ImportResult | None = None
        self.close_when_done = False
        self.setWindowTitle(tr("Import arrivals"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.file_page = FilePage()
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.apply_page = ApplyPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.apply_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.NextButton, tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, tr("&Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, tr("Cancel"))
        self.resize(900, 620)

    def reject(self) -> None:
        """Cancel (or Esc, or the desk locking) while importing: roll back, then close."""
        if self.apply_page.running:
            self.apply_page.cancel_requested.set()
            self.apply_page.status.setText(tr("Cancelling… nothing will be imported."))
            self.close_when_done = True
            return
        super().reject()


def open_import(window: QWidget) -> None:
    """Desk menu → Import arrivals…; refreshes today's list when something was imported."""
    store = getattr(window, "store", None)
    actor = getattr(window, "actor", None)
    if store is None or actor is None:
        return
    wizard = ImportWizard(store, actor, window)
    wizard.exec()
    result = wizard.import_result
    wizard.deleteLater()  # the preview held guest names: do not keep it as a hidden child
    if result is not None:
        status = getattr(window, "statusBar", None)
        if callable(status):
            status().showMessage(tr("Imported {new} new guests and {visits} visits.").format(
                new=f"{result.guests_created:,}", visits=f"{result.visits:,}"), 10000)
        desk = getattr(window, "desk", None)
        refresh = getattr(desk, "show_today", None)
        if callable(refresh):
            refresh()
