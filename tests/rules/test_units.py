"""UNT001 unit-conversion, UNT002 unit-style."""

from __future__ import annotations

import json

import pytest

from newslint.config import Config


def codes(diags, code):
    return [d for d in diags if d.code == code]


# -- UNT001 unit-conversion: correct conversions, news rounding included --------------------
GOOD = [
    # the seed article: 4 mi = 6.44 km, and "6 1/2" is the writer's precision
    "The military facility is located about 4 miles (6 1/2 kilometers) southwest of the center of Dnipro.",
    "The fire has burned 15,000 acres (6,000 hectares) of forest since Monday.",
    "The plant uses 2 million gallons (7.6 million liters) of water a day.",
    "The convoy stopped about 3 miles (4.8 km) from the border.",
    "The missile struck a depot 400 feet (122 meters) south of the city.",
    "Police said they seized 20 pounds (9.1 kilograms) of cocaine.",
    "Rescuers searched an area of 2,500 acres (1,012 hectares) overnight.",
    "The queue of trucks stretched for 5 kilometers (3.1 miles).",
    "The tanker leaked about 150 liters (40 gallons) of fuel into the river.",
    "The shipment weighed roughly 35 metric tons (39 tons), according to the ministry.",
    "Rescuers searched an area of 60 square kilometers (23 square miles) overnight.",
    # words, fractions, ranges, hyphenated adjectives, compound heights
    "The river rose two miles (three kilometers) upstream.",
    "It was a 2-mile (3-kilometer) stretch of road.",
    "He walked 6½ miles (10.5 km) to the clinic.",
    "The path runs 1 1/2 miles (2.4 km) along the shore.",
    "Queues stretched 3 to 4 miles (5 to 6 kilometers) at the crossing.",
    "Queues stretched 3-4 miles (5-6 km) at the crossing.",
    "The missiles can travel from 3,000 to 5,500 kilometers (1,864 to 3,417 miles).",
    "The guard, who is 6 feet, 2 inches (1.88 meters) tall, said nothing.",
    "The 6-foot-2 (1.88-meter) center signed on Friday.",
    "He stands 6ft 2in (1.88m) and weighs 14 stone (89kg).",
    "The baby weighed 7 pounds, 8 ounces (3.4 kilograms).",
    "It was half a mile (800 meters) from the coast.",
    "A quarter-mile (400-meter) track circles the field.",
    "The screen is 12cm by 7.4cm (4.7in by 2.9in).",
    # British forms and abbreviations
    "The town is about 100 kilometres (60 miles) from the capital.",
    "The singer jumped 30ft (10m) from the balcony.",
    "The lifts reach about 38mph (61km/h).",
    "The tanker spilled 10,000 litres (2,200 gallons) of diesel.",
    "The 5m gallons (22.7m litres) of water were lost.",
    "The island lies 296 kilometres (184 miles, 160 nautical miles) south of Sicily.",
    "The crabs grow to about 2 centimetres (less than an inch).",
    "Aid agencies delivered 20 tonnes (22 tons) of flour.",
    # speed and temperature
    "The storm packed winds of 120 mph (195 km/h).",
    "The ship sailed at 12 knots (22 kph).",
    "Temperatures hit 40C (104F) in the capital.",
    "It was minus 10 degrees Fahrenheit (minus 23 degrees Celsius) at dawn.",
    "Temperatures reached 110 degrees centigrade (230 degrees Fahrenheit) in the oven.",
    "Countries pledged to keep warming under 2 degrees Celsius (3.6 degrees Fahrenheit).",
    "It reached 95 degrees (35 Celsius) on Sunday.",
    # not conversions at all
    "GM said its losses stood at $257 million (239 million euros) for the year.",
    "The club paid £5m (€6m) for the striker.",
    "He ran the 100m (his first race since the injury) in 10.2 seconds.",
    "The route is 10 km (4 km of it uphill).",
    "She won 6-4 7-6 (7-4) in the final.",
]


@pytest.mark.parametrize("text", GOOD)
def test_unt001_accepts_correct_conversions(lint, text):
    assert [d.message for d in codes(lint(text, select=["UNT001"]), "UNT001")] == []


