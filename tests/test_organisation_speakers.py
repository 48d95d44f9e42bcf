"""Organisations and roles as speakers: an acronym introduced in brackets is the body it abbreviates
(with its long form before it, even one joined by `and`), `The WHO` is no relative pronoun, `the
company` and `the group` are the business or group last named, a title written out is the role
its abbreviation gives (`Chief Executive Officer` and `the CEO`), and a party member described by
his state is no person named so."""

from __future__ import annotations

from collections.abc import Callable

from quotetrack.extract.phrase_edges import breaks_clause, long_form
from quotetrack.extract.phrases import left_speaker, words
from quotetrack.extract.sentences import Sentence
from quotetrack.records import Quote
from quotetrack.resolve.mentions import acronym_named, is_venue
from quotetrack.resolve.organisations import institution_antecedent
from quotetrack.resolve.people import People, roles_in

QuoteStarting = Callable[[str, str], Quote]


def test_the_long_form_before_an_acronym_spans_and(sentence_of: Callable[[str], Sentence]) -> None:
    sentence = sentence_of("The Office for Budget and Fiscal Planning (OBFP) said the deficit would narrow.")
    assert words(sentence, long_form(sentence.tokens, 7)) == "The Office for Budget and Fiscal Planning"
    assert words(sentence, left_speaker(sentence, 10).speaker) == "The Office for Budget and Fiscal Planning ( OBFP )"


def test_no_long_form_when_the_initials_differ(sentence_of: Callable[[str], Sentence]) -> None:
    sentence = sentence_of("Farmers and Grain Traders (FTU) said the harvest was late.")
    assert long_form(sentence.tokens, 4) is None


def test_an_acronym_introduced_in_brackets_is_its_long_form(quote_starting: QuoteStarting) -> None:
    text = (
        "The Office for Budget and Fiscal Planning (OBFP) said on Thursday that the deficit would narrow to 2.1 percent of output. "
        "The OBFP said the forecast assumed \u201cno new spending before the election.\u201d"
    )
    first = quote_starting(text, "the deficit would narrow")
    later = quote_starting(text, "the forecast assumed")
    assert first.speaker == later.speaker == "Office for Budget and Fiscal Planning"


def test_acronym_named() -> None:
    known = {"OBFP": "Office for Budget and Fiscal Planning"}
    assert acronym_named("Office for Budget and Fiscal Planning (OBFP)", known) == "Office for Budget and Fiscal Planning"
    assert acronym_named("Halden (OBFP)", {}) is None


def test_an_upper_case_who_is_an_acronym(sentence_of: Callable[[str], Sentence], quote_starting: QuoteStarting) -> None:
    sentence = sentence_of("The WHO said the outbreak was contained.")
    assert not breaks_clause(sentence.tokens[1])
    assert words(sentence, left_speaker(sentence, 2).speaker) == "The WHO"
    text = "The World Health Organization (WHO) warned of a second wave in the region. The WHO said \u201cvaccination remains the best defence.\u201d"
    assert quote_starting(text, "vaccination").speaker == "World Health Organization"


def test_the_company_is_the_business_last_named(quote_starting: QuoteStarting) -> None:
    text = (
        "Halden Motors said on Tuesday that it would close its plant in Dayton by the end of the year. "
        "Union leaders met Mayor Ruth Okafor at City Hall. "
        "The company said the closure was \u201cregrettable but unavoidable.\u201d"
    )
    assert quote_starting(text, "the closure").speaker == "Halden Motors"


def test_the_group_is_the_group_last_named(quote_starting: QuoteStarting) -> None:
    text = (
        "The Gulf Coast Coalition said the permits had been issued without a hearing. "
        "The group said \u201cresidents were never asked.\u201d"
    )
    assert quote_starting(text, "residents were never").speaker == "Gulf Coast Coalition"


