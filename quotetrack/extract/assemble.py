"""The extractor: direct, reported and mixed quotes with speaker and via outlet.

Both engines feed one extractor. Every sentence is read for *frames*: a speech
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

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from stanza.models.common.doc import Document

from .. import lexicon
from ..records import EXTRACTOR_VERSION, Article, Quote
from ..resolve.outlets import Outlets
from ..resolve.speakers import SpeakerResolver
from ..resources import word_list
from .marks import QUOTE_MARKS, QuoteSpan, find_quote_spans


_OPEN_MARKS = frozenset("“«„\"‟‘") | {"''"}
_CLOSE_MARKS = frozenset("”»\"“’") | {"''"}
_PUNCT = set(",.;:!?—–-…‘’") | set(QUOTE_MARKS) | {"...", "--", "(", ")"}
_MARKS = QUOTE_MARKS | {"‘", "’"}
_OBJECT_WORDS = word_list("listeners")
_ADJUNCT_START = frozenset(
    """on in at during after before via through to from last this earlier late early recently yesterday
    today tonight monday tuesday wednesday thursday friday saturday sunday when while""".split()
)
_SUBORDINATORS = frozenset(
    """as when while if after before because although though since once until unless asked during in on at
    speaking referring responding writing citing""".split()
)
_SIGNATURE = re.compile(r"\s*[―—–]+\s*([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})[\s.,]*$")
_VERBS_OUTSIDE_PHRASES = frozenset("is was are were be been being has have had will would can could should may might must do does did".split())
_TAIL_START = frozenset(
    """as after before adding noting according in on at during with without from of by outside inside near
    ahead afterwards later late shortly again also privately publicly separately several some two three
    days weeks months years hours moments minutes""".split()
)
_VIA_OPENING = re.compile(
    r"(?:Speaking|Talking|Writing|Interviewed|In an? (?:\w+ )?(?:interview|remarks|comments|op-ed|column|appearance))"
    r"\b[^,.;]{0,80},"
)
_DATELINE = re.compile(r"[A-Z][A-Z .'-]+(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*(?:\([^)]{1,30}\)\s*)?[—–-]+\s*")
_PARTICIPLE_CUE = re.compile(
    r"\b(?:adding|saying|noting|arguing|warning|insisting|explaining|continuing|telling|asking|writing)\b"
)
_ADVERBS_AFTER_CUE = frozenset("later earlier again also then afterwards once privately publicly".split())
_NOT_NOUNS = frozenset(
    "later earlier never ever other whether together either neither rather further however after over under".split()
)
_NOUN_OR_VERB = frozenset(
    """states claims charges answers posts points reports estimates calls notes remarks fears hopes promises
    counter state post answer report""".split()
)
_CUE_LEMMAS = frozenset(lexicon.CUE_FORMS.values())
_STRONG_CUES = _CUE_LEMMAS - lexicon.WEAK_LEMMAS
_LEADING_ADVERBS = frozenset("even but and so also still yet now then meanwhile however only just indeed".split())
_STOP_AFTER_NAME = frozenset({"in", "on", "at", "during", "after", "before", "to", "via", "when", "while", "who", "as", "of", "from", "with"})
_QUOTED_AS = re.compile(r"\bquoted\b(.{0,80}?)\bas (?:saying|telling|stating|writing|adding)\b", re.DOTALL)


@dataclass
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


@dataclass
class Frame:
    """One speech act: cue words, the speaker phrase, and the content's character range."""

    sentence: Sentence
    cue_first: int
    cue_last: int
    speaker: tuple[int, int] | None  # token range in the sentence
    content: tuple[int, int] | None  # character range
    placement: str  # "after": content follows the cue; "before": precedes it
    via_hint: tuple[int, int] | None = None  # character range naming the outlet ("TASS" in TASS quoted X)
    confidence: float = 0.8
    attribution: tuple[int, int] = (0, 0)  # character range of the non-content words
    extra: dict = field(default_factory=dict)


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
        return self.extract_from_document(article, self.nlp(article.text))

    def extract_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[tuple[Article, list[Quote]]]:
        """Quotes for many articles; the NLP pipeline sees them in batches, which the neural models need."""
        iterator = iter(articles)
        while batch := list(islice(iterator, batch_size)):
            texts = [article for article in batch if article.text.strip()]
            documents = iter(self.nlp.bulk_process([Document([], text=article.text) for article in texts]))
            for article in batch:
                if article.text.strip():
                    yield article, self.extract_from_document(article, next(documents))
                else:
                    yield article, []

    def extract_from_document(self, article: Article, document) -> list[Quote]:
        """Quotes from an already-processed stanza Document (parsed or not)."""
        sentences = _sentences(article.text, document)
        entities = _entities(document)
        return ArticleExtraction(article, sentences, entities, self.outlets).run()


def _sentences(text: str, document) -> list[Sentence]:
    sentences = []
    paragraph = 0
    previous_end = 0
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
        if "\n" in text[previous_end:start]:
            paragraph += 1
        previous_end = end
        sentences.append(Sentence(index, start, end, tokens, paragraph))
    return sentences


def _entities(document) -> list[tuple[int, int, str, str]]:
    return [(ent.start_char, ent.end_char, ent.type, ent.text) for ent in document.ents]


