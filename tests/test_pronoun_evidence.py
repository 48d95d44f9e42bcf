"""Who `he`, `she` and `it` mean when the surface says more than salience: a lone surname opening a
sentence that the entity tagger left unlabelled (`Halvorsen also addressed ...`), whose view a
fronted `To ...,` gives, a subject after `even` or named between dashes after a role, a name between a subject and a pronoun that keeps
the pronoun's gender from the subject, a platform that spoke before `It added`, who a pronoun
tells (`he told Berglund` is not Berglund), and a person named before a present-tense verb."""

import pytest

from quotetrack.extract.sentences import rule_analysis
from quotetrack.resolve.discourse import Discourse

PASSAGES = [
    pytest.param(
        "The regional council met on Tuesday to discuss the ferry contract.\n\n"
        "“We will not sign a contract we have not read,” council spokesman Tomas Berg said.\n\n"
        "The contract was later approved by a narrow vote, over the objections of Halvorsen.\n\n"
        "Halvorsen also toured the harbour on Thursday with the ferry crews.\n\n"
        "“We take our duty to the islands seriously,” he added.\n",
        "We take our duty",
        "Halvorsen",
        id="lone-surname-opening-the-sentence-before",
    ),
    pytest.param(
        "“The minimum wage should rise with prices,” union leader Erik Dahl said.\n\n"
        "Among the mayors, support for Okafor is crucial. Okafor has stayed guarded on the wage, "
        "though she has said she would back a regional floor.\n",
        "she would back a regional floor",
        "Okafor",
        id="lone-surname-subject-of-the-pronoun-sentence",
    ),
    pytest.param(
        "“The debate was dull,” moderator Karin Lund said afterwards.\n\n"
        "Governor Paul Lindqvist spoke for an hour at the debate in Bergen.\n\n"
        "To Nordland University political science professor Ingrid Solheim, Lindqvist's long answers "
        "seemed to reflect fatigue.\n\n"
        "“He looked like a man who would rather be anywhere else,” she said.\n",
        "He looked like a man",
        "Ingrid Solheim",
        id="person-whose-view-a-fronted-to-phrase-gives",
    ),
    pytest.param(
        "President Anton Varga met Prime Minister Jorge Salas at the summit in Lima.\n\n"
        "“Trade must stay open,” Salas said. Both leaders said they would work with whoever wins the election. "
        "And even Varga kept out of the race in his remarks.\n\n"
        "“It is not my job to choose another country's leader,” he said.\n",
        "It is not my job",
        "Anton Varga",
        id="subject-after-even",
    ),
    pytest.param(
        "In an interview with Radio Metro, the hacker Guzzoni spoke from prison.\n\n"
        "Guzzoni said, through an interpreter, that the ministry's server was open, and he had full access.\n\n"
        "Whitcombe added that Guzzoni told her he had copied the files. She continued that a "
        "police officer she interviewed had confirmed the break-in.\n",
        "a police officer she interviewed",
        "Whitcombe",
        id="unlabelled-name-keeps-the-pronoun-gender-from-the-subject",
    ),
    pytest.param(
        "“They are far too slow,” Senator Rita Oduya said of the messaging apps. “Far too slow,” she added.\n\n"
        "The app Zorvak has closed 40,000 accounts linked to militant groups since March.\n\n"
        "In a blog post on Friday, Zorvak said threats of violence had always broken its rules. "
        "It added that it had hired more reviewers to remove such accounts quickly.\n",
        "it had hired more reviewers",
        "Zorvak",
        id="it-after-a-company-taken-for-a-person",
    ),
    pytest.param(
        "Radio host Nils Berglund interviewed Governor Paul Lindqvist at the fair on Saturday.\n\n"
        "Berglund asked Lindqvist how long the bridge would take.\n\n"
        "“Four years, maybe five, if the money comes,” he told Berglund.\n",
        "Four years, maybe five",
        "Paul Lindqvist",
        id="the-listener-of-a-pronoun-is-not-its-speaker",
    ),
    pytest.param(
        "“We were promised the plant would stay,” said welder Carla Moen, 58.\n\n"
        "Back in the capital, another vote on the plant is the last thing state Representative "
        "Liv Aasen, a Labour member, wants to see. Her district includes the plant, and such jobs "
        "pay better than most, she said.\n",
        "Her district includes the plant",
        "Liv Aasen",
        id="person-named-before-a-present-tense-verb-after-an-apposition",
    ),
]


