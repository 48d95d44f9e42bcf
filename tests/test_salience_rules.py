"""Pronoun antecedents and speakers in harder word orders, on short invented news passages:
role words before a name, sentence adverbs, fronted `like` and `according to` adjuncts, and
`told` with an age or title apposed to the speaker."""

import pytest

from quotetrack.records import Article

PASSAGES = [
    pytest.param(
        "“The harbour will reopen in spring,” Mayor Anna Becker said on Friday.\n\n"
        "Rowing great Ingrid Solberg remembered the old boathouse fondly. She trained there as a girl.\n\n"
        "“It was the heart of the town,” she said.\n",
        "It was the heart",
        "Ingrid Solberg",
        id="lowercase-role-word-before-name",
    ),
    pytest.param(
        "“Turnout will be low,” Mayor Anna Becker said on Friday.\n\n"
        "Meanwhile Priya Raman, who chairs the election board, was more upbeat about the count. "
        "“The queues this morning were the longest I have seen,” she said.\n",
        "The queues this morning",
        "Priya Raman",
        id="adverb-without-comma-before-subject",
    ),
    pytest.param(
        "“The levy is a tax on trade,” Senator Ian Lee said in March.\n\n"
        "But like Lee, Governor Paul Okafor wants the port fees cut. “The ships will come back,” he said.\n",
        "The ships will come back",
        "Paul Okafor",
        id="fronted-like-adjunct",
    ),
    pytest.param(
        "“The budget is balanced,” Finance Minister Olga Brandt told parliament.\n\n"
        "According to Maria Ostrowska, the deficit is larger than reported. "
        "“The hole is at least two billion,” she said.\n",
        "The hole is at least",
        "Maria Ostrowska",
        id="according-to-source-is-antecedent",
    ),
]


@pytest.mark.parametrize("text, quote_start, speaker", PASSAGES)
def test_antecedent(quote_starting, text, quote_start, speaker):
    assert quote_starting(text, quote_start).speaker == speaker


def test_told_is_never_inverted(quote_starting):
    # `“...,” Ferraz, 58, told AFP`: the age is apposed to the speaker; AFP only heard it.
    text = (
        "The veteran anchor has clashed with the candidate for a year.\n\n"
        "“We should have spoken up much sooner,” Lucia Ferraz, 58, told AFP in Lisbon.\n"
    )
    quote = quote_starting(text, "We should have")
    assert quote.speaker == "Lucia Ferraz"
    assert quote.text == "We should have spoken up much sooner,"


def test_lone_first_name_is_the_full_name(quote_starting):
    text = (
        "The host, Dana Whitfield, interviewed the senator on Sunday. I told Megyn Kelly that the ruling was fair. "
        "Megyn was incredulous. “Only you would say that,” she said.\n"
    )
    assert quote_starting(text, "Only you would").speaker == "Megyn Kelly"


@pytest.mark.parametrize(
    "text, quote_start, speaker",
    [
        pytest.param(
            "Delegates met in Fargo on Friday. Another delegate on the Okafor slate, Jon Pelletier, said the rules "
            "were “a mess from start to finish.”\n",
            "the rules were",
            "Jon Pelletier",
            id="described-somebody-named-in-apposition",
        ),
        pytest.param(
            "Delegates met in Fargo on Friday. Okafor’s Dakota chairman, Roy Easton, said the delegates would stay "
            "“loyal to the end.”\n",
            "the delegates would stay",
            "Roy Easton",
            id="possessed-role-named-in-apposition",
        ),
        pytest.param(
            "The ministry was silent on Tuesday. The director of the Baltic Energy Centre, Ilse Korhonen, said the "
            "pipeline would be “finished by winter.”\n",
            "the pipeline would be",
            "Ilse Korhonen",
            id="role-of-organisation-named-in-apposition",
        ),
    ],
)
def test_name_apposed_to_a_description(quote_starting, text, quote_start, speaker):
    assert quote_starting(text, quote_start).speaker == speaker


