"""Every inflected form of every cue that takes a that-clause introduces one, in a sentence
written for it: a form the readings silently drop (as the ى-passive rule once dropped every
يرى) fails here, not on some article months later."""

from __future__ import annotations

import pytest

from khabar.quotes.cues import Form, Lemma, inflect, lemmas
from khabar.text.normalize import normalize

from .helpers import run

CONTENT = "الوضع مستقر تماما"
# Forms deliberately not read as cues: nouns or other words far more often than the verb.
NOT_CUES = {
    "مطالبة",  # a demand
    "متابعة",  # follow-up
    "مفيدة",  # useful
    "متهمة",  # the accused (f)
    "متعهدة",  # a contractor
    "مرجحة",  # likely
    "تبين",  # it became clear
    "تبيّن",
    "نقلا",  # carrying
    "ردا",  # in response
    "ردّا",
    "علما",  # note that
    "مطالبات",  # demands
    "متابعين",  # followers
    "متابعات",
    "متابعتين",
    "مفيدين",  # useful
    "مفيدات",
    "معتقدات",  # beliefs
    "متهمين",  # the accused
    "متهمات",
    "متعهدين",  # contractors
    "متعهدات",
    "مرجحين",
    "مرجحات",
}
SUBJECTS = {
    ("m", "s"): "المسؤول",
    ("f", "s"): "الوزارة",
    ("m", "p"): "المسؤولون",
    ("f", "p"): "الموظفات",
    ("m", "d"): "الوزيران",
    ("f", "d"): "الوزيرتان",
}


def _cases() -> list[tuple[Lemma, Form]]:
    return [
        (lemma, form)
        for lemma in lemmas()
        if "that" in lemma.complements
        for form in inflect(lemma)
        if form.text.replace("\u0651", "") not in NOT_CUES and normalize(form.text) not in lemma.exclude
    ]


@pytest.mark.parametrize("lemma,form", _cases(), ids=lambda x: x.text if isinstance(x, Form) else x.past)
def test_every_form_introduces_a_that_clause(lemma: Lemma, form: Form) -> None:
    subject = SUBJECTS[(form.gender, form.number)]
    if form.tense == "participle":
        body = f"وتحدث {subject} عن الخطة، {form.text} أن {CONTENT}."
    elif form.number == "s":
        body = f"و{form.text} {subject} أن {CONTENT}."
    else:  # the verb agrees fully only with a pronoun subject: the group named before
        body = f"وتحدث {subject} عن الخطة. و{form.text} أن {CONTENT}."
    assert any(q.content.text == CONTENT for q in run("أخبار", body)), body
