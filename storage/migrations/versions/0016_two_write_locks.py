"""desks take two write locks (data, then the audit chain's): older desks must stop

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-28

No table changes. On the shared store, audit-only writes (a card opened, a sign-in)
take only the audit chain's advisory lock, and every desk takes that lock before it
reads the chain's end (``storage.write_locks``). A desk of an earlier version takes one
lock for everything and would append to the chain without the chain lock, forking it
next to a newer desk. This revision is the marker: a desk that does not know it refuses
the store as "made by a newer Frontdesk" (``storage.migrate.check_not_newer``), so the
two kinds of desk never write to one database (``write_locks.PROTOCOL_REVISION``).
"""

from __future__ import annotations

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # the revision number is the change (see above)


def downgrade() -> None:
    pass
