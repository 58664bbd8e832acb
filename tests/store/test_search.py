"""Index keys, the light stemmer, query parsing and snippets (no database)."""

from __future__ import annotations

import pytest

from khabar.store import search
from khabar.store.search import Query, index_key, index_keys, name_key, parse_query, stem
from khabar.store.snippets import snippet


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("المستشار", "مستشار"),
        ("والمستشار", "مستشار"),
        ("للمستشار", "مستشار"),
        ("المستشارين", "مستشار"),
        ("مستشاره", "مستشار"),
        ("المستشارون", "مستشار"),
        ("الحكومة", "حكوم"),
        ("حكومته", "حكوم"),
        ("حكومات", "حكوم"),
        ("سياساتها", "سياس"),
        ("عملية", "عمل"),
        ("العمليات", "عمل"),
        ("وقال", "قال"),
        ("بيته", "بيت"),
        ("البحرين", "بحرين"),
        ("البحرينية", "بحرين"),
        ("الفلسطينيين", "فلسطين"),
        ("لبنان", "لبنان"),
        ("أذربيجان", "اذربيجان"),
        ("الإسرائيلية", "اسراييل"),
        ("إسرائيل", "اسراييل"),
        ("المُستشارُ", "مستشار"),
        ("الـمـستـشـار", "مستشار"),
        ("بالحنطور", "حنطور"),
        ("وللحنطور", "حنطور"),
        ("بالغ", "بالغ"),
        ("عاماً", "عام"),
        ("مؤشراً", "موشر"),
        ("مؤشرات", "موشر"),
        ("مستواها", "مستو"),
        ("المستوى", "مستو"),
        ("قالوا", "قالوا"),
        ("Meprolight", "meprolight"),
        ("٢٠٢٠", "2020"),
    ],
)
def test_index_key(word: str, key: str) -> None:
    assert index_key(word) == key


def test_country_meets_its_adjective() -> None:
    assert index_key("سوريا") == index_key("السوري") == index_key("السورية")
    assert index_key("أمريكا") == index_key("الأمريكيين")


def test_stem_keeps_three_letters() -> None:
    assert stem("دول") == "دول"
    assert stem("قواته") == "قوات"  # قوات minus ات would leave two letters
    assert stem("سلمان") == "سلمان"  # ان is not stripped: it ends more names than duals


def test_unstemmed_entries_are_all_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every listed word would be stemmed into another word without the list."""
    listed = search._unstemmed()
    assert "بحرين" in listed
    monkeypatch.setattr(search, "_unstemmed", frozenset)
    for word in listed:
        assert stem(word) != word, word


def test_index_keys_split_glued_scripts_and_drop_punctuation() -> None:
    assert index_keys("اشترت بنادقMeprolight، و2018!") == ["اشترت", "بنادق", "meprolight", "2018"]


def test_name_key_keeps_clitics_and_suffixes() -> None:
    assert name_key("وزيرُ الخارجيّة") == "وزير الخارجيه"
    assert name_key("  أنغيلا   ميركل ") == "انغيلا ميركل"


def test_parse_query_words_and_phrases() -> None:
    q = parse_query('المستشار "وزير الخارجية" في')
    assert q.groups == (("مستشار",), ("وزير", "خارج"))
    assert q.fts5() == '"مستشار" AND "وزير خارج"'
    assert q.tsquery() == "'مستشار' & ('وزير' <-> 'خارج')"
    assert q.keys == frozenset({"مستشار", "وزير", "خارج"})


def test_parse_query_guillemets_and_only_stopwords() -> None:
    assert parse_query("«الأمم المتحدة»").groups == (("امم", "متحد"),)
    assert parse_query("في من").groups == (("في",), ("من",))
    assert not parse_query("، ؟")
    assert Query(()).fts5() == ""


def test_snippet_marks_every_surface_form() -> None:
    text = "قال والمستشار الأذري إن بلاده اشترت أسلحة، ثم سلّم للمستشار   الفرنسي رسالة."
    s = snippet(text, frozenset({"مستشار"}))
    assert s.text == "قال والمستشار الأذري إن بلاده اشترت أسلحة، ثم سلّم للمستشار الفرنسي رسالة."
    assert [s.text[a:b] for a, b in s.marks] == ["والمستشار", "للمستشار"]
    assert s.marked() == "قال [والمستشار] الأذري إن بلاده اشترت أسلحة، ثم سلّم [للمستشار] الفرنسي رسالة."


def test_snippet_window_picks_the_densest_region() -> None:
    filler = " ".join(["كلمة"] * 50)
    text = f"النفط في البداية. {filler} ارتفعت أسعار النفط والغاز اليوم. {filler}"
    s = snippet(text, frozenset({"نفط", "غاز"}), window=10)
    assert s.text.startswith("… ")
    assert s.text.endswith(" …")
    assert [s.text[a:b] for a, b in s.marks] == ["النفط", "والغاز"]


def test_loosened_query_allows_one_missing_group() -> None:
    q = parse_query('حريق فندق "وزير الخارجية"')
    loose = q.loosened()
    assert loose is not None
    assert loose.fts5() == '("فندق" AND "وزير خارج") OR ("حريق" AND "وزير خارج") OR ("حريق" AND "فندق")'
    assert (
        loose.tsquery()
        == "('فندق' & ('وزير' <-> 'خارج')) | ('حريق' & ('وزير' <-> 'خارج')) | ('حريق' & 'فندق')"
    )
    assert parse_query("حريق فندق").loosened() is None


def test_snippet_stops_at_the_first_window_holding_every_key() -> None:
    """Reading stops once a window holds all keys; the snippet is the one a full read gives."""
    lead = "ارتفعت أسعار النفط والغاز في الأسواق اليوم بعد قرار أوبك."
    tail = " ".join(["وتراجع النفط ثم عاد الغاز إلى الارتفاع."] * 40)
    s = snippet(f"{lead} {tail}", frozenset({"نفط", "غاز"}), window=8)
    assert s.text == "ارتفعت أسعار النفط والغاز في الأسواق اليوم بعد …"
    assert [s.text[a:b] for a, b in s.marks] == ["النفط", "والغاز"]
