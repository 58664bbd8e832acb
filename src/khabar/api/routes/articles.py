"""``POST /v1/articles`` (analyse and store; needs a write key) and ``GET /v1/articles/{id}``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from starlette.concurrency import run_in_threadpool

from khabar.api.deps import ReadAccess, StoreDep, WriteAccess, query
from khabar.api.routes.analyze import _BODY_DOC, read_article, run_analysis

router = APIRouter(tags=["articles"])


@router.post(
    "/v1/articles",
    status_code=201,
    dependencies=[WriteAccess],
    openapi_extra=_BODY_DOC,
    summary="Analyse an article and store it",
)
async def create_article(request: Request, store: StoreDep) -> dict[str, Any]:
    """Analyse the posted article and store it; the same story posted again is "unchanged", not a duplicate."""
    article = await read_article(request)
    analysis = await run_in_threadpool(run_analysis, article)
    report = await run_in_threadpool(store.add, [analysis])
    status = "added" if report.added else ("updated" if report.updated else "unchanged")
    return {"id": analysis.article.id, "status": status, "analysis": analysis.to_dict()}


@router.get("/v1/articles/{article_id}", dependencies=[ReadAccess], summary="A stored article's analysis")
async def get_article(article_id: str, store: StoreDep) -> dict[str, Any]:
    """The stored analysis of one article, by the content id ``POST /v1/articles`` returned."""
    analysis = await query(store, store.get, article_id)
    if analysis is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    out: dict[str, Any] = analysis.to_dict()
    return out
