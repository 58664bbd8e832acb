"""Analysis → rows of the batch tables, and back.

Batch output is one Parquet table per layer so that analysts can query it with
Spark, DuckDB or pandas without parsing JSON: ``articles``, ``entities``,
``mentions``, ``quotes``, ``times``, ``quantities`` (each partitioned by the
article's publication month) and ``failures``.

The rows are a projection of :meth:`Analysis.to_dict`, not of the dataclasses,
so the tables hold exactly what the JSON contract holds whatever stages ran (a
stage that did not run leaves its table without rows). Nested records (a
quote's ``speaker``, an entity's ``country``) stay nested as Parquet structs.
Keys the schemas below do not know yet (an additive model change) are kept,
JSON-encoded, in each row's ``extra`` column under their dotted path, so a
model change never loses data and :func:`analysis_from_rows` restores them.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

log = logging.getLogger(__name__)

LAYER_TABLES = ("articles", "entities", "mentions", "quotes", "times", "quantities")
TABLES = (*LAYER_TABLES, "failures")
UNKNOWN_MONTH = "unknown"

_MONTH = re.compile(r"^(\d{4})-(\d{2})")

Row = dict[str, Any]

# Schemas are written as plain descriptions (not pyarrow objects) so importing
# this module stays cheap; ``arrow_schema`` builds the pyarrow schema on first use.
# A field is (name, type); a type is a scalar name, ("list", scalar) or ("struct", fields).
_SPAN = ("struct", (("start", "int32"), ("end", "int32"), ("text", "string")))
_SPEAKER = (
    "struct",
    (("entity", "string"), ("text", "string"), ("start", "int32"), ("end", "int32"), ("kind", "string")),
)
_FieldSpec = tuple[str, Any]

SCHEMAS: dict[str, tuple[_FieldSpec, ...]] = {
    "articles": (
        ("article_id", "string"),
        ("line", "int64"),
        ("schema_version", "string"),
        ("source", "string"),
        ("url", "string"),
        ("outlet", "string"),
        ("title", "string"),
        ("published", "string"),
        ("byline", "string"),
        ("caption", "string"),
        ("photo_credit", ("struct", (("photographer", "string"), ("agency", "string")))),
        ("description", "string"),
        ("language", "string"),
        ("format", "string"),
        ("warnings", ("list", "string")),
        ("paragraphs", ("list", "string")),
        ("text", "string"),
        ("n_entities", "int32"),
        ("n_mentions", "int32"),
        ("n_quotes", "int32"),
        ("n_times", "int32"),
        ("n_quantities", "int32"),
        ("extra", "string"),
    ),
    "entities": (
        ("article_id", "string"),
        ("n", "int32"),
        ("entity_id", "string"),
        ("type", "string"),
        ("canonical", "string"),
        ("role", "string"),
        ("country", ("struct", (("code", "string"), ("name", "string"), ("name_en", "string")))),
        ("latin", "string"),
        ("n_mentions", "int32"),
        ("extra", "string"),
    ),
    "mentions": (
        ("article_id", "string"),
        ("entity_id", "string"),
        ("n", "int32"),
        ("entity_type", "string"),
        ("start", "int32"),
        ("end", "int32"),
        ("text", "string"),
        ("kind", "string"),
        ("extra", "string"),
    ),
    "quotes": (
        ("article_id", "string"),
        ("n", "int32"),
        ("kind", "string"),
        ("speaker", _SPEAKER),
        ("cue", _SPAN),
        ("content", _SPAN),
        ("venue", "string"),
        ("reported_by", _SPEAKER),
        ("extra", "string"),
    ),
    "times": (
        ("article_id", "string"),
        ("n", "int32"),
        ("start", "int32"),
        ("end", "int32"),
        ("text", "string"),
        ("type", "string"),
        ("value", "string"),
        ("mod", "string"),
        ("hijri", "string"),
        ("extra", "string"),
    ),
    "quantities": (
        ("article_id", "string"),
        ("n", "int32"),
        ("start", "int32"),
        ("end", "int32"),
        ("text", "string"),
        ("value", "float64"),
        ("unit", "string"),
        ("counts", "string"),
        ("approx", "bool"),
        ("extra", "string"),
    ),
    "failures": (
        ("source", "string"),
        ("line", "int64"),
        ("stage", "string"),
        ("reason", "string"),
        ("article_id", "string"),
        ("unit", "string"),
    ),
}

# Columns the batch adds around the to_dict() payload; never part of "extra".
_ADDED = {
    "articles": {"article_id", "line", "n_entities", "n_mentions", "n_quotes", "n_times", "n_quantities"},
    "entities": {"article_id", "n", "entity_id", "n_mentions"},
    "mentions": {"article_id", "entity_id", "n", "entity_type"},
    "quotes": {"article_id", "n"},
    "times": {"article_id", "n"},
    "quantities": {"article_id", "n"},
}
# to_dict() keys stored under another column name (entity "id" → "entity_id").
_RENAMED = {"articles": {"id": "article_id"}, "entities": {"id": "entity_id"}}


def month_of(published: str | None) -> str:
    """The ``YYYY-MM`` partition of an ISO date, or ``unknown``.

    ``2020-10-06T09:30:00+03:00`` → ``2020-10``; ``None`` or an unparsable
    value → ``unknown`` (never today's month: a guess would misfile the row).
    """
    m = _MONTH.match(published or "")
    if not m or not 1 <= int(m.group(2)) <= 12:
        return UNKNOWN_MONTH
    return f"{m.group(1)}-{m.group(2)}"


def analysis_rows(doc: Mapping[str, Any], *, line: int | None = None) -> dict[str, list[Row]]:
    """Split one ``Analysis.to_dict()`` into rows of the six layer tables.

    ``line`` is where the record sits in its input (JSONL line), kept on the
    article row so a reader can trace it back.
    """
    article = dict(doc["article"])
    aid = article["id"]
    entities = list(doc.get("entities") or ())
    rows: dict[str, list[Row]] = {name: [] for name in LAYER_TABLES}
    n_mentions = 0
    for i, ent in enumerate(entities):
        mentions = list(ent.get("mentions") or ())
        n_mentions += len(mentions)
        body = {k: v for k, v in ent.items() if k != "mentions"}
        rows["entities"].append(
            _project("entities", body, {"article_id": aid, "n": i, "n_mentions": len(mentions)})
        )
        for j, men in enumerate(mentions):
            added = {"article_id": aid, "entity_id": ent.get("id"), "n": j, "entity_type": ent.get("type")}
            rows["mentions"].append(_project("mentions", men, added))
    for layer in ("quotes", "times", "quantities"):
        for i, item in enumerate(doc.get(layer) or ()):
            rows[layer].append(_project(layer, item, {"article_id": aid, "n": i}))
    # Top-level keys other than the layers (schema_version, a future layer) ride on
    # the article row; unknown ones are marked with "^" in extra to restore them there.
    head = {
        (k if k == "schema_version" else f"^{k}"): v
        for k, v in doc.items()
        if k not in ("article", *LAYER_TABLES)
    }
    counts = {
        "article_id": aid,
        "line": line,
        "n_entities": len(entities),
        "n_mentions": n_mentions,
        "n_quotes": len(rows["quotes"]),
        "n_times": len(rows["times"]),
        "n_quantities": len(rows["quantities"]),
    }
    rows["articles"].append(_project("articles", {**head, **article}, counts))
    return rows


def analysis_from_rows(tables: Mapping[str, Iterable[Row]]) -> list[dict[str, Any]]:
    """Rebuild ``Analysis.to_dict()`` documents from rows read back from the tables.

    The inverse of :func:`analysis_rows`: feed it every row of one or more
    articles (any order) and get one document per article row, in article-row
    order, ready for ``Analysis.from_dict``.
    """
    by_article: dict[str, dict[str, list[Row]]] = {}
    for layer in ("entities", "mentions", "quotes", "times", "quantities"):
        for row in tables.get(layer, ()):
            by_article.setdefault(row["article_id"], {}).setdefault(layer, []).append(row)
    docs = []
    for arow in tables.get("articles", ()):
        aid = arow["article_id"]
        parts = by_article.get(aid, {})
        art = _unproject("articles", arow)
        version = art.pop("schema_version", None)
        mentions: dict[str, list[Row]] = {}
        for m in sorted(parts.get("mentions", ()), key=lambda r: r["n"]):
            mentions.setdefault(m["entity_id"], []).append(_unproject("mentions", m))
        entities = []
        for e in sorted(parts.get("entities", ()), key=lambda r: r["n"]):
            ent = _unproject("entities", e)
            ent["mentions"] = mentions.get(ent["id"], [])
            entities.append(ent)
        doc: dict[str, Any] = {"schema_version": version, "article": art, "entities": entities}
        doc.update({k[1:]: art.pop(k) for k in [k for k in art if k.startswith("^")]})
        for layer in ("quotes", "times", "quantities"):
            doc[layer] = [_unproject(layer, r) for r in sorted(parts.get(layer, ()), key=lambda r: r["n"])]
        docs.append(doc)
    return docs


def failure_row(
    source: str | None,
    line: int | None,
    reason: str,
    *,
    stage: str,
    unit: str,
    article_id: str | None = None,
) -> Row:
    """One row of the ``failures`` table. ``stage`` is read, ingest or process."""
    return {
        "source": source,
        "line": line,
        "stage": stage,
        "reason": reason,
        "article_id": article_id,
        "unit": unit,
    }


def _project(table: str, payload: Mapping[str, Any], added: Mapping[str, Any]) -> Row:
    """Fit one payload to its table's columns; unknown keys go to ``extra``."""
    renamed = {_RENAMED.get(table, {}).get(k, k): v for k, v in payload.items()}
    row: Row = {}
    extra: dict[str, Any] = {}
    for name, typ in SCHEMAS[table]:
        if name == "extra":
            continue
        value = added[name] if name in added else renamed.get(name)
        row[name] = _fit(value, typ, name, extra)
    for key in renamed.keys() - {n for n, _ in SCHEMAS[table]}:
        extra[key] = renamed[key]
    row["extra"] = json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else None
    return row


def _fit(value: Any, typ: Any, path: str, extra: dict[str, Any]) -> Any:
    """Keep a struct's known fields; record unknown nested keys in ``extra`` by dotted path."""
    if value is None or not (isinstance(typ, tuple) and typ[0] == "struct"):
        return value
    known = {n for n, _ in typ[1]}
    for key in value.keys() - known:
        extra[f"{path}.{key}"] = value[key]
    return {n: _fit(value.get(n), t, f"{path}.{n}", extra) for n, t in typ[1]}


def _unproject(table: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """Inverse of :func:`_project`: drop batch-added columns, restore names and extras."""
    inverse = {v: k for k, v in _RENAMED.get(table, {}).items()}
    out: dict[str, Any] = {}
    for name, _ in SCHEMAS[table]:
        if name == "extra" or name in _ADDED[table] - set(inverse):
            continue
        value = row.get(name)
        out[inverse.get(name, name)] = dict(value) if isinstance(value, Mapping) else value
    for path, value in json.loads(row.get("extra") or "{}").items():
        target = out
        *parents, leaf = path.split(".")
        for p in parents:
            target = target.setdefault(p, {})
        target[leaf] = value
    return out


@cache
def arrow_schema(table: str) -> Any:
    """The pyarrow schema of a table (pyarrow is imported here, on first use)."""
    import pyarrow as pa

    def build(typ: Any) -> Any:
        if isinstance(typ, tuple) and typ[0] == "list":
            return pa.list_(build(typ[1]))
        if isinstance(typ, tuple) and typ[0] == "struct":
            return pa.struct([pa.field(n, build(t)) for n, t in typ[1]])
        return {"string": pa.string(), "int32": pa.int32(), "int64": pa.int64(), "float64": pa.float64(),
                "bool": pa.bool_()}[typ]

    return pa.schema([pa.field(n, build(t)) for n, t in SCHEMAS[table]])
