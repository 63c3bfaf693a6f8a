"""newslint.quotations: the shared analysis other rules use to leave quotations alone."""

from __future__ import annotations

from newslint.document import Document, Span
from newslint.quotations import analyse, before_sic, in_quotation, quotation_spans


def spans_text(text: str) -> list[str]:
    doc = Document.from_text(text)
    return [doc.slice(s) for s in quotation_spans(doc)]


def test_straight_and_curly_quotations():
    text = '"We will appeal," the mayor said. Officials called it “a first step.”\n'
    assert spans_text(text) == ['"We will appeal,"', "“a first step.”"]


def test_multi_paragraph_quotation_is_one_span():
    text = '"There is no deadline.\n\n"We will stay as long as it takes," she said.\n\nTalks resume today.\n'
    assert spans_text(text) == ['"There is no deadline.\n\n"We will stay as long as it takes,"']


def test_single_quoted_words_but_not_apostrophes():
    text = "The minister's plan, dubbed 'Project Fear' by critics, was shelved in the '90s.\n"
    assert spans_text(text) == ["'Project Fear'"]


def test_unclosed_quotation_runs_to_the_end_of_its_paragraph():
    text = 'He said: "We are leaving now.\n\nThe rest of the story.\n'
    doc = Document.from_text(text)
    assert [doc.slice(s) for s in quotation_spans(doc)] == ['"We are leaving now.']
    assert [p.kind for p in analyse(doc).problems] == ["unclosed"]


def test_in_quotation():
    text = 'The mayor said "the plan is irregardless of cost" on Monday.\n'
    doc = Document.from_text(text)
    assert in_quotation(doc, text.index("irregardless"))
    assert not in_quotation(doc, text.index("Monday"))
    assert not in_quotation(doc, 0)
    assert in_quotation(doc, text.index('"the'))  # the marks belong to the quotation


def test_before_sic():
    text = 'The sign read "Closed for renovashun [sic]" and "Open (sic)" and "Open".\n'
    doc = Document.from_text(text)
    word = text.index("renovashun")
    assert before_sic(doc, Span(word, word + len("renovashun")))
    assert before_sic(doc, Span(text.index("Open (sic)"), text.index("Open (sic)") + 4))
    assert not before_sic(doc, Span(text.rindex("Open"), text.rindex("Open") + 4))


def test_primes_are_not_marks():
    doc = Document.from_text('The centre is 6\'2" tall and the keeper 5\' 10". A 12" screen.\n')
    assert analyse(doc).marks == ()


def test_analysis_is_cached():
    doc = Document.from_text('"Yes," he said.\n')
    assert analyse(doc) is analyse(doc)
    assert quotation_spans(doc) is quotation_spans(doc)


def test_linear_on_a_large_document():
    import time

    para = '"We will rebuild," the mayor said. It\'s the city\'s "first step," she added.\n\n'
    doc = Document.from_text(para * 20000)  # about 1.6 MB
    t = time.perf_counter()
    assert len(quotation_spans(doc)) == 40000
    assert time.perf_counter() - t < 10
