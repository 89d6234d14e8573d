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

Since revision 0017 the words are also kept one row per (word, guest) in ``guest_word``
(``COLLATE "C"``, primary key ``(word, guest_id)``, a second index ``(guest_id, word)``),
filled by statement triggers on ``guest`` from those generated columns and emptied by the
foreign key's cascade. A whole typed word is then one B-tree range in guest-id order, a
prefix one range in word order, and a second typed word a probe of the other index: a key
press reads tens of index entries instead of walking the guests in id order with ``LIKE``
(rare words walked far) or the trigram index (common words read thousands of rows).
The trigram index went with that revision: nothing searched through it any more, and
every guest written paid for it.

Since revision 0020 each word row also carries its guest's folded words (``search_text``
and ``name_text``, copied by the same triggers; NULL when longer than :data:`TEXT_MAX`
bytes), and the primary key includes them: a key press tests its other typed words on
the index entries it reads (an index-only scan) and looks up only the guests that pass,
instead of a guest row per entry read ("Lars N": ~3,000 guest rows read to return a few
dozen, 12-16 ms of server time at a million guests; docs/performance.md).
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
# The folded words one row each (revision 0017): not a model, an index kept by the server.
WORD_TABLE = "guest_word"
WORDS = "frontdesk_words"
_ADDED = "frontdesk_guest_words_added"
_CHANGED = "frontdesk_guest_words_changed"


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


# Revision 0020: the guest's folded words on each of its word rows (see the module doc),
# left NULL when longer than this many bytes (a B-tree entry holds at most ~2.7 kB; a
# guest's four fields may fold to more in the worst case): such a guest is then tested on
# its own row only, as every guest was before.
TEXT_MAX = 1000
WORD_TEXTS = (SEARCH_COLUMN, NAME_COLUMN)


def create_words(conn: Any, *, texts: bool = False) -> None:
    """The word table, its triggers, its rows for the guests already stored (revision 0017;
    with ``texts``, revision 0020's: each row with its guest's folded words).

    The triggers come first: they lock ``guest`` against writes until the migration commits,
    so no guest written meanwhile can be missed by the fill below them.
    """
    text_columns = "".join(f", {c} text" for c in WORD_TEXTS) if texts else ""
    conn.exec_driver_sql(
        f"CREATE TABLE {WORD_TABLE} (word text COLLATE \"C\" NOT NULL, "
        f"guest_id integer NOT NULL, in_name boolean NOT NULL{text_columns})")
    conn.exec_driver_sql(
        f"CREATE OR REPLACE FUNCTION public.{WORDS}(text, text) "
        "RETURNS TABLE (word text, in_name boolean) LANGUAGE sql IMMUTABLE PARALLEL SAFE "
        "AS $$ SELECT w.word, pg_catalog.bool_or(w.in_name) FROM ("
        "SELECT pg_catalog.unnest(pg_catalog.string_to_array(pg_catalog.btrim($1), ' ')) "
        "AS word, false AS in_name UNION ALL "
        "SELECT pg_catalog.unnest(pg_catalog.string_to_array(pg_catalog.btrim($2), ' ')), "
        "true) w WHERE w.word <> '' GROUP BY w.word $$")
    copied = "".join(f", {c}" for c in WORD_TEXTS) if texts else ""
    copies = "".join(f", CASE WHEN pg_catalog.octet_length(n.{c}) <= {TEXT_MAX} THEN n.{c} END"
                     for c in WORD_TEXTS) if texts else ""
    insert = (f"INSERT INTO public.{WORD_TABLE} (word, guest_id, in_name{copied}) "
              f"SELECT w.word, n.id, w.in_name{copies} FROM {{rows}} n, "
              f"LATERAL public.{WORDS}(n.{SEARCH_COLUMN}, n.{NAME_COLUMN}) w")
    conn.exec_driver_sql(
        f"CREATE OR REPLACE FUNCTION public.{_ADDED}() RETURNS trigger LANGUAGE plpgsql "
        f"AS $$ BEGIN {insert.format(rows='new_rows')}; RETURN NULL; END $$")
    # An update that leaves the searched fields as they were (a visit count, a review
    # date) costs one comparison; the others lose their old words and get their new ones.
    # An id changed by an update took its words along (the foreign key's ON UPDATE CASCADE).
    changed = (f"(SELECT n.* FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM old_rows o "
               f"WHERE o.id = n.id AND o.{SEARCH_COLUMN} IS NOT DISTINCT FROM "
               f"n.{SEARCH_COLUMN} AND o.{NAME_COLUMN} IS NOT DISTINCT FROM n.{NAME_COLUMN}))")
    conn.exec_driver_sql(
        f"CREATE OR REPLACE FUNCTION public.{_CHANGED}() RETURNS trigger LANGUAGE plpgsql "
        f"AS $$ BEGIN DELETE FROM public.{WORD_TABLE} gw USING {changed} c "
        f"WHERE gw.guest_id = c.id; {insert.format(rows=changed)}; RETURN NULL; END $$")
    conn.exec_driver_sql(
        "CREATE TRIGGER guest_words_added AFTER INSERT ON guest REFERENCING NEW TABLE AS "
        f"new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.{_ADDED}()")
    conn.exec_driver_sql(
        "CREATE TRIGGER guest_words_changed AFTER UPDATE ON guest REFERENCING OLD TABLE AS "
        f"old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.{_CHANGED}()")
    conn.exec_driver_sql(insert.format(rows="guest"))
    conn.exec_driver_sql(f"ALTER TABLE {WORD_TABLE} ADD PRIMARY KEY (word, guest_id) "
                         f"INCLUDE (in_name{copied})")
    conn.exec_driver_sql(f"CREATE INDEX ix_{WORD_TABLE}_guest ON {WORD_TABLE} "
                         "(guest_id, word) INCLUDE (in_name)")
    # The thousand commonest words and their shares in the server's statistics: a search
    # reads them (pg_stats) to start from the rarest typed word ("example", "com" and the
    # country code are in most guests' email and phone).
    conn.exec_driver_sql(f"ALTER TABLE {WORD_TABLE} ALTER COLUMN word SET STATISTICS 1000")
    conn.exec_driver_sql(
        f"ALTER TABLE {WORD_TABLE} ADD FOREIGN KEY (guest_id) REFERENCES guest (id) "
        "ON DELETE CASCADE ON UPDATE CASCADE")
    conn.exec_driver_sql(f"DROP INDEX IF EXISTS {SEARCH_INDEX}")


def _drop_word_table(conn: Any) -> None:
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS guest_words_added ON guest")
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS guest_words_changed ON guest")
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {WORD_TABLE}")


def add_word_texts(conn: Any) -> None:
    """Revision 0020: the word table made again with its guests' folded words on every row
    (one pass over the guests, as revision 0017's fill; about a minute at a million guests,
    guest writes held off meanwhile)."""
    _drop_word_table(conn)
    create_words(conn, texts=True)


def drop_word_texts(conn: Any) -> None:
    """Back to revision 0019: the word table without its rows' texts."""
    _drop_word_table(conn)
    create_words(conn)


def drop_words(conn: Any) -> None:
    """Back to revision 0016: the trigram index again, no word table."""
    _drop_word_table(conn)
    for fn in (_ADDED, _CHANGED):
        conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS public.{fn}()")
    conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS public.{WORDS}(text, text)")
    conn.exec_driver_sql(
        f"CREATE INDEX {SEARCH_INDEX} ON guest USING gin ({SEARCH_COLUMN} public.gin_trgm_ops)")
