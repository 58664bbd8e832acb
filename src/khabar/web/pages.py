"""Server-rendered RTL pages: search, article, entity, and paste-an-article.

Each page calls the same store and pipeline functions as the REST API and only
prepares view data for its template; Jinja2 autoescaping plus the single
escaping point in :mod:`khabar.web.highlight` keep article text inert.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from starlette.concurrency import run_in_threadpool

from khabar.api.deps import ReadAccess, StoreDep
from khabar.errors import IngestError
from khabar.model import Analysis
from khabar.web.charts import Bar, Node, network_svg, timeline_svg
from khabar.web.highlight import paragraphs_html

router = APIRouter(include_in_schema=False, dependencies=[ReadAccess])


@cache
def templates() -> Jinja2Templates:
    return Jinja2Templates(directory=str(files("khabar.web").joinpath("templates")))


def entity_href(name: str) -> str:
    return "/entities/" + quote(name, safe="")


def _marked(text: str, marks: list[list[int]] | tuple[tuple[int, int], ...]) -> Markup:
    out, last = [], 0
    for start, end in marks:
        out += [str(escape(text[last:start])), f'<mark class="hit">{escape(text[start:end])}</mark>']
        last = end
    out.append(str(escape(text[last:])))
    return Markup("".join(out))


def analysis_view(analysis: Analysis, *, linked: bool) -> dict[str, Any]:
    """Template data shared by the stored-article page and the paste page."""
    by_id = {e.id: e for e in analysis.entities or ()}
    groups: dict[str, list[Any]] = defaultdict(list)
    heads: dict[str, dict[str, str | None]] = {}
    for q in analysis.quotes or ():
        ent = by_id.get(q.speaker.entity) if q.speaker and q.speaker.entity else None
        name = ent.canonical if ent else (q.speaker.text if q.speaker else "غير معروف")
        groups[name].append(q)
        heads[name] = {"name": name, "href": entity_href(name) if (ent and linked) else None}
    entities = [
        {
            "type": e.type,
            "canonical": e.canonical,
            "role": e.role,
            "country": e.country,
            "latin": e.latin,
            "href": entity_href(e.canonical) if linked else None,
        }
        for e in analysis.entities or ()
    ]
    return {
        "article": analysis.article,
        "blocks": paragraphs_html(analysis),
        "quote_groups": [(heads[k], v) for k, v in groups.items()],
        "entities": entities,
        "times": analysis.times or (),
    }


@router.get("/", response_class=HTMLResponse, name="page_search")
def page_search(
    request: Request,
    store: StoreDep,
    q: Annotated[str, Query(max_length=500)] = "",
    date_from: Annotated[date | None, Query(alias="from")] = None,
    date_to: Annotated[date | None, Query(alias="to")] = None,
    entity: Annotated[str, Query(max_length=200)] = "",
    outlet: Annotated[str, Query(max_length=200)] = "",
) -> HTMLResponse:
    hits = []
    if q.strip():
        for h in store.search(
            q, date_from=date_from, date_to=date_to, entity=entity or None, outlet=outlet or None, limit=30
        ):
            hits.append({"hit": h, "href": f"/articles/{quote(h.article_id)}", "snippet": _marked(h.snippet.text, h.snippet.marks)})
    top = [] if q.strip() else store.top(type="PERSON", limit=12)
    return templates().TemplateResponse(
        request,
        "search.html",
        {"q": q, "date_from": date_from, "date_to": date_to, "entity": entity, "outlet": outlet,
         "hits": hits, "top": [(t, entity_href(t.canonical)) for t in top], "total": store.count()},
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse, name="page_article")
def page_article(request: Request, article_id: str, store: StoreDep) -> HTMLResponse:
    analysis = store.get(article_id)
    if analysis is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return templates().TemplateResponse(request, "article.html", analysis_view(analysis, linked=True))


@router.get("/entities/{name}", response_class=HTMLResponse, name="page_entity")
def page_entity(request: Request, name: str, store: StoreDep) -> HTMLResponse:
    report = store.entity(name, limit=30)
    if report is None:
        raise HTTPException(404, f"no entity named {name!r} in the corpus")
    quotes_per_day: dict[str | None, int] = defaultdict(int)
    for qh in report.quotes_by:
        quotes_per_day[qh.published[:10] if qh.published else None] += 1
    months: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for day, _articles, mentions in report.timeline:
        months[(day or "?")[:7]][0] += mentions
    for day, n in quotes_per_day.items():
        months[(day or "?")[:7]][1] += n
    bars = [Bar(k, v[0], v[1]) for k, v in sorted(months.items())]
    main = report.names[0] if report.names else None
    center = Node("__center__", main.canonical if main else name, main.type if main else "MISC", 10)
    others = [Node(f"n{i}", c.canonical, c.type, c.articles, entity_href(c.canonical)) for i, c in enumerate(report.cooccurring)]
    edges = [("__center__", n.id, n.weight) for n in others]
    return templates().TemplateResponse(
        request,
        "entity.html",
        {"report": report, "name": center.label, "timeline": timeline_svg(bars),
         "network": network_svg(center, others, edges), "entity_href": entity_href},
    )


@router.get("/analyze", response_class=HTMLResponse, name="page_analyze")
def page_analyze(request: Request) -> HTMLResponse:
    return templates().TemplateResponse(request, "analyze.html", {})


@router.post("/analyze", response_class=HTMLResponse, name="page_analyze_post")
async def page_analyze_post(
    request: Request,
    text: Annotated[str, Form(max_length=2_000_000)],
    published: Annotated[str, Form()] = "",
) -> HTMLResponse:
    from khabar.pipeline import analyze

    context: dict[str, Any] = {"text": text, "published": published}
    try:
        when = date.fromisoformat(published) if published else None
        result = await run_in_threadpool(analyze, text, published=when)
        context.update(analysis_view(result, linked=False))
        status = 200
    except ValueError:
        context["error"] = f"تاريخ غير صالح: {published}"
        status = 422
    except IngestError as err:
        context["error"] = f"تعذّر قراءة المقال: {err.problem}"
        status = 422
    return templates().TemplateResponse(request, "analyze.html", context, status_code=status)
