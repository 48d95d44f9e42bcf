"""Speaker labels without quote marks: `Peskov: Moscow is open to talks` as a headline, and a
transcript's turns (`TAPPER: Do you think ...`, `Ann Lee: We never agreed to that.`).

News headlines credit a statement with the speaker's name and a colon, and broadcast
transcripts open each turn the same way. Both name the speaker outright, so the words after
the colon are that person's, quote marks or not. A label counts only when it ends with the
name of a person the article itself names (`The Latest:`, `Update:`, `Iowa:`, `Q:` do not),
and what follows reads as a statement: five words or more, not a count or a list of names.

>>> from quotetrack.records import Article
>>> from quotetrack.resolve.outlets import Outlets
>>> from quotetrack.extract.assemble import ArticleExtraction
>>> from quotetrack.extract.sentences import rule_analysis
>>> text = ("Peskov: Moscow remains open to talks on grain.\\n"
...         "Kremlin spokesman Dmitry Peskov told reporters on Monday that the offer stood.")
>>> extraction = ArticleExtraction(Article(text), *rule_analysis(text), Outlets.load())
>>> [(q.text, q.speaker, q.cue) for q in extraction.run()][0]
('Moscow remains open to talks on grain.', 'Dmitry Peskov', ':')
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .. import lexicon
from ..records import Quote, QuoteKind
from .evidence import attribution_confidence, speaker_method

if TYPE_CHECKING:
    from .assemble import ArticleExtraction

__all__ = ["label_quote", "labelled_name"]

# `Peskov: ...`, `Sen. Ann Lee: ...`, `McCain challenger Kelli Ward: ...`, `TAPPER: ...` at a line's start.
_LINE_LABEL = re.compile(r"([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,4}):[ \t\xa0]+(?=\S)")
# A headline's `Clinton to Planned Parenthood: ...`, `Lee on the budget: ...`: who spoke, to whom or about what.
_ADDRESSED_LABEL = re.compile(r"([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3})[ \t]+(?:on|to|On|To)[ \t]+[^:\n]{2,80}?:[ \t\xa0]+(?=\S)")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# A label's words that make it a standing heading, not a speaker, even before a known name.
_NOT_SPEAKER_LABELS = frozenset(["update", "correction", "note", "editor's", "editor’s", "related", "watch", "read", "latest", "more", "from", "via"])


def labelled_name(extraction: ArticleExtraction, label: str, position: int) -> str | None:
    """The person ``label`` (at ``position``) names when it ends with a name the article knows.

    An all-capitals label (`TAPPER`, `JAKE TAPPER`) is a transcript's and is read as the name it spells.
    """
    words = label.split()
    if any(word.lower() in _NOT_SPEAKER_LABELS for word in words):
        return None
    resolver = extraction.resolver
    if label.isupper():
        spelled = " ".join(word.capitalize() for word in words)
        known = resolver.fullest(spelled) or resolver.fullest(spelled.split()[-1])
        if known is None and 2 <= len(words) <= 3 and lexicon.is_first_name(spelled.split()[0]):
            known = resolver.person_for(spelled, position).name  # `JAKE TAPPER:` introduces him; `TAPPER:` is he
        return known
    name = resolver.person_entity_in(label, position)
    if name is None or not label.endswith(name) or words[-1].lower() in lexicon.DOCUMENT_NOUNS:
        return None  # `Clinton Wades In: ...`, `AP Poll: ...`: the label is a phrase or a document
    if extraction.text.count(name) < 2:
        return None  # `Clinton Cash Debunks Hillary: ...`: a name the article never uses again is the tagger's
    if not all(_titles_a_name(word) for word in label[: len(label) - len(name)].split()):
        return None  # `CNN President On Trump: ...`, `Big Win For Bernie: ...`: about the person, not by them
    return resolver.fullest(name) or name


def _titles_a_name(word: str) -> bool:
    """Whether ``word`` may stand before a speaker's name in a label: `Sen.`, `Former`, `Governor`.

    >>> [_titles_a_name(word) for word in ("Sen.", "Former", "Governor", "CNN", "On")]
    [True, True, True, False, False]
    """
    bare = word.lower().rstrip(".")
    return bare == "former" or any(bare in words or bare + "." in words for words in (lexicon.TITLES, lexicon.GENDERED_TITLES, lexicon.ROLE_NOUNS))


def label_quote(extraction: ArticleExtraction, line_start: int, line_end: int, headline: bool = False) -> Quote | None:
    """The statement a line opening with a speaker label makes (its words after the colon), or None.

    In the body a label before a quote mark is :func:`~.assemble.labelled`'s; a headline's is read here.
    """
    text = extraction.text
    match = _LINE_LABEL.match(text, line_start, line_end) or (_ADDRESSED_LABEL.match(text, line_start, line_end) if headline else None)
    if match is None:
        return None
    start, end = match.end(), line_end
    while end > start and text[end - 1].isspace():
        end -= 1
    words = _WORD.findall(text, start, end)
    if len(words) < 5 or not headline and text[start] in lexicon.OPENING_MARKS:
        return None  # a count (`Clinton: 1,769.`), a name list, or a quote that `labelled` reads
    if sum(word[0].isupper() for word in words) > 0.6 * len(words) and "," in text[start:end]:
        return None  # `Iowa: Tim Albrecht, Brad Anderson, ...`: a roster
    mention, position = match.group(1), match.start(1)
    speaker = labelled_name(extraction, mention, position)
    if speaker is None:
        return None
    extraction.resolver.remember(speaker, mention, position)
    kind: QuoteKind = "mixed" if any(mark in text[start:end] for mark in lexicon.QUOTE_MARKS) else "indirect"
    method = speaker_method(mention.title() if mention.isupper() else mention, speaker)
    return Quote(
        text=text[start:end],
        start=start,
        end=end,
        kind=kind,
        cue=":",
        cue_start=match.end(1),
        speaker=speaker,
        speaker_mention=mention,
        speaker_start=position,
        speaker_end=position + len(mention),
        speaker_method=method,
        publisher=extraction.article.publisher,
        sentence=text[line_start:end],
        confidence=attribution_confidence(method, direct=True),
        extra={"context": (line_start, end), "rank": 0.9},
    )
