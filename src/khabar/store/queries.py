"""Read queries over a store: search, who-said-what, entity profiles, top entities, clusters.

Written once in SQL both backends share; only full-text ranking is delegated to
the backend (``SqlStore._index_search``). Names are matched on their lookup form
(:func:`khabar.store.search.name_key`): an exact name wins; otherwise every
stored name containing the query's words as whole words ("بوتين" finds
"فلاديمير بوتين"), so that a user need not know the canonical spelling.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from khabar.errors import ConfigError
from khabar.store.results import DupCluster, DupMember, EntityCount, EntityReport, QuoteHit, SearchHit
from khabar.store.search import name_key, parse_query
from khabar.store.snippets import snippet

if TYPE_CHECKING:
    from khabar.store.base import Day
    from khabar.store.sqlstore import SqlStore


def _day(value: Day, what: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as err:
        raise ConfigError(f"{what} {value!r} is not a date; use YYYY-MM-DD") from err


def period_filter(date_from: Day, date_to: Day, alias: str = "a") -> tuple[list[str], list[Any]]:
    where, params = [], []
    if (lo := _day(date_from, "--from")) is not None:
        where.append(f"{alias}.day >= ?")
        params.append(lo)
    if (hi := _day(date_to, "--to")) is not None:
        where.append(f"{alias}.day <= ?")
        params.append(hi)
    return where, params


def name_keys(store: SqlStore, table: str, column: str, name: str) -> list[str]:
    """Stored lookup forms matching ``name``: the exact one if stored, else those containing its words."""
    key = name_key(name)
    if not key:
        return []
    if store._exec(f"SELECT 1 FROM {table} WHERE {column} = ? LIMIT 1", (key,)):
        return [key]
    rows = store._exec(
        f"SELECT DISTINCT {column} FROM {table} WHERE {column} LIKE ? OR {column} LIKE ? OR {column} LIKE ?",
        (f"{key} %", f"% {key}", f"% {key} %"),
    )
    return sorted(r[0] for r in rows)


def search(
    store: SqlStore,
    text: str,
    *,
    date_from: Day = None,
    date_to: Day = None,
    entity: str | None = None,
    outlet: str | None = None,
    limit: int = 10,
) -> list[SearchHit]:
    """Ranked full-text search; see :meth:`khabar.store.base.Store.search`.

    Articles holding every query word (and phrase) come first, by the backend's
    rank (bm25, ts_rank); if fewer than ``limit`` do, articles missing one of
    three or more words follow.
    """
    query = parse_query(text)
    if not query:
        return []
    where, params = period_filter(date_from, date_to)
    if outlet:
        where.append("a.outlet = ?")
        params.append(outlet)
    if entity:
        keys = name_keys(store, "entities", "name_key", entity)
        if not keys:
            return []
        test, kparams = store._in(keys)
        where.append(f"a.doc IN (SELECT doc FROM entities WHERE name_key {test})")
        params.extend(kparams)
    condition = " AND ".join(where)
    ranked = store._index_search(query, condition, params, limit)
    loose = query.loosened()
    if len(ranked) < limit and loose is not None:
        # Too few articles hold every word: fill the page with those missing one,
        # ranked after them ("بوينج" in the query, "بوينغ" in half the reports).
        seen = {d for d, _ in ranked}
        more = store._index_search(loose, condition, params, limit + len(ranked))
        ranked += [(d, s) for d, s in more if d not in seen][: limit - len(ranked)]
    if not ranked:
        return []
    docs = [d for d, _ in ranked]
    rows = {
        int(r[0]): r
        for r in store._select_in(
            "SELECT doc, id, title, text, url, outlet, published FROM articles WHERE doc", docs
        )
    }
    marked = query.keys
    return [
        SearchHit(
            article_id=rows[d][1],
            title=rows[d][2],
            score=round(score, 6),
            snippet=snippet(rows[d][3], marked),
            url=rows[d][4],
            outlet=rows[d][5],
            published=rows[d][6],
        )
        for d, score in ranked
        if d in rows
    ]


_QUOTE_SELECT = (
    "SELECT a.id, a.title, a.published, a.outlet, q.kind, q.content, q.start_char, q.end_char, "
    "COALESCE(e.canonical, q.speaker), q.speaker, q.cue "
    "FROM quotes q JOIN articles a ON a.doc = q.doc "
    "LEFT JOIN entities e ON e.doc = q.doc AND e.eid = q.speaker_eid"
)


def _quote_hits(rows: Sequence[tuple[Any, ...]]) -> list[QuoteHit]:
    return [QuoteHit(*r) for r in rows]


def quotes(
    store: SqlStore,
    speaker: str | None = None,
    *,
    about: str | None = None,
    date_from: Day = None,
    date_to: Day = None,
    limit: int = 50,
) -> list[QuoteHit]:
    """Who said what: quotes by ``speaker``, about ``about`` (an entity named inside the quote)."""
    where, params = period_filter(date_from, date_to)
    if speaker:
        keys = name_keys(store, "quotes", "speaker_key", speaker)
        if not keys:
            return []
        test, kparams = store._in(keys)
        where.append(f"q.speaker_key {test}")
        params.extend(kparams)
    if about:
        keys = name_keys(store, "entities", "name_key", about)
        if not keys:
            return []
        test, kparams = store._in(keys)
        where.append(
            "EXISTS (SELECT 1 FROM mentions m JOIN entities x ON x.doc = m.doc AND x.eid = m.eid "
            "WHERE m.doc = q.doc AND m.start_char >= q.start_char AND m.end_char <= q.end_char "
            f"AND x.name_key {test})"
        )
        params.extend(kparams)
    sql = _QUOTE_SELECT + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY a.day DESC NULLS LAST, a.doc DESC, q.seq LIMIT ?"
    return _quote_hits(store._exec(sql, [*params, limit]))


def top(
    store: SqlStore,
    *,
    type: str | None = None,
    date_from: Day = None,
    date_to: Day = None,
    limit: int = 20,
) -> list[EntityCount]:
    """The entities in the most articles in a period (ties: more mentions first)."""
    where, params = period_filter(date_from, date_to)
    if type:
        where.append("e.type = ?")
        params.append(type.upper())
    join = " JOIN articles a ON a.doc = e.doc" if date_from or date_to else ""
    sql = (
        "SELECT MIN(e.canonical), e.type, COUNT(DISTINCT e.doc), SUM(e.n_mentions) "
        f"FROM entities e{join}" + (" WHERE " + " AND ".join(where) if where else "") + " "
        "GROUP BY e.name_key, e.type ORDER BY 3 DESC, 4 DESC, 1 LIMIT ?"
    )
    return [EntityCount(r[0], r[1], int(r[2]), int(r[3])) for r in store._exec(sql, [*params, limit])]


def entity(
    store: SqlStore, name: str, *, date_from: Day = None, date_to: Day = None, limit: int = 10
) -> EntityReport | None:
    """Everything about one name: mentions over time, roles, company kept, quotes by and about it."""
    keys = name_keys(store, "entities", "name_key", name)
    if not keys:
        return None
    test, kparams = store._in(keys)
    period, pparams = period_filter(date_from, date_to)
    scope = " AND ".join([f"e.name_key {test}", *period])
    params = [*kparams, *pparams]
    base = f"FROM entities e JOIN articles a ON a.doc = e.doc WHERE {scope}"
    names = tuple(
        EntityCount(r[0], r[1], int(r[2]), int(r[3]))
        for r in store._exec(
            f"SELECT MIN(e.canonical), e.type, COUNT(DISTINCT e.doc), SUM(e.n_mentions) {base} "
            "GROUP BY e.name_key, e.type ORDER BY 3 DESC",
            params,
        )
    )
    if not names:
        return None
    timeline = tuple(
        (r[0], int(r[1]), int(r[2]))
        for r in store._exec(
            f"SELECT a.day, COUNT(DISTINCT e.doc), SUM(e.n_mentions) {base} GROUP BY a.day ORDER BY a.day NULLS LAST",
            params,
        )
    )
    roles = tuple(
        (r[0], int(r[1]))
        for r in store._exec(
            f"SELECT e.role, COUNT(*) {base} AND e.role IS NOT NULL GROUP BY e.role ORDER BY 2 DESC, 1 LIMIT ?",
            [*params, limit],
        )
    )
    cooccurring = tuple(
        EntityCount(r[0], r[1], int(r[2]), int(r[3]))
        for r in store._exec(
            "SELECT MIN(o.canonical), o.type, COUNT(DISTINCT o.doc), SUM(o.n_mentions) "
            f"FROM entities o WHERE o.doc IN (SELECT e.doc {base}) AND NOT (o.name_key {test}) "
            "GROUP BY o.name_key, o.type ORDER BY 3 DESC, 4 DESC, 1 LIMIT ?",
            [*params, *kparams, limit],
        )
    )
    return EntityReport(
        query=name,
        names=names,
        timeline=timeline,
        roles=roles,
        cooccurring=cooccurring,
        quotes_by=tuple(quotes(store, name, date_from=date_from, date_to=date_to, limit=limit)),
        quotes_about=tuple(quotes(store, about=name, date_from=date_from, date_to=date_to, limit=limit)),
    )


def dups(store: SqlStore, *, min_size: int = 2, limit: int = 50) -> list[DupCluster]:
    """The largest near-duplicate clusters, members oldest first."""
    clusters = [
        int(c)
        for c, _ in store._exec(
            "SELECT cluster, COUNT(*) FROM duplicates GROUP BY cluster HAVING COUNT(*) >= ? ORDER BY 2 DESC, 1 LIMIT ?",
            (min_size, limit),
        )
    ]
    if not clusters:
        return []
    members: dict[int, list[DupMember]] = {c: [] for c in clusters}
    test, params = store._in(clusters)
    for r in store._exec(
        "SELECT d.cluster, a.id, a.title, a.outlet, a.published, a.url, d.similarity "
        f"FROM duplicates d JOIN articles a ON a.doc = d.doc WHERE d.cluster {test} ORDER BY d.cluster, d.doc",
        params,
    ):
        members[int(r[0])].append(DupMember(r[1], r[2], r[3], r[4], r[5], round(float(r[6]), 4)))
    return [DupCluster(c, tuple(members[c])) for c in clusters]
