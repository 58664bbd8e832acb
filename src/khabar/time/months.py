"""Month and weekday lexicons: CLDR names from babel plus what CLDR lacks.

Arab newsrooms name the Gregorian months in four conventions: MSA/Egyptian
("يناير"), Levantine/Iraqi ("كانون الثاني"), Algerian/Tunisian ("جانفي") and
Moroccan ("يناير … يوليوز، غشت، شتنبر"). CLDR (via babel) has all four under
ar, ar_SY/ar_LB/ar_JO/ar_IQ, ar_DZ/ar_TN and ar_MA, so those come from there;
``data/time/months.tsv`` adds spelling variants, Egyptian "يونيه/يوليه" and the
Hijri months, which babel does not expose. Every form is stored in the matching
form of :func:`khabar.text.normalize.lexicon_key`, the form the time
recognizers match on.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from khabar.text.normalize import lexicon_key

# Locales whose CLDR month names differ from plain "ar"; see the module docstring.
_CLDR_LOCALES = ("ar", "ar_SY", "ar_LB", "ar_JO", "ar_IQ", "ar_PS", "ar_DZ", "ar_TN", "ar_MA", "ar_MR")


def _data_lines(name: str) -> list[str]:
    text = resources.files("khabar.data").joinpath(f"time/{name}").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def gregorian_months() -> dict[str, int]:
    """Every known Gregorian month form → month number (1-12)."""
    from babel.dates import get_month_names

    out: dict[str, int] = {}
    for locale in _CLDR_LOCALES:
        for context in ("format", "stand-alone"):
            names = get_month_names("wide", context, locale=locale)
            for number in range(1, 13):
                out[lexicon_key(names[number])] = number
    for form, calendar, number in _additions():
        if calendar == "gregorian":
            out[form] = number
    return out


@cache
def hijri_months() -> dict[str, int]:
    """Every known Hijri month form → month number (1-12)."""
    return {form: number for form, calendar, number in _additions() if calendar == "hijri"}


@cache
def _additions() -> tuple[tuple[str, str, int], ...]:
    rows = []
    for line in _data_lines("months.tsv"):
        form, calendar, number = line.split("\t")
        rows.append((lexicon_key(form), calendar, int(number)))
    return tuple(rows)


@cache
def ambiguous_months() -> frozenset[str]:
    """Month forms that are also ordinary words or names ("ماي", "مارس", "رمضان")."""
    return frozenset(lexicon_key(line) for line in _data_lines("ambiguous_months.txt"))


@cache
def weekdays() -> dict[str, int]:
    """Weekday name → ISO weekday (Monday = 1), from CLDR, in matching form."""
    from babel.dates import get_day_names

    names = get_day_names("wide", locale="ar")
    # babel numbers Monday 0 … Sunday 6.
    return {lexicon_key(names[i]): i + 1 for i in range(7)}


@cache
def zones() -> dict[str, str]:
    """Zone phrase after "بتوقيت" → ISO offset ("غرينتش" → "Z", "مكة" → "+03:00")."""
    out = {}
    for line in _data_lines("zones.tsv"):
        form, offset = line.split("\t")
        out[lexicon_key(form)] = offset
    return out
