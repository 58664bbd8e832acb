"""``GET /v1/health``: liveness plus whether the store answers."""

from __future__ import annotations

from fastapi import APIRouter

from khabar import __version__
from khabar.api.deps import SettingsDep
from khabar.api.schemas import Health
from khabar.errors import KhabarError
from khabar.store.base import open_store

router = APIRouter(tags=["health"])


@router.get("/v1/health", response_model=Health)
def health(settings: SettingsDep) -> Health:
    """Whether the store answers: "degraded" (HTTP 200) rather than an error, so probes can tell
    "server up, database down" from "server down"."""
    scheme = settings.db_url.split("://", 1)[0] if "://" in settings.db_url else "sqlite"
    try:
        with open_store(settings.db_url) as store:
            return Health(status="ok", version=__version__, store=scheme, articles=store.count())
    except (KhabarError, OSError):
        return Health(status="degraded", version=__version__, store=scheme, articles=None)
