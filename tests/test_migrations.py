"""Schema revisions: a store written by each released schema opens, upgrades and keeps its data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app import guests, staff
from app.opening import PassphraseKey, open_store
from storage import migrate, name_pairs
from storage.models import Base

FIXTURES = Path(__file__).parent / "fixtures" / "stores"
RELEASED = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())


def test_there_is_a_fixture_for_the_first_schema() -> None:
    assert "rev-0001" in RELEASED


@pytest.mark.parametrize("name", RELEASED)
def test_old_store_upgrades_and_keeps_its_data(name: str, tmp_path: Path) -> None:
    folder = tmp_path / name
    shutil.copytree(FIXTURES / name, folder)
    revision = name.removeprefix("rev-")
    store = open_store(folder, PassphraseKey(f"fixture passphrase {revision}"))
    try:
        with store.engine.connect() as conn:
            assert migrate.current(conn) == migrate.head()
        assert store.header.schema_revision == migrate.head()
        (manager,) = staff.list_staff(store)
        actor = staff.sign_in(store, manager.id, "1111")
        (found,) = guests.find_guests(store, actor, "thomassen")
        card = guests.open_card(store, actor, found.id)
        assert card.guest.pronunciation == "TOH-mah-sen"
        assert [a.label.key for a in card.assignments] == ["quiet-room"]
        assert len(card.visits) == 1
        with store.engine.connect() as conn:  # the name pairs built for the stored guests
            held = name_pairs.held_rows(conn)
            assert held and held == name_pairs.expected_rows(conn)
            conn.rollback()
    finally:
        store.close()
    if revision != migrate.head():
        assert (folder / f"frontdesk.db.before-{revision}").exists()


# ix_guest_email_lower is an expression index, in the migration only (SQLAlchemy cannot
# reflect it); test_import_lookups_use_their_indexes checks it exists and is used.
@pytest.mark.filterwarnings(
    "ignore:Skipped unsupported reflection of expression-based index ix_guest_email_lower")
def test_models_match_the_migrated_schema(store: object) -> None:
    """Alembic's autogenerate finds nothing to add: models and migrations agree."""
    from app.opening import Store

    assert isinstance(store, Store)
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # FTS5's shadow tables are created by the migration and are not models.
    # So is the name-pair table (SQLite only, kept by triggers: storage.name_pairs).
    diff = [d for d in diff if not (d[0] == "remove_table" and (
        d[1].name.startswith("guest_fts") or d[1].name == "name_pair"))]
    assert diff == []


def test_store_pragmas(store: object) -> None:
    from app.opening import Store

    assert isinstance(store, Store)
    with store.engine.connect() as conn:
        def pragma(name: str) -> object:
            return conn.exec_driver_sql(f"PRAGMA {name}").scalar()

        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("secure_delete") == 1
        assert str(pragma("cipher_version")).startswith("4.")
        assert pragma("synchronous") == 2  # FULL: a power cut loses no reported commit


def test_import_lookups_use_their_indexes(store: object) -> None:
    """The import matches rows by index (cost follows the file, not the store)."""
    from sqlalchemy import func, select

    from app.opening import Store
    from storage.models import Guest, Visit

    assert isinstance(store, Store)
    queries = {
        "ix_guest_email_lower": select(Guest.id).where(func.lower(Guest.email).in_(["a@b.nl"])),
        "ix_guest_phone_e164": select(Guest.id).where(Guest.phone_e164.in_(["+31612345678"])),
        "ix_guest_full_name": select(Guest.id).where(Guest.full_name.in_(["Anna de Vries"])),
        "ix_visit_reference": select(Visit.id).where(Visit.reference.in_(["H-1"])),
    }
    with store.engine.connect() as conn:
        for index, query in queries.items():
            sql = str(query.compile(conn, compile_kwargs={"literal_binds": True}))
            plan = " ".join(str(r[-1]) for r in
                            conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql).fetchall())
            assert index in plan, (index, plan)


@pytest.mark.postgres
def test_models_match_the_migrated_schema_on_postgresql(shared_url: str) -> None:
    """The same Alembic history gives the models' schema on PostgreSQL too."""
    from app.shared_store import open_shared_store
    from storage.postgres_changes import TABLE as CHANGES
    from storage.postgres_schema import GENERATED, WORD_TABLE

    store = open_shared_store(shared_url)
    try:
        with store.engine.connect() as conn:
            assert migrate.current(conn) == migrate.head()
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
            indexes = {r[0] for r in conn.exec_driver_sql(
                "SELECT indexname FROM pg_indexes WHERE tablename = %(t)s",
                {"t": WORD_TABLE})}
    finally:
        store.close()
    # The import's lower(email) index is an expression index of the migrations, not a
    # model's column index; the plain email and visit-guest indexes are kept on PostgreSQL
    # only (revisions 0021 and 0025 drop them on the local store; the models have none);
    # the search's generated columns, its word table and the change log (kept by the
    # server's triggers) are not models.
    diff = [d for d in diff if not (d[0] == "remove_index" and d[1].name in (
        "ix_guest_email_lower", "ix_guest_email", "ix_visit_guest_id"))
        and not (d[0] == "remove_column" and d[3].name in GENERATED)
        and not (d[0] in ("remove_table", "remove_index") and d[1].name in (
            WORD_TABLE, f"ix_{WORD_TABLE}_guest", CHANGES, f"ix_{CHANGES}_seq"))]
    assert diff == []
    assert indexes == {f"{WORD_TABLE}_pkey", f"ix_{WORD_TABLE}_guest"}
