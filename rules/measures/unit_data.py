"""Units of measure that news copy converts, with their exact factors.

Every factor is the exact definition, as tabulated in NIST Special Publication 811
(2008 edition, Appendix B.8 and B.9: "Factors for units listed alphabetically / by kind
of quantity"), which rests on the 1959 international yard and pound agreement
(1 yd = 0.9144 m, 1 lb = 0.45359237 kg), the US gallon of 231 cubic inches, the
international nautical mile of 1,852 m and the UK Weights and Measures Act 1985
(imperial gallon = 4.54609 L). Factors convert one unit to the SI base unit of its
dimension (m, m², kg, m³, m/s); temperature is handled apart (an offset scale).

A unit may have several factors where news copy uses one word for several units: "gallon"
is a US gallon in American copy and an imperial one in British copy; "ton" is a short
ton (2,000 lb) in the US and a long ton (2,240 lb) in Britain. A conversion is accepted
when it fits any of them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from newslint import patterns

INCH = 0.0254
FOOT = 0.3048
YARD = 0.9144
MILE = 1609.344
NAUTICAL_MILE = 1852.0
POUND = 0.45359237
US_GALLON = 3.785411784e-3
IMPERIAL_GALLON = 4.54609e-3


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit: a key, its dimension, its SI factors (first = the usual one), its system."""

    key: str
    dim: str  # length, area, mass, volume, speed, temperature
    factors: tuple[float, ...]
    system: str  # "imperial" (US customary too), "metric", or "" (either)
    label: str  # how to name it in a message ("kilometers")


