"""Words capitalised before a name are not part of it: `Comedian Ana Lima`, `Sens. Tom Hale`,
`Certainly Ruth Okafor`; first names and double first names stay (`Mary Ann Hale`)."""

import pytest

from quotetrack.resolve.discourse import clean_name


@pytest.mark.parametrize(
    ("name", "clean"),
    [
        ("Comedian Ana Lima", "Ana Lima"),
        ("Moderator Paul Okafor", "Paul Okafor"),
        ("Rival Maria Lindqvist", "Maria Lindqvist"),
        ("Certainly Ruth Okafor", "Ruth Okafor"),
        ("Sens. Tom Hale", "Tom Hale"),
        ("Govs. Dana Whitfield", "Dana Whitfield"),
        ("Mary Ann Hale", "Mary Ann Hale"),
        ("Andres Manuel Ortega", "Andres Manuel Ortega"),
        ("Lee Hsien Loong", "Lee Hsien Loong"),
    ],
)
def test_clean_name_drops_words_before_the_name(name: str, clean: str) -> None:
    assert clean_name(name) == clean