class ArticleExtraction:
    """The state of extracting one article: spans, frames, and speaker memory."""

    def __init__(self, article: Article, sentences: list[Sentence], entities, outlets: Outlets):
        self.article = article
        self.text = article.text
        self.sentences = sentences
        self.outlets = outlets
        self.spans = find_quote_spans(self.text)
        # Spans never overlap and come in text order: sorted lists make lookups logarithmic.
        self._span_starts = [span.start for span in self.spans]
        self._span_opens = [span.open_at for span in self.spans]
        self._span_by_open = {span.open_at: span for span in self.spans}
        self._span_by_close = {span.close_at: span for span in self.spans if span.close_at is not None}
        self._sentence_starts = [sentence.start for sentence in sentences]
        self.resolver = SpeakerResolver(self.text, sentences, entities, outlets)
        self.resolver.quoted = [(span.start, span.end) for span in self.spans]
        self.note_subjects(entities)
        self.parsed = any(token.deprel for sentence in sentences for token in sentence.tokens)
        self.chain_start: int | None = None
        self.previous_speaker: tuple[int, int] | None = None

    def note_subjects(self, entities) -> None:
        for start, _, label, name in entities:
            if label != "PERSON" or self.in_quote(start):
                continue
            index = bisect.bisect_right(self._sentence_starts, start) - 1
            sentence = self.sentences[index] if index >= 0 else None
            if sentence is None or start >= sentence.end:
                continue
            lead = self.text[sentence.start : start].split()
            if len(lead) <= 3 and not any(word in QUOTE_MARKS for word in lead):
                self.resolver.note_subject(name, start)

    # -- frames ---------------------------------------------------------------------------

    def run(self) -> list[Quote]:
        quotes: list[Quote] = []
        used_spans: set[int] = set()
        last: Quote | None = None
        last_paragraph = -10
        headline = self.headline_paragraph()
        body = [sentence for sentence in self.sentences if sentence.paragraph != headline]
        frames_by_sentence = [self.frames(sentence) for sentence in body]
        for sentence, frames in zip(body, frames_by_sentence):
            for frame in frames:
                quote = self.quote_for_frame(frame, used_spans)
                if quote is None:
                    continue
                quotes.append(quote)
                if quote.speaker or quote.speaker_mention:
                    last, last_paragraph = quote, sentence.paragraph
            # Quote spans in this sentence that no frame claimed: follow-on quotes or noise.
            for i in self.spans_opening(sentence.start, sentence.end + 1):
                if i in used_spans:
                    continue
                span = self.spans[i]
                used_spans.add(i)
                signed = self.signed(span, sentence)
                if signed is None and self.continues(last, span, sentence.paragraph == last_paragraph):
                    _extend(last, span, self.text, sentence)
                    continue
                quote = signed or self.follow_on(span, sentence, last, last_paragraph)
                if quote is not None:
                    quotes.append(quote)
        quotes.sort(key=lambda quote: quote.start)
        return _dedupe(quotes)

    def headline_paragraph(self) -> int | None:
        """Paragraph 0 when it is the headline: the title, Title Case, or a line without an ending."""
        first = [sentence for sentence in self.sentences if sentence.paragraph == 0]
        if not first or len(first) > 2 or first[-1] is self.sentences[-1]:
            return None  # a one-paragraph article has no headline to skip
        line = self.text[first[0].start : first[-1].end].strip()
        words = re.findall(r"[A-Za-z][\w'’-]*", line)
        if not words or len(words) > 30:
            return None
        title = (self.article.title or "").strip()
        title_case = len(words) >= 5 and sum(word[0].isupper() for word in words[1:]) >= 0.75 * (len(words) - 1)
        if line.rstrip(".") == title.rstrip(".") or title_case or line[-1] not in ".!?”\"'’…":
            return 0
        return None

    def continues(self, last: Quote | None, span: QuoteSpan, same_paragraph: bool) -> bool:
        """`“A,” he said. “B.”`: B goes on with A when only the attribution stands between them."""
        if last is None or last.kind != "direct" or not same_paragraph or span.start < last.end:
            return False
        gap = self.text[last.end : span.open_at]
        if _PARTICIPLE_CUE.search(gap):
            return False  # `“A,” he said, adding later, “B.”`: B is a statement of its own
        return len(gap.split()) <= 30 and not self.spans_opening(last.end, span.open_at)

    def frames(self, sentence: Sentence) -> list[Frame]:
        frames = self.dependency_frames(sentence) if self.parsed else []
        if not frames:
            frames = self.pattern_frames(sentence)
        return frames

    def spans_opening(self, low: int, high: int) -> range:
        """Indexes of the quote spans whose opening mark lies in ``[low, high)``."""
        return range(bisect.bisect_left(self._span_opens, low), bisect.bisect_left(self._span_opens, high))

    def in_quote(self, position: int) -> bool:
        # Spans never overlap and come in text order, so a binary search finds the candidate.
        index = bisect.bisect_right(self._span_starts, position) - 1
        return index >= 0 and position < self.spans[index].end

    def pattern_frames(self, sentence: Sentence) -> list[Frame]:
        """Frames from word patterns (no parse needed)."""
        tokens = sentence.tokens
        frames: list[Frame] = []
        taken: set[int] = set()
        quoted_as = self.quoted_as_frame(sentence)
        if quoted_as:
            frames.append(quoted_as)
            taken.update(range(quoted_as.cue_first, quoted_as.cue_last + 1))
        for i, token in enumerate(tokens):
            if i in taken or self.in_quote(token.start):
                continue
            if token.lower == "according" and i + 1 < len(tokens) and tokens[i + 1].lower == "to":
                frame = self.according_to_frame(sentence, i)
            elif token.lower in lexicon.CUE_FORMS and (i == 0 or not token.text[0].isupper()) and _looks_like_verb(tokens, i):
                self.previous_speaker = frames[-1].speaker if frames else None
                frame = self.cue_frame(sentence, i)
            else:
                continue
            if frame is not None:
                frames.append(frame)
                taken.update(range(frame.cue_first, frame.cue_last + 1))
        return _drop_nested(frames)

    def quoted_as_frame(self, sentence: Sentence) -> Frame | None:
        """`TASS quoted Peskov as saying (that) ...`: the outlet is the via, the object the speaker."""
        text = self.text[sentence.start : sentence.end]
        match = _QUOTED_AS.search(text)
        if not match:
            return None
        tokens = sentence.tokens
        quoted = _token_at(tokens, sentence.start + match.start())
        saying = _token_at(tokens, sentence.start + match.end() - 1)
        if quoted is None or saying is None:
            return None
        speaker = _trim_range(tokens, quoted + 1, saying - 2)
        outlet_range = self.left_phrase(sentence, quoted)
        via = (tokens[outlet_range[0]].start, tokens[outlet_range[1]].end) if outlet_range else None
        if quoted > 0 and tokens[quoted - 1].lower in ("was", "were", "is", "been", "being"):
            # Passive: `Peskov was quoted by Interfax as saying`; the subject speaks, the by-phrase carried it.
            by_phrase = speaker if speaker and tokens[speaker[0]].lower == "by" else None
            via = (tokens[by_phrase[0]].start, tokens[by_phrase[1]].end) if by_phrase else None
            speaker = self.phrase_left(sentence, quoted - 1)
            outlet_range = (speaker[0], quoted - 1) if speaker else outlet_range
        frame = Frame(sentence, quoted, saying, speaker, None, "before", via_hint=via, confidence=0.9)
        content_start = saying + 1
        if content_start < len(tokens) and tokens[content_start].lower == "by":
            # `Peskov was quoted as saying by Interfax that ...`
            by_end = content_start + 1
            while by_end < len(tokens) and tokens[by_end].lower != "that" and tokens[by_end].text not in _PUNCT:
                by_end += 1
            if by_end > content_start + 1:
                frame.via_hint = (tokens[content_start + 1].start, tokens[by_end - 1].end)
            content_start = by_end
        if content_start < len(tokens) and tokens[content_start].lower == "that":
            content_start += 1
        if content_start < len(tokens) - 1 and tokens[content_start].text not in _PUNCT:
            frame.placement = "after"
            frame.content = (tokens[content_start].start, _content_end(tokens, len(tokens) - 1))
        else:
            frame.content = self.content_before(sentence, (outlet_range[0] if outlet_range else quoted) - 1)
        frame.attribution = (tokens[outlet_range[0] if outlet_range else quoted].start, tokens[saying].end)
        return frame

    def according_to_frame(self, sentence: Sentence, i: int) -> Frame | None:
        tokens = sentence.tokens
        j = i + 2
        end = j
        while end < len(tokens) and tokens[end].text not in (",", ".", ";", ":", "—", "–") and tokens[end].text not in QUOTE_MARKS:
            end += 1
        if end == j:
            return None
        speaker = _trim_range(tokens, j, end - 1)
        if speaker is None:
            return None
        if i > 0 and tokens[i - 1].text in (",", "—", "–", "(") or (i > 0 and end >= len(tokens) - 1):
            content = self.content_before(sentence, i - 1 if tokens[i - 1].text in ",—–(" else i)
            placement = "before"
        else:
            start = end + 1 if end < len(tokens) and tokens[end].text == "," else end
            if start >= len(tokens) - 1:
                return None
            content = (tokens[start].start, _content_end(tokens, len(tokens) - 1))
            placement = "after"
        if content is None:
            return None
        frame = Frame(sentence, i, i + 1, speaker, content, placement, confidence=0.75)
        frame.attribution = (tokens[i].start, tokens[end - 1].end)
        frame.via_hint = frame.attribution
        return frame

    def cue_frame(self, sentence: Sentence, i: int) -> Frame | None:
        tokens = sentence.tokens
        lemma = lexicon.CUE_FORMS[tokens[i].lower]
        cue_last = i
        if lemma == "point" and i + 1 < len(tokens) and tokens[i + 1].lower == "out":
            cue_last = i + 1
        elif lemma == "point":
            return None
        # Inverted order: `, said Peskov` / `,” said the minister`.
        previous = tokens[i - 1].text if i > 0 else ""
        participle = tokens[i].lower.endswith("ing")
        if not participle and (previous in (",", "—", "–") or self.closes_quote_with_punctuation(tokens, i - 1)):
            inverted = self.right_speaker(sentence, cue_last + 1)
            if inverted is not None and self.ends_clause(sentence, inverted[1] + 1):
                frame = Frame(sentence, i, cue_last, inverted, None, "before")
                frame.content = self.content_before(sentence, i - 1)
                frame.attribution = (tokens[i].start, tokens[inverted[1]].end)
                frame.via_hint = (tokens[i].start, self.tail_end(sentence, inverted[1] + 1))
                return frame if frame.content and self.is_content_clause(frame.content) else None
        if previous in ("was", "were", "been", "being", "is", "are") and lemma in ("tell", "ask", "warn", "urge", "say"):
            return None  # `He was told that ...`: the subject is the listener
        if previous in ("not", "n't", "never") or (i > 1 and tokens[i - 2].lower in ("not", "n't", "never") and previous in ("to", "yet")):
            return None  # `did not say whether ...`, `declined to say`: nothing was said
        speaker = self.left_speaker(sentence, i)
        if speaker is None and previous == "," and tokens[i].lower.endswith("ing"):
            # `Trump attacked Clinton, saying, “...”`: the speaker is the clause's subject;
            # `“...,” he said, adding that ...`: the speaker of the cue before.
            speaker = self.sentence_subject(sentence, i) or self.previous_speaker
            borrowed = True
        else:
            borrowed = False
        if speaker is None:
            return None
        after = cue_last + 1
        # `told reporters`, `told The Associated Press`, `told CNN's Jake Tapper`.
        directive = False
        if lemma in ("tell", "ask", "warn", "urge", "assure", "remind"):
            after = self.skip_object(sentence, after)
            # `warned North Korea to refrain from ...`: what was said is the infinitive.
            directive = after > cue_last + 1 and after < len(tokens) - 2 and tokens[after].lower == "to"
        after_adjuncts = after if directive else self.skip_adjuncts(sentence, after)
        frame = Frame(sentence, i, cue_last, speaker, None, "after")
        if speaker[0] > 0 and tokens[speaker[0] - 1].lower in _SUBORDINATORS:
            frame.extra["subordinate"] = True
        frame.attribution = (tokens[speaker[0]].start, tokens[max(after_adjuncts - 1, cue_last)].end)
        frame.via_hint = (tokens[cue_last].start, tokens[max(after_adjuncts - 1, cue_last)].end)
        rest = len(tokens) - after_adjuncts
        # Postposed cue: `..., the Kremlin spokesman said.` and `“...,” he told reporters.`
        # `“...,” Lumora’s chief executive, Priya Raman, said`: look before the whole phrase.
        phrase_start = speaker[0] if self.chain_start is None else self.chain_start
        before_speaker = tokens[phrase_start - 1].text if phrase_start > 0 else ""
        after_quote = self.closes_quote_with_punctuation(tokens, phrase_start - 1)
        quote_follows = self.quote_opens_at(sentence, after_adjuncts)
        postposed = not borrowed and (after_quote or (before_speaker in (",", "—", "–") and not quote_follows))
        if postposed and self.is_tail(sentence, after):
            frame.placement = "before"
            frame.content = self.content_before(sentence, phrase_start - 1)
            frame.via_hint = (tokens[phrase_start].start, self.tail_end(sentence, after_adjuncts))
            frame.attribution = (tokens[phrase_start].start, self.tail_end(sentence, after_adjuncts))
            if frame.content is None or not (after_quote or self.is_content_clause(frame.content)):
                return None
            return frame
        if (
            not borrowed
            and before_speaker == ","
            and after_adjuncts < len(tokens) - 2
            and tokens[after_adjuncts].text == ","
            and not quote_follows
        ):
            # `The museum, Mr. Obama said, would make visitors ...`: the content wraps the cue.
            before = self.content_before(sentence, speaker[0] - 1)
            if before is not None:
                after_start = tokens[after_adjuncts + 1].start
                frame.placement = "around"
                frame.content = (before[0], _content_end(tokens, len(tokens) - 1))
                frame.extra["parts"] = [before, (after_start, frame.content[1])]
                frame.attribution = (tokens[speaker[0]].start, tokens[after_adjuncts].end)
                return frame
        if rest <= 0:
            return None
        first = tokens[after_adjuncts]
        if first.lower == "that":
            after_adjuncts += 1
            frame.confidence = 0.85
        elif first.text in (":", ","):
            after_adjuncts += 1
        elif lemma in lexicon.WEAK_LEMMAS and not directive and not any(self.opens_here(t) for t in tokens[after_adjuncts:]):
            return None  # `called the holiday “a celebration”` counts; `called the office` does not
        if after_adjuncts >= len(tokens):
            return None
        content_tokens = [t for t in tokens[after_adjuncts:] if t.text not in _PUNCT]
        if len(content_tokens) < 3 and not (tokens[after_adjuncts].text in _OPEN_MARKS):
            return None
        if tokens[after_adjuncts].lower in ("so", "nothing", "something", "anything", "it", "this", "goodbye", "yes", "no") and len(content_tokens) < 4:
            return None
        relative = "who" in (tokens[i - 1].lower, tokens[i - 2].lower if i > 1 else "")
        frame.content = (tokens[after_adjuncts].start, _content_end(tokens, self.clause_end(sentence, after_adjuncts, relative)))
        if lemma in lexicon.BELIEF_LEMMAS:
            frame.confidence = 0.5
        return frame

    def dependency_frames(self, sentence: Sentence) -> list[Frame]:
        """Frames from a dependency parse: speech verb -> nsubj speaker, ccomp/parataxis content.

        Also read off the parse: `TASS quoted Peskov as saying` (the object speaks, the subject
        is the via outlet), a subject shared with an earlier conjunct (`Peskov arrived and
        said ...`) and `According to Interfax` as the via outlet. Left alone, as not speech:
        an infinitive or small clause (`Prices continued to rise`), a passive subject (`He was
        told that ...`), and weak or belief cues without `that`, a colon or a quote mark.
        """
        tokens = sentence.tokens
        children: dict[int, list[int]] = {}
        for k, token in enumerate(tokens):
            children.setdefault(token.head, []).append(k)

        def lemma_of(k: int) -> str:
            return (tokens[k].lemma or tokens[k].lower).lower()

        def child(k: int, *deprels: str) -> int | None:
            return next((c for c in children.get(k, []) if tokens[c].deprel in deprels), None)

        def closes_quote_before(k: int) -> bool:
            while k >= 0 and tokens[k].text in (",", "—", "–"):
                k -= 1
            return k >= 0 and tokens[k].text in _CLOSE_MARKS and not self.opens_here(tokens[k])

        according = None
        for k, token in enumerate(tokens[:-1]):
            if token.lower == "according" and tokens[k + 1].lower == "to":
                phrase = token.head if token.deprel == "case" and token.head >= 0 else k
                according = _subtree_range(children, phrase, tokens=tokens, stop_at={"punct"})
        frames = []
        for i, token in enumerate(tokens):
            if token.upos != "VERB" or self.in_quote(token.start):
                continue
            lemma = lemma_of(i)
            owner, cue_last, outlet, confidence = i, i, None, 0.85
            if lemma == "quote":
                saying = next(
                    (c for c in children.get(i, []) if c > i and tokens[c].deprel in ("advcl", "xcomp") and lemma_of(c) in _CUE_LEMMAS),
                    None,
                )
                if saying is None:
                    continue
                subject, outlet_head = child(i, "obj"), child(i, "nsubj")
                if subject is None:  # `Peskov was quoted by TASS as saying`
                    subject = child(i, "nsubj:pass")
                    outlet_head = next(
                        (c for c in children.get(i, []) if (tokens[c].deprel or "").startswith("obl") and any(tokens[g].lower == "by" for g in children.get(c, []))),
                        None,
                    )
                if outlet_head is not None:
                    outlet = _subtree_range(children, outlet_head, tokens=tokens, stop_at={"punct", "case"})
                owner, cue_last, confidence = saying, saying, 0.9
            elif lemma in _CUE_LEMMAS:
                # Only an active subject speaks: in `He was told that ...` he is the one spoken to.
                subject = child(i, "nsubj")
                if subject is None and token.deprel == "conj" and token.head >= 0:
                    subject = child(token.head, "nsubj")  # `Peskov arrived in Minsk and said ...`
            else:
                continue
            if subject is None:
                continue
            speaker = _subtree_range(children, subject, stop_at={"appos", "acl:relcl", "punct", "acl"}, tokens=tokens)
            appositive = child(subject, "appos")
            if appositive is not None:
                # `Dmitry Peskov, the Kremlin spokesman, said` / `The minister, Sergei Lavrov, said`.
                described = _trim_range(tokens, *_subtree_range(children, appositive, tokens=tokens, stop_at={"punct"}))
                if described:
                    if _has_name(tokens[described[0] : described[1] + 1]) and not _has_name(tokens[speaker[0] : speaker[1] + 1]):
                        speaker, described = described, speaker
                    self.resolver.note_appositive(sentence, speaker, described)
            first_attr = min(speaker[0], i, outlet[0] if outlet else i)
            words = _subtree_range(children, i, tokens=tokens, stop_at={"punct", "ccomp", "xcomp", "parataxis", "conj", "cc"})
            content_head = next(
                (k for k in children.get(owner, []) if k > cue_last and tokens[k].deprel in ("ccomp", "xcomp", "parataxis")), None
            )
            fronted = any(k < first_attr and tokens[k].deprel in ("ccomp", "parataxis") for k in children.get(i, []))
            postposed = fronted or (token.deprel == "parataxis" and 0 <= token.head < first_attr)
            frame = Frame(sentence, i, cue_last, speaker, None, "after", confidence=confidence)
            if postposed and (content_head is None or closes_quote_before(first_attr - 1)):
                # `“We are ready,” he said.`: the content ends where the attribution starts.
                frame.placement = "before"
                frame.content = self.content_before(sentence, first_attr - 1)
                last_attr = max(words[1], speaker[1], cue_last)
                frame.attribution = (tokens[first_attr].start, tokens[last_attr].end)
                frame.via_hint = (tokens[first_attr].start, self.tail_end(sentence, last_attr + 1))
            elif content_head is not None:
                opening, last = _subtree_range(children, content_head, tokens=tokens)
                first = opening
                while first <= last and tokens[first].lower in ("that", ",", ":"):
                    first += 1
                if first > last:
                    continue
                introduced = first > opening and any(tokens[k].lower == "that" or tokens[k].text == ":" for k in range(opening, first))
                quoted = any(self.opens_here(t) for t in tokens[first : last + 1])
                has_subject = any((tokens[k].deprel or "").split(":")[0] in ("nsubj", "csubj", "expl") for k in children.get(content_head, []))
                if tokens[content_head].deprel == "xcomp" and not quoted:
                    continue  # `Prices continued to rise`, `called the move unacceptable`
                if lemma_of(owner) in lexicon.WEAK_LEMMAS and not (introduced or quoted):
                    continue  # as in the pattern engine: `Officials expect the talks will end`
                if not (introduced or quoted or has_subject):
                    continue
                frame.content = (tokens[first].start, _content_end(tokens, last))
                before_content = [k for k in range(first_attr, opening) if tokens[k].text not in _PUNCT]
                last_attr = max(before_content + [cue_last])
                frame.attribution = (tokens[first_attr].start, tokens[last_attr].end)
                # Only the words between cue and content can name an outlet (`told Reuters`).
                frame.via_hint = (tokens[i].start, tokens[last_attr].end)
            else:
                continue
            if frame.content is None:
                continue
            if lemma_of(owner) in lexicon.BELIEF_LEMMAS:
                frame.confidence = 0.5
            if outlet:
                frame.via_hint = (tokens[outlet[0]].start, tokens[outlet[1]].end)
            if according:
                frame.via_hint = (tokens[according[0]].start, tokens[according[1]].end)
            frames.append(frame)
        return frames

    # -- phrase helpers --------------------------------------------------------------------

    def left_speaker(self, sentence: Sentence, cue: int) -> tuple[int, int] | None:
        """The speaker phrase before the cue; ``self.chain_start`` is where it begins with its appositives."""
        self.chain_start = None
        tokens = sentence.tokens
        k = cue - 1
        while k >= 0 and (tokens[k].text in lexicon.ADVERBS_BEFORE_CUE or (tokens[k].text.endswith("ly") and tokens[k].text.islower() and tokens[k].text != "fly")):
            k -= 1
        if k < 0:
            return None
        if tokens[k].text == ")":
            # `Rep. Stephen Lynch (D-Mass.) said`: party and state tags are not the phrase's end.
            opening = next((j for j in range(k - 1, max(k - 8, -1), -1) if tokens[j].text == "("), None)
            if opening is not None and opening > 0:
                phrase = self.phrase_left(sentence, opening)
                if phrase is not None:
                    return (phrase[0], k)
            return None
        if tokens[k].lower == "who" and k > 0:
            # `an architect who said ...`, `Brandt, who said ...`: the noun phrase before `who`.
            phrase = self.phrase_left(sentence, k - 1 if tokens[k - 1].text == "," else k)
            if phrase is None:
                start = next((j for j in range(k - 1, max(k - 7, -1), -1) if tokens[j].lower in ("a", "an", "the", "one")), None)
                phrase = (start, k - 1) if start is not None else None
            elif not any(t.text[:1].isupper() for t in tokens[phrase[0] : k]):
                start = next((j for j in range(k - 1, phrase[0] - 1, -1) if tokens[j].lower in ("a", "an", "the", "one")), phrase[0])
                phrase = (start, k - 1)
            return phrase
        if tokens[k].text in ("and", "but") and k > 0:
            # `Cruz exhorted Republicans to vote and said ...`: the clause's subject speaks.
            return self.sentence_subject(sentence, k)
        if tokens[k].text == ",":
            # Appositives: `Dmitry Peskov, the Kremlin spokesman, said`; they may stack up.
            segments = []
            right = k
            while len(segments) < 4:
                j = right - 1
                while j >= 0 and tokens[j].text not in (",", ";", ":", "(") and tokens[j].text not in _MARKS:
                    if tokens[j].text == ")":
                        # `Rep. Jim Jordan (R-Ohio), a panel member, said`: step over the tag.
                        opening = next((o for o in range(j - 1, max(j - 8, -1), -1) if tokens[o].text == "("), None)
                        if opening is None:
                            break
                        j = opening
                    j -= 1
                segment = _trim_range(tokens, j + 1, right - 1)
                if segment is None:
                    break
                segments.append(segment)
                if j < 0 or tokens[j].text != ",":
                    break
                right = j
            if len(segments) < 2:
                return None
            # `right` is the comma after the farthest segment, so `(R-Ohio)` stays in the phrase.
            head = self.phrase_left(sentence, right)
            if head is not None and not segments[-1][0] <= head[0] <= segments[-1][1]:
                return None
            named = [segment for segment in segments if _has_name(tokens[segment[0] : segment[1] + 1])]
            if head is None or (named and not _has_name(tokens[head[0] : head[1] + 1])):
                # `The minister, Sergei Lavrov, said`; `In a statement, a lawyer, Jane Roe, said`: the name speaks.
                plausible = [seg for seg in named if _plausible_speaker(tokens[seg[0] : seg[1] + 1])]
                if not plausible:
                    return None
                head = plausible[-1]
            for segment in segments:
                if segment != head:
                    self.resolver.note_appositive(sentence, head, segment)
            self.chain_start = min(segments[-1][0], head[0])
            return head
        return self.phrase_left(sentence, k + 1)

    def phrase_left(self, sentence: Sentence, end: int) -> tuple[int, int] | None:
        """The noun phrase ending just before token ``end``, or None if none fits a speaker."""
        tokens = sentence.tokens
        if end > 1 and tokens[end - 1].text == ")":
            opening = next((o for o in range(end - 2, max(end - 9, -1), -1) if tokens[o].text == "("), None)
            inner = self.phrase_left(sentence, opening) if opening else None
            return (inner[0], end - 1) if inner else None
        k = end - 1
        first = end
        while k >= 0:
            token = tokens[k]
            if token.lower in lexicon.CLAUSE_BREAKERS or token.text in _MARKS or token.text in (",", ";", ":", "(", ")", "—", "–", "."):
                if token.lower in ("who", "which", "whose") and first < end:
                    # `A man who goes by Shorty said`: skip the relative clause, keep the noun.
                    return self.phrase_left(sentence, k) if k > 0 else None
                break
            if lexicon.CUE_FORMS.get(token.text) in _STRONG_CUES and k < end - 1 or token.text in _VERBS_OUTSIDE_PHRASES:
                break
            if token.lower in ("what", "how", "why", "where", "when", "whether", "it", "there") and token.lower != "it":
                return None
            first = k
            k -= 1
            if end - first > 12:
                return None
        while first < end - 1 and tokens[first].lower in _LEADING_ADVERBS:
            first += 1  # `Even China said`
        if first >= end:
            return None
        if not _plausible_speaker(tokens[first:end]) or end - first > 8:
            # `In a March meeting with the editorial board of the Post Trump said`: the name before the cue.
            name = end
            while name > first and name > end - 4 and tokens[name - 1].ner and tokens[name - 1].ner[2:] == "PERSON":
                name -= 1
            return (name, end - 1) if name < end and tokens[name].ner.startswith(("B-", "S-")) else None
        return (first, end - 1)

    def left_phrase(self, sentence: Sentence, end: int) -> tuple[int, int] | None:
        tokens = sentence.tokens
        k = end - 1
        while k >= 0 and tokens[k].text not in (",", ";", ":", "(", ")") and tokens[k].text not in QUOTE_MARKS:
            k -= 1
        if k + 1 > end - 1:
            return None
        return (k + 1, end - 1)

    def right_speaker(self, sentence: Sentence, start: int) -> tuple[int, int] | None:
        tokens = sentence.tokens
        if start >= len(tokens) or tokens[start].lower in _ADJUNCT_START or tokens[start].lower == "that":
            return None
        k = start
        seen_name = False
        while k < len(tokens):
            token = tokens[k]
            if token.text in _PUNCT or token.text in ("(", ")"):
                break
            if seen_name and token.lower in _STOP_AFTER_NAME:
                break
            if token.lower in ("that", "the") and k > start:
                return None
            if seen_name and not token.text[0].isupper() and token.lower not in lexicon.ROLE_NOUNS and token.lower not in ("'s", "’s", "of", "for", "and"):
                break
            if token.text[0].isupper() or token.lower in lexicon.ROLE_NOUNS:
                seen_name = True
            k += 1
            if k - start > 10:
                return None
        if k == start or not _plausible_speaker(tokens[start:k]):
            return None
        if k < len(tokens) - 1 and tokens[k].text == ",":
            # `said Dmitry Peskov, the Kremlin spokesman.`
            j = k + 1
            while j < len(tokens) and tokens[j].text not in (",", ".", ";") and tokens[j].text not in QUOTE_MARKS:
                j += 1
            if j > k + 1:
                self.resolver.note_appositive(sentence, (start, k - 1), (k + 1, j - 1))
        return (start, k - 1)

    def skip_object(self, sentence: Sentence, k: int) -> int:
        """Past the listener of `told`: `told reporters`, `told The Associated Press`, `told his
        French counterpart Emmanuel Macron that ...`."""
        tokens = sentence.tokens
        if k >= len(tokens):
            return k
        that = next(
            (
                j
                for j in range(k + 1, min(k + 10, len(tokens)))
                if tokens[j].lower in ("that", "to") or tokens[j].text in _PUNCT
            ),
            None,
        )  # `told his counterpart X that ...`, but not `warned Korea to refrain from acts that ...`
        if that is not None and tokens[that].lower == "that":
            return that
        two = f"{tokens[k].text} {tokens[k + 1].text}" if k + 1 < len(tokens) else ""
        if two in _OBJECT_WORDS:
            return k + 2
        if tokens[k].text in _OBJECT_WORDS:
            return k + 1
        # A named object, an outlet or a person: `told The Associated Press`, `told CNN's Jake Tapper`.
        j = k
        if tokens[j].lower in ("the", "a", "an"):
            j += 1
        start_j = j
        while j < len(tokens) and (tokens[j].text[:1].isupper() or tokens[j].lower in ("'s", "’s", "of", "news", "agency", "newspaper", "channel", "broadcaster", "television", "radio", "daily", "state-run", "state", "media", "outlet")):
            j += 1
        if j > start_j:
            return j
        return k

    def skip_adjuncts(self, sentence: Sentence, k: int) -> int:
        """Skip `on Wednesday`, `in a statement`, `on a conference call on Wednesday` before the content."""
        tokens = sentence.tokens
        while k < len(tokens) and (tokens[k].text in _ADVERBS_AFTER_CUE or tokens[k].text.endswith("ly") and tokens[k].text.islower()):
            k += 1  # `adding later, “...”`, `said repeatedly that ...`
            if k < len(tokens) and tokens[k].text == "," and k + 1 < len(tokens) and self.opens_here(tokens[k + 1]):
                return k
        if k >= len(tokens):
            return k
        if tokens[k].lower not in _ADJUNCT_START:
            return k
        limit = min(len(tokens), k + 16)
        for j in range(k, limit):
            if tokens[j].lower == "that":
                return j
            if tokens[j].text in (",", ":"):
                return j
            if tokens[j].text in QUOTE_MARKS:
                return j
            if tokens[j].text in (".", ";"):
                break
        # No `that`: the adjunct is one preposition phrase; stop before the first word that starts a clause.
        j = k + 1
        while j < len(tokens) and tokens[j].text not in _PUNCT and j - k < 5:
            after_preposition = tokens[j - 1].lower in _NOT_PHRASE_START
            if (tokens[j].lower in ("the", "a", "an") and not after_preposition) or tokens[j].lower in lexicon.SUBJECT_PRONOUNS and j > k + 1:
                break
            j += 1
        return j

    def is_tail(self, sentence: Sentence, k: int) -> bool:
        """True if tokens from ``k`` to the sentence end are only punctuation or short adjuncts."""
        tokens = sentence.tokens
        end = next((j for j in range(k, len(tokens)) if self.opens_here(tokens[j])), len(tokens))
        # `..., top lawmakers said Friday, as they bristled at ...`: a trailing clause is not content.
        end = next(
            (
                j
                for j in range(k, end - 1)
                if tokens[j].text == ","
                and (tokens[j + 1].lower in _SUBORDINATORS | {"but", "and", "according"} or tokens[j + 1].lower.endswith("ing"))
            ),
            end,
        )
        # `“A,” he said on Tuesday, “B.”`: only the words before the next quote count.
        rest = [t for t in tokens[k:end] if t.text not in _PUNCT]
        if not rest:
            return True
        if any(t.lower == "that" or lexicon.CUE_FORMS.get(t.lower) in _STRONG_CUES for t in rest):
            return False  # another speech verb: `posted to the website` is a tail, `said that` is not
        return len(rest) <= 10 and rest[0].lower in _ADJUNCT_START | _TAIL_START

    def tail_end(self, sentence: Sentence, k: int) -> int:
        tokens = sentence.tokens
        j = k
        while j < len(tokens) and tokens[j].text not in QUOTE_MARKS:
            j += 1
        return tokens[j - 1].end if j > 0 else sentence.end

    def content_before(self, sentence: Sentence, boundary: int) -> tuple[int, int] | None:
        """Content from the sentence (or an earlier clause end) to the token before ``boundary``."""
        tokens = sentence.tokens
        k = boundary
        while k >= 0 and (tokens[k].text in (",", "—", "–") or tokens[k].text in _CLOSE_MARKS and not self.opens_here(tokens[k])):
            k -= 1
        if k < 0:
            return None
        end = tokens[k].end
        # A quote mark right before: the content is that quote span, wherever it began.
        close_at = next(
            (
                span
                for span in (self.spans[i] for i in self.spans_opening(0, tokens[boundary].end + 1)[-2:])
                if span.close_at is not None
                and tokens[k].end <= span.close_at + 1
                and span.close_at < tokens[boundary].end + 1
                and span.end >= tokens[k].start
            ),
            None,
        )
        if close_at is not None and close_at.end <= tokens[boundary].end:
            lead = self.text[sentence.start : close_at.open_at].strip(" ,;:—–-([")
            if close_at.open_at < sentence.start or not lead or lead[-1] in ".!?:":
                return (close_at.start, close_at.end)
            # `The summit accomplished “too little,” he added`: the quote is part of a clause.
            end = close_at.close_at + close_at.mark_width
        start_token = 0
        for j in range(k, -1, -1):
            if tokens[j].text == ";" or (tokens[j].text == ":" and j > 0):
                start_token = j + 1
                break
        if start_token > k:
            return None
        start = tokens[start_token].start
        dateline = _DATELINE.match(self.text, start, end)
        if dateline:
            start = dateline.end()  # `SAN JOSE, Calif. — Lumora is recalling ...`
        if self.text[start] in QUOTE_MARKS:
            start += 1
        elif self.text.startswith("''", start):
            start += 2
        return (start, end) if end > start else None

    def clause_end(self, sentence: Sentence, start: int, relative: bool = False) -> int:
        """Last token of reported content from ``start``: it stops before `, and he urged ...`.

        In a relative clause (`Brandt, who said that ..., struck a tone`) it stops at the clause's comma.
        """
        tokens = sentence.tokens
        if relative:
            for j in range(start + 1, len(tokens) - 1):
                closing = tokens[j].text in _CLOSE_MARKS and self.closes_quote_with_punctuation(tokens, j)
                if closing or (tokens[j].text == "," and not self.in_quote(tokens[j].start)):
                    return j if closing else j - 1
        for j in range(start + 3, len(tokens) - 1):
            if self.in_quote(tokens[j].start):
                continue
            if tokens[j].text == ";":
                return j - 1  # `...; the Tax Foundation puts the figure at ...`: another clause
            if tokens[j].text == "," and j + 2 < len(tokens) and (
                tokens[j + 1].lower in ("and", "but", "though", "although", "while", "whereas")
                and tokens[j + 2].lower in lexicon.SUBJECT_PRONOUNS
            ):
                return j - 1
        return len(tokens) - 1

    def closes_quote_with_punctuation(self, tokens: list[Token], k: int) -> bool:
        """True if token ``k`` closes a quote that ends in `,` `.` `?` `!`: `“...,” he said`."""
        if k < 0 or tokens[k].text not in _CLOSE_MARKS:
            return False
        span = self._span_by_close.get(tokens[k].start)
        if span is None:
            return False
        inside = self.text[span.start : span.close_at].rstrip("'’ ")
        return bool(inside) and inside[-1] in ",.?!…—–-"

    def quote_opens_at(self, sentence: Sentence, k: int) -> bool:
        tokens = sentence.tokens
        while k < len(tokens) and tokens[k].text in (",", ":", "—", "–"):
            k += 1
        return k < len(tokens) and self.opens_here(tokens[k])

    def ends_clause(self, sentence: Sentence, k: int) -> bool:
        """After an inverted speaker: only the sentence end, an appositive, or adjuncts may follow."""
        tokens = sentence.tokens
        if k >= len(tokens) or tokens[k].text in (".", "!", "?", ";", ":"):
            return True
        if tokens[k].text in QUOTE_MARKS:
            return not self.opens_here(tokens[k])
        if tokens[k].text in (",", "("):
            return True
        return self.is_tail(sentence, k)

    def is_content_clause(self, content: tuple[int, int]) -> bool:
        """Reject `As a phone rang, the announcer said` — a subordinate clause is not what was said."""
        words = self.text[content[0] : content[1]].split()
        if not words:
            return False
        if words[0].lower() in _SUBORDINATORS and len(words) < 12:
            return False
        return len(words) >= 3 or any(mark in self.text[content[0] - 1 : content[1] + 1] for mark in QUOTE_MARKS)

    def sentence_subject(self, sentence: Sentence, before: int) -> tuple[int, int] | None:
        tokens = sentence.tokens
        k = 0
        dash = next((j for j, t in enumerate(tokens[:8]) if t.text in ("—", "–", "--")), None)
        if dash is not None and all(t.text.isupper() or t.text in ",()." for t in tokens[:dash]):
            k = dash + 1  # a dateline: `MOSCOW — The Kremlin ...`
        if k < len(tokens) and tokens[k].lower in _SUBORDINATORS | _ADJUNCT_START:
            while k < before and tokens[k].text != ",":
                k += 1
            k += 1
        first = k
        while k < before and (
            tokens[k].text[:1].isupper()
            or tokens[k].lower in ("the", "a", "an", "'s", "’s")
            or tokens[k].lower in lexicon.ROLE_NOUNS
            or tokens[k].lower.removesuffix("s") in lexicon.ROLE_NOUNS
        ):
            k += 1
        if k == first and k < before and tokens[k].lower in lexicon.SUBJECT_PRONOUNS:
            k += 1
        if k == first or not _plausible_speaker(tokens[first:k]):
            return None
        return (first, k - 1)

    def opens_here(self, token: Token) -> bool:
        return token.start in self._span_by_open

    # -- frames into quotes -----------------------------------------------------------------

    def quote_for_frame(self, frame: Frame, used_spans: set[int]) -> Quote | None:
        if frame.content is None:
            return None
        start, end = frame.content
        start, end = _strip_span(self.text, start, end)
        if end <= start:
            return None
        inside = [i for i in self.spans_opening(0, end)[-64:] if self.spans[i].start < end and self.spans[i].end > start]
        covering = [i for i in inside if self.spans[i].start <= start + 1 and self.spans[i].end >= end - 2]
        if frame.placement == "after":
            # `He said: “...”` — a quote right after the cue is the content, to its own end.
            opening = next(
                (i for i in self.spans_opening(start - 4, start + 2) if i not in used_spans and abs(self.spans[i].start - start) <= 2),
                None,
            )
            if opening is not None:
                span = self.spans[opening]
                remainder = self.text[span.outer_end : end].strip(" .,;")
                if not remainder or remainder in QUOTE_MARKS:
                    start, end, covering, inside = span.start, span.end, [opening], [opening]
        if covering and all(i in covering for i in inside):
            kind = "direct"
            span = self.spans[covering[0]]
            start, end = span.start, span.end
        elif inside:
            kind = "mixed"
        else:
            kind = "indirect"
        used_spans.update(inside)
        quote = self.make_quote(frame, start, end, kind)
        if frame.extra.get("parts") and kind != "direct":
            quote.extra["parts"] = frame.extra["parts"]
        if kind == "direct" and frame.placement == "before":
            # `“A,” he said, “B.”`: the quote reopening after the cue is the same speaker's.
            sentence = frame.sentence
            for i in self.spans_opening(frame.attribution[1], sentence.end):
                span = self.spans[i]
                if i in used_spans:
                    continue
                if self.text[frame.attribution[1] : span.open_at].strip() not in (",", "", "—", "–"):
                    continue
                if self.text[span.open_at - 3 : span.open_at].strip()[-1:] not in (",", "—", "–"):
                    continue
                if _PARTICIPLE_CUE.search(self.text, frame.attribution[0], span.open_at):
                    continue  # `“A,” he said, adding, “B.”`: B has a cue of its own
                used_spans.add(i)
                _extend(quote, span, self.text, sentence)
                break
        return quote

    def make_quote(self, frame: Frame, start: int, end: int, kind: str) -> Quote:
        sentence = frame.sentence
        tokens = sentence.tokens
        mention = None
        speaker = None
        speaker_start = None
        if frame.speaker:
            first, last = frame.speaker
            mention = self.text[tokens[first].start : tokens[last].end]
            speaker_start = tokens[first].start
            speaker = self.resolver.resolve(mention, speaker_start)
        cue = self.text[tokens[frame.cue_first].start : tokens[frame.cue_last].end]
        if frame.cue_last - frame.cue_first > 3:
            cue = f"{tokens[frame.cue_first].text} … {tokens[frame.cue_last].text}"
        via = self.via_outlet(frame)
        confidence = frame.confidence
        if speaker is None:
            confidence -= 0.2
        if kind == "direct":
            confidence += 0.1
        self.resolver.remember(speaker, mention, speaker_start)
        return Quote(
            text=self.text[start:end],
            start=start,
            end=end,
            kind=kind,
            cue=cue,
            cue_start=tokens[frame.cue_first].start,
            speaker=speaker,
            speaker_mention=mention,
            speaker_start=speaker_start,
            via_outlet=via,
            publisher=self.article.publisher,
            sentence=self.context(start, end, sentence),
            confidence=round(min(max(confidence, 0.05), 0.99), 2),
            extra={"context": self.context_span(start, end, sentence)},
        )

    def via_outlet(self, frame: Frame) -> str | None:
        ranges = [frame.via_hint] if frame.via_hint else []
        opening = _VIA_OPENING.match(self.text, frame.sentence.start, frame.sentence.end)
        if opening:
            ranges.append(opening.span())  # `Speaking to Kommersant, the minister said ...`
        for start, end in ranges:
            region = self.text[start:end]
            found = self.outlets.find(region)
            if found:
                return found[0][0]
            named = re.search(
                r"(?:the\s+)?([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)\s+(?:news agency|newspaper|daily|broadcaster|television|TV channel|channel|radio|news site|website)",
                region,
            )
            if named:
                return named.group(1)
            named = re.search(
                r"(?:news agency|newspaper|daily|broadcaster|television channel|channel|radio station|outlet)\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)",
                region,
            )
            if named:
                return self.outlets.canonical(named.group(1)) or named.group(1)
        return None

    def context(self, start: int, end: int, sentence: Sentence) -> str:
        return self.text[slice(*self.context_span(start, end, sentence))]

    def context_span(self, start: int, end: int, sentence: Sentence) -> tuple[int, int]:
        return min(start, sentence.start), max(end, sentence.end)

    def signed(self, span: QuoteSpan, sentence: Sentence) -> Quote | None:
        """`“...” ― Carla Sanchez`: a quote signed with a dash and a name at the paragraph's end."""
        if span.close_at is None:
            return None
        line_end = self.text.find("\n", span.outer_end)
        line_end = len(self.text) if line_end < 0 else line_end
        match = _SIGNATURE.match(self.text, span.outer_end, line_end)
        if not match:
            return None
        mention, position = match.group(1).rstrip("."), match.start(1)
        speaker = self.resolver.resolve(mention, position)
        self.resolver.remember(speaker, mention, position)
        return Quote(
            text=span.text,
            start=span.start,
            end=span.end,
            kind="direct",
            cue=match.group(0).strip()[0],
            cue_start=match.start(0) + len(match.group(0)) - len(match.group(0).lstrip()),
            speaker=speaker,
            speaker_mention=mention,
            speaker_start=position,
            publisher=self.article.publisher,
            sentence=self.text[span.open_at : match.end()],
            confidence=0.8,
            extra={"context": (span.open_at, match.end())},
        )

    def follow_on(self, span: QuoteSpan, sentence: Sentence, last: Quote | None, last_paragraph: int) -> Quote | None:
        """A quote with no cue of its own: the previous speaker's, or noise (scare quotes, titles, lyrics)."""
        words = re.findall(r"\w+", span.text)
        before = self.text[sentence.start : span.open_at].strip()
        starts_sentence = not before or before[-1] in ".:!?" or before.endswith(("—", "–"))
        if len(words) < 5 or not starts_sentence:
            return None
        if _looks_like_title(words):
            return None
        if last is None or sentence.paragraph - last_paragraph > 2:
            return None
        quote = Quote(
            text=span.text,
            start=span.start,
            end=span.end,
            kind="direct",
            cue=None,
            speaker=last.speaker,
            speaker_mention=last.speaker_mention,
            speaker_start=last.speaker_start,
            via_outlet=last.via_outlet,
            publisher=self.article.publisher,
            sentence=self.context(span.start, span.end, sentence),
            confidence=0.55 if sentence.paragraph - last_paragraph <= 1 else 0.4,
            extra={"context": self.context_span(span.start, span.end, sentence)},
        )
        quote.extra["inherited"] = True
        return quote


