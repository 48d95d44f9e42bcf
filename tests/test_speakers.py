"""Speaker resolution on short invented news passages: pronouns by salience, organisations,
acronyms, documents, surnames and places named after people."""

import pytest

from quotetrack.records import Article
from quotetrack.resolve.outlets import Outlets
from quotetrack.resolve.speakers import SpeakerResolver


def speaker_of(extractor, text: str, quote_start: str) -> str | None:
    """The speaker of the quote whose text holds ``quote_start``."""
    quotes = extractor.extract(Article(text=text))
    matching = [quote for quote in quotes if quote_start in quote.text]
    assert matching, [quote.text for quote in quotes]
    return matching[0].speaker


PASSAGES = [
    pytest.param(
        # (a) the subject of the same sentence's earlier clause
        "Harbour commissioner Lucia Figueroa defended the new tariffs on Monday. "
        "Figueroa said the fees would pay for dredging, though she acknowledged that “some captains will grumble.”\n",
        "some captains",
        "Lucia Figueroa",
        id="same-sentence-subject",
    ),
    pytest.param(
        # (b) a person introduced as a subject after someone else spoke wins over the last speaker
        "“We will not close the plant,” Mayor Tom Becker said.\n"
        "Former governor Ann Lee, who chaired the rescue board, was less certain. "
        "“Nobody has shown me the numbers,” she said.\n",
        "Nobody has shown",
        "Ann Lee",
        id="new-subject-over-last-speaker",
    ),
    pytest.param(
        # (c) the last speaker, when nobody new is introduced; gender skips the wrong one
        "“The vote is final,” Maria Ostrowska told reporters.\n"
        "Her deputy, Pavel Nowak, disagreed. “There will be a recount,” he said.\n"
        "“We have the ballots,” she added.\n",
        "We have the ballots",
        "Maria Ostrowska",
        id="gender-skips-nearer-person",
    ),
    pytest.param(
        # a dateline and a fronted adjunct do not hide the subject
        "LAGOS — On Tuesday, fisheries minister Grace Okafor toured the docks. "
        "“The catch is down by half,” she said.\n",
        "The catch is down",
        "Grace Okafor",
        id="dateline-and-fronted-adjunct",
    ),
    pytest.param(
        # a name inside the subject's apposition is not the subject
        "Rodrigo Alves, a Lula supporter, said he had changed his mind. "
        "“It is time for someone new,” he said.\n",
        "It is time",
        "Rodrigo Alves",
        id="name-in-apposition-is-not-subject",
    ),
    pytest.param(
        # `he` after a subject tells that person's gender, so a nearer known man does not win
        "Kelechi Okoye was born in Lagos, but he moved to London as a child. "
        "Ahmed Sule, his uncle, ran a shop there.\n"
        "“London made me,” Okoye says.\n"
        "“I owe it everything,” he adds.\n",
        "I owe it everything",
        "Kelechi Okoye",
        id="gender-learned-from-pronoun",
    ),
    pytest.param(
        # names inside quotation marks are talked about, not antecedents
        "“I spoke to Daniel Brandt yesterday,” said Helen Marsh, the union's lawyer. "
        "“The offer is not serious,” she said.\n",
        "The offer is not serious",
        "Helen Marsh",
        id="names-in-quotes-are-not-antecedents",
    ),
]


@pytest.mark.parametrize(("text", "quote_start", "speaker"), PASSAGES)
def test_pronouns_by_salience(extractor, text, quote_start, speaker):
    assert speaker_of(extractor, text, quote_start) == speaker


ORGANISATIONS = [
    pytest.param(
        "The Ministry of Fisheries announced new quotas on Friday. "
        "It said the limits were “necessary to save the stocks.”\n",
        "necessary to save",
        "Ministry of Fisheries",
        id="it-after-organisation-subject",
    ),
    pytest.param(
        "The Water Department raised its rates twice last year. "
        "The department said the increase was “unavoidable.”\n",
        "unavoidable",
        "Water Department",
        id="the-department",
    ),
    pytest.param(
        "Immigration, Refugees and Citizenship Canada (IRCC) processed the files. "
        "“Every application is reviewed,” IRCC said.\n",
        "Every application",
        "Immigration, Refugees and Citizenship Canada",
        id="acronym-is-its-long-form",
    ),
    pytest.param(
        "“Prices will rise,” said Omar Haddad, an economist. "
        "The report, published by the central bank, said inflation “will stay high for a year.”\n",
        "will stay high",
        None,
        id="a-report-is-not-a-person",
    ),
]


@pytest.mark.parametrize(("text", "quote_start", "speaker"), ORGANISATIONS)
def test_organisations_and_documents(extractor, text, quote_start, speaker):
    assert speaker_of(extractor, text, quote_start) == speaker


def test_unnamed_plural_stays_unresolved(extractor):
    text = (
        "“The bridge is safe,” engineer Ruth Kagame said.\n"
        "Residents were not convinced. They said the cracks were “getting wider every week.”\n"
    )
    assert speaker_of(extractor, text, "getting wider") is None


def test_coordinated_names_are_they(extractor):
    text = (
        "Senators Alma Ruiz and Victor Hale met the farmers in Dodge. "
        "They said the subsidy was “the least we can do.”\n"
    )
    assert speaker_of(extractor, text, "the least we can do") == "Alma Ruiz and Victor Hale"


def test_surname_before_full_name(extractor):
    text = (
        "“We are ready,” Okonjo said on Monday.\n"
        "Finance minister Ngozi Okonjo later confirmed the budget.\n"
    )
    assert speaker_of(extractor, text, "We are ready") == "Ngozi Okonjo"


def test_place_named_after_person_is_not_that_person(extractor):
    text = (
        "The gala was held at Marlow National Resort. "
        "“It was a great night,” Marlow said.\n"
    )
    assert speaker_of(extractor, text, "It was a great night") == "Marlow"


def test_mr_is_not_his_wife():
    text = "Anna Berg and Erik Berg arrived. Mr. Berg spoke."
    entities = [(0, 9, "PERSON", "Anna Berg"), (14, 23, "PERSON", "Erik Berg")]
    resolver = SpeakerResolver(text, [], entities, Outlets.load())
    resolver.people["Erik Berg"].gender = "male"
    resolver.people["Anna Berg"].gender = "female"
    assert resolver.resolve("Mr. Berg", 33) == "Erik Berg"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Mayor Ines Varga defended the budget. “It is balanced,” Varga's spokesman, Luca Bianchi, said.\n",
            "Luca Bianchi",
            id="possessed-role-named-in-apposition",
        ),
        pytest.param(
            "Mayor Ines Varga defended the budget. “It is balanced,” Varga's spokesman said.\n",
            None,
            id="possessed-role-unnamed",
        ),
    ],
)
def test_a_role_of_somebodys_is_not_that_somebody(extractor, text, speaker):
    assert speaker_of(extractor, text, "It is balanced") == speaker
