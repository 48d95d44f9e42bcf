"""A coordinated cue goes back to the subject after an opening phrase, past a place that closes the
phrase and an age before the name: `At a rally in Dover, Ohio, 62-year-old Ann Lee railed against the
plan, and explained that ...` is Ann Lee explaining, not Ohio; and to the name apposed to `One of the
men, Jessie Hale, 70, ... and said`."""


def test_place_and_age_after_the_opening_phrase(quote_starting) -> None:
    text = "The rally was loud.\n\nAt a June campaign event in Bridgeport, Ohio, 62-year-old Mary Dunn also railed against the levy, and explained that it would double her taxes.\n"
    assert quote_starting(text, "it would double").speaker == "Mary Dunn"


def test_opening_phrase_without_place(quote_starting) -> None:
    text = "The rally was loud.\n\nAt the rally on Monday, Mayor Tom Hale thanked the crowd, and said that the levy would pass.\n"
    assert quote_starting(text, "the levy would pass").speaker == "Tom Hale"


def test_name_apposed_to_one_of_a_group(quote_starting) -> None:
    text = (
        "Two men stood by the gate.\n\nOne of the men, Jessie Hale, 70, had served in the navy - 13 months at sea - and said he was "
        "convinced the mayor would lead the town into ruin.\n"
    )
    assert quote_starting(text, "he was convinced").speaker == "Jessie Hale"
