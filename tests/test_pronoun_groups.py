"""Pronoun speakers, second round: `it` and `they` for an organisation or group that the text names
or leaves unnamed, and `he`/`she` after a quotation that opens by talking about somebody."""

import pytest

from quotetrack.extract.sentences import rule_analysis
from quotetrack.resolve.discourse import find_subject

PASSAGES = [
    pytest.param(
        "BRUSSELS (Reuters) — Farm ministers met again on Tuesday without agreeing on the subsidy cuts.\n\n"
        "Still, Socialists believe pressure from growers will soon force a compromise. "
        "They say the mood shifted after last week's tractor protests.\n",
        "the mood shifted",
        "Socialists",
        id="they-after-a-party-as-subject",
    ),
    pytest.param(
        "Republicans in the state senate blocked the measure for a third time.\n\n"
        "Republicans argue the bill would raise property taxes. "
        "They also say the governor refused to negotiate.\n",
        "the governor refused",
        "Republicans",
        id="they-after-a-plural-people-word",
    ),
    pytest.param(
        "Republicans are pressing the minister over the troop drawdown. "
        "They are also focused on the border, where they say smuggling has doubled. "
        "They say the minister argued against leaving a reserve force.\n",
        "the minister argued",
        "Republicans",
        id="they-chain-back-to-a-party",
    ),
    pytest.param(
        "Republicans won the county in the last three elections.\n\n"
        "In the suburbs, there are still pockets of voters who backed the senator in the primary, "
        "according to the county chairs we spoke to. Many of the chairs predicted a close race. "
        "But they maintained that most of his supporters were coming around.\n",
        "most of his supporters",
        None,
        id="they-does-not-reach-over-unnamed-plurals-to-a-party",
    ),
    pytest.param(
        "The state is back on its feet. Americans are working again.\n\n"
        "Since the recession ended, we have added 200,000 factory jobs.\n",
        "200,000",
        None,
        id="we-is-no-people-named-before",
    ),
    pytest.param(
        "Nurses walked off the job at three city hospitals on Monday. "
        "They said the hospital group was cutting night staff.\n",
        "the hospital group was cutting",
        None,
        id="they-after-a-common-noun-stays-unnamed",
    ),
    pytest.param(
        "The Harbour Tenants Alliance launched a radio advertisement on Monday. "
        "It accuses the developer of ignoring repair requests.\n\n"
        "The company wrote in a statement that it had cut ties with the seller. "
        "It added, “We want nothing to do with this listing.”\n",
        "We want nothing",
        None,
        id="it-after-an-unnamed-company-is-not-an-earlier-organisation",
    ),
    pytest.param(
        "The Harbour Tenants Alliance launched a radio advertisement on Monday.\n\n"
        "Mayor Ann Lee's campaign quickly put out a statement. "
        "In cases like these, it said, “the voters will decide.”\n",
        "the voters will decide",
        None,
        id="it-after-a-campaign-is-not-an-earlier-organisation",
    ),
    pytest.param(
        "The Harbour Tenants Alliance launched a radio advertisement on Monday. "
        "It said, “Repairs cannot wait another winter.”\n",
        "Repairs cannot wait",
        "Harbour Tenants Alliance",
        id="it-after-a-named-organisation",
    ),
]


@pytest.mark.parametrize(("text", "quote_start", "speaker"), PASSAGES)
def test_it_and_they(quote_starting, text: str, quote_start: str, speaker: str | None) -> None:
    assert quote_starting(text, quote_start).speaker == speaker


OPENING_SUBJECT = [
    pytest.param(
        "DES MOINES, Iowa — Conservative activist Paul Renner says only one candidate can unite the party.\n\n"
        "Senator Tom Harper gets the policy right, and he is the ablest candidate in the field.\n\n"
        "“Harper is our best debater, our sharpest fighter,” he says.\n",
        "Harper is our best debater",
        "Paul Renner",
        id="quote-opening-on-the-subject-of-the-last-sentence",
    ),
    pytest.param(
        "DES MOINES, Iowa — Conservative activist Paul Renner says only one candidate can unite the party.\n\n"
        "Senator Tom Harper gets the policy right, and he is the ablest candidate in the field.\n\n"
        "''Harper will carry Iowa by ten points,'' he added.\n",
        "Harper will carry Iowa",
        "Paul Renner",
        id="doubled-single-quotes",
    ),
    pytest.param(
        "Senator Tom Harper spoke to supporters in Ames on Saturday.\n\n"
        "“There are people out there, many pundits, who say Tom Harper should drop out,” he said.\n",
        "There are people out there",
        "Tom Harper",
        id="own-name-further-in-is-no-evidence",
    ),
    pytest.param(
        "Tennis champion Maria Dunn remembered the boxer on Friday.\n\n"
        "“He always told me, ‘Maria Dunn, you are the champion,’” she said.\n",
        "He always told me",
        "Maria Dunn",
        id="own-name-in-a-quotation-inside-the-quotation",
    ),
]


