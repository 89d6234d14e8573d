"""The domain's enumerations, re-exported for the UI (which must not import storage)."""

from storage.models import (
    Category,
    ConsentPurpose,
    LabelStatus,
    RemovalReason,
    Role,
    Sensitivity,
    Service,
    Source,
    SpecialAnswer,
    VisitKind,
    VisitStatus,
)

__all__ = [
    "Category",
    "ConsentPurpose",
    "LabelStatus",
    "RemovalReason",
    "Role",
    "Sensitivity",
    "Service",
    "Source",
    "SpecialAnswer",
    "VisitKind",
    "VisitStatus",
]