# key -> (dimension, factors, system, label, {form: [aliases]})
# Aliases are lower case; a space stands for a space or a hyphen ("square-foot").
# Forms name the ways of writing a unit, for the consistency rule: "abbr", "us", "uk", "full".
_TABLE: dict[str, tuple[str, tuple[float, ...], str, str, dict[str, list[str]]]] = {
    # length
    "in": ("length", (INCH,), "imperial", "inches", {"full": ["inch", "inches"], "abbr": ["in", "in."]}),
    "ft": ("length", (FOOT,), "imperial", "feet", {"full": ["foot", "feet"], "abbr": ["ft", "ft."]}),
    "yd": ("length", (YARD,), "imperial", "yards", {"full": ["yard", "yards"], "abbr": ["yd", "yds", "yd."]}),
    "mi": ("length", (MILE,), "imperial", "miles", {"full": ["mile", "miles", "statute mile", "statute miles"],
                                                     "abbr": ["mi", "mi."]}),
    "nmi": ("length", (NAUTICAL_MILE,), "", "nautical miles",
            {"full": ["nautical mile", "nautical miles"], "abbr": ["nmi", "nm"]}),
    "mm": ("length", (1e-3,), "metric", "millimeters",
           {"us": ["millimeter", "millimeters"], "uk": ["millimetre", "millimetres"], "abbr": ["mm"]}),
    "cm": ("length", (1e-2,), "metric", "centimeters",
           {"us": ["centimeter", "centimeters"], "uk": ["centimetre", "centimetres"], "abbr": ["cm", "cms"]}),
    "m": ("length", (1.0,), "metric", "meters", {"us": ["meter", "meters"], "uk": ["metre", "metres"], "abbr": ["m"]}),
    "km": ("length", (1e3,), "metric", "kilometers",
           {"us": ["kilometer", "kilometers"], "uk": ["kilometre", "kilometres"], "abbr": ["km", "kms", "klm"]}),
    # area
    "sqin": ("area", (INCH**2,), "imperial", "square inches", {"full": ["square inch", "square inches"],
                                                                "abbr": ["sq in", "sq. in.", "in2", "in²"]}),
    "sqft": ("area", (FOOT**2,), "imperial", "square feet", {"full": ["square foot", "square feet"],
                                                              "abbr": ["sq ft", "sq. ft.", "sq ft.", "sq feet", "sqft",
                                                                       "ft2", "ft²"]}),
    "sqyd": ("area", (YARD**2,), "imperial", "square yards", {"full": ["square yard", "square yards"],
                                                               "abbr": ["sq yd", "sq yds", "yd2", "yd²"]}),
    "sqmi": ("area", (MILE**2,), "imperial", "square miles", {"full": ["square mile", "square miles"],
                                                               "abbr": ["sq mi", "sq. mi.", "sq miles", "mi2", "mi²"]}),
    "sqm": ("area", (1.0,), "metric", "square meters", {"us": ["square meter", "square meters"],
                                                         "uk": ["square metre", "square metres"],
                                                         "abbr": ["sq m", "sqm", "m2", "m²"]}),
    "sqkm": ("area", (1e6,), "metric", "square kilometers",
             {"us": ["square kilometer", "square kilometers"], "uk": ["square kilometre", "square kilometres"],
              "abbr": ["sq km", "sq. km", "sqkm", "km2", "km²"]}),
    "acre": ("area", (4046.8564224,), "imperial", "acres", {"full": ["acre", "acres"]}),
    "ha": ("area", (1e4,), "metric", "hectares", {"full": ["hectare", "hectares"], "abbr": ["ha"]}),
    # mass
    "oz": ("mass", (POUND / 16,), "imperial", "ounces", {"full": ["ounce", "ounces"], "abbr": ["oz", "oz."]}),
    "lb": ("mass", (POUND,), "imperial", "pounds", {"full": ["pound", "pounds"], "abbr": ["lb", "lbs", "lb.", "lbs."]}),
    "stone": ("mass", (14 * POUND,), "imperial", "stone", {"full": ["stone"]}),
    "ton": ("mass", (2000 * POUND, 2240 * POUND), "imperial", "tons", {"full": ["ton", "tons"]}),
    "shortton": ("mass", (2000 * POUND,), "imperial", "short tons", {"full": ["short ton", "short tons"]}),
    "longton": ("mass", (2240 * POUND,), "imperial", "long tons", {"full": ["long ton", "long tons"]}),
    "g": ("mass", (1e-3,), "metric", "grams", {"us": ["gram", "grams"], "uk": ["gramme", "grammes"], "abbr": ["g"]}),
    "kg": ("mass", (1.0,), "metric", "kilograms",
           {"us": ["kilogram", "kilograms"], "uk": ["kilogramme", "kilogrammes"],
            "abbr": ["kg", "kgs", "kilo", "kilos"]}),
    "t": ("mass", (1e3,), "metric", "metric tons",
          {"us": ["metric ton", "metric tons"], "uk": ["tonne", "tonnes", "metric tonne", "metric tonnes"]}),
    # volume
    "floz": ("volume", (29.5735295625e-6, 28.4130625e-6), "imperial", "fluid ounces",
             {"full": ["fluid ounce", "fluid ounces"], "abbr": ["fl oz", "fl. oz."]}),
    "pint": ("volume", (473.176473e-6, 568.26125e-6), "imperial", "pints", {"full": ["pint", "pints"]}),
    "quart": ("volume", (946.352946e-6, 1136.5225e-6), "imperial", "quarts", {"full": ["quart", "quarts"]}),
    "gal": ("volume", (US_GALLON, IMPERIAL_GALLON), "imperial", "gallons",
            {"full": ["gallon", "gallons"], "abbr": ["gal", "gals"]}),
    "bbl": ("volume", (42 * US_GALLON,), "imperial", "barrels", {"full": ["barrel", "barrels"], "abbr": ["bbl"]}),
    "cuft": ("volume", (FOOT**3,), "imperial", "cubic feet", {"full": ["cubic foot", "cubic feet"],
                                                               "abbr": ["cu ft", "ft3", "ft³"]}),
    "cuyd": ("volume", (YARD**3,), "imperial", "cubic yards", {"full": ["cubic yard", "cubic yards"],
                                                                "abbr": ["cu yd", "yd3", "yd³"]}),
    "ml": ("volume", (1e-6,), "metric", "milliliters", {"us": ["milliliter", "milliliters"],
                                                         "uk": ["millilitre", "millilitres"], "abbr": ["ml"]}),
    "l": ("volume", (1e-3,), "metric", "liters", {"us": ["liter", "liters"], "uk": ["litre", "litres"], "abbr": ["l"]}),
    "m3": ("volume", (1.0,), "metric", "cubic meters", {"us": ["cubic meter", "cubic meters"],
                                                         "uk": ["cubic metre", "cubic metres"],
                                                         "abbr": ["cu m", "m3", "m³"]}),
    # speed
    "mph": ("speed", (MILE / 3600,), "imperial", "mph",
            {"abbr": ["mph", "m.p.h."], "full": ["miles per hour", "miles an hour", "mile per hour"]}),
    "kmh": ("speed", (1000 / 3600,), "metric", "km/h",
            {"abbr": ["km/h", "kph", "kmh", "km/hr", "kmph", "km per hour", "km an hour"],
             "us": ["kilometers per hour", "kilometers an hour", "kilometer per hour"],
             "uk": ["kilometres per hour", "kilometres an hour", "kilometre per hour"]}),
    "knot": ("speed", (NAUTICAL_MILE / 3600,), "", "knots", {"full": ["knot", "knots"], "abbr": ["kt", "kts", "kn"]}),
    "mps": ("speed", (1.0,), "metric", "meters per second",
            {"abbr": ["m/s"], "us": ["meters per second", "meters a second"],
             "uk": ["metres per second", "metres a second"]}),
    "fps": ("speed", (FOOT,), "imperial", "feet per second", {"full": ["feet per second", "feet a second"],
                                                               "abbr": ["ft/s"]}),
    # temperature: factors unused; see units.temperature_values
    "degF": ("temperature", (1.0,), "imperial", "degrees Fahrenheit",
             {"full": ["degrees fahrenheit", "degree fahrenheit", "fahrenheit", "degrees f", "deg f"],
              "abbr": ["°f", "° f", "ºf", "º f", "f"]}),
    "degC": ("temperature", (1.0,), "metric", "degrees Celsius",
             {"full": ["degrees celsius", "degree celsius", "celsius", "degrees centigrade", "degree centigrade",
                       "centigrade", "degrees c", "deg c"],
              "abbr": ["°c", "° c", "ºc", "º c", "c"]}),
    "deg": ("temperature", (1.0,), "", "degrees", {"full": ["degrees", "degree"], "abbr": ["°", "º"]}),
}