@pytest.mark.parametrize(("text", "quote_start", "speaker"), OPENING_SUBJECT)
def test_quotation_opening_on_somebody_is_not_theirs(quote_starting, text: str, quote_start: str, speaker: str) -> None:
    assert quote_starting(text, quote_start).speaker == speaker


def test_unnamed_company_with_unlisted_modifiers_is_the_next_it() -> None:
    """`The video sharing company announced`: words the lexicon does not list may stand before a listed
    head noun; the phrase is an institution, so the next `it` means it and no earlier organisation."""
    text = "The video sharing company announced on Friday it had taken down 9,000 accounts."
    sentences, entities = rule_analysis(text)
    names = {start: (end, label, name) for start, end, label, name in entities}
    subject = find_subject(sentences[0].tokens, names)
    assert subject is not None and (subject.kind, subject.text) == ("institution", "The video sharing company")


def test_it_after_unnamed_company_with_unlisted_modifiers(quote_starting) -> None:
    text = (
        "The Harbour Tenants Alliance launched a radio advertisement on Monday.\n\n"
        "The video sharing company announced on Friday it had taken down the advertisement. "
        "It added, “We will keep removing such posts.”\n"
    )
    assert quote_starting(text, "We will keep removing").speaker is None


def test_there_with_a_comma_is_a_place_before_the_subject(quote_starting) -> None:
    """`There, the district chairman Carl Lind declined ...`: `There,` is a fronted place, so Lind is
    the subject the next `he` means, not the committeeman quoted before."""
    text = (
        "“Harper would have a steep hill to climb with the delegates,” said Olaf Brandt, the state committeeman.\n\n"
        "One bastion of Harper support is the 1st District. There, the district party chairman Carl Lind "
        "declined to name the delegates but said one was a Harper supporter. The district drew 30 applicants, "
        "which he said were evenly split between the two campaigns.\n\n"
        "“Harper has plenty of friends in this county too,” he said.\n"
    )
    assert quote_starting(text, "Harper has plenty").speaker == "Carl Lind"


@pytest.mark.parametrize(
    ("text", "subject_text"),
    [
        pytest.param("The district GOP Chairman Carl Lind declined to name the delegates.", "Carl Lind", id="party-and-title"),
        pytest.param("The county Democratic Party chairwoman Ann Lee said no.", "Ann Lee", id="party-name-and-role"),
        pytest.param("Here, Carl Lind declined to name the delegates.", "Carl Lind", id="here-with-a-comma"),
    ],
)
def test_person_after_unlisted_words_and_titles(text: str, subject_text: str) -> None:
    sentences, entities = rule_analysis(text)
    names = {start: (end, label, name) for start, end, label, name in entities}
    subject = find_subject(sentences[0].tokens, names)
    assert subject is not None and (subject.kind, subject.text) == ("name", subject_text)


def test_there_is_no_place_without_a_comma() -> None:
    sentences, entities = rule_analysis("There are many delegates still undecided.")
    assert find_subject(sentences[0].tokens, {start: (end, label, name) for start, end, label, name in entities}) is None


def test_it_after_an_organisation_taken_for_a_person(quote_starting) -> None:
    """`Clean Rivers Project, a local advocacy group, ...`: a name ending as an organisation's does,
    whatever the entity tagger made of it, is what the next `it` means."""
    text = (
        "Clean Rivers Project, a local advocacy group, sent a letter to the governor on Monday. "
        'It said the permit "ignores decades of science."\n'
    )
    assert quote_starting(text, "the permit").speaker == "Clean Rivers Project"
