"""Alembic environment: always run programmatically by ``storage.migrate``.

The caller passes an open SQLAlchemy connection in ``config.attributes``, so
migrations run on the keyed SQLCipher connection, inside its transaction.
"""

from __future__ import annotations

from alembic import context

from storage.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached by a mistaken CLI call
    raise RuntimeError("Frontdesk migrations run from storage.migrate, not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
