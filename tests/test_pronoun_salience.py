"""Who a pronoun speaker is when the sentence's own subject is what was said (`Olsen has lost the
council's trust, he added`), when the person comes in a clause after `, but`, and inverted cues
whose `speaker` would be a clause (`R-Ore., said the hearing will start with ...`)."""

import pytest

PASSAGES = [
    pytest.param(
        "Mayor Erik Olsen unveiled the harbour budget on Monday.\n\n"
        "Councillor Tomas Berg was unimpressed. “It is a mess,” Berg said. "
        "Olsen has lost the council's trust, he added.\n",
        "Olsen has lost",
        "Tomas Berg",
        id="subject-talked-about-after-another-speaker",
    ),
    pytest.param(
        "“Rates will rise,” central bank governor Erik Olsen said.\n\n"
        "Former finance minister Tomas Berg backed the reform from the start, he said on Tuesday.\n",
        "Former finance minister Tomas Berg backed",
        "Tomas Berg",
        id="person-introduced-tells-of-himself",
    ),
    pytest.param(
        "The trade union's Marta Kowal met the minister on Friday.\n\n"
        "“We were heard,” Kowal said.\n\n"
        "Kowal has led the union for a decade and will stand again next year, she said.\n",
        "Kowal has led the union",
        "Marta Kowal",
        id="nobody-else-near-so-the-subject-speaks",
    ),
    pytest.param(
        "“Quotas are a blunt tool,” Agriculture Minister Lars Hovland said.\n\n"
        "Ana Ruiz and Pedro Gil, who lead the farmers' union, met the minister on Friday. "
        "Regional councils can manage the water quotas, they said.\n",
        "Regional councils can manage",
        "Ana Ruiz and Pedro Gil",
        id="they-after-a-plural-subject-in-what-was-said",
    ),
    pytest.param(
        "“The levy is fair,” Finance Minister Helga Jensen said on Monday.\n\n"
        "Some members of the assembly have backed the levy, but Senator Ruth Adebayo, who chairs the "
        "finance committee, is not convinced. “We cannot tax our way out of this,” she said.\n",
        "We cannot tax our way",
        "Ruth Adebayo",
        id="titled-person-after-but",
    ),
    pytest.param(
        "Committee chair Rep. Dana Whitfield, D-Ore., said the hearing will start with the inspector "
        "general, but not end there.\n",
        "the hearing will start",
        "Dana Whitfield",
        id="party-tag-comma-is-no-inverted-cue",
    ),
    pytest.param(
        "“The fees are far too high for most families,” said Will Hardy, a lecturer at the university.\n",
        "The fees are far too high",
        "Will Hardy",
        id="first-name-spelt-like-an-auxiliary",
    ),
    pytest.param(
        "“The port stays public,” harbour director Anna Jensen said.\n\n"
        "It was with the same stubbornness that Mayor Ruth Okafor fought the sale in 2019, when she told the council "
        "that the docks were not for sale.\n",
        "the docks were not for sale",
        "Ruth Okafor",
        id="pronoun-opening-a-subordinate-clause",
    ),
    pytest.param(
        "“The port stays public,” harbour director Karl Jensen said.\n\n"
        "Jensen spoke after meeting Okafor aides, because he said the city needed a plan.\n",
        "the city needed a plan",
        "Karl Jensen",
        id="name-modifying-a-noun-is-no-antecedent",
    ),
]


@pytest.mark.parametrize(("text", "quote_start", "speaker"), PASSAGES)
def test_pronoun_and_subject_speakers(quote_starting, text: str, quote_start: str, speaker: str) -> None:
    assert quote_starting(text, quote_start).speaker == speaker