def test_a_foundation_or_a_newspaper_is_no_company() -> None:
    organisations = [(0, "Halden Motors"), (40, "Brennan Center"), (70, "Daily Courier")]
    assert institution_antecedent("company", organisations, 100, lambda name: name == "Daily Courier") == "Halden Motors"
    assert institution_antecedent("company", [(0, "Brennan Center")], 50) is None
    # The entity tagger's `Shares of Halden Motors` is the business after `of`.
    assert institution_antecedent("company", [(0, "Shares of Halden Motors")], 50) == "Halden Motors"


def test_a_title_written_out_is_its_abbreviation() -> None:
    assert "chief executive" in roles_in(["Chief", "Executive", "Officer"]) & roles_in(["the", "CEO"])
    assert "chief financial officer" in roles_in(["the", "company's", "chief", "financial", "officer"]) & roles_in(["CFO"])


def test_the_ceo_is_the_chief_executive_named(quote_starting: QuoteStarting) -> None:
    text = (
        "Halden Motors Chief Executive Officer Dana Ruiz said quarterly sales had fallen by a fifth. "
        "\u201cWe are disappointed, but not discouraged,\u201d the CEO said."
    )
    assert quote_starting(text, "We are disappointed").speaker == "Dana Ruiz"


def test_a_party_member_named_by_state_is_somebody_described(quote_starting: QuoteStarting) -> None:
    assert is_venue("New Mexico Democrat") and is_venue("Ohio Republican") and not is_venue("Mark Cuban")
    text = "Sen. Maria Lopez questioned the nominee on Monday. \u201cThis is reckless,\u201d the New Mexico Democrat said."
    assert quote_starting(text, "This is reckless").speaker == "Maria Lopez"


def test_a_party_tells_two_holders_of_a_role_apart(quote_starting: QuoteStarting) -> None:
    assert "party:republican" in roles_in(["GOP", "presidential", "candidate"])
    text = (
        "Republican presidential candidate Tom Hale campaigned in Des Moines on Monday. "
        "Democratic presidential candidate Elena Marsh spoke in Toledo. "
        "The Republican candidate said the tariff plan \u201cwill bring the factories home.\u201d "
        "The Democratic candidate said the same plan \u201cwill empty the shelves.\u201d"
    )
    assert quote_starting(text, "the tariff plan").speaker == "Tom Hale"
    assert quote_starting(text, "the same plan").speaker == "Elena Marsh"


def test_a_role_before_a_verb_is_not_the_next_name() -> None:
    # `A federal judge granted Tom Fenn's request`: the judge is not Tom Fenn; `Kremlin spokesman Dmitry Peskov` is a spokesman.
    text = "A federal judge granted Tom Fenn's request on Monday. Kremlin spokesman Dmitry Peskov spoke."
    people = People(text)
    fenn = people.person_for("Tom Fenn", text.index("Tom Fenn"))
    people.learn_from_prefix(fenn, text.index("Tom Fenn"))
    peskov = people.person_for("Dmitry Peskov", text.index("Dmitry"))
    people.learn_from_prefix(peskov, text.index("Dmitry"))
    assert fenn.roles == set()
    assert peskov.roles == {"spokesman"}


def test_a_role_noun_ending_in_s_before_a_title(quote_starting: QuoteStarting) -> None:
    # `Okafor campaign communications director Lena Park ... but noted`: the director notes, not the campaign.
    text = (
        "Mayor Ruth Okafor spoke at the harbor on Friday. "
        "Okafor campaign communications director Lena Park acknowledged that the mayor misspoke but noted that the port figures were accurate."
    )
    assert quote_starting(text, "the port figures").speaker == "Lena Park"


def test_a_capitalised_title_owned_by_a_body_is_the_name_apposed(quote_starting: QuoteStarting) -> None:
    text = (
        "Tom Fenn founded the firm in 1998. "
        "The Halden Group's CEO, Kimberly Okafor, said the two firms had reached the same legal conclusion."
    )
    quote = quote_starting(text, "the two firms")
    assert quote.speaker == "Kimberly Okafor"