UNITS: dict[str, Unit] = {k: Unit(k, d, f, s, lab) for k, (d, f, s, lab, _forms) in _TABLE.items()}
# Normalized alias -> (unit key, form).
ALIASES: dict[str, tuple[str, str]] = {}
for _key, (_d, _f, _s, _lab, _forms) in _TABLE.items():
    for _form, _names in _forms.items():
        for _name in _names:
            ALIASES[_name] = (_key, _form)

# Bare letters that are units only in a narrow setting (checked by the parser).
CASE_SENSITIVE = {"c": "C", "f": "F"}


def _alias_pattern(name: str) -> str:
    parts = [regex.escape(p) for p in name.split(" ")]
    return r"[ \u00a0-]?".join(parts) if name.startswith(("°", "º")) else r"[ \u00a0-]+".join(parts)


def _trie_pattern(names: list[str], sep: str) -> str:
    """One alternation for many names, with common prefixes factored out.

    A flat alternation of ~300 unit names, embedded several times in the measure
    patterns, made compiling them cost about half a second on the first story with a
    measure; the factored form is equivalent (greedy children before the end of a name,
    so the longest name that fits still wins) and compiles several times faster.
    """
    trie: dict[str, dict] = {}
    for name in names:
        node = trie
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        end = "" in node
        alts = []
        for ch in sorted(k for k in node if k):
            head = sep if ch == " " else regex.escape(ch)
            alts.append(head + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return emit(trie)


_names = sorted(ALIASES, key=len, reverse=True)
_plain = [n for n in _names if n not in ("in", "in.", "l") and n not in CASE_SENSITIVE and not n.startswith(("°", "º"))]
_degree = [n for n in _names if n.startswith(("°", "º"))]
# The unit alternation; "in" needs a closing context so "5 in the" is no unit.
UNIT = "(?:" + "|".join([
    _trie_pattern(_plain, r"[ \u00a0-]+"),
    _trie_pattern(_degree, r"[ \u00a0-]?"),
    r"in\.?(?=\s*(?:[(),;]|$|by\b|x\b))",
    r"(?-i:[CF])",
    r"(?-i:[lL])",
]) + r")(?![\p{L}\d²³])"


_GAPS = patterns.compile(r"[\s\u00a0-]+")


def normalize_alias(text: str) -> str:
    """The :data:`ALIASES` key for a unit as written."""
    t = _GAPS.sub(" ", text.strip()).lower()
    if t.startswith(("° ", "º ")):
        t = t[0] + t[2:]
    return t


@functools.lru_cache(maxsize=4096)
def lookup(text: str) -> tuple[Unit, str] | None:
    """The unit and form for a unit as written, or None (remembered: a story repeats its units)."""
    hit = ALIASES.get(normalize_alias(text))
    if hit is None:
        return None
    return UNITS[hit[0]], hit[1]
