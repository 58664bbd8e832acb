"""Map failures to JSON 4xx bodies; never leak a stack trace.

Every error body is ``{"error": <code>, "detail": <one line>}`` so clients can
branch on ``error`` and show ``detail`` to people.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from khabar.errors import ConfigError, ExtractionError, IngestError, StoreError

log = logging.getLogger(__name__)


def _body(status: int, error: str, detail: object) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": error, "detail": detail})


def install(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", ""))} for e in exc.errors()
        ]
        return _body(422, "invalid_request", problems)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        codes = {401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
                 413: "payload_too_large", 415: "unsupported_media_type", 422: "invalid_request"}
        response = _body(exc.status_code, codes.get(exc.status_code, "http_error"), exc.detail)
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    @app.exception_handler(IngestError)
    async def _ingest(_: Request, exc: IngestError) -> JSONResponse:
        return _body(422, "unreadable_article", exc.problem)

    @app.exception_handler(ConfigError)
    async def _config(_: Request, exc: ConfigError) -> JSONResponse:
        return _body(400, "bad_option", str(exc))

    @app.exception_handler(StoreError)
    async def _store(_: Request, exc: StoreError) -> JSONResponse:
        log.error("store error: %s", exc)
        return _body(503, "store_unavailable", "the corpus store could not complete the request")

    @app.exception_handler(ExtractionError)
    async def _extraction(_: Request, exc: ExtractionError) -> JSONResponse:
        log.error("extraction error: %s", exc)
        return _body(500, "analysis_failed", "the analysis pipeline failed on this article")

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error", exc_info=exc)
        return _body(500, "internal_error", "internal error; see the server log")