def _extend(quote: Quote, continuation: QuoteSpan, text: str, sentence: Sentence) -> None:
    """Grow ``quote`` over ``continuation``; ``extra["parts"]`` keeps where the quoted words are."""
    parts = quote.extra.get("parts") or [(quote.start, quote.end)]
    quote.extra["parts"] = [*parts, (continuation.start, continuation.end)]
    quote.end = continuation.end
    quote.text = text[quote.start : quote.end]
    start, _ = quote.extra.get("context", (quote.start, quote.end))
    end = max(sentence.end, continuation.outer_end)
    quote.extra["context"] = (start, end)
    quote.sentence = text[start:end]


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    kept: list[Quote] = []
    for quote in quotes:
        if kept and quote.start < kept[-1].end and quote.end <= kept[-1].end + 2 and quote.start >= kept[-1].start - 2:
            if quote.confidence > kept[-1].confidence:
                kept[-1] = quote
            continue
        kept.append(quote)
    return kept


def _drop_nested(frames: list[Frame]) -> list[Frame]:
    """A cue inside another frame's content is reported speech within speech; keep the outer one."""
    kept = []
    for outer in [f for f in frames if f.sentence.tokens[f.cue_first].lower == "according" and f.content]:
        inner = [f for f in frames if f is not outer and outer.content[0] <= f.sentence.tokens[f.cue_first].start < outer.content[1]]
        if inner:
            # `According to Interfax, the ministry said ...` and `Peskov said ..., according to Interfax`:
            # the outlet carried what the speaker said.
            according_at = outer.sentence.tokens[outer.cue_first].start
            for frame in inner:
                frame.via_hint = outer.attribution
                if frame.content and frame.content[0] < according_at < frame.content[1]:
                    frame.content = (frame.content[0], according_at)
            frames = [f for f in frames if f is not outer]
    for inner in [f for f in frames if f.placement == "before"]:
        # `Xi told Macron that China was ready to help, state broadcaster CCTV reported.`: the trailing
        # attribution names who carried the whole sentence; the content stops before it.
        cue_start = inner.sentence.tokens[inner.cue_first].start
        for outer in frames:
            if outer is not inner and outer.placement == "after" and outer.content and outer.content[0] < cue_start < outer.content[1]:
                outer.content = (outer.content[0], min(outer.content[1], inner.attribution[0]))
                outer.via_hint = inner.attribution
                frames = [f for f in frames if f is not inner]
                break
    subordinate = [f for f in frames if f.extra.get("subordinate") and f.placement == "after"]
    for outer in subordinate:
        # `When Patriot signaled that ..., Mr. Barrett said, “...”`: the main clause is the speech.
        if any(f is not outer and outer.content[0] <= f.sentence.tokens[f.cue_first].start < outer.content[1] for f in frames):
            frames = [f for f in frames if f is not outer]
    for inner in frames:
        tokens = inner.sentence.tokens
        first = inner.speaker[0] if inner.speaker else inner.cue_first
        if inner.speaker and inner.speaker[0] < inner.cue_first - 1 and tokens[inner.cue_first - 1].lower in ("and", "but"):
            first = inner.cue_first  # `Merrill says A and said B`: the coordinated cue starts the new clause
        if first >= 1 and (tokens[first - 1].lower in ("but", "and") or tokens[first - 1].text == ";") and inner.speaker:
            # `X agreed that ..., but he said that ...`, `X said A and Democrats accused ...`:
            # a new clause with its own speaker, so the outer content stops there.
            cut = tokens[first - 2].start if first >= 2 and tokens[first - 2].text in (",", ";") else tokens[first - 1].start
            for outer in frames:
                if outer is not inner and outer.content and outer.placement == "after" and outer.content[0] < cut < outer.content[1]:
                    outer.content = (outer.content[0], cut)
    for frame in frames:
        cue_start = frame.sentence.tokens[frame.cue_first].start
        if any(
            other is not frame and other.content and other.content[0] <= cue_start < other.content[1] and other.placement == "after"
            for other in frames
        ):
            continue
        kept.append(frame)
    return kept


