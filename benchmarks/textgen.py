"""Synthetic news copy for the benchmarks: deterministic, varied, and written for this project.

Stories are assembled from sentence templates whose slots (names, towns, numbers, dates,
units) are filled from a seeded random generator, so a 20 MB file is not one paragraph
repeated a hundred thousand times. A small share of sentences carries the kind of slip a
linter should report (a doubled word, doubled punctuation, a common misspelling), so the
tools have something to say, but not so much that report writing dominates.
"""

from __future__ import annotations

import random

FIRST = ("Ruth", "Dana", "Marcus", "Priya", "Tomasz", "Aisha", "Hector", "Mei", "Owen", "Grace",
         "Samuel", "Lena", "Jorge", "Fatima", "Callum", "Ingrid", "Kwame", "Rosa", "Elliot", "Nadia")
LAST = ("Ellison", "Whitcomb", "Okafor", "Lindqvist", "Moreno", "Castellano", "Brennan", "Haddad",
        "Kowalski", "Nakamura", "Fairweather", "Osei", "Delacroix", "McAllister", "Varga", "Quinlan")
TOWNS = ("Portland", "Fairhaven", "Millbrook", "Eastwick", "Caldera Springs", "New Hartley",
         "Riverton", "Ashford", "Glenmoor", "Port Selwyn", "Brackley", "Stonebridge")
BODIES = ("city council", "school board", "port authority", "county commission", "transit agency",
          "water district", "health department", "planning committee", "library trust")
THINGS = ("bridge", "library", "ferry terminal", "bus depot", "community center", "water plant",
          "high school", "fire station", "housing project", "sports hall", "clinic")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
ROLES = ("mayor", "fire chief", "council member", "spokeswoman", "spokesman", "director",
         "police captain", "head teacher", "union leader", "treasurer")
UNITS = (("miles", "kilometers", 1.609), ("feet", "meters", 0.3048), ("pounds", "kilograms", 0.4536),
         ("gallons", "liters", 3.785))

TEMPLATES = (
    "The {body} voted {a}-{b} on {day} to approve a ${m} million plan for the {thing}.",
    "{First} {Last}, the {role}, said the decision came after months of debate.",
    '“We listened to every resident who wrote to us,” {Last} said. “This is the result.”',
    "Work on the {thing} is expected to begin in {month} and finish by {month2} {year}.",
    "About {n} people attended the meeting at the {thing} in {town} on {day} evening.",
    "Officials said the cost had risen by {p} percent since the project was first proposed.",
    "The {thing} sits about {u1} {unit1} ({u2} {unit2}) from the center of {town}.",
    "Residents of {town} have complained about delays for more than {k} years.",
    "{First} {Last}, who has lived in {town} since {year0}, said she supported the plan.",
    "“It is not perfect, but it is a start,” said {First} {Last}, a local shop owner.",
    "The {body} will hold a public hearing on {day}, {month} {d}, at {h} p.m.",
    "A report published in {month} found that {p} percent of the {thing}'s budget went to repairs.",
    "Police said {n} drivers were stopped near {town} and {k} were fined.",
    "The {role} did not respond to a request for comment on {day}.",
    "Crews worked through the night to clear the road, and it reopened shortly after {h} a.m.",
    "The state will pay ${m} million of the cost, with the rest coming from local taxes.",
    "Opponents say the money would be better spent on schools and roads in {town}.",
    "In a statement, the {body} said it expected the {thing} to serve {n} people a day.",
    "The vote was the {ord} time in {k} years that the {body} had rejected a budget.",
    "Forecasters expect temperatures to fall to {t} degrees by {day} night.",
    "The {thing} was built in {year0} and last renovated in {year1}.",
    "{First} {Last} told reporters the agency would publish its findings by {month}.",
    "Ticket prices will rise by {c} cents in {month}, the {body} said.",
    "Volunteers collected {n} pounds of litter from the beach at {town} over the weekend.",
    "The company, based in {town}, employs {n} people and plans to hire {k} more.",
    "Investigators have not said what caused the fire, but there was no sign of arson so far.",
    "Several families were moved to a shelter at the {thing} while the water was tested.",
    "“Nobody expected it to take this long,” {Last} said on {day}.",
    "A spokesman for the {body} said the schedule had not changed.",
    "The plan still needs approval from the state, which could take until {month} {year}.",
)
SLIPS = (
    lambda s: s.replace(" the ", " the the ", 1),
    lambda s: s[:-1] + ".." if s.endswith(".") else s,
    lambda s: s.replace(" said", " siad", 1),
    lambda s: s.replace(" received", " recieved", 1).replace(" which", " wich", 1),
    lambda s: s.replace(",", ",,", 1),
    lambda s: s.replace(" government", " goverment", 1).replace(" would", " woudl", 1),
)

