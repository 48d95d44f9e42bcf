"""Speaker names whole and right: titles, places and listeners are not the name; names in any
script and with particles are kept whole; places named after people are not people.

The sentences are written for these tests, in the style of wire copy.
"""

from __future__ import annotations

import pytest

from quotetrack import extract_quotes
from quotetrack.nlp.entities import find_entities


def speakers(text: str) -> list[str | None]:
    return [quote.speaker for quote in extract_quotes(text)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # 1. The listener is not the speaker.
        ("President Joe Barton told Chris Wallace that the tariffs would stay in place until spring.", "Joe Barton"),
        ("“We will not back down,” President Joe Barton told Wallace.", "Joe Barton"),
        ("Mayor Bill Cho pleaded with Governor Ruth Dale for the funds, saying the city could not wait.", "Bill Cho"),
        ("Ruth Dale read from a statement, saying the funds would be released on Monday.", "Ruth Dale"),
        # 2. Titles, places and modifiers before the name are not the name.
        ("“The quota will stay at current levels,” Fisheries Minister Jane Roe said on Monday.", "Jane Roe"),
        ("Lake County District Attorney Tom Hill said the charges would be filed next week.", "Tom Hill"),
        ("“The bridge will reopen in June,” Springfield Mayor Bill Cho told reporters.", "Bill Cho"),
        ("Jane Roe supporter Tim Fox told reporters that the rally would go ahead as planned.", "Tim Fox"),
        ("Research firm eMarketer said online sales would grow by 14 percent this year.", "eMarketer"),
        ("Attorney General Loretta Fuller said the department would review the case.", "Loretta Fuller"),
        ("Chief Executive Anna Berg said the company would cut 300 jobs next year.", "Anna Berg"),
        ("Having announced that he would resign, Judge Tom Berg said the court needed a fresh start.", "Tom Berg"),
        ("Washington (AFP) – Democrat Jane Roe has criticised her rival, saying that the comments do harm.", "Jane Roe"),
        ("WASHINGTON ― Jane Roe told friends that the campaign knew all about the plan.", "Jane Roe"),
        ("NATO Secretary-General Mark Verhoeven said the alliance would find a way before the summit.", "Mark Verhoeven"),
        ("Attorney-General Mark Dreyfus told the Senate the bill would be redrafted over the summer.", "Mark Dreyfus"),
        ("“We are ready to govern,” Vice-President Ana Duarte told supporters in Porto Alegre.", "Ana Duarte"),
        ("NATO Secretary-General Mark Verhoeven met the ministers on Monday. The secretary-general said he was confident the issue would be resolved.", "Mark Verhoeven"),
        # 3. Names beyond ASCII and with particles, whole.
        ("Łukasz Kowalski said the plant would close by the end of the year.", "Łukasz Kowalski"),
        ("“The plant will close,” said Łukasz Kowalski, the union leader.", "Łukasz Kowalski"),
        ("Ólafur Ragnar Grímsson said Iceland would not join the bloc this decade.", "Ólafur Ragnar Grímsson"),
        ("“It was a hard decision,” Zoë Ångström told the newspaper.", "Zoë Ångström"),
        ("Ursula von der Leyen said the commission would present its plan next month.", "Ursula von der Leyen"),
        ("“Europe must act now,” said Ursula von der Leyen.", "Ursula von der Leyen"),
        ("Nguyễn Văn An said the factory had met its export targets for the year.", "Nguyễn Văn An"),
        ("“We are ready to talk,” Kim An said on Friday.", "Kim An"),
        ("Jean-Luc Mélenchon said the vote had been stolen from the people of France.", "Jean-Luc Mélenchon"),
        ("Abu Bakr al-Baghdadi said in an audio message that the fighting would go on.", "Abu Bakr al-Baghdadi"),
        ("Xi Jinping said China would open its markets further to foreign firms.", "Xi Jinping"),
        ("“The kingdom is changing,” Crown Prince Mohammed bin Salman told the broadcaster.", "Mohammed bin Salman"),
        # Honorifics without the full stop, as British, Irish and Australian papers write them.
        ("Treasurer Jim Chalmers spoke in Canberra. “We are not out of the woods yet,” Dr Chalmers said.", "Jim Chalmers"),
        ("“The figures speak for themselves,” Prof Hannah Lowe told the committee.", "Hannah Lowe"),
        ("“It was the right call,” Mrs Okonjo said.", "Okonjo"),
        # A first name spelt like a place is kept when a surname follows it.
        ("Jordan Bardella, president of the National Rally, told Le Parisien that the vote was “a humiliation.”", "Jordan Bardella"),
        # 4. A title word opening a company's name is part of it.
        ("“We had a record quarter,” General Electric said in a statement.", "General Electric"),
        # An organisation named `X of Y` is the whole name.
        ("The Confederation of British Industry said the tax rise would cost jobs in every region.", "Confederation of British Industry"),
        ("The Hollywood Chamber of Commerce said the star would stay on the Walk of Fame.", "Hollywood Chamber of Commerce"),
        # 6. Places and organisations named after people are not people.
        ("The Clinton Foundation said it would stop accepting foreign donations.", "Clinton Foundation"),
    ],
)
def test_speaker_name(text: str, speaker: str):
    assert speaker in speakers(text)


def test_dateline_is_not_the_speaker():
    (quote,) = extract_quotes("OSLO (Reuters) - The ministry said on Tuesday that it would raise the cod quota.")
    assert quote.speaker_mention == "The ministry"


def test_bare_surname_is_not_a_place_named_after_a_person():
    text = (
        "Trump National Doral said the resort would host the summit in May. "
        "Trump said the summit would bring jobs to the county."
    )
    assert speakers(text)[-1] != "Trump National Doral"


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Fisheries Minister Jane Roe spoke", [("Fisheries", "MISC"), ("Jane Roe", "PERSON")]),
        ("Springfield Mayor Bill Cho spoke", [("Springfield", "MISC"), ("Bill Cho", "PERSON")]),
        ("Trump National Doral opened", [("Trump National Doral", "ORG")]),
        ("the Clinton Foundation spoke", [("Clinton Foundation", "ORG")]),
        ("General Electric spoke", [("General Electric", "ORG")]),
        ("reporter Tim Fox spoke", [("Tim Fox", "PERSON")]),
        ("Ursula von der Leyen spoke", [("Ursula von der Leyen", "PERSON")]),
        ("then Kim An spoke", [("Kim An", "PERSON")]),
    ],
)
def test_pattern_ner(words: str, expected: list[tuple[str, str]]):
    tokens = words.split()
    found = [(" ".join(tokens[first : last + 1]), label) for first, last, label in find_entities(tokens)]
    assert found == expected
