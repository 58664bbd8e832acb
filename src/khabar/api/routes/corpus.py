"""Corpus queries: ``GET /v1/search``, ``/v1/quotes``, ``/v1/entities/{name}``, ``/v1/top``."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from khabar.api.deps import PagingDep, ReadAccess, StoreDep, query
from khabar.api.schemas import Page

router = APIRouter(tags=["corpus"], dependencies=[ReadAccess])

From = Annotated[date | None, Query(alias="from", description="earliest publication date")]
To = Annotated[date | None, Query(alias="to", description="latest publication date")]


@router.get("/v1/search", response_model=Page, summary="Ranked Arabic full-text search")
async def search(
    store: StoreDep,
    page: PagingDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description="words, or a \"phrase\"")],
    date_from: From = None,
    date_to: To = None,
    entity: Annotated[str | None, Query(max_length=200)] = None,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
) -> Page:
    """Articles ranked by the words of ``q``, matched after spelling and clitic folding."""
    if not q.strip():
        raise HTTPException(422, "q must contain a word")
    hits = await query(
        store, store.search, q, date_from=date_from, date_to=date_to, entity=entity, outlet=outlet, limit=page.fetch
    )
    items, nxt = page.window([h.to_dict() for h in hits])
    return Page(items=items, limit=page.limit, offset=page.offset, next_offset=nxt)


@router.get("/v1/quotes", response_model=Page, summary="Who said what, about whom, when")
async def quotes(
    store: StoreDep,
    page: PagingDep,
    speaker: Annotated[str | None, Query(max_length=200)] = None,
    about: Annotated[str | None, Query(max_length=200)] = None,
    date_from: From = None,
    date_to: To = None,
) -> Page:
    """Who said what: quotes by ``speaker``, about ``about`` (an entity named inside the quote)."""
    hits = await query(store, store.quotes, speaker, about=about, date_from=date_from, date_to=date_to, limit=page.fetch)
    items, nxt = page.window([h.to_dict() for h in hits])
    return Page(items=items, limit=page.limit, offset=page.offset, next_offset=nxt)


@router.get("/v1/entities/{name}", summary="An entity across the corpus, by name")
async def entity(name: str, store: StoreDep, date_from: From = None, date_to: To = None) -> dict[str, Any]:
    """Everything the store knows about a name: mentions over time, roles, company kept, quotes."""
    report = await query(store, store.entity, name, date_from=date_from, date_to=date_to)
    if report is None:
        raise HTTPException(404, f"no entity named {name!r} in the corpus")
    out: dict[str, Any] = report.to_dict()
    return out


@router.get("/v1/top", response_model=Page, summary="Most mentioned entities in a period")
async def top(
    store: StoreDep,
    page: PagingDep,
    type: Annotated[str | None, Query(pattern="^(PERSON|ORG|LOC|MISC)$")] = None,
    date_from: From = None,
    date_to: To = None,
) -> Page:
    """The entities in the most articles in a period (ties: more mentions first)."""
    rows = await query(store, store.top, type=type, date_from=date_from, date_to=date_to, limit=page.fetch)
    items, nxt = page.window([r.to_dict() for r in rows])
    return Page(items=items, limit=page.limit, offset=page.offset, next_offset=nxt)