# (text, the right value the message must give)
BAD = [
    ("The convoy stopped about 3 miles (1.9 km) from the border.", "4.8"),  # the wrong way round
    ("The convoy stopped about 3 miles (3 km) from the border.", "4.8"),  # not converted
    ("The convoy stopped about 3 miles (9.7 km) from the border.", "4.8"),  # doubled
    ("The missile struck a depot 400 feet (1,312 meters) south of the city.", "122"),
    ("Police said they seized 20 pounds (44 kilograms) of cocaine.", "9.1"),
    ("The trail is 5 kilometers (8 miles) long.", "3.1"),
    ("The fire has burned 15,000 acres (37,000 hectares) of forest.", "6,100"),
    ("The plant uses 2 million gallons (2 million liters) of water.", "7.6 million"),
    ("The river rose two miles (six kilometers) upstream.", "3.2"),
    ("It was a 2-mile (1-kilometer) stretch of road.", "3.2"),
    ("Queues stretched 3 to 4 miles (3 to 4 kilometers) at the crossing.", "4.8 to 6.4"),
    ("The guard, who is 6 feet, 2 inches (2.5 meters) tall, said nothing.", "1.9"),
    ("Rescuers searched 35 square miles (13.5 square kilometers).", "91"),
    ("The ship sailed at 50 knots (50 km/h).", "93"),
    ("The shipment weighed 20 tons (20 metric tons).", "18"),
    ("Temperatures hit 40 degrees Celsius (72 degrees Fahrenheit).", "104"),
    ("It hit 100F (212C) in Phoenix.", "38"),
    ("The Everest summit is 8,849 meters (2,697 feet) high.", "29,032"),
    ("The 500-pound (500-kilogram) bomb did not explode.", "230"),
    ("It leaked 10,000 litres (10,000 gallons) of diesel.", "2,600"),
    ("The island lies 296 kilometres (184 miles, 296 nautical miles) south of Sicily.", "160"),
]


@pytest.mark.parametrize(("text", "right"), BAD)
def test_unt001_flags_wrong_conversions(lint, text, right):
    found = codes(lint(text, select=["UNT001"]), "UNT001")
    assert len(found) == 1, text
    assert f"is about {right} " in found[0].message


def test_unt001_message_span_and_fix(lint):
    text = "The convoy stopped about 3 miles (1.9 kilometers) from the border."
    (d,) = lint(text, select=["UNT001"])
    assert (d.code, d.name, d.severity.value) == ("UNT001", "unit-conversion", "error")
    assert d.message == "3 miles is about 4.8 kilometers, not 1.9 (converted the wrong way round)"
    # from "3 miles" to the closing parenthesis
    assert (d.location.column, d.end_location.column) == (text.index("3 miles") + 1, text.index(")") + 2)
    assert d.fix.applicability.value == "unsafe"
    assert d.fix.title == 'Change "1.9" to "4.8"'
    (edit,) = d.fix.edits
    assert (edit.location.column, edit.content) == (text.index("1.9") + 1, "4.8")


def test_unt001_explains_the_mistake(lint):
    def message(text):
        return lint(text, select=["UNT001"])[0].message

    assert message("about 3 miles (3 km) away").endswith("(the number was not converted)")
    assert message("about 3 miles (9.7 km) away").endswith("(2.0 times too large)")
    assert message("It was 35 degrees Celsius (63 degrees Fahrenheit).").endswith("(the 32-degree offset is missing)")


def test_unt001_keeps_the_writers_scale_in_the_fix(lint):
    (d,) = lint("The plant uses 2m gallons (17.6m litres) of water.", select=["UNT001"])
    assert d.fix.edits[0].content == "7.6m"


def test_unt001_temperature_change_is_not_a_temperature(lint):
    assert lint("The average rose by 3C (5.4F) in a century.", select=["UNT001"]) == []
    assert len(lint("The average rose by 3C (37F) in a century.", select=["UNT001"])) == 1


def test_unt001_unsafe_fix_applies_with_the_cli(newslint, story):
    path = story("The depot lies 400 feet (1,312 meters) from the river.\n")
    proc = newslint("check", "--fix", "--unsafe-fixes", "--select", "UNT001", path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert path.read_text(encoding="utf-8") == "The depot lies 400 feet (122 meters) from the river.\n"


def test_unt001_json_output(newslint, story):
    path = story(
        "Officials said the queue of trucks stretched for 12 miles (7.5 kilometers).\n\n"
        "The fire has burned 15,000 acres (6,000 hectares) of forest.\n"
    )
    proc = newslint("check", "--output-format", "json", "--select", "UNT001", path)
    assert proc.returncode == 1
    (item,) = json.loads(proc.stdout)
    assert (item["code"], item["name"], item["location"]["row"], item["location"]["column"]) == (
        "UNT001", "unit-conversion", 1, 50)
    assert item["fix"]["edits"][0]["content"] == "19"


# -- UNT002 unit-style -----------------------------------------------------------------------
def test_unt002_fraction_with_a_metric_unit(lint):
    text = "The facility is about 4 miles (6 1/2 kilometers) southwest of the center."
    (d,) = lint(text, select=["UNT002"])
    assert (d.code, d.name, d.severity.value) == ("UNT002", "unit-style", "info")
    assert "Fraction with a metric unit" in d.message
    assert d.fix.edits[0].content == "6.5" and d.fix.applicability.value == "safe"
    assert lint("The facility is about 4 miles (6.5 kilometers) away.", select=["UNT002"]) == []
    assert lint("He walked 6 1/2 miles to the clinic.", select=["UNT002"]) == []  # imperial fractions are fine


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # the minority spelling of the same unit
        ("The road runs 15 kilometers inland. A second road, 20 kilometres long, is shut. "
         "A third is 30 kilometers long.", "kilometres"),
        ("The road runs 15 km inland. A second road, 20 kilometers long, is shut. A third is 30 km long.",
         "kilometers"),
        ("The road runs 15km inland. A second road, 20km long, is shut. A third is 30 km long.", "30 km"),
        ("The wall is 4 metres high and 200 meters long, and the ditch 3 metres deep.", "meters"),
    ],
)
def test_unt002_flags_the_minority_form(lint, text, flagged):
    found = lint(text, select=["UNT002"])
    assert len(found) == 1
    d = found[0]
    start = d.location.column - 1
    assert text[start:d.end_location.column - 1] == flagged


