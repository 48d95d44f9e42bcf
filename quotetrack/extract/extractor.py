"""The extractor: direct, reported and mixed quotes with speaker and via outlet.

Both engines feed one extractor: the rules engine's sentences and entities come
straight from the rule tokenizer and pattern NER, the stanza engine's from a parsed
stanza Document. Every sentence is read for *frames*: a speech
cue ("said", "told", "according to", "quoted X as saying"), the speaker phrase
and where the content lies. With a dependency parse (stanza models) frames come
from the parse (speech verb -> nsubj speaker, ccomp/parataxis content); without
one, from word patterns. Frames are then matched with the quote-mark spans,
speakers resolved to the fullest name in the article, and outlets looked up.

>>> text = ('Kremlin spokesman Dmitry Peskov said on Wednesday that talks would go on. '
...         '“We are ready,” he told Reuters.')
>>> [(q.kind, q.speaker, q.via_outlet) for q in Extractor("rules").extract(Article(text))]
[('indirect', 'Dmitry Peskov', None), ('direct', 'Dmitry Peskov', 'Reuters')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from ..records import Article, Quote
from ..resolve.outlets import Outlets
from .assemble import ArticleExtraction
from .sentences import read_entities, read_sentences, rule_analysis


class Extractor:
    """Finds attributed quotes in articles.

    >>> quotes = Extractor("rules").extract(Article(text='“Hello there,” Peskov said.'))
    >>> quotes[0].text, quotes[0].speaker
    ('Hello there,', 'Peskov')
    """

    def __init__(self, engine: str = "auto", model_dir: str | None = None):
        from ..nlp import resolve_engine

        self.engine = resolve_engine(engine, model_dir)
        self.model_dir = model_dir
        self._nlp = None
        self.outlets = Outlets.load()

    @property
    def nlp(self):
        if self._nlp is None:
            from ..nlp import build_pipeline

            self._nlp = build_pipeline(self.engine, self.model_dir)
        return self._nlp

    def extract(self, article: Article) -> list[Quote]:
        if not article.text.strip():
            return []
        if self.engine == "rules":
            # The rules need no stanza Document: tokens and entities straight from the rules.
            sentences, entities = rule_analysis(article.text)
            return ArticleExtraction(article, sentences, entities, self.outlets).run()
        return self.extract_from_document(article, self.nlp(article.text))

    def extract_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[tuple[Article, list[Quote]]]:
        """Quotes for many articles; the NLP pipeline sees them in batches, which the neural models need."""
        if self.engine == "rules":
            for article in articles:
                yield article, self.extract(article)
            return
        iterator = iter(articles)
        while batch := list(islice(iterator, batch_size)):
            texts = [article for article in batch if article.text.strip()]
            from stanza.models.common.doc import Document  # here: stanza loads torch, which re-ingests skip

            documents = iter(self.nlp.bulk_process([Document([], text=article.text) for article in texts]))
            for article in batch:
                if article.text.strip():
                    yield article, self.extract_from_document(article, next(documents))
                else:
                    yield article, []

    def extract_from_document(self, article: Article, document) -> list[Quote]:
        """Quotes from an already-processed stanza Document (parsed or not)."""
        sentences = read_sentences(article.text, document)
        entities = read_entities(document)
        return ArticleExtraction(article, sentences, entities, self.outlets).run()
