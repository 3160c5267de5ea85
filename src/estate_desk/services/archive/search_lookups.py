"""The search field's lookups, built once (issue 18): every statement :mod:`.search` runs, with bound parameters.

Building ten SQLAlchemy selects on every keystroke was a quarter of a room search's time; these are
built the first time they are asked for (per dialect and set of kinds, a handful in all) and then only
executed, with the query's values as parameters:

* ``q`` — the normalised query form; ``upper`` — the smallest string above every key it begins
  (:func:`successor`); ``level`` — the reader's clearance; ``n`` — candidates per kind;
* ``contains`` (PostgreSQL: the escaped ``%…%`` pattern) and ``match_<kind>`` (SQLite: the FTS5
  expression, one per kind) for the trigram pass.

Every kind's select is limited on its own and the kinds go in one round trip (UNION ALL).

**Shapes the planner can't bet on (issue 18).** Under ``LIMIT n`` PostgreSQL may choose a sequential scan,
betting that matches come early; when a kind has few matches, or they lie late in the table, the scan reads
every entry (装修责任书: 58 ms at 400,000 documents, against 1.3 ms by the index). So each lookup's form
leaves only an index to answer it, with the planner's defaults: the whole keys are read in key order
(``ORDER BY key``) and the pairs in their key's order (``ORDER BY entry_id`` after ``kind, gram``), which
only the primary keys give without sorting everything; the trigram lookup is a ``MATERIALIZED`` CTE, planned
for all its rows (so by the pg_trgm index), and read lazily, so the ``LIMIT`` still stops it early.
``tests/archive/test_search_plans.py`` checks the plans on a 20,000-document estate.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import Integer, String, bindparam, column, literal, literal_column, select, table, union_all

from estate_desk.store.search_tables import FTS_TABLE, SearchEntry, SearchGram, SearchKey

if TYPE_CHECKING:
    from sqlalchemy import Select
    from sqlalchemy.sql.selectable import CompoundSelect

    # kind, ref_id, title, detail, and the key or text that matched
    _Lookup = Select[str, int, str, str, str]

_Q = bindparam("q", type_=String)
_UPPER = bindparam("upper", type_=String)
_LEVEL = bindparam("level", type_=Integer)
_N = bindparam("n", type_=Integer)


def successor(prefix: str) -> str | None:
    """The smallest string above every string that starts with ``prefix``, in code-point order
    (the order of SQLite's BINARY and PostgreSQL's "C" collation); ``None`` when there is none."""
    while prefix:
        last = ord(prefix[-1]) + 1
        if last <= 0x10FFFF:
            return prefix[:-1] + chr(0xE000 if 0xD800 <= last <= 0xDFFF else last)
        prefix = prefix[:-1]
    return None


def _together(statements: list[_Lookup]) -> _Lookup | CompoundSelect[Any]:
    if len(statements) == 1:
        return statements[0]
    return union_all(*(select(statement.subquery()) for statement in statements))


def _by_key(kind: str, bounded: bool) -> _Lookup:
    """Exact and prefix matches of whole keys: one B-tree range, in key order (the exact one first)."""
    where = [SearchKey.kind == kind, SearchKey.key >= _Q, SearchEntry.secrecy <= _LEVEL]
    if bounded:
        where.append(SearchKey.key < _UPPER)
    return (
        select(
            literal(kind).label("hit_kind"),
            SearchEntry.ref_id,
            SearchEntry.title,
            SearchEntry.detail,
            SearchKey.key.label("found"),
        )
        .join(SearchEntry, SearchEntry.id == SearchKey.entry_id)
        .where(*where)
        .order_by(SearchKey.key)
        .limit(_N)
    )


@cache
def key_lookup(kinds: tuple[str, ...], bounded: bool) -> _Lookup | CompoundSelect[Any]:
    """The whole-key ranges of these kinds, in one statement; ``bounded``: with the ``upper`` bound."""
    return _together([_by_key(kind, bounded) for kind in kinds])


def key_params(form: str, level: int, n: int) -> dict[str, Any]:
    return {"q": form, "upper": successor(form), "level": level, "n": n}


def _inside(dialect: str, kind: str, short: bool) -> _Lookup:
    """Matches anywhere in names, titles and codes: the pair table for 1–2 characters, else trigrams."""
    tag = literal(kind).label("hit_kind")
    base = (
        select(tag, SearchEntry.ref_id, SearchEntry.title, SearchEntry.detail, SearchEntry.text.label("found"))
        .where(SearchEntry.kind == kind, SearchEntry.secrecy <= _LEVEL)
        .limit(_N)
    )
    if short:  # in the pair table's key order, so only its index (kind, gram, entry_id) gives the rows in order
        return (
            base.join(SearchGram, SearchGram.entry_id == SearchEntry.id)
            .where(SearchGram.kind == kind, SearchGram.gram == _Q)
            .order_by(SearchGram.entry_id)
        )
    if dialect == "sqlite":  # FTS5 reads the other columns from search_entries by rowid
        # the kind is an indexed column too: the index itself keeps out the other kinds' matches
        fts = table(FTS_TABLE, *(column(c) for c in ("ref_id", "title", "detail", "text", "secrecy")))
        return (
            select(tag, fts.c.ref_id, fts.c.title, fts.c.detail, fts.c.text.label("found"))
            .where(literal_column(FTS_TABLE).op("MATCH")(bindparam(f"match_{kind}")), fts.c.secrecy <= _LEVEL)
            .limit(_N)
        )
    # PostgreSQL: LIKE served by the pg_trgm GIN index (backslash is the default escape), planned without the
    # LIMIT (a MATERIALIZED CTE, read lazily): under a LIMIT the planner bets on a sequential scan stopping early,
    # a bet lost whenever the matches of this kind are few or lie late in the table (issue 18)
    matches = (
        select(SearchEntry.ref_id, SearchEntry.title, SearchEntry.detail, SearchEntry.text)
        .where(SearchEntry.kind == kind, SearchEntry.secrecy <= _LEVEL, SearchEntry.text.like(bindparam("contains")))
        .cte(f"inside_{kind}")
        .prefix_with("MATERIALIZED")
    )
    return select(tag, matches.c.ref_id, matches.c.title, matches.c.detail, matches.c.text.label("found")).limit(_N)


@cache
def inside_lookup(dialect: str, kinds: tuple[str, ...], short: bool) -> _Lookup | CompoundSelect[Any]:
    """The inside pass of these kinds in one statement; ``short``: a query of one or two characters."""
    return _together([_inside(dialect, kind, short) for kind in kinds])


def inside_params(kinds: tuple[str, ...], form: str, level: int, n: int) -> dict[str, Any]:
    phrase = '"' + form.replace('"', '""') + '"'
    escaped = form.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    matches = {f"match_{kind}": f'text : {phrase} AND kind : "{kind}"' for kind in kinds}
    return {"q": form, "level": level, "n": n, "contains": f"%{escaped}%"} | matches
