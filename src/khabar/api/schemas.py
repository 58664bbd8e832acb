"""Request and response models of the REST API (pydantic at the edge only).

The analysis itself is returned as the JSON contract of
:meth:`khabar.model.Analysis.to_dict` (see ``khabar schema``); these models
cover what the API adds around it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, Field, model_validator


class ArticleIn(BaseModel):
    """An article to analyse, as JSON: ``text`` (scraped or clean text) or ``html``."""

    text: str | None = Field(default=None, description="article text: title, blank line, paragraphs")
    html: str | None = Field(default=None, description="a whole HTML page")
    url: str | None = None
    outlet: str | None = None
    published: date | datetime | None = Field(
        default=None, description="publication date; relative dates resolve against it"
    )
    tokens: bool = False

    @model_validator(mode="after")
    def _one_body(self) -> ArticleIn:
        if bool(self.text) == bool(self.html):
            raise ValueError("give exactly one of 'text' or 'html', non-empty")
        return self


class Page(BaseModel):
    items: list[dict[str, Any]]
    total: int | None = None
    limit: int
    offset: int
    next_offset: int | None = None


class Health(BaseModel):
    status: str
    version: str
    store: str
    articles: int | None = None
