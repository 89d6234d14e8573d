"""Errors a person at the desk can act on.

Each failure to open a store has its own type (so the GUI and CLI can offer
the right next step) and a message that says what happened and what to do.
Use-case errors (permission, validation, not found) live here too.
"""

from __future__ import annotations

from app.i18n import _


class FrontdeskError(Exception):
    """Base: the message is a complete sentence fit to show to staff.

    Raise it with an :func:`app.i18n._` message: ``str(err)`` is the English (logs),
    ``app.i18n.translate(err, lang)`` / ``ui.i18n.say(err)`` the reader's language.
    """


class StoreOpenError(FrontdeskError):
    """The store could not be opened; it was not modified."""


class WrongKeyError(StoreOpenError):
    pass


class KeyMissingError(StoreOpenError):
    pass


class KeyringUnavailableError(StoreOpenError):
    pass


class KeyringLockedError(StoreOpenError):
    pass


class NotAStoreError(StoreOpenError):
    pass


class DamagedStoreError(StoreOpenError):
    pass


class SchemaTooNewError(StoreOpenError):
    pass


class StoreFileMissingError(StoreOpenError):
    """The header is there but the database file is missing or empty; nothing rebuilt."""


class HeaderMissingError(StoreOpenError):
    """The header is lost and this key source cannot find the key without it."""


class HeaderMismatchError(StoreOpenError):
    """The header beside the database belongs to another store."""


class FolderReadOnlyError(StoreOpenError):
    """The store folder (or its file system) cannot be written."""


class StoreAccessDeniedError(StoreOpenError):
    """This account may not read or write one of the store's files."""


class DiskFullError(StoreOpenError):
    """The disk holding the store is full (at open, or during a write)."""


class StoreBusyError(FrontdeskError):
    """Another desk kept the store busy for longer than the timeout."""


class PermissionDenied(FrontdeskError):
    pass


class SignInError(FrontdeskError):
    pass


class ValidationError(FrontdeskError):
    """Input refused before anything was written; names the field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class NotFound(FrontdeskError):
    pass


class LabelNotApproved(FrontdeskError):
    pass


class ConsentRequired(FrontdeskError):
    """A special-category label needs the guest's recorded explicit consent first."""


class ErasureIncomplete(FrontdeskError):
    """The guest's rows are deleted but the file could not be scrubbed yet (WAL in use)."""


class ErasuresUnknownError(FrontdeskError):
    """A restore could bring back erased guests and this computer cannot know which: ask."""


class BackupFileError(FrontdeskError):
    """A backup could not be written, read or restored; the store was not changed."""


class WordingBlocked(ValidationError):
    """A label's wording failed a blocking wording check; ``reasons`` says why, per rule."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__(_("Wording"), _("This wording cannot be approved: {reasons}",
                                         reasons=list(reasons)))
        self.reasons = reasons


class SpecialCategoryRefused(ValidationError):
    """The manager said (or the label's history shows) that the words reveal a special
    category that may not be recorded, or would change a label's kind; nothing changed."""

    def __init__(self, message: str) -> None:
        super().__init__(_("Special category"), message)


class WarningsNotAcknowledged(ValidationError):
    """A label's wording has soft warnings that the manager has not confirmed reading."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__(_("Wording"), _("Read the wording warnings and confirm before "
                                         "approving: {reasons}", reasons=list(reasons)))
        self.reasons = reasons
