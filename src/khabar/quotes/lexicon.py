"""Closed word classes the quote rules look words up in (``data/quotes/lexicon.json``).

Every class is held in the matching form of :mod:`khabar.text.normalize`, so a
rule asks ``is_complementizer("إنّه")`` without caring about hamza or shadda.
Complementizers are expanded here with their proclitics and pronoun suffixes
("أنّ" → أن، وأن، بأن، أنه، إنها، بأنهم …) rather than listed one by one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from khabar.text.normalize import normalize

_PROCLITICS = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")


@dataclass(frozen=True, slots=True)
class Lexicon:
    complementizers: frozenset[str]
    relay_nouns: frozenset[str]
    adjunct_starts: frozenset[str]
    venue_starts: frozenset[str]
    venue_nouns: frozenset[str]
    time_words: frozenset[str]
    media_nouns: frozenset[str]
    media_names: frozenset[str]
    org_nouns: frozenset[str]
    document_nouns: frozenset[str]
    source_nouns: frozenset[str]
    np_in_heads: frozenset[str]
    anaphors: frozenset[str]
    relatives: frozenset[str]
    clause_openers: frozenset[str]
    verb_first_openers: frozenset[str]
    kana: frozenset[str]
    headline_labels: frozenset[str]
    title_labels: frozenset[str]
    person_heads: frozenset[str]
    quantity_nouns: frozenset[str]
    subordinators: frozenset[str]
    prepositional_pronouns: frozenset[str]
    rule_nouns: frozenset[str]
    np_prep_heads: frozenset[str]
    conditionals: frozenset[str]
    plural_heads: frozenset[str]
    audience_nouns: frozenset[str]
    # "دعا الله أن", "سائلاً المولى عز وجل أن": whom a prayer is addressed to, never
    # the speaker, and the praise that may follow the name
    divine_addressees: frozenset[str]
    divine_praise: frozenset[str]
    # the scan of a cue's right context (khabar.quotes.scan); see the data's _doc
    side_words: frozenset[str]
    attribution_words: frozenset[str]
    backward_words: frozenset[str]
    company_words: frozenset[str]
    period_nouns: frozenset[str]
    negations: frozenset[str]
    temporal_words: frozenset[str]
    bare_openers: frozenset[str]
    detached_pronouns: frozenset[str]
    emphatic_words: frozenset[str]
    back_references: frozenset[str]
    time_before_an: frozenset[str]
    # after these أن/إن is not the cue's complement: "بعد أن" (after), "كما أن" (moreover)
    not_complement: frozenset[str]
    # word classes of subjects, objects and content ends; see the data's _doc
    headline_stop_words: frozenset[str]
    demonstratives: frozenset[str]
    name_links: frozenset[str]
    patronymics: frozenset[str]
    clause_links: frozenset[str]
    topic_particles: frozenset[str]
    going_on_verbs: frozenset[str]
    content_openers: frozenset[str]
    relay_phrase_words: frozenset[str]
    contrast_openers: frozenset[str]
    contrast_heads: frozenset[str]
    narration_function_words: frozenset[str]
    venue_closers: frozenset[str]
    not_clitic: frozenset[str]
    object_nouns: frozenset[str]
    masdar_like: frozenset[str]
    adjunct_nouns: frozenset[str]
    place_nouns: frozenset[str]
    never_in_subject: frozenset[str]
    after_quotation: frozenset[str]
    impersonal_openers: frozenset[str]
    contrast_words: frozenset[str]
    participle_adverbs: frozenset[str]
    name_prefixes: frozenset[str]
    topic_openers: frozenset[str]
    not_reported: frozenset[str]
    attribution_left: frozenset[str]
    left_prepositions: frozenset[str]
    discourse_words: frozenset[str]
    time_heads: frozenset[str]
    plural_relatives: frozenset[str]


def _norm_all(words: list[str]) -> frozenset[str]:
    return frozenset(normalize(w) for w in words)


def _with_feminine(words: list[str], masculine_only: list[str]) -> list[str]:
    """The title nouns and their feminine (مشرف → مشرفة، مدير → مديرة، ابن → ابنة):
    a woman's title is the man's with ة, except where that spells another word
    (مقدمة 'introduction', رائدة 'leading')."""
    skip = {normalize(w) for w in masculine_only}
    out = list(words)
    for w in words:
        n = normalize(w)
        if n not in skip and not n.startswith("ال") and not n.endswith(("ة", "ه", "ي", "ا")):
            out.append(w + "ة")
    return out


def _with_article(words: list[str]) -> frozenset[str]:
    """The words with and without ال, and with a ل/ب proclitic (للوزارة، بالوزارة)."""
    out: set[str] = set()
    for w in words:
        n = normalize(w)
        bare = n[2:] if n.startswith("ال") and len(n) > 3 else n
        out.update({bare, "ال" + bare})
    return frozenset(out)


@cache
def lexicon() -> Lexicon:
    """The word classes, loaded once on first use."""
    path = resources.files("khabar") / "data" / "quotes" / "lexicon.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    pronouns = [""] + [normalize(p) for p in raw["pronoun_suffixes"]]
    comps: set[str] = set()
    for base in raw["complementizers"]:
        b = normalize(base)
        for clitic in ("", "و", "ف"):
            for pronoun in pronouns:
                comps.add(clitic + b + pronoun)
    comps.update({"انني", "اننا", "بانني", "باننا"})
    relay = {normalize(n) + normalize(p) for n in raw["relay_nouns"] for p in raw["pronoun_suffixes"]}
    return Lexicon(
        complementizers=frozenset(comps),
        relay_nouns=frozenset(relay),
        adjunct_starts=_norm_all(raw["adjunct_starts"]),
        venue_starts=_norm_all(raw["venue_starts"]),
        venue_nouns=_with_article(raw["venue_nouns"]),
        time_words=_norm_all(raw["time_words"]),
        media_nouns=_with_article(raw["media_nouns"]),
        media_names=_norm_all(raw["media_names"]),
        org_nouns=_with_article(raw["org_nouns"]),
        document_nouns=_with_article(raw["document_nouns"]),
        source_nouns=_with_article(raw["source_nouns"]),
        np_in_heads=_with_article(raw["np_in_heads"]),
        anaphors=_norm_all(raw["anaphors"]),
        relatives=_norm_all(raw["relatives"]) | {"و" + normalize(w) for w in raw["relatives"]},
        clause_openers=_norm_all(raw["clause_openers"]) | {"و" + normalize(w) for w in raw["clause_openers"]},
        verb_first_openers=_norm_all(raw["verb_first_openers"])
        | {"و" + normalize(w) for w in raw["verb_first_openers"]},
        kana=_norm_all(raw["kana"]),
        headline_labels=_norm_all(raw["headline_labels"]),
        title_labels=_with_article(raw["title_labels"]),
        person_heads=_with_article(_with_feminine(raw["person_heads"], raw["person_heads_no_feminine"]))
        | _with_article(raw["np_in_heads"]),
        quantity_nouns=_norm_all(raw["quantity_nouns"]),
        subordinators=_norm_all(raw["subordinators"]) | {"و" + normalize(w) for w in raw["subordinators"]},
        prepositional_pronouns=_norm_all(raw["prepositional_pronouns"]),
        rule_nouns=_with_article(raw["rule_nouns"]),
        np_prep_heads=_norm_all(raw["np_prep_heads"]),
        conditionals=_norm_all(raw["conditionals"]),
        plural_heads=_with_article(raw["plural_heads"]),
        audience_nouns=_with_article(raw["audience_nouns"]),
        divine_addressees=_norm_all(raw["divine_addressees"]),
        divine_praise=_norm_all(raw["divine_praise"]),
        side_words=_norm_all(raw["side_words"]),
        attribution_words=_norm_all(raw["attribution_words"]),
        backward_words=_norm_all(raw["backward_words"]),
        company_words=_norm_all(raw["company_words"]),
        period_nouns=_norm_all(raw["period_nouns"]),
        negations=_norm_all(raw["negations"]),
        temporal_words=_norm_all(raw["temporal_words"]),
        bare_openers=_norm_all(raw["bare_openers"]),
        detached_pronouns=_norm_all(raw["detached_pronouns"]),
        emphatic_words=_norm_all(raw["emphatic_words"]),
        back_references=_norm_all(raw["back_references"]),
        time_before_an=_norm_all(raw["time_before_an"]),
        not_complement=_norm_all(raw["temporal_words"]) | _norm_all(raw["not_complement_words"]),
        headline_stop_words=_norm_all(raw["headline_stop_words"]),
        demonstratives=_norm_all(raw["demonstratives"]),
        name_links=_norm_all(raw["name_links"]),
        patronymics=_norm_all(raw["patronymics"]),
        clause_links=_norm_all(raw["clause_links"]),
        topic_particles=_norm_all(raw["topic_particles"]),
        going_on_verbs=_norm_all(raw["going_on_verbs"]),
        content_openers=_norm_all(raw["content_openers"]),
        relay_phrase_words=_norm_all(raw["relay_phrase_words"]),
        contrast_openers=_norm_all(raw["contrast_openers"]),
        contrast_heads=_norm_all(raw["contrast_heads"]),
        narration_function_words=_norm_all(raw["narration_function_words"]),
        venue_closers=_norm_all(raw["venue_closers"]),
        not_clitic=_norm_all(raw["not_clitic"]),
        object_nouns=_norm_all(raw["object_nouns"]),
        masdar_like=_norm_all(raw["masdar_like"]),
        adjunct_nouns=_norm_all(raw["adjunct_nouns"]),
        place_nouns=_norm_all(raw["place_nouns"]),
        never_in_subject=_norm_all(raw["never_in_subject"]),
        after_quotation=_norm_all(raw["after_quotation"]),
        impersonal_openers=_norm_all(raw["impersonal_openers"]),
        contrast_words=_norm_all(raw["contrast_words"]),
        participle_adverbs=_norm_all(raw["participle_adverbs"]),
        name_prefixes=_norm_all(raw["name_prefixes"]),
        topic_openers=_norm_all(raw["topic_openers"]),
        not_reported=_norm_all(raw["not_reported"]),
        attribution_left=_norm_all(raw["attribution_left"]),
        left_prepositions=_norm_all(raw["left_prepositions"]),
        discourse_words=_norm_all(raw["discourse_words"]),
        time_heads=_norm_all(raw["time_heads"]),
        plural_relatives=_norm_all(raw["plural_relatives"]),
    )


def strip_proclitic(word: str, allowed: frozenset[str]) -> str | None:
    """``word`` (matching form) with one of the proclitics و ف ب ل removed so that
    the rest is in ``allowed``; the word itself if it is; None otherwise."""
    if word in allowed:
        return word
    for clitic in _PROCLITICS[1:]:
        if word.startswith(clitic) and word[len(clitic) :] in allowed:
            return word[len(clitic) :]
        # ل swallows the alef of the article: للوزارة = ل + الوزارة.
        if clitic.endswith("ل") and word.startswith(clitic + "ل") and "ال" + word[len(clitic) + 1 :] in allowed:
            return "ال" + word[len(clitic) + 1 :]
    return None
