"""Who speaks a cue's quote (khabar.quotes.attach), on sentences written for these tests."""

from __future__ import annotations

from .helpers import brief, run

TITLE = "أخبار"


def test_topic_of_amma_is_the_speaker() -> None:
    found = run(
        TITLE,
        "ورحب النائب بالقرار. أما المحلل السياسي سعيد المري فأشار إلى أن الانتخابات ستؤجل، وقال «لا أحد يريدها الآن».",
        "أما وزارة الصحة فقد أكدت أن الوباء تحت السيطرة.",
    )
    assert [brief(q) for q in found] == [
        ("indirect", "فأشار", "المحلل السياسي سعيد المري", "الانتخابات ستؤجل"),
        ("direct", "وقال", "المحلل السياسي سعيد المري", "لا أحد يريدها الآن"),
        ("indirect", "أكدت", "وزارة الصحة", "الوباء تحت السيطرة"),
    ]


def test_topic_before_an_object_verb() -> None:
    found = run(TITLE, "أما الكاتب فهد العمري فقد برر غيابه بأنه كان مريضا.")
    assert [brief(q) for q in found] == [("indirect", "برر", "الكاتب فهد العمري", "كان مريضا")]
