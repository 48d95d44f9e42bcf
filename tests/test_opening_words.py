"""Words capitalised only because they open a sentence (`Maybe Okafor`, `De Luca` where the
article writes `maybe`, `de` elsewhere) are cut from a person's name when the article also writes
the surname after another word; a name only ever written one way (`Win Htein`) is kept."""

from quotetrack import extract_quotes


def test_opening_adverb_is_cut(tags_of) -> None:
    found = tags_of("Senator Grace Okafor spoke .", "Maybe Okafor will run .", "It may be that maybe it rains .")
    assert found[1][:2] == ["O", "S-PERSON"]


def test_name_only_written_one_way_is_kept(tags_of) -> None:
    found = tags_of("Win Htein spoke on Tuesday .", "The party may win .")
    assert found[0][:2] == ["B-PERSON", "E-PERSON"]


def test_particle_opening_a_sentence_resolves_to_the_full_name() -> None:
    text = (
        "Mayor Carla de Luca opened the new bridge on Monday.\n\n"
        "De Luca said the city would finish the second span by spring."
    )
    (quote,) = extract_quotes(text)
    assert quote.speaker == "Carla de Luca"


def test_describing_compound_is_cut_with_what_precedes_it(tags_of) -> None:
    found = tags_of("Veteran Oscar-winner Lund returned .", "Critics praised Greta Lund .")
    assert found[0][:3] == ["O", "O", "S-PERSON"]


def test_hyphenated_names_are_kept(tags_of) -> None:
    found = tags_of("Jean-Pierre Morel spoke .", "Ban Ki-moon spoke .")
    assert found[0][:2] == ["B-PERSON", "E-PERSON"]
    assert found[1][:2] == ["B-PERSON", "E-PERSON"]


def test_speaker_after_a_describing_compound() -> None:
    text = "“The race is close,” Ohio-based pollster aide Mark Delaney said.\n\n“It is,” Kenya-born Amina Odhiambo said."
    speakers = [quote.speaker for quote in extract_quotes(text)]
    assert speakers[-1] == "Amina Odhiambo"


def test_given_name_spelt_like_a_word_is_kept(tags_of) -> None:
    found = tags_of("Drew Okafor said the plan was dead .", "The plan drew criticism , Okafor said .")
    assert found[0][:2] == ["B-PERSON", "E-PERSON"]
