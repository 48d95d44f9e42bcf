"""`I` outside quotation marks: in a column, memoir or reporter's notebook it is the writer, whom the
text does not name, so no speaker; in a transcript or interview (lines opening with `Q:`, `A:` or a
name in capitals) it is the one answering, and in a passage set off after `... wrote:` the one quoted."""

from quotetrack.extract import Extractor
from quotetrack.records import Article


def speakers(extractor: Extractor, text: str, words: str) -> list[str | None]:
    return [quote.speaker for quote in extractor.extract(Article(text=text)) if words in quote.text]


def test_writer_of_a_column_is_nobody_named(extractor: Extractor) -> None:
    text = (
        "Governor Ana Ruiz promised on Monday to rebuild the harbour by spring.\n\n"
        "Last month, when I asked Ruiz about the budget, she laughed. I told her later that the "
        "dockworkers had stopped believing her.\n"
    )
    assert speakers(extractor, text, "the dockworkers had stopped") == [None]


def test_interviewee_in_a_transcript(extractor: Extractor) -> None:
    text = (
        "Q&A with Governor Ana Ruiz.\n\n"
        "Q: Will the harbour be rebuilt by spring?\n\n"
        "A: I think the money is there. I said when I took office that the docks come first.\n\n"
        "Q: And the unions?\n\n"
        "A: They have been patient.\n"
    )
    assert speakers(extractor, text, "the docks come first") == ["Ana Ruiz"]


def test_passage_set_off_after_a_colon(extractor: Extractor) -> None:
    text = (
        "Pastor Tomas Berg posted a video from the rally on Sunday.\n\n"
        "In the text below the video, Berg wrote:\n\n"
        "I think this prayer timely, as the polls are showing that support is slipping.\n"
    )
    assert speakers(extractor, text, "the polls are showing") == ["Tomas Berg"]