def _looks_like_verb(tokens: list[Token], i: int) -> bool:
    token = tokens[i]
    if token.upos and token.upos not in ("VERB", "AUX"):
        return False
    previous = tokens[i - 1].lower if i > 0 else ""
    if previous in ("the", "a", "an", "his", "her", "their", "its", "our", "my", "this", "that"):
        return False  # `the said`, `a statement`, `her claims`
    if token.lower in _NOUN_OR_VERB:
        # `Peskov notes that`, `he claims` are verbs; `tax reports`, `insurance claims` are nouns.
        before = tokens[i - 1] if i > 0 else None
        following = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        return before is not None and (
            following == "that"
            or previous in lexicon.SUBJECT_PRONOUNS
            or (before.ner or "O")[2:] in ("PERSON", "ORG", "GPE", "NORP")
            or (before.text[:1].isupper() and i > 1)  # a sentence's first word is capitalised anyway
        )
    return True


def _has_name(tokens: list[Token]) -> bool:
    return any(t.ner and t.ner.endswith("PERSON") for t in tokens) or sum(
        1 for t in tokens if t.text[:1].isupper() and t.text not in lexicon.CAPITALISED_FUNCTION_WORDS and t.lower not in lexicon.TITLES
    ) >= 2


_NOT_PHRASE_START = frozenset(
    """in on at during after before for with by from to of about into over under through since until upon
    than despite without within across against among between amid speaking talking writing asked""".split()
)
_NOT_PHRASE_END = frozenset(
    """by to of for with in on at from about into the a an and or his her their its our my your this that
    these those himself herself themselves itself is was are were be been has have had not""".split()
)


