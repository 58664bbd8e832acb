"""Server settings, read once when the app is created (never at import time).

Keys are hashed as soon as they are read and only the SHA-256 digests are kept,
so a memory dump or a debug page never shows a usable key; requests are checked
with a constant-time comparison of digests.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass

from khabar.errors import ConfigError

DEFAULT_DB = "sqlite:///khabar.db"
DEFAULT_MAX_BODY = 5 * 1024 * 1024


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(",") if v.strip())


@dataclass(frozen=True, slots=True)
class ApiSettings:
    """``write_key_hashes`` guard POST /v1/articles; with no ``read_key_hashes``
    reading is open, otherwise every GET under /v1 (and the web UI) needs a key."""

    db_url: str = DEFAULT_DB
    write_key_hashes: tuple[str, ...] = ()
    read_key_hashes: tuple[str, ...] = ()
    max_body_bytes: int = DEFAULT_MAX_BODY
    cors_origins: tuple[str, ...] = ()
    page_size: int = 20
    max_page_size: int = 200

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, *, db_url: str | None = None) -> ApiSettings:
        """Read ``KHABAR_DB``, ``KHABAR_WRITE_KEYS``/``KHABAR_WRITE_KEY_HASHES``,
        ``KHABAR_READ_KEYS``/``KHABAR_READ_KEY_HASHES``, ``KHABAR_MAX_BODY`` and
        ``KHABAR_CORS_ORIGINS`` (comma-separated lists)."""
        env = os.environ if env is None else env
        try:
            max_body = int(env.get("KHABAR_MAX_BODY", DEFAULT_MAX_BODY))
        except ValueError:
            raise ConfigError(f"KHABAR_MAX_BODY={env['KHABAR_MAX_BODY']!r} is not a number of bytes") from None
        if max_body <= 0:
            raise ConfigError("KHABAR_MAX_BODY must be a positive number of bytes")
        return cls(
            db_url=db_url or env.get("KHABAR_DB") or DEFAULT_DB,
            write_key_hashes=tuple(hash_key(k) for k in _split(env.get("KHABAR_WRITE_KEYS")))
            + _split(env.get("KHABAR_WRITE_KEY_HASHES")),
            read_key_hashes=tuple(hash_key(k) for k in _split(env.get("KHABAR_READ_KEYS")))
            + _split(env.get("KHABAR_READ_KEY_HASHES")),
            max_body_bytes=max_body,
            cors_origins=_split(env.get("KHABAR_CORS_ORIGINS")),
        )
