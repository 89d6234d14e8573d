"""Frontdesk's application core: use cases, permissions, wording checks. No Qt, no SQL."""

__version__ = "0.1.0"