@pytest.mark.parametrize(
    "text, quote_start, speaker",
    [
        pytest.param(
            "“Orders are falling,” the plant’s owner, Carl Vogt, said on Monday.\n\n"
            "Outside the gates on Industrial Road, a welder named Tomas Ruiz has only praise for his job. "
            "“The atmosphere is relaxed,” he said.\n",
            "The atmosphere is relaxed",
            "Tomas Ruiz",
            id="role-named-person",
        ),
        pytest.param(
            "“We expect a vote by Friday,” Senator Paul Okafor said.\n\n"
            "At that moment, the Swedish ambassador to the United Nations, Erik Dahl, whispered to an aide. "
            "“One hopes,” he said.\n",
            "One hopes",
            "Erik Dahl",
            id="role-with-complement-then-apposed-name",
        ),
    ],
)
def test_subject_named_after_its_role(quote_starting, text, quote_start, speaker):
    assert quote_starting(text, quote_start).speaker == speaker


def test_it_after_a_one_word_name_that_spoke(quote_starting):
    # `Veltra said ... It added`: a one-word name nobody calls he or she is a company, and `it`.
    text = (
        "Analysts welcomed the decision.\n\n"
        "In a statement on Friday, Veltra said the recall covered 40,000 heaters. "
        "It added that it had “found no injuries so far.”\n"
    )
    assert quote_starting(text, "it had").speaker == "Veltra"


def test_added_a_thing_is_no_speech(extractor):
    text = (
        "“Rumours travel faster than corrections,” Holan said.\n\n"
        "The new app has added another step to the rumour mill, she noted.\n"
    )
    quotes = extractor.extract(Article(text=text))
    chain = [quote for quote in quotes if "rumour mill" in quote.text]
    assert chain and all(quote.speaker_mention != "The new app" for quote in chain)


def test_place_prefix_is_no_person(quote_starting):
    # `Santa Catarina` is a town: `he` is the welder, never the town.
    text = (
        "“Orders are falling,” said Carla Vogt, the plant’s owner.\n\n"
        "Near the gates in Santa Catarina, welders took a break. “The work is steady,” he said.\n"
    )
    assert quote_starting(text, "The work is steady").speaker != "Santa Catarina"


def test_person_opening_a_but_clause(quote_starting):
    text = (
        "“We should move on to the economy,” Senator Paul Ruiz said.\n\n"
        "The moderators were ready to change the subject, but Tom Becker was not having it. "
        "“You see, everybody, this is what the capital does,” he said.\n"
    )
    assert quote_starting(text, "You see").speaker == "Tom Becker"


def test_surname_alone_is_not_the_one_called_by_first_name(quote_starting):
    text = (
        "Betsy Ebeling and her husband, Tom Ebeling, went door to door on Sunday.\n\n"
        "“This is one of her oldest friends,” Tom said.\n\n"
        "“We live in Chicago, but we came today,” Ebeling said.\n"
    )
    assert quote_starting(text, "This is one").speaker == "Tom Ebeling"
    assert quote_starting(text, "We live in Chicago").speaker == "Betsy Ebeling"


def test_capitalised_common_noun_opening_a_sentence_is_nobody(quote_starting):
    text = (
        "The hospital opened in 1994.\n\n"
        "People in Fort Myers said the last thing anyone noticed about the hospital was the parking. "
        "Few people there expected the visit.\n"
    )
    assert quote_starting(text, "the last thing").speaker is None


def test_fronted_adjunct_ending_in_a_quoted_word(quote_starting):
    text = (
        "“He is not ready for the job,” Senator Paul Ruiz said of the governor.\n\n"
        "As for the governor’s stumble over “tariffs,” Eric Levine found it funny. "
        "“I laughed so hard I missed the next question,” he said.\n"
    )
    assert quote_starting(text, "I laughed so hard").speaker == "Eric Levine"


def test_events_and_treaties_named_like_people_are_no_people():
    from quotetrack.resolve.mentions import is_venue

    assert all(is_venue(name) for name in ("World War II", "Trans-Pacific Partnership", "Paris Agreement"))
    assert not any(is_venue(name) for name in ("Ann Lee", "Tom Ward"))


def test_adverb_between_speaker_and_cue_is_not_the_speaker(quote_starting):
    text = "Traffic fell again in March. The port authority now says the slump will last until 2030.\n"
    quote = quote_starting(text, "the slump")
    assert quote.speaker_mention == "The port authority"


def test_name_apposed_after_a_short_complement(quote_starting):
    text = "The council was “trying hard to win back public trust,” wrote the British envoy at the time, Peter R. Hollis.\n"
    assert quote_starting(text, "The council was").speaker == "Peter R. Hollis"
