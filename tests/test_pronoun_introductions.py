"""Pronoun speakers, third round: `they` after people the article does not name (`Industry analysts
say ...`, `many analysts because they ...`, `Her advisers say ...`), and `she`/`he` after somebody brought into the story by
full name in the sentence before, when that sentence is about nobody else the pronoun could mean."""

import pytest

PASSAGES = [
    pytest.param(
        "The Energy Ministry said on Tuesday it would cap offshore drilling from next year.\n\n"
        "Industry analysts say the limits will cut output by a fifth. "
        "They said prices at the pump would rise before the winter.\n",
        "prices at the pump",
        None,
        id="they-after-unnamed-analysts-is-not-the-ministry-quoted-before",
    ),
    pytest.param(
        "The Energy Ministry said on Tuesday it would cap offshore drilling from next year.\n\n"
        "The governor was more cautious. Her advisers say the cap cannot pass the assembly this year, "
        "and they say it would leave the budget short.\n",
        "it would leave the budget short",
        None,
        id="they-after-possessed-plural-role-subject",
    ),
    pytest.param(
        "Mayor Ann Lee and Governor Tom Hale toured the flooded district on Monday.\n\n"
        "As Lee and Hale walked along the river, they were stopped by dozens of residents, "
        "the first such protest of the campaign, they said.\n",
        "As Lee and Hale walked",
        "Ann Lee and Tom Hale",
        id="they-after-two-people-in-a-fronted-clause",
    ),
    pytest.param(
        "The port authority and the dockworkers' union met again on Monday without a deal.\n\n"
        "Still, Democrats believe pressure from shippers will force a settlement within weeks. "
        "They say the two sides have already narrowed the gap on pensions.\n",
        "the two sides have already narrowed",
        "Democrats",
        id="they-after-a-party-named-as-plural-subject",
    ),
    pytest.param(
        "The Energy Ministry said on Tuesday it would cap offshore drilling from next year.\n\n"
        "The ministry has faced little pressure over the limits. "
        "That frustrates many analysts because they say output will fall sharply next year.\n",
        "output will fall sharply",
        None,
        id="they-right-after-a-plural-noun-in-its-own-sentence",
    ),
    pytest.param(
        "“The bridge will be finished by spring,” Mayor Ann Lee said on Monday.\n\n"
        "Engineers presented the schedule at a packed hearing on Tuesday. "
        "One local resident, retired nurse Maria Santos, confronted them after the meeting.\n\n"
        "“Nobody asked us about the noise,” she said.\n",
        "Nobody asked us",
        "Maria Santos",
        id="she-after-a-woman-introduced-by-full-name",
    ),
    pytest.param(
        "“We have not received a single complaint,” said Tom Barker, the project manager.\n\n"
        "The city council's transport committee took up the matter a week later. "
        "Its chairman answered a letter from the retired teacher Daniel Okoro, who lives by the site.\n\n"
        "“They start pile driving at six in the morning,” he wrote.\n",
        "They start pile driving",
        "Daniel Okoro",
        id="he-after-a-man-named-in-full-for-the-first-time",
    ),
    pytest.param(
        "“The bridge will be finished by spring,” Mayor Ann Lee said on Monday.\n\n"
        "Lee thanked Maria Santos for organising the neighbours.\n\n"
        "“We will listen to every household,” she said.\n",
        "We will listen",
        "Ann Lee",
        id="the-subject-of-the-sentence-before-still-comes-first",
    ),
    pytest.param(
        "“The bridge will be finished by spring,” Mayor Ann Lee said on Monday.\n\n"
        "Residents had complained to Maria Santos, the ward councillor, for months. "
        "She praised Maria Santos for organising the neighbours.\n\n"
        "“We will listen to every household,” she said.\n",
        "We will listen",
        "Ann Lee",
        id="not-a-name-after-a-pronoun-of-that-gender",
    ),
    pytest.param(
        "Councillor Maria Santos said residents had not been consulted.\n\n"
        "“The bridge will be finished by spring,” Mayor Ann Lee said on Monday.\n\n"
        "The delay has cost Maria Santos's ward two bus routes.\n\n"
        "“We will add a temporary service,” she said.\n",
        "We will add",
        "Ann Lee",
        id="not-somebody-named-before-nor-an-owner",
    ),
]


@pytest.mark.parametrize(("text", "quote_start", "speaker"), PASSAGES)
def test_pronoun_after_introduction(quote_starting, text: str, quote_start: str, speaker: str | None) -> None:
    assert quote_starting(text, quote_start).speaker == speaker


NAMED_SINCE = [
    pytest.param(
        "“We cannot keep raising fees,” said Tom Barker, the transit authority's finance chief.\n\n"
        "The debate over the levy has dragged on for a year. Councillors have twice delayed a vote, "
        "and the unions have threatened a strike. But when it comes to Mayor Daniel Okoro's record, "
        "it is the refusals that stand out. He said no to a fare rise in 2019.\n",
        "no to a fare rise",
        "Daniel Okoro",
        id="he-after-narration-that-names-somebody-new",
    ),
    pytest.param(
        "“I think they will run out the clock,” said Tom Barker, a law professor who follows the court. "
        "“That will leave 40 vacancies.”\n\n"
        "But what if the governor wins? Does the assembly not risk nominees more liberal than Daniel Okoro's?\n\n"
        "“The governor should do whatever he wants,” he said.\n",
        "The governor should do",
        "Tom Barker",
        id="not-when-the-speaker-was-just-quoted",
    ),
]


