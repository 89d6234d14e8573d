"""forgetting means gone: records of removed labels from earlier versions

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27

Data only, no schema change. Until this version a label taken off a guest
stayed as a "removed" record until the label's own retention ended (up to
three years), whatever the reason. Since then (``app.labels``):

* a label the guest asked us to forget, or that relied on a consent the guest
  withdrew, is deleted at once;
* a health (special-category) label staff remove is deleted at once;
* any other removed label stays as a record for the venue's short record time
  (``labels.removed_record_days``, 30 days unless a manager changed it).

This migration applies the same rules to the records earlier versions kept:
the first two kinds are deleted, the others keep at most 30 days from their
removal. (Audit events written by earlier versions still name the label of
"label.assigned"/"label.removed"; the hash chain does not allow rewriting them.)
Written with portable SQLAlchemy Core (SQLite and PostgreSQL).
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

RECORD_DAYS = 30
FORGETTING_REASONS = ("guest_request", "consent_withdrawn")

_assignment = sa.table(
    "assignment", sa.column("id", sa.Integer()), sa.column("label_id", sa.Integer()),
    sa.column("removed_at", sa.DateTime()), sa.column("removal_reason", sa.String()),
    sa.column("expires_at", sa.DateTime()))
_label = sa.table("label", sa.column("id", sa.Integer()), sa.column("sensitivity", sa.String()))


def forget_old_removals(conn: sa.Connection, record_days: int = RECORD_DAYS) -> tuple[int, int]:
    """Delete what is forgotten, shorten what is kept. Returns (deleted, shortened)."""
    a = _assignment
    special = sa.select(_label.c.id).where(_label.c.sensitivity == "special")
    deleted = conn.execute(sa.delete(a).where(
        a.c.removed_at.is_not(None),
        sa.or_(a.c.removal_reason.in_(FORGETTING_REASONS), a.c.label_id.in_(special)),
    )).rowcount
    shortened = 0
    for row in conn.execute(sa.select(a.c.id, a.c.removed_at, a.c.expires_at)
                            .where(a.c.removed_at.is_not(None))).all():
        until = row.removed_at + dt.timedelta(days=record_days)
        if until < row.expires_at:
            conn.execute(sa.update(a).where(a.c.id == row.id).values(expires_at=until))
            shortened += 1
    return int(deleted or 0), shortened


def upgrade() -> None:
    forget_old_removals(op.get_bind())


def downgrade() -> None:
    """Nothing to restore: what was forgotten is gone."""