def _plausible_speaker(tokens: list[Token]) -> bool:
    words = [t for t in tokens if t.text not in _PUNCT]
    if not words:
        return False
    lowered = [t.lower for t in words]
    if lowered[0] in _NOT_PHRASE_START or lowered[-1] in _NOT_PHRASE_END:
        return False
    if any(word in lexicon.SUBJECT_PRONOUNS or word in ("himself", "herself", "themselves") for word in lowered[1:]):
        return False
    if len(words) > 6 and not any(t.text[:1].isupper() for t in words[1:]):
        return False
    if len(words) == 1 and lowered[0] in lexicon.SUBJECT_PRONOUNS:
        return lowered[0] != "you"
    if any(t.text[:1].isupper() and t.text not in lexicon.CAPITALISED_FUNCTION_WORDS for t in words):
        return True
    if any(word in lexicon.ROLE_NOUNS for word in lowered):
        return True
    head = lowered[-1]
    if head in _NOT_NOUNS:
        return False  # `later`, `however`: the -er and -or endings below would take them for people
    if lowered[0] in ("the", "a", "an", "one", "another") and len(words) <= 4 and head.isalpha():
        return True  # `The bank said`, `one slide says`
    return head.endswith(("er", "ers", "ist", "ists", "ian", "ians", "ant", "ants", "ent", "ents", "or", "ors", "report", "statement", "study", "poll", "survey", "documents", "letter", "memo", "data"))


