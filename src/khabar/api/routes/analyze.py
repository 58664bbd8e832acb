"""``POST /v1/analyze``: analyse without storing."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from pydantic import ValidationError

from khabar.api.schemas import ArticleIn

router = APIRouter(tags=["analysis"])

_BODY_DOC = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": ArticleIn.model_json_schema()},
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
        },
    }
}


async def read_article(request: Request) -> ArticleIn:
    """Accept JSON (:class:`ArticleIn`), ``text/plain`` or ``text/html`` bodies."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    raw = await request.body()
    if not raw.strip():
        raise HTTPException(422, "empty request body: send article text, HTML or JSON")
    if ctype in ("application/json", ""):
        try:
            payload: Any = json.loads(raw)
            return ArticleIn.model_validate(payload)
        except json.JSONDecodeError as err:
            raise HTTPException(422, f"body is not valid JSON: {err.msg} at char {err.pos}") from None
        except ValidationError as err:
            raise HTTPException(422, [{"loc": list(e["loc"]), "msg": e["msg"]} for e in err.errors()]) from None
    try:
        body = raw.decode(request.headers.get("content-type", "").partition("charset=")[2] or "utf-8")
    except (LookupError, UnicodeDecodeError):
        raise HTTPException(422, "body is not text in the declared charset (default UTF-8)") from None
    if ctype == "text/plain":
        return ArticleIn(text=body)
    if ctype in ("text/html", "application/xhtml+xml"):
        return ArticleIn(html=body)
    raise HTTPException(415, f"unsupported content type {ctype!r}: use application/json, text/plain or text/html")


def run_analysis(article: ArticleIn) -> Any:
    """Run the pipeline on a request body (sync: called in the threadpool)."""
    import dataclasses

    from khabar.pipeline import analyze

    source: str | bytes = article.text if article.text else (article.html or "").encode("utf-8")
    result = analyze(source, published=article.published)
    if article.url or article.outlet:
        art = dataclasses.replace(
            result.article, url=article.url or result.article.url, outlet=article.outlet or result.article.outlet
        )
        result = dataclasses.replace(result, article=art)
    return result


@router.post("/v1/analyze", openapi_extra=_BODY_DOC, summary="Analyse an article (not stored)")
async def analyze_article(request: Request) -> dict[str, Any]:
    """Analyse the posted article and return every layer, storing nothing.

    The pipeline runs in a worker thread: it is CPU-bound and would otherwise
    stall every other request on the event loop.
    """
    from starlette.concurrency import run_in_threadpool

    article = await read_article(request)
    result = await run_in_threadpool(run_analysis, article)
    out: dict[str, Any] = result.to_dict(tokens=article.tokens)
    return out
