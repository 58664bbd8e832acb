"""``create_app(settings)``: the REST API and the web UI in one ASGI app.

Nothing happens at import time: settings are passed in (or read from the
environment when ``create_app()`` is called), so tests build as many apps as
they like, each on its own store.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from khabar import __version__
from khabar.api import errors
from khabar.api.limits import BodyLimitMiddleware
from khabar.api.pool import StorePool
from khabar.api.routes import analyze, articles, corpus, health
from khabar.api.settings import ApiSettings


def create_app(settings: ApiSettings | None = None) -> FastAPI:
    """Build the API and web app; settings come from the environment when not given.

    A factory, not a module-level ``app``: importing khabar.api opens no store
    and reads no environment, and tests build apps with their own settings.
    """
    settings = settings or ApiSettings.from_env()
    pool = StorePool(settings.db_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(
        title="khabar",
        version=__version__,
        description="Structured knowledge from Arabic news: who said what, about whom, where and when.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store_pool = pool
    errors.install(app)
    for module in (health, analyze, articles, corpus):
        app.include_router(module.router)

    from khabar.web import pages

    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(files("khabar.web").joinpath("static"))), name="static")
    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET", "POST"],
            allow_headers=["X-API-Key", "Content-Type"],
        )
    # Outermost, so oversized bodies are refused before any route reads them.
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    return app
