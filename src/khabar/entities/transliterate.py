"""A readable Latin form of Arabic names: "رؤوفين ريفلين" → "Rufin Riflin".

Arabic script leaves short vowels out, so no rule can recover "Reuven Rivlin"
exactly; the aim is a form an English reader can say and search for. Three
sources, in order:

1. ``data/entities/names_latin.tsv``: the usual spelling of common given
   names, particles and well-known surnames ("محمد" → "Mohammed",
   "بن" → "bin"), matched on one or two words;
2. letter rules with vowel heuristics (:func:`romanize_word`): ا → a; و and ي
   are vowels (u, i) between consonants and glides (w, y) next to a vowel; a
   word-initial cluster of two consonants gets an "a" ("سركيسيان" →
   "Sarkisian", Arabic does not start words on a cluster); the Slavic ending
   "وف" reads "ov" ("بايوف" → "Bayov"); the article is "al-";
3. for places and organizations, exonyms only: CLDR English country names,
   GeoNames city names and the known-organization table (see :func:`latin_of`).
"""

from __future__ import annotations

from functools import cache

from khabar.entities import places
from khabar.text.normalize import normalize

_CONSONANTS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
    "ع": "", "ء": "", "گ": "g", "ڤ": "v", "پ": "p", "چ": "ch", "ژ": "zh",
}  # fmt: skip
_SHADDA = "\u0651"


@cache
def _table() -> dict[str, str]:
    return {places.key(r["arabic"]): r["latin"] for r in places.data_rows("names_latin.tsv")}


def is_listed_name(word: str) -> bool:
    """Is the word a name part with a listed Latin spelling ("وائل", "فيصل")?"""
    return places.key(word) in _table()


def _letters(word: str) -> str:
    """Keep letters and shadda; fold hamza seats the way the rules expect."""
    kept = "".join(ch for ch in word if ch == _SHADDA or not ("\u064b" <= ch <= "\u065f" or ch == "\u0640"))
    return kept.replace("ؤو", "و").replace("ؤ", "و").replace("ئ", "ي").replace("آ", "ا")


def _is_consonant(seg: str) -> bool:
    return bool(seg) and seg[-1] not in "aiuoe" and seg.isalpha()


def romanize_word(word: str) -> str:
    """Letter-rule romanization of one word, capitalized ("ريفلين" → "Riflin")."""
    w = _letters(word)
    article = ""
    if w.startswith("ال") and len(w) > 3:
        article, w = "al-", w[2:]
    ending = ""
    if w.endswith("وف") and len(w) > 3:
        w, ending = w[:-2], "ov"
    elif w.endswith("يف") and len(w) > 3 and w[-3] not in "اوي":
        w, ending = w[:-2], "ev"
    out: list[str] = []
    prev_vowel = False
    consonants_run = 0
    for i, ch in enumerate(w):
        nxt = w[i + 1] if i + 1 < len(w) else ""
        next_is_vowel = nxt in "اوىيأإة" or nxt == ""
        if ch == _SHADDA:
            if out and out[-1] and out[-1][-1].isalpha() and not prev_vowel:
                out.append(out[-1][-1])
            continue
        if ch in "اأإى":
            seg = "a" if ch != "إ" else "i"
            if prev_vowel and out and out[-1] == seg:
                continue
            out.append(seg)
            prev_vowel, consonants_run = True, 0
            continue
        if ch == "ة":
            out.append("a")
            prev_vowel = True
            continue
        if ch in "وي":
            glide = "w" if ch == "و" else "y"
            vowel = "u" if ch == "و" else "i"
            if i == 0 or prev_vowel or (next_is_vowel and nxt != ""):
                out.append(glide)
                prev_vowel, consonants_run = False, 1
            else:
                out.append(vowel)
                prev_vowel, consonants_run = True, 0
            continue
        seg = _CONSONANTS.get(ch, "")
        if ch == "ع" and not prev_vowel and not next_is_vowel:
            # An ʿayn between consonants carries a vowel the reader hears: "عسيري" → "Asiri".
            out.append("a")
            prev_vowel, consonants_run = True, 0
            continue
        if ch == "ت" and nxt == "ش":
            seg = "ch"
        if ch == "ش" and out and out[-1] == "ch":
            continue
        if not seg:
            prev_vowel = False
            continue
        consonants_run += 1
        if consonants_run == 2 and len(out) == 1 and not prev_vowel:
            out.append("a")
        out.append(seg)
        prev_vowel = False
    if not ending and len(out) >= 4 and _is_consonant(out[-1]) and _is_consonant(out[-2]):
        out.insert(len(out) - 1, "i")  # "مارتن" → "Martin", not "Martn"
    body = "".join(out) + ending
    body = body[:1].upper() + body[1:]
    return (article + body) if article else body


def romanize(name: str) -> str:
    """Latin form of a person name, word by word, known names first.

    ``romanize("أيلتشين أمير بايوف") == "Aylchin Amir Bayov"``.
    """
    words = name.split()
    table = _table()
    out: list[str] = []
    i = 0
    while i < len(words):
        two = places.key(" ".join(words[i : i + 2])) if i + 1 < len(words) else None
        if two and two in table:
            out.append(table[two])
            i += 2
            continue
        one = places.key(words[i])
        if one in table:
            out.append(table[one])
        elif normalize(words[i]).startswith("ال") and places.key(words[i][2:]) in table:
            out.append("al-" + table[places.key(words[i][2:])])
        else:
            out.append(romanize_word(words[i]))
        i += 1
    if out:
        out[0] = out[0][:1].upper() + out[0][1:]
    return " ".join(out)


def latin_of(text: str, entity_type: str) -> str | None:
    """Latin form for an entity's canonical name, by type.

    Places: the exonym if known (CLDR, hand list, GeoNames), else None: letter
    rules cannot restore the vowels of a foreign place ("كاليفورنيا" would read
    "Kalifurnya", "مينيسوتا" "Minisuta"), and a wrong name misleads a search
    more than no name. Organizations: the known English name, else None (a
    word-by-word romanization of "وزارة الخارجية" helps no reader). Persons:
    :func:`romanize`, a readable guess.
    """
    if entity_type == "LOC":
        return places.exonym(text)
    if entity_type == "ORG":
        org = places.org_named(text)
        return org.name_en if org else None
    if entity_type == "PERSON":
        return romanize(text)
    return None
