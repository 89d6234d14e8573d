"""A message under the field it is about: forms say what is wrong where it is wrong.

``show(form, widget, text)`` puts a red line right below ``widget``'s row of the
QFormLayout (adding the row once), marks the field, and focuses it; ``clear(form)`` takes
every such line away before the next try. Used by the visit and guest forms.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

PROPERTY = "fieldError"  # the label under a field; the field itself gets invalid=true


def _label_for(form: QFormLayout, widget: QWidget) -> QLabel:
    found = widget.property(PROPERTY)
    if isinstance(found, QLabel):
        return found
    position: tuple[int, object] = form.getWidgetPosition(widget)  # type: ignore[assignment]
    row = position[0]
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    form.insertRow(row + 1, "", label)
    widget.setProperty(PROPERTY, label)
    return label


def show(form: QFormLayout, widget: QWidget, text: str) -> None:
    label = _label_for(form, widget)
    label.setText(text)
    label.setVisible(True)
    widget.setProperty("invalid", True)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.setFocus()


def clear(form: QFormLayout) -> None:
    for i in range(form.rowCount()):
        item = form.itemAt(i, QFormLayout.ItemRole.FieldRole)
        w = item.widget() if item is not None else None
        if w is None:
            continue
        label = w.property(PROPERTY)
        if isinstance(label, QLabel):
            label.clear()
            label.setVisible(False)
        if w.property("invalid"):
            w.setProperty("invalid", False)
            w.style().unpolish(w)
            w.style().polish(w)
