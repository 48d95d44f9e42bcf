"""A subject with a passive relative (`The report issued by the inspector general said`) is one
noun phrase however long; a spaced dash before the subject is no part of it."""

from quotetrack.records import Article


def test_report_issued_by_an_office_speaks(extractor) -> None:
    text = "The audit issued by the auditor general on Monday said the agency had lost track of 3,000 case files.\n"
    (quote,) = extractor.extract(Article(text=text))
    assert (quote.kind, quote.speaker_mention, quote.text) == (
        "indirect",
        "The audit issued by the auditor general",
        "the agency had lost track of 3,000 case files",
    )


def test_dash_before_subject_is_not_in_the_mention(extractor) -> None:
    text = (
        "The number of closures is far higher than earlier studies suggested - a study released by the Halden "
        "Institute last year estimated that at least 4,000 clinics had shut.\n"
    )
    quotes = extractor.extract(Article(text=text))
    assert [quote.speaker_mention for quote in quotes] == ["a study released by the Halden Institute"]
