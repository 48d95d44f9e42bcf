"""Described speakers: where a description's noun phrase ends (its head noun after capitalised
modifiers, time and place adjuncts after it, two descriptions of one person joined by `and`),
and what such a description resolves to (the person holding either role, no person for a writing)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from quotetrack.extract.phrase_edges import head_noun_run, joins_descriptions, trim_adjuncts
from quotetrack.extract.phrases import left_speaker, sentence_subject, words
from quotetrack.extract.sentences import Sentence
from quotetrack.records import Quote
from quotetrack.resolve.mentions import conjoined_descriptions

QuoteStarting = Callable[[str, str], Quote]


# -- the head noun after capitalised modifiers -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "before", "subject"),
    [
        ("The Lisbon banker has praised the deal, saying it was overdue.", 8, "The Lisbon banker"),
        ("The Halden ad hits the mayor on taxes and claims that rates doubled.", 9, "The Halden ad"),
        ("The liberal magazine has opposed the levy, arguing it hurts renters.", 8, "The liberal magazine"),
    ],
)
def test_subject_ends_on_its_head_noun(sentence_of: Callable[[str], Sentence], text: str, before: int, subject: str) -> None:
    sentence = sentence_of(text)
    assert words(sentence, sentence_subject(sentence, before)) == subject


def test_no_head_noun_after_a_name_without_an_article(sentence_of: Callable[[str], Sentence]) -> None:
    # `Okafor today said`: `today` is no noun, and a bare name needs none.
    sentence = sentence_of("Mayor Okafor today said the plan was dead.")
    assert head_noun_run(sentence.tokens, 0, 2, 4) == 0


# -- adjuncts after the head ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "trimmed"),
    [
        ("The dockers' union on Tuesday said the strike would go on.", (0, 5), "The dockers ' union"),
        ("Her campaign aides here said they had knocked on every door.", (0, 3), "Her campaign aides"),
        ("Rents rose, according to a Marlow Institute survey on Thursday.", (5, 10), "a Marlow Institute survey"),
        ("Fares are up, according to a transit board audit last week.", (6, 11), "a transit board audit"),
        ("Hale trails by six points, according to the Civic Pulse polling average in Maine - despite a late surge.", (8, 20), "the Civic Pulse polling average in Maine"),
    ],
)
def test_time_and_place_after_the_head_are_cut(sentence_of: Callable[[str], Sentence], text: str, phrase: tuple[int, int], trimmed: str) -> None:
    sentence = sentence_of(text)
    assert words(sentence, trim_adjuncts(sentence.tokens, phrase)) == trimmed


def test_a_name_that_ends_in_a_weekday_word_is_kept(sentence_of: Callable[[str], Sentence]) -> None:
    # Only `on`, `last`, `this` ... before a weekday make it a time: `Robinson Friday` stays whole.
    sentence = sentence_of("Robinson Friday said the mill would reopen.")
    assert trim_adjuncts(sentence.tokens, (0, 1)) == (0, 1)


def test_a_time_after_a_participle_belongs_to_it(sentence_of: Callable[[str], Sentence]) -> None:
    sentence = sentence_of("Rents rose, according to a Marlow Institute survey released on Thursday.")
    assert trim_adjuncts(sentence.tokens, (5, 11), after_cue=True) == (5, 11)


def test_according_to_a_poll_with_an_aside(quote_starting: QuoteStarting) -> None:
    text = "Voters in the district are evenly split on the bridge levy, according to a Harbor Gazette poll - a sharp shift since spring."
    quote = quote_starting(text, "Voters in the district")
    assert quote.speaker_mention == "a Harbor Gazette poll"
    assert quote.speaker is None


@pytest.mark.parametrize(
    ("text", "start", "mention"),
    [
        ("Pellner was a meticulous manager - a former engineer said she read every test report herself.", "she read", "a former engineer"),
        ("Voters trust Mr. Vance less than Ms. Odum - 58 percent of voters said Ms. Odum would handle the port strike better.", "Ms. Odum would", "58 percent of voters"),
    ],
)
def test_the_subject_after_a_dash_speaks(quote_starting: QuoteStarting, text: str, start: str, mention: str) -> None:
    assert quote_starting(text, start).speaker_mention == mention


def test_a_union_on_a_day(quote_starting: QuoteStarting) -> None:
    text = "The Northern Rail Union on Wednesday said the new timetable would cost drivers two rest days a week."
    quote = quote_starting(text, "the new timetable")
    assert quote.speaker_mention == "The Northern Rail Union"


# -- two descriptions of one person ---------------------------------------------------------------


def test_descriptions_joined_under_one_article(sentence_of: Callable[[str], Sentence]) -> None:
    sentence = sentence_of("The Ohio senator and former governor said the bill was dead.")
    assert joins_descriptions(sentence.tokens, 3, 6)
    assert words(sentence, left_speaker(sentence, 6).speaker) == "The Ohio senator and former governor"


@pytest.mark.parametrize(
    "text",
    [
        "The mayor and the senator said the bridge would be rebuilt.",  # two people, two articles
        "The mayor and council members said the bridge would be rebuilt.",  # more people
        "The mayor and she said the bridge would be rebuilt.",
    ],
)
def test_two_people_are_not_one_description(sentence_of: Callable[[str], Sentence], text: str) -> None:
    sentence = sentence_of(text)
    joint = [token.lower for token in sentence.tokens].index("and")
    said = [token.lower for token in sentence.tokens].index("said")
    assert not joins_descriptions(sentence.tokens, joint, said)


def test_conjoined_descriptions_drop_the_complement() -> None:
    assert conjoined_descriptions("The veteran diplomat and former secretary of state") == [["the", "veteran", "diplomat"], ["the", "former", "secretary"]]
    assert conjoined_descriptions("the senator") == []


def test_a_joined_description_is_the_person_holding_either_role(quote_starting: QuoteStarting) -> None:
    text = (
        "Former Secretary of State Elena Marsh campaigned in Des Moines on Sunday. "
        "The Democratic favourite and one-time secretary of state argued the country \u201cclearly\u201d needed a tougher approach to drug prices."
    )
    quote = quote_starting(text, "the country")
    assert quote.speaker == "Elena Marsh"
    assert quote.speaker_mention == "The Democratic favourite and one-time secretary of state"


def test_an_inverted_joined_description(quote_starting: QuoteStarting) -> None:
    text = (
        "Sen. Walter Brandt toured the plant on Monday. "
        "\u201cThe tariffs are a tax on every family in this state,\u201d the Vermont senator and presidential candidate told reporters."
    )
    quote = quote_starting(text, "The tariffs")
    assert quote.speaker == "Walter Brandt"


# -- writings named after people ------------------------------------------------------------------


def test_an_ad_named_after_its_sponsor_is_no_person(quote_starting: QuoteStarting) -> None:
    text = (
        "Strategist Carl Dunmore has bought airtime across the state. "
        "The Dunmore ad attacks Ms. Reyes for her votes on spending and claims that \u201cher budget doubled the deficit.\u201d"
    )
    quote = quote_starting(text, "her budget")
    assert quote.speaker is None
    assert quote.speaker_mention == "The Dunmore ad"


def test_a_described_businessman_keeps_his_head_noun(quote_starting: QuoteStarting) -> None:
    text = "Ravi Anand visited the port. The Chicago developer has praised the governor, saying he was the most capable leader in the region."
    quote = quote_starting(text, "he was the most capable")
    assert quote.speaker_mention == "The Chicago developer"
    assert quote.speaker != "Chicago"


# -- writings as sources ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "mention"),
    [
        ("The committee raised $4 million in March, according to a quarterly Electoral Commission report.", "The committee raised", "a quarterly Electoral Commission report"),
        ("The union spent little on advertising, according to its FEC reports.", "The union spent", "its FEC reports"),
    ],
)
def test_a_report_named_after_its_author_is_the_whole_source(quote_starting: QuoteStarting, text: str, start: str, mention: str) -> None:
    # `report` after a capitalised name reads like a verb (`the Commission reports that ...`), but not inside
    # the source of `according to`.
    quote = quote_starting(text, start)
    assert quote.speaker_mention == mention
    assert quote.cue == "according to"
    assert quote.speaker is None


# -- nouns that look like adverbs or speech verbs --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "mention"),
    [
        ("The family said the crash \u201cshould never have happened.\u201d", "the crash", "The family"),
        ("A longtime Okafor ally said the council \u201cneeds a reset.\u201d", "the council", "A longtime Okafor ally"),
        ("Even the organizer of a pro-Okafor rally said the rules made violence more likely.", "the rules", "the organizer of a pro-Okafor rally"),
    ],
)
def test_a_noun_before_the_cue_ends_the_speaker(quote_starting: QuoteStarting, text: str, start: str, mention: str) -> None:
    assert quote_starting(text, start).speaker_mention == mention


def test_an_adverb_before_the_cue_is_still_skipped(quote_starting: QuoteStarting) -> None:
    assert quote_starting("Mr. Peskov reportedly said the talks \u201cwere useful.\u201d", "the talks").speaker_mention == "Mr. Peskov"


def test_a_role_possessed_by_a_body_is_no_body(quote_starting: QuoteStarting) -> None:
    text = "Defense Secretary Lena Holt spoke on Monday. The Pentagon's recent top adviser on the air campaign went further, arguing the plan could backfire."
    quote = quote_starting(text, "the plan could backfire")
    assert quote.speaker_mention == "The Pentagon's recent top adviser"
    assert quote.speaker is None


# -- groups that speak together ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "mention"),
    [
        ("But dock workers, shipping firms, and many port officials say the new levy will drive cargo to Rotterdam.", "the new levy", "dock workers, shipping firms, and many port officials"),
        ("Regulators and environmental groups worried that the mine could close before the land was restored.", "the mine could close", "Regulators and environmental groups"),
        ("The Okafor campaign and some election lawyers have argued that the ballots were counted twice.", "the ballots were", "The Okafor campaign and some election lawyers"),
        ("Asked about the poll, 41% of Republicans, 33% of independents and 9% of Democrats said the plan went too far.", "the plan went", "41% of Republicans, 33% of independents and 9% of Democrats"),
        ("The town faced criticism from tenant groups, artists and small business owners who say the rezoning favours developers.", "the rezoning", "tenant groups, artists and small business owners"),
    ],
)
def test_a_list_of_groups_is_one_speaker(quote_starting: QuoteStarting, text: str, start: str, mention: str) -> None:
    quote = quote_starting(text, start)
    assert quote.speaker_mention == mention
    assert quote.speaker is None


@pytest.mark.parametrize(
    ("text", "start", "mention"),
    [
        ("He thanked the volunteers and organizers said the gala raised $40,000 for the shelter.", "the gala raised", "organizers"),
        ("Police detained two men, and officials said the investigation was continuing.", "the investigation", "officials"),
        ("Ms. Reyes was copied on the questions and Gates said he had answered them himself.", "he had answered", "Gates"),
    ],
)
def test_an_object_or_a_new_clause_is_no_list(quote_starting: QuoteStarting, text: str, start: str, mention: str) -> None:
    assert quote_starting(text, start).speaker_mention == mention


def test_a_person_and_others_are_a_group(quote_starting: QuoteStarting) -> None:
    text = "Stacey Marsh organized the petition. Marsh and others said they could not support the mayor for a third term."
    quote = quote_starting(text, "they could not support")
    assert quote.speaker_mention == "Marsh and others"
    assert quote.speaker is None
