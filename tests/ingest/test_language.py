"""Language of an article: Arabic, Arabic-script neighbours, Latin-script languages."""

from __future__ import annotations

import pytest

from khabar.ingest.language import detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل في العاصمة.", "ar"),
        ("وزیر امور خارجه گفت که گفتگوها هفته آینده در پایتخت ادامه پیدا می‌کند.", "fa"),
        ("The foreign minister said the talks would resume in the capital next week.", "en"),
        (
            "Le ministre des affaires étrangères a déclaré que les négociations reprendront la semaine prochaine.",
            "fr",
        ),
        ("El ministro de Exteriores dijo que las conversaciones se reanudarán la próxima semana.", "es"),
        ("Министр иностранных дел заявил, что переговоры возобновятся на следующей неделе.", "ru"),
        ("12345 — 678", "und"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang
