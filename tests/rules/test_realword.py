"""RWE001 indefinite-article, RWE002 confused-word, RWE003 mass-noun."""

from __future__ import annotations

import json

import pytest

from newslint.config import Config


def found(diags, code):
    return [(d.location.row, d.location.column, d.message) for d in diags if d.code == code]


def fixes(diags):
    return [(d.fix.edits[0].content, d.fix.applicability.value) for d in diags if d.fix]


# -- RWE001 indefinite-article --------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("The talks lasted a hour before the delegates left.", "an"),
        ("She studied at an university in Leeds for three years.", "a"),
        ("The club called the defeat an one-off and moved on.", "a"),
        ("Police said a 11-year-old boy was taken to hospital.", "an"),
        ("The carmaker expects to make a 800m euro loss this year.", "an"),
        ("The company was sold to an US entrepreneur last month.", "a"),
        ("He paired a Mac mini with a LCD monitor.", "an"),
        ("You need a HDTV set to receive them.", "an"),
        ("It was an European Union initiative, officials said.", "a"),
        ("Officials said it was a honest mistake by the clerk.", "an"),
        ("Eva Lichtenberg, a Austrian Green member, voted against it.", "an"),
        ('Foster\'s said the proposal offered a "excellent strategic fit" for both firms.', "an"),
        ("He demanded a EU-wide ban on the crop.", "an"),
        ("The film tells the story of an UFO shot down over the desert.", "a"),
        ("An spokesman for the firm declined to comment.", "A"),
        ("It had a 8-3 lead at half-time and won.", "an"),
    ],
)
def test_rwe001_flags_the_wrong_article(lint, text, wanted):
    diags = lint(text, select=["RWE001"])
    assert len(diags) == 1, found(diags, "RWE001")
    assert diags[0].fix.edits[0].content == wanted
    assert diags[0].fix.applicability.value == "safe"


@pytest.mark.parametrize(
    "text",
    [
        "An FBI agent met a UN envoy and an MP at a NATO summit.",
        "The deal was an historic moment, and a historic one for the city.",
        "It took an hour to reach a university hospital in a one-horse town.",
        "Group A and Serie A resume on Sunday; Plan A failed.",
        "An 18-year-old was arrested in a 1990s car with an 800m loss and a 110m gain.",
        "The museum has an MP3 player, an MI6 file and an mp4 video of a SCIF.",
        "He was an NHS nurse and an SNP member who drove an SUV to an LSE lecture.",
        "Durch die Festlegung von Fallpauschalen besteht ein hoher Kostendruck. Der Bedarf an mehr Effizienz bleibt.",
        "A equipe do Serviço de Atendimento Domiciliar registrou nesta manhã o arrombamento de dois automóveis.",
        "It was a U-turn by an X-ray technician with an F-16 model, a eulogy and a ewe.",
        "We've got to see whether it's a on a Bosman or not.",
        "He said a U.S. official and an Uber driver were there.",
    ],
)
def test_rwe001_leaves_right_articles_alone(lint, text):
    assert found(lint(text, select=["RWE001"]), "RWE001") == []


def test_rwe001_doubled_article_is_flagged_with_an_unsafe_fix(lint):
    diags = lint("Tourists watch the sunrise from a an observation tower.", select=["RWE001"])
    assert [(d.message, d.fix.applicability.value) for d in diags] == [('Two articles "a an"', "unsafe")]
    diags = lint('He would have a "a job of persuading" voters, he said.', select=["RWE001"])
    assert [(d.message, d.fix.edits[0].content) for d in diags] == [('Two articles "a "a"', "")]
    assert lint("He said a a deal was near.", select=["RWE001"]) == []  # the repeated-word rule's


# -- RWE002 confused-word -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("After less then four years of a parliamentary term, the party will go.", "then", "than"),
        ("Analysts said the tsunami disaster may effect the service sector.", "effect", "affect"),
        ("With these laws we loose the moral high ground, he wrote.", "loose", "lose"),
        ("Guided by our legal advise we will seek a ruling.", "advise", "advice"),
        ("Let the real artists who worked hard for there glory receive awards.", "there", "their"),
        ("I think its a brilliantly written song with different meanings.", "its", "it's"),
        ("Angels is nothing more then a sentimental song.", "then", "than"),
        ("Officials asked weather the vote would go ahead.", "weather", "whether"),
        ("The minister will brake the news to the families on Monday.", "brake", "break"),
        ("The court heard that the trail would resume next week.", "trail", "trial"),
        ("It is a fundamental principal of international law, he said.", "principal", "principle"),
        ("All parties are expecting to loose seats in the election.", "loose", "lose"),
        ("The attack means the government will soon have it's people terrorised.", "it's", "its"),
    ],
)
def test_rwe002_flags_the_word_the_context_does_not_want(lint, text, wrong, right):
    diags = lint(text, select=["RWE002"])
    assert [d.message for d in diags] == [f'"{wrong}" where the context wants "{right}"']
    assert fixes(diags) == [(right, "unsafe")]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The Cup has it's own laws.", "its"),
        ("His men will be given free reign for 12 hours.", "rein"),
        ("The studio offered a sneak peak of the film.", "peek"),
        ("The attack could of been prevented, he said.", "have"),
        ("I play alot of Warcraft myself.", "a lot"),
        ("Those who did not tow the line were dismissed.", "toe"),
        ("Those who did not tow the government line were dismissed.", "toe"),
        ("Fans waited with baited breath for the result.", "bated"),
    ],
)
def test_rwe002_fixed_phrases(lint, text, content):
    diags = lint(text, select=["RWE002"])
    assert fixes(diags) == [(content, "unsafe")]


@pytest.mark.parametrize(
    "text",
    [
        "The government said its five-year estimate of rebuilding costs would rise.",
        "Its pre-tax earnings in the fourth quarter were higher than expected.",
        "It's time to act, and it's been a long year, the mayor said.",
        "Treasury specialists pore over the chancellor's red book.",
        "He could of course resign, but he led the party to victory.",
        "The council's counsel said the Premier League site would open later than planned.",
        "Their team won there on Saturday, and they're happy with their form.",
        "We need to know whose money it is and who's paying for the role.",
        "## Hear here",
        "Spider-Man and its sequel made $1.6bn at box offices worldwide.",
        "Rescuers worked in hospital emergency rooms there, interviewing people.",
        "Before you start, make sure your scraping is acceptable.",
    ],
)
def test_rwe002_leaves_right_words_alone(lint, text):
    assert found(lint(text, select=["RWE002"]), "RWE002") == []


def test_rwe002_threshold_option(lint):
    text = "After less then four years of a parliamentary term, the party will go."
    assert len(lint(text, select=["RWE002"], config=Config(rule_options={"confused-word": {"threshold": 1.0}}))) == 1
    assert lint(text, select=["RWE002"], config=Config(rule_options={"confused-word": {"threshold": 9.0}})) == []


# -- RWE003 mass-noun -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("A missile shrapnel lies on the grass in front of the damaged centre.", "Missile"),
        ("The lawyer gave him an advice that proved costly.", "advice"),
        ("Each passenger may bring a luggage on board.", "luggage"),
        ("Critics said there is a lot evidence that disputes the claim.", "of "),
    ],
)
def test_rwe003_flags_an_article_before_a_mass_noun(lint, text, content):
    diags = lint(text, select=["RWE003"])
    assert fixes(diags) == [(content, "unsafe")]


@pytest.mark.parametrize(
    "text",
    [
        "A shrapnel fragment hit a luggage rack and an advice column.",
        "He gave a piece of advice and a lot of information to an information officer.",
        "A research team found a great deal of evidence.",
        "Officials ordered an equipment check before the flight.",
    ],
)
def test_rwe003_leaves_modifiers_and_counted_forms_alone(lint, text):
    assert found(lint(text, select=["RWE003"]), "RWE003") == []


# -- through the installed command ------------------------------------------------------------
def test_the_three_rules_through_the_command(newslint, tmp_path):
    stories = tmp_path / "stories"
    stories.mkdir()
    (stories / "bad.txt").write_text(
        "The talks lasted a hour.\n\n"
        "Analysts said the tsunami disaster may effect the service sector.\n\n"
        "A missile shrapnel lies on the grass.\n",
        encoding="utf-8",
    )
    (stories / "good.txt").write_text(
        "The talks lasted an hour.\n\nAnalysts said the disaster may affect the service sector.\n",
        encoding="utf-8",
    )
    proc = newslint("check", "--no-cache", "--select", "RWE", "--output-format", "json", "stories", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    out = json.loads(proc.stdout)
    assert [(f["filename"].replace("\\", "/"), f["code"], f["name"], f["location"]["row"]) for f in out] == [
        ("stories/bad.txt", "RWE001", "indefinite-article", 1),
        ("stories/bad.txt", "RWE002", "confused-word", 3),
        ("stories/bad.txt", "RWE003", "mass-noun", 5),
    ]
    assert [f["fix"]["applicability"] for f in out] == ["safe", "unsafe", "unsafe"]
    fixed = newslint("check", "--no-cache", "--select", "RWE", "--fix", "stories", cwd=tmp_path)
    assert fixed.returncode == 1  # the unsafe findings remain
    assert (stories / "bad.txt").read_text(encoding="utf-8").startswith("The talks lasted an hour.")


# -- the context model: one call per n-gram gives what the six keyed lookups give -----------
def score_by_keys(model, word, l2, l1, r1, r2):
    """What NgramScores.score must give: the sum of the keyed look-ups (the oracle;
    test_realword_scans.py uses it too)."""
    from newslint.rules.realword.keys import ngram_key

    s = model.get(ngram_key("U", word))
    if l1 is not None:
        s += model.get(ngram_key("L", l1, word))
        if l2 is not None:
            s += model.get(ngram_key("T1", l2, l1, word))
        if r1 is not None:
            s += model.get(ngram_key("T2", l1, word, r1))
    if r1 is not None:
        s += model.get(ngram_key("R", word, r1))
        if r2 is not None:
            s += model.get(ngram_key("T3", word, r1, r2))
    return s


def test_rwe002_model_score_is_the_sum_of_the_keyed_lookups():
    from newslint.rules.realword.model import ngram_scores

    model = ngram_scores()

    def by_keys(word, l2, l1, r1, r2):
        return score_by_keys(model, word, l2, l1, r1, r2)

    contexts = [("said", "the", "storm", "would"), (None, "<s>", "the", "council"), ("more", "tourism", "</s>", None),
                ("rather", "better", "ten", "years"), (None, None, "the", "service"), ("the", "café", "owner", None)]
    seen = set()
    for word in ("than", "then", "their", "there", "they're", "affect", "effect", "its", "it's", "lead", "led"):
        for around in contexts:
            value = model.score(word, *around)
            assert value == by_keys(word, *around), (word, around)
            assert model.score(word, *around) == value  # the unigram, now remembered, changes nothing
            seen.add(value)
    assert len(seen) > 10  # the contexts move the scores: the n-grams are found, not all zero