def _trim_range(tokens: list[Token], first: int, last: int) -> tuple[int, int] | None:
    while first <= last and tokens[first].text in _PUNCT:
        first += 1
    while last >= first and tokens[last].text in _PUNCT:
        last -= 1
    return (first, last) if first <= last else None


def _token_at(tokens: list[Token], position: int) -> int | None:
    for k, token in enumerate(tokens):
        if token.start <= position < token.end:
            return k
    return None


def _content_end(tokens: list[Token], last: int) -> int:
    while last > 0 and tokens[last].text in (".", ";", ",", ":", "—", "–") :
        last -= 1
    return tokens[last].end


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:—–"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–"):
        end -= 1
    return start, end


def _subtree_range(children: dict[int, list[int]], root: int, tokens: list[Token], stop_at: set[str] | None = None) -> tuple[int, int]:
    """First and last token index of ``root``'s subtree, not descending into ``stop_at`` relations."""
    seen = {root}
    stack = [root]
    while stack:
        node = stack.pop()
        for child in children.get(node, []):
            if child in seen or (stop_at and tokens[child].deprel in stop_at):
                continue  # a malformed parse may have cycles
            seen.add(child)
            stack.append(child)
    return (min(seen), max(seen))


def _looks_like_title(words: list[str]) -> bool:
    capitalised = sum(1 for word in words if word[:1].isupper())
    return capitalised >= max(3, int(len(words) * 0.8))
