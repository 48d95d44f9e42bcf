"""Sentences and tokens as the extractor reads them: from the rule tokenizer and pattern NER
directly (the rules engine, no stanza), or from a stanza Document (parsed or not).

>>> text = "Dmitry Peskov spoke.\\nHe left."
>>> sentences, entities = rule_analysis(text)
>>> [(s.paragraph, [t.text for t in s.tokens]) for s in sentences]
[(0, ['Dmitry', 'Peskov', 'spoke', '.']), (1, ['He', 'left', '.'])]
>>> entities
[(0, 13, 'PERSON', 'Dmitry Peskov')]
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from itertools import pairwise
from operator import itemgetter

from ..nlp.ner import decode_tags, entity_spans, span_tags
from ..nlp.paragraphs import paragraph_spans
from ..nlp.tokenizer import tokenize_text

Entity = tuple[int, int, str, str]  # start, end, label ("PERSON", "ORG", ...), text


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    lower: str
    lemma: str | None = None
    upos: str | None = None
    head: int = -1  # index of the head within the sentence, -1 for root/none
    deprel: str | None = None
    ner: str | None = None


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    tokens: list[Token]
    paragraph: int


def rule_analysis(text: str) -> tuple[list[Sentence], list[Entity]]:
    """The sentences and named entities of ``text`` by the rule tokenizer and pattern NER: what
    ``read_sentences`` and ``read_entities`` read off ``build_pipeline("rules")(text)``, without
    building a stanza Document."""
    paragraphs = paragraph_spans(text)
    tokenized = tokenize_text(text, paragraphs)
    found = entity_spans([list(map(itemgetter(0), sentence)) for sentence in tokenized])
    paragraph_starts = [start for start, _ in paragraphs]
    sentences: list[Sentence] = []
    entities: list[Entity] = []
    for index, (words, spans) in enumerate(zip(tokenized, found)):
        if not words:
            continue
        tokens = _rule_tokens(words)
        start, end = tokens[0].start, tokens[-1].end
        paragraph = max(bisect.bisect_right(paragraph_starts, start) - 1, 0)
        sentences.append(Sentence(index, start, end, tokens, paragraph))
        if not spans:
            continue  # no entities: every token's tag is O, nothing to check or read back
        tags = span_tags(len(words), spans)
        for first, last, _ in spans:
            for k in range(min(first, last), max(first, last) + 1):
                tokens[k].ner = tags[k]  # span_tags tags no word outside the spans
        # Entities in order and apart are what reading their tags back gives (as stanza reads them).
        apart = all(first <= last for first, last, _ in spans) and all(a[1] < b[0] for a, b in pairwise(spans))
        for first, last, label in spans if apart else decode_tags(tags):
            entity_start, entity_end = tokens[first].start, tokens[last].end
            entities.append((entity_start, entity_end, label, text[entity_start:entity_end]))
    return sentences, entities


def _rule_tokens(words: list[tuple[str, int, int]]) -> list[Token]:
    """Tokens of the rule tokenizer's (word, start, end), outside any entity (NER tag O): most
    words are (rule_analysis then tags the few in an entity).

    >>> _rule_tokens([("Ann", 0, 3)])
    [Token(text='Ann', start=0, end=3, lower='ann', lemma=None, upos=None, head=-1, deprel=None, ner='O')]
    """
    # An article has a thousand tokens: setting the slots of a bare object costs a third less than
    # calling the dataclass's __init__ (the same fields, set to the same values).
    new = object.__new__
    tokens: list[Token] = []
    append = tokens.append
    for word, start, end in words:
        token = new(Token)
        token.text = word
        token.start = start
        token.end = end
        token.lower = word.lower()
        token.lemma = None
        token.upos = None
        token.head = -1
        token.deprel = None
        token.ner = "O"
        append(token)
    return tokens


def read_sentences(text: str, document) -> list[Sentence]:
    """The sentences of a stanza Document over ``text``, numbered by paragraph (see :mod:`..nlp.paragraphs`)."""
    sentences = []
    paragraph_starts = [start for start, _ in paragraph_spans(text)]
    for index, sentence in enumerate(document.sentences):
        tokens = []
        for word in sentence.words:
            parent = word.parent
            start = word.start_char if word.start_char is not None else parent.start_char
            end = word.end_char if word.end_char is not None else parent.end_char
            ner = getattr(parent, "ner", None)
            tokens.append(
                Token(
                    text=word.text,
                    start=start,
                    end=end,
                    lower=word.text.lower(),
                    lemma=word.lemma,
                    upos=word.upos,
                    head=(word.head - 1) if word.head else -1,
                    deprel=word.deprel,
                    ner=ner,
                )
            )
        if not tokens:
            continue
        start, end = tokens[0].start, tokens[-1].end
        paragraph = max(bisect.bisect_right(paragraph_starts, start) - 1, 0)
        sentences.append(Sentence(index, start, end, tokens, paragraph))
    return sentences


def read_entities(document) -> list[Entity]:
    """The named entities of a stanza Document."""
    return [(ent.start_char, ent.end_char, ent.type, ent.text) for ent in document.ents]
