"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage import postgres_schema

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("guest_ref", sa.String(length=32), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_event_action"), ["action"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_event_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_event_guest_ref"), ["guest_ref"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_event_staff_id"), ["staff_id"], unique=False)

    op.create_table(
        "guest",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ref", sa.String(length=32), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("preferred_name", sa.String(length=200), nullable=False),
        sa.Column("pronunciation", sa.String(length=200), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("ref"),
    )
    with op.batch_alter_table("guest", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_guest_email"), ["email"], unique=False)

    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.String(length=500), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "staff",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "receptionist",
                "host",
                "manager",
                name="role",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("pin_hash", sa.String(length=200), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "consent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guest_id", sa.Integer(), nullable=False),
        sa.Column(
            "purpose",
            sa.Enum(
                "health",
                name="consent_purpose",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("given_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.Integer(), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(), nullable=True),
        sa.Column("withdrawn_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["guest_id"], ["guest.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["recorded_by"],
            ["staff.id"],
        ),
        sa.ForeignKeyConstraint(
            ["withdrawn_by"],
            ["staff.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consent_guest_id"), ["guest_id"], unique=False)

    op.create_table(
        "label",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=True),
        sa.Column(
            "category",
            sa.Enum(
                "recognition",
                "appreciation",
                "preference",
                "guest_control",
                name="category",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("staff_wording", sa.String(length=200), nullable=False),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "normal",
                "special",
                name="sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("retention_days", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "proposed",
                "approved",
                "rejected",
                "retired",
                name="label_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("proposed_by", sa.Integer(), nullable=True),
        sa.Column("proposed_at", sa.DateTime(), nullable=False),
        sa.Column("reviewed_by", sa.Integer(), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.Column("review_note", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["proposed_by"],
            ["staff.id"],
        ),
        sa.ForeignKeyConstraint(
            ["reviewed_by"],
            ["staff.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    with op.batch_alter_table("label", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_label_status"), ["status"], unique=False)

    op.create_table(
        "visit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guest_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "stay",
                "booking",
                name="visit_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column(
            "service",
            sa.Enum(
                "lunch",
                "dinner",
                name="service",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("party_size", sa.Integer(), nullable=False),
        sa.Column("place", sa.String(length=20), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "expected",
                "arrived",
                "departed",
                "cancelled",
                name="visit_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.CheckConstraint("party_size >= 1", name="party_size_positive"),
        sa.ForeignKeyConstraint(["guest_id"], ["guest.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visit_guest_id"), ["guest_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_visit_starts_at"), ["starts_at"], unique=False)

    op.create_table(
        "assignment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guest_id", sa.Integer(), nullable=False),
        sa.Column("label_id", sa.Integer(), nullable=False),
        sa.Column("added_by", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column(
            "source",
            sa.Enum(
                "guest_told",
                "staff_observed",
                name="source",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("consent_id", sa.Integer(), nullable=True),
        sa.Column("removed_at", sa.DateTime(), nullable=True),
        sa.Column("removed_by", sa.Integer(), nullable=True),
        sa.Column(
            "removal_reason",
            sa.Enum(
                "guest_request",
                "no_longer_true",
                "added_by_mistake",
                "consent_withdrawn",
                "label_retired",
                "expired",
                name="removal_reason",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.ForeignKeyConstraint(
            ["added_by"],
            ["staff.id"],
        ),
        sa.ForeignKeyConstraint(["consent_id"], ["consent.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["guest_id"], ["guest.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["label_id"],
            ["label.id"],
        ),
        sa.ForeignKeyConstraint(
            ["removed_by"],
            ["staff.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("assignment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assignment_expires_at"), ["expires_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_assignment_guest_id"), ["guest_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_assignment_label_id"), ["label_id"], unique=False)

    op.create_table(
        "label_wording",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("label_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("guest_wording", sa.String(length=300), nullable=False),
        sa.Column("purpose", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(["label_id"], ["label.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("label_id", "language"),
    )
    # ### end Alembic commands ###
    bind = op.get_bind()
    if postgres_schema.is_postgresql(bind):
        # PostgreSQL: unaccent + pg_trgm instead of FTS5 (storage/postgres_schema.py).
        postgres_schema.create_search(bind)
        return
    # Full-text index over the searchable guest fields, kept in step by
    # triggers. unicode61 with remove_diacritics folds case and accents
    # ("jose" finds "José"); the prefix indexes make 1-3 letter type-ahead fast.
    op.execute(
        """CREATE VIRTUAL TABLE guest_fts USING fts5(
            full_name, preferred_name, email, phone,
            content='guest', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')"""
    )
    op.execute(
        """CREATE TRIGGER guest_fts_ai AFTER INSERT ON guest BEGIN
            INSERT INTO guest_fts(rowid, full_name, preferred_name, email, phone)
            VALUES (new.id, new.full_name, new.preferred_name, new.email, new.phone);
        END"""
    )
    op.execute(
        """CREATE TRIGGER guest_fts_ad AFTER DELETE ON guest BEGIN
            INSERT INTO guest_fts(guest_fts, rowid, full_name, preferred_name, email, phone)
            VALUES ('delete', old.id, old.full_name, old.preferred_name, old.email, old.phone);
        END"""
    )
    op.execute(
        """CREATE TRIGGER guest_fts_au AFTER UPDATE ON guest BEGIN
            INSERT INTO guest_fts(guest_fts, rowid, full_name, preferred_name, email, phone)
            VALUES ('delete', old.id, old.full_name, old.preferred_name, old.email, old.phone);
            INSERT INTO guest_fts(rowid, full_name, preferred_name, email, phone)
            VALUES (new.id, new.full_name, new.preferred_name, new.email, new.phone);
        END"""
    )


def downgrade() -> None:
    bind = op.get_bind()
    if postgres_schema.is_postgresql(bind):
        postgres_schema.drop_search(bind)
    else:
        op.execute("DROP TABLE IF EXISTS guest_fts")
    op.drop_table("label_wording")
    with op.batch_alter_table("assignment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assignment_label_id"))
        batch_op.drop_index(batch_op.f("ix_assignment_guest_id"))
        batch_op.drop_index(batch_op.f("ix_assignment_expires_at"))

    op.drop_table("assignment")
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visit_starts_at"))
        batch_op.drop_index(batch_op.f("ix_visit_guest_id"))

    op.drop_table("visit")
    with op.batch_alter_table("label", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_label_status"))

    op.drop_table("label")
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_guest_id"))

    op.drop_table("consent")
    op.drop_table("staff")
    op.drop_table("setting")
    with op.batch_alter_table("guest", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_guest_email"))

    op.drop_table("guest")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_event_staff_id"))
        batch_op.drop_index(batch_op.f("ix_audit_event_guest_ref"))
        batch_op.drop_index(batch_op.f("ix_audit_event_at"))
        batch_op.drop_index(batch_op.f("ix_audit_event_action"))

    op.drop_table("audit_event")
    # ### end Alembic commands ###
