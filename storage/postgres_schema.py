"""PostgreSQL-only schema objects, created by the Alembic migrations on that engine.

The migrations are shared by both engines: each engine-specific step asks
:func:`is_postgresql` (SQLite gets FTS5, PostgreSQL gets what is here).

Guest search on PostgreSQL mirrors the FTS5 index (``unicode61 remove_diacritics 2``):
``frontdesk_search_text`` folds accents (``unaccent``) and case, cuts the searchable
fields into words at every character that is not a letter or digit, and returns them
as ``" word word … "`` (a space before and after every word). A typed word is a
prefix of a stored word exactly when ``… LIKE '% typed%'``, a whole word when
``LIKE '% typed %'``; a trigram GIN index (``pg_trgm``) answers both. The words are
kept in stored generated columns of ``guest`` (``search_text``, ``name_text``), so a
search compares stored text instead of folding every row it looks at. Every name in
the function bodies is schema-qualified, so index rebuilds and ``pg_dump``/restore
(which run with an empty ``search_path``) compute the same words.
"""

from __future__ import annotations

from typing import Any

FOLD = "frontdesk_fold"
SEARCH_TEXT = "frontdesk_search_text"
SEARCH_INDEX = "ix_guest_search_trgm"
SEARCHED = "full_name, preferred_name, email, phone"
# Stored generated columns (PostgreSQL only, not in the models): the folded words are
# computed once per write, not per row read (the functions cost ~80 µs a row).
SEARCH_COLUMN = "search_text"  # all four searched fields
NAME_COLUMN = "name_text"      # full and preferred name only (the name dictionary's lookups)
GENERATED = (SEARCH_COLUMN, NAME_COLUMN)


def is_postgresql(bind: Any) -> bool:
    return bool(bind.dialect.name == "postgresql")


def _lower(conn: Any) -> str:
    """``lower()`` that folds every script, not only ASCII (ICU when the server has it)."""
    has_icu = conn.exec_driver_sql(
        "SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu'").first()
    return "lower(%s COLLATE \"und-x-icu\")" if has_icu else "lower(%s)"


def create_search(conn: Any) -> None:
    """Extensions, the folding functions and the trigram index (revision 0001)."""
    conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public")
    conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
    lower = _lower(conn) % "public.unaccent('public.unaccent'::regdictionary, $1)"
    conn.exec_driver_sql(
        f"CREATE OR REPLACE FUNCTION public.{FOLD}(text) RETURNS text "
        f"LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT {lower} $$")
    conn.exec_driver_sql(
        f"CREATE OR REPLACE FUNCTION public.{SEARCH_TEXT}(text, text, text, text) "
        "RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ' ' || "
        f"pg_catalog.btrim(pg_catalog.regexp_replace(public.{FOLD}("
        "pg_catalog.concat_ws(' ', $1, $2, $3, $4)), '[^[:alnum:]]+', ' ', 'g')) || ' ' $$")
    conn.exec_driver_sql(
        f"ALTER TABLE guest ADD COLUMN {SEARCH_COLUMN} text GENERATED ALWAYS AS "
        f"(public.{SEARCH_TEXT}({SEARCHED})) STORED")
    conn.exec_driver_sql(
        f"ALTER TABLE guest ADD COLUMN {NAME_COLUMN} text GENERATED ALWAYS AS "
        f"(public.{SEARCH_TEXT}(full_name, preferred_name, NULL, NULL)) STORED")
    conn.exec_driver_sql(
        f"CREATE INDEX {SEARCH_INDEX} ON guest USING gin ({SEARCH_COLUMN} public.gin_trgm_ops)")


def drop_search(conn: Any) -> None:
    conn.exec_driver_sql(f"DROP INDEX IF EXISTS {SEARCH_INDEX}")
    for column in GENERATED:
        conn.exec_driver_sql(f"ALTER TABLE guest DROP COLUMN IF EXISTS {column}")
    conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS public.{SEARCH_TEXT}(text, text, text, text)")
    conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS public.{FOLD}(text)")