@pytest.mark.parametrize(
    "text",
    [
        "The road runs 15 km inland. A second road, 20 km long, is shut.",
        "The road runs 15km inland and the track four kilometres.",  # a number in words takes the full unit
        "She won the 400m final and set a record over 200 metres.",  # event names are not measures
        "The reactor is 4 miles (6.4 km) away.",
        "A Kilo of Semtex will flatten a building.",
    ],
)
def test_unt002_consistent_copy_is_clean(lint, text):
    assert [d.message for d in lint(text, select=["UNT002"])] == []


def test_unt002_house_style_options(lint):
    text = "The road runs 15 km inland and another 20 km to the sea."
    cfg = Config(rule_options={"unit-style": {"spacing": "closed"}})
    found = lint(text, select=["UNT002"], config=cfg)
    assert len(found) == 2 and found[0].fix.edits[0].content == ""
    cfg = Config(rule_options={"unit-style": {"spelling": "uk"}})
    (d,) = lint("The wall is 4 meters high.", select=["UNT002"], config=cfg)
    assert d.fix.edits[0].content == "re"
    cfg = Config(rule_options={"unit-style": {"fractions": False}})
    assert lint("It is 6 1/2 kilometers away.", select=["UNT002"], config=cfg) == []


# -- the measure grammar is only tried where a measure can start (a speed prefilter) --------
PREFILTER_CASES = [
    "He is 6-foot-2 and weighs 200 pounds; his brother is 6 feet, 2 inches.",
    "The path runs twenty-five miles (40 km) and then 3 to four miles (5 to 6 km) more.",
    "Queues stretched 2 TO 3 KM, then 10 to 12 km, then 1,234.5 sq. ft. of yard.",
    "It was 40 °F at dawn and 5 ºC at noon; the box is 12 x 7 cm and 12 by 7 cm.",
    "A 5½-mile route, a .5 in gap, 7lb 8oz, 2m tonnes of grain and a 5 m wall.",
    "It fell 2 a.m. 15 March 2024 and 2024-03-15, not 3 million tonnes or 7.6 million liters.",
]


@pytest.mark.parametrize("text", PREFILTER_CASES)
def test_measures_prefilter_finds_what_the_grammar_finds(text):
    from newslint.rules.measures import unit_parse as up

    # the grammar tried at every position, as before the prefilter
    every = [up.build(m, text) for m in up._figure_measure().finditer(text)]
    assert list(up.measures(text)) == [m for m in every if m is not None]
    assert len(every) >= 2


@pytest.mark.parametrize(
    ("text", "right"),
    [
        ("The hikers walked twenty-five miles (40 km) on Sunday.", None),
        ("The hikers walked twenty-five miles (25 km) on Sunday.", "40"),
        ("The 6-foot-2 (1.88-meter) center signed on Friday.", None),
        ("The 6-foot-2 (1.5-meter) center signed on Friday.", "1.9"),
        ("Queues stretched 3 to four miles (5 to 6 kilometers).", None),
        ("Queues stretched 3 to four miles (3 to 4 kilometers).", "4.8"),
    ],
)
def test_unt001_words_and_compounds_before_the_parenthesis(lint, text, right):
    found = codes(lint(text, select=["UNT001"]), "UNT001")
    if right is None:
        assert [d.message for d in found] == []
    else:
        assert len(found) == 1 and f"is about {right}" in found[0].message


def test_unt002_range_in_words_before_the_unit_is_seen(lint):
    # "2 to 3 km" and "10 to 12 km" are spaced; "4km" is the minority
    (d,) = lint("The rivers run 2 to 3 km and 10 to 12 km; the canal runs 4km.", select=["UNT002"])
    assert d.message.startswith('No space between number and unit in "4km"')