@pytest.mark.parametrize(("text", "quote_start", "speaker"), PASSAGES)
def test_pronoun_evidence(quote_starting, text: str, quote_start: str, speaker: str) -> None:
    assert quote_starting(text, quote_start).speaker == speaker


def test_common_word_opening_a_sentence_is_no_person(quote_starting) -> None:
    """`Optimism grew`: a word capitalised only where it opens a sentence is not who `he` means."""
    text = (
        "“The harbour will reopen in May,” port director Karl Mikkelsen said on Monday.\n\n"
        "Optimism returned to the quays after the announcement.\n\n"
        "“We have waited two years for this,” he said.\n"
    )
    assert quote_starting(text, "We have waited").speaker == "Karl Mikkelsen"


def test_company_opening_a_sentence_is_no_person(quote_starting) -> None:
    """`Nordtrans cut ...` where the article also writes `at Nordtrans`: a company, not a `he`."""
    text = (
        "“Freight volumes are falling,” said Ole Brandt, who runs the depot at Nordtrans.\n\n"
        "Nordtrans cut 200 jobs last year, and more may follow.\n\n"
        "“Nobody here feels safe,” he said.\n"
    )
    assert quote_starting(text, "Nobody here feels safe").speaker == "Ole Brandt"


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Dorn's deputy — Vice Minister Pavel Rusu — has backed the treaty.", "Pavel Rusu"),
        ("Dorn's deputy, Pavel Rusu, has backed the treaty.", "Pavel Rusu"),
        ("Dorn's deputy — a cautious man — has backed the treaty.", None),
    ],
)
def test_name_between_dashes_after_a_role_is_the_subject(sentence: str, subject: str | None) -> None:
    discourse = Discourse(*rule_analysis(sentence))
    found = discourse.subjects[0]
    assert (found.text if found is not None and found.kind == "name" else None) == subject


def test_pronoun_after_somebody_unnamed_is_nobody_named(quote_starting) -> None:
    """`A reporter for Radio Metro called it chaos. “...,” he said.`: that reporter, not the man the
    article named before; but `A reporter asked Dahl ... He replied` is Dahl."""
    text = (
        "Police named the driver as Erik Sund, 31, of Drammen.\n\n"
        "A reporter for Radio Metro called the scene chaos.\n\n"
        "“We saw people running in every direction,” he said.\n\n"
        "A reporter asked Mayor Jon Dahl how the city would cope. He replied: “We will grieve together.”\n"
    )
    assert quote_starting(text, "We saw people running").speaker is None
    assert quote_starting(text, "We will grieve").speaker == "Jon Dahl"


@pytest.mark.parametrize(
    ("text", "quote_start", "speaker"),
    [
        pytest.param(
            "“Our voters will come home,” party chairman Lars Vik said.\n\n"
            "One Bergen delegate said he had offered his spare convention badges to neighbours. He could not find a "
            "single taker, he said.\n",
            "He could not find a single taker",
            None,
            id="one-somebody-unnamed",
        ),
        pytest.param(
            "“Our voters will come home,” party chairman Lars Vik said.\n\n"
            "One voter, Marta Ilves, 35, came in the colours of a farmers' union. She had protested at "
            "a rally in Tartu.\n\n“I liked every reason they gave,” she said.\n",
            "I liked every reason",
            "Marta Ilves",
            id="one-somebody-named-in-apposition",
        ),
    ],
)
def test_subject_opened_by_one(quote_starting, text: str, quote_start: str, speaker: str | None) -> None:
    """`One delegate said ...`: `one` opens a subject noun phrase like `a` does."""
    assert quote_starting(text, quote_start).speaker == speaker