@pytest.mark.parametrize(("text", "quote_start", "speaker"), NAMED_SINCE)
def test_pronoun_after_a_stale_antecedent(quote_starting, text: str, quote_start: str, speaker: str) -> None:
    assert quote_starting(text, quote_start).speaker == speaker


def test_definite_role_after_a_person_describes_that_person(quote_starting) -> None:
    """`Ann Lee is choosing not to respond. Instead, the Ohio senator is sticking to ...`: a writer
    describing the person just talked about anew, not another senator the article quoted long before."""
    text = (
        "Senator Maria Cole said on Sunday that the border bill would pass. “We have the votes,” Cole said.\n\n"
        "The House will take up its own version next month, with hearings planned in four states. "
        "Farm groups want a guest-worker program added. Police unions want more money for checkpoints.\n\n"
        "Democratic presidential candidate Ann Lee is choosing not to respond to the attacks on her record.\n\n"
        "Instead, the Ohio senator is sticking to her campaign message a day before the primary.\n\n"
        "“We have come a long way in nine months,” she told supporters in Dayton on Monday.\n"
    )
    assert quote_starting(text, "We have come a long way").speaker == "Ann Lee"


@pytest.mark.parametrize(
    ("text", "quote_start", "speaker"),
    [
        pytest.param(
            "Police released security footage of the rally on Tuesday. It contradicted what Ann Lee and "
            "Tom Hale said about the scuffle last month.\n\n"
            "They had asserted that Hale never touched the photographer.\n",
            "Hale never touched",
            "Ann Lee and Tom Hale",
            id="they-after-a-pair-in-a-clause-of-the-sentence-before",
        ),
        pytest.param(
            "The visa program expires at the end of the month. Senator Ann Lee and Senator Tom Hale "
            "have written a bill to tighten it.\n\n"
            "But Ms. Lee and Mr. Hale say other changes are needed.\n\n"
            "The program has grown well beyond its first purpose, they say.\n",
            "The program has grown",
            "Ann Lee and Tom Hale",
            id="they-after-a-titled-pair",
        ),
        pytest.param(
            "Ann Lee and Tom Hale said the plant would close.\n\n"
            "Union officials disputed that on Friday. They said the owners had promised to keep it open.\n",
            "the owners had promised",
            None,
            id="not-over-unnamed-people-in-between",
        ),
        pytest.param(
            "The plant has been losing money for years.\n\n"
            "Union officials said Ann Lee and Tom Hale had promised to keep it open. "
            "They added that the owners had broken that promise.\n",
            "the owners had broken",
            None,
            id="not-a-pair-that-unnamed-people-talk-about",
        ),
        pytest.param(
            "The two candidates shared a stage in Dayton on Monday night.\n\n"
            "“Look at what you did to the schedule,” Ann Lee said. Tom Hale replied, “We can fix that later.”\n\n"
            "They went on for another ten minutes, saying they had been told to fill time before the next speaker.\n",
            "they had been told",
            "Ann Lee and Tom Hale",
            id="they-after-two-people-answering-each-other",
        ),
        pytest.param(
            "“Look at what you did to the schedule,” Ann Lee said. Tom Hale replied, “We can fix that later.”\n\n"
            "The organisers were not amused. They said the next speaker had been kept waiting for ten minutes.\n",
            "the next speaker had been kept",
            None,
            id="not-over-unnamed-people-after-the-exchange",
        ),
    ],
)
def test_they_after_two_people(quote_starting, text: str, quote_start: str, speaker: str | None) -> None:
    assert quote_starting(text, quote_start).speaker == speaker


@pytest.mark.parametrize(
    ("text", "names"),
    [
        pytest.param("But Mr. Ruiz and Mr. Hale say other changes are needed.", ("Ruiz", "Hale"), id="titles-before-both"),
        pytest.param("Ann Lee and Sen. Tom Hale wrote the bill.", ("Ann Lee", "Tom Hale"), id="title-before-the-second"),
    ],
)
def test_names_joined_with_titles_are_one_subject(text: str, names: tuple[str, ...]) -> None:
    from quotetrack.extract.sentences import rule_analysis
    from quotetrack.resolve.discourse import find_subject

    sentences, entities = rule_analysis(text)
    subject = find_subject(sentences[0].tokens, {start: (end, label, name) for start, end, label, name in entities})
    assert subject is not None and (subject.kind, subject.names) == ("names", names)


@pytest.mark.parametrize(
    ("text", "quote_start", "speaker"),
    [
        pytest.param(
            "The Harbour Tenants Alliance filed its lawsuit on Monday.\n\n"
            "For almost 30 years, the Registry denied any role in the evictions. But in 2010, researchers "
            "found documents that forced the agency to admit some blame. Even so, it declared that it had "
            "never shared the names of tenants with landlords.\n",
            "it had never shared",
            "Registry",
            id="it-after-the-name-of-a-body-that-acts",
        ),
        pytest.param(
            "The Harbour Tenants Alliance filed its lawsuit on Monday.\n\n"
            "The Ontario case faces the tightest deadline because of an old appeal ruling. "
            "It states that courts should not rule too close to an election.\n",
            "courts should not rule",
            None,
            id="not-a-name-modifying-a-noun",
        ),
    ],
)
def test_it_after_a_named_body(quote_starting, text: str, quote_start: str, speaker: str | None) -> None:
    assert quote_starting(text, quote_start).speaker == speaker