SMALL_STORY = """\
Council Approves New Harbor Ferry After Long Debate

FAIRHAVEN, Maine — The city council voted 6-3 on Tuesday to buy a second harbor ferry, ending
a debate that stretched over three meetings and more than nine hours of public comment.

The new vessel will cost $4.2 million, about 30 percent more than the estimate the council
was given in March. The state will cover half of that, and the rest will come from a bond
that voters approved two years ago.

“We heard from fishermen, from parents, from people who commute to the mainland every day,”
said council member Ruth Ellison, who proposed the purchase. “Almost all of them told us the
same thing: one boat is not enough.”

The current ferry, built in 1988, carries about 400 passengers a day in summer. It was out of
service for 19 days last winter while crews replaced a cracked drive shaft, and islanders had
to rely on a water taxi that holds only 12 people.

Opponents on the council said the city should repair the old boat and spend the difference on
roads and the the harbor breakwater, which was damaged in a storm in January. “We are buying a
second boat before we have fixed the dock it needs to tie up at,” said council member Tomasz
Varga, who voted against the plan..

The harbor master, Dana Whitcomb, said the dock work is scheduled for next spring and would
be finished before the new ferry arrives. The builder, a shipyard in Nova Scotia, has said it
can deliver the vessel in about 18 months.

The crossing is 2.5 miles (4 kilometers) long and takes about 20 minutes in calm weather.
Whitcomb said a second boat would allow departures every 30 minutes at peak times instead of
once an hour, and would keep service running when one vessel is in the yard for repairs.

Fares will not change this year, city officials said. The council plans to review the ticket
prices in the autumn, once the cost of insurance and crew for the second boat is known.

Residents who spoke at Tuesday's meeting were divided. Grace Osei, who runs a bakery on the
island, said deliveries had been late all winter. “Every day the boat does not run, I throw
bread away,” she said. Others worried about the bond and asked whether property taxes would
rise to cover the running costs.

The council will hold a public hearing on the ferry's schedule on Thursday, Nov. 14, at
7 p.m. in the community center. The meeting will also be streamed on the city's website.
"""


def _fill(rng: random.Random, template: str) -> str:
    a = rng.randint(4, 9)
    u1 = rng.randint(2, 60)
    unit1, unit2, factor = rng.choice(UNITS)
    year0 = rng.randint(1952, 2001)
    values = {
        "First": rng.choice(FIRST), "Last": rng.choice(LAST), "town": rng.choice(TOWNS),
        "body": rng.choice(BODIES), "thing": rng.choice(THINGS), "role": rng.choice(ROLES),
        "day": rng.choice(DAYS), "month": rng.choice(MONTHS), "month2": rng.choice(MONTHS),
        "a": a, "b": rng.randint(0, a - 1), "m": rng.randint(2, 480), "n": f"{rng.randint(20, 9000):,}",
        "k": rng.randint(2, 40), "p": rng.randint(2, 85), "d": rng.randint(1, 28), "h": rng.randint(1, 11),
        "year": rng.randint(2025, 2031), "year0": year0, "year1": rng.randint(year0 + 5, 2024),
        "u1": u1, "u2": round(u1 * factor), "unit1": unit1, "unit2": unit2,
        "ord": rng.choice(("second", "third", "fourth", "fifth")), "t": rng.randint(-5, 40),
        "c": rng.choice((10, 15, 25, 50, 75)),
    }
    return template.format(**values)


def sentence(rng: random.Random, slip_rate: float = 0.01) -> str:
    s = _fill(rng, rng.choice(TEMPLATES))
    if rng.random() < slip_rate:
        s = rng.choice(SLIPS)(s)
    return s


def story(rng: random.Random, paragraphs: int, slip_rate: float = 0.01) -> str:
    """One story: a headline, then ``paragraphs`` paragraphs of one to four sentences."""
    head = f"{rng.choice(BODIES).title()} Approves {rng.choice(THINGS).title()} Plan in {rng.choice(TOWNS)}"
    out = [head, ""]
    for _ in range(paragraphs):
        out.append(" ".join(sentence(rng, slip_rate) for _ in range(rng.randint(1, 4))))
        out.append("")
    return "\n".join(out)


def big_text(rng: random.Random, size: int, slip_rate: float = 0.01) -> str:
    """Stories one after another until ``size`` characters (a whole day's wire, say)."""
    parts: list[str] = []
    total = 0
    while total < size:
        s = story(rng, rng.randint(6, 14), slip_rate)
        parts.append(s)
        total += len(s) + 1
    return "\n".join(parts)[:size].rsplit("\n", 1)[0] + "\n"
