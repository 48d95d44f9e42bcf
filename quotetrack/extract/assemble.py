"""Frames and quote spans into quotes: direct, indirect and mixed, with speaker and via outlet.

Every body sentence is read for frames (:mod:`.dependency` with a parse, :mod:`.frames`
without); each frame's content is matched with the quote-mark spans, and quote spans no
frame claimed become follow-on quotes of the last speaker, signed quotes, or nothing.
The :class:`SpeakerResolver` learns from sentence subjects and appositives first, then
resolves each quote's speaker mention in text order.

>>> from quotetrack.records import Article
>>> from quotetrack.resolve.outlets import Outlets
>>> from quotetrack.extract.sentences import rule_analysis
>>> text = 'Mayor Ana Ruiz visited the harbor on Monday. “We will rebuild,” Ruiz said. “Every street.”'
>>> extraction = ArticleExtraction(Article(text), *rule_analysis(text), Outlets.load())
>>> [(q.kind, q.text, q.speaker, q.speaker_method) for q in extraction.run()]
[('direct', 'We will rebuild, … Every street.', 'Ana Ruiz', 'surname')]
"""

from __future__ import annotations

import re

from ..lexicon import CUE_FORMS, QUOTE_MARKS
from ..records import Article, Quote, QuoteKind
from ..resolve.outlets import Outlets
from ..resolve.speakers import SpeakerResolver
from .clauses import strip_span
from .continuations import PARTICIPLE_CUE, continues, extend, set_parts
from .dependency import dependency_frames
from .evidence import attribution_confidence, follow_on_confidence, sentences_back, speaker_method
from .frames import Frame, pattern_frames
from .labels import label_quote
from .marks import QuoteSpan, SpanIndex
from .sentences import Entity, Sentence
from .via import ViaFinder

# `Clinton: “Our goal is ...”`: a speaker's name and a colon open a transcript-style line, or
# follow a newsletter item's heading and dash (`POLLS WERE EARLY - Ann Lee: “...”`).
_LABEL = re.compile(r"(?:^|(?<=\n)|(?<=[.!?”\"] )|(?<=[-–—] ))([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}):\s*$")
# `Hale, in a tweet: “...”`, `From Hale's Facebook post: “...”`: the name, the medium and a colon.
_MEDIUM_LABEL = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?”\"] ))(?:From\s+)?([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}?)"
    r"(?:['’]s?\s+(?:[A-Z]\w+\s+)?|,\s+in\s+(?:an?|his|her|their|its)\s+(?:[\w-]+\s+)?)"
    r"(?:tweet|post|statement|letter|message|email|e-mail|op-ed|column|blog\s+post),?:\s*$"
)
_SIGNATURE = re.compile(r"\s*[―—–]+\s*([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})[\s.,]*$")
_SIGNATURE_LINE = re.compile(r"\s*\n\s*[―—–-]+[ \t]*([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3}?)[ \t]*(?:,[^\n]{0,80})?[.]?[ \t]*(?=\n|$)")



def cue_words(words: list[str]) -> str:
    """The cue alone: the speaker's and outlet's words inside `quoted X as saying` become "...".

    Only such relay cues have words between their first and last; `as` and a passive `by` stay.

    >>> cue_words(["told"]), cue_words(["went", "on"])
    ('told', 'went on')
    >>> cue_words(["quoted", "Kremlin", "spokesman", "Peskov", "as", "saying"])
    'quoted ... as saying'
    >>> cue_words(["quoted", "by", "Interfax", "as", "saying"]), cue_words(["quoted", "as", "saying"])
    ('quoted by ... as saying', 'quoted as saying')
    """
    if len(words) <= 2:
        return " ".join(words)
    first, middle, last = words[0], words[1:-1], words[-1]
    head = ["by"] if middle[0].lower() == "by" else []
    tail = ["as"] if middle[-1].lower() == "as" else []
    inner = middle[len(head) : len(middle) - len(tail)]
    return " ".join([first, *head, *(["..."] if inner else []), *tail, last])


class ArticleExtraction:
    """Extracting one article: its quote spans, the speaker resolver, and the quotes found so far."""

    def __init__(self, article: Article, sentences: list[Sentence], entities: list[Entity], outlets: Outlets):
        self.article = article
        self.text = article.text
        self.sentences = sentences
        self.outlets = outlets
        self.spans = SpanIndex(self.text)
        self.resolver = SpeakerResolver(self.text, sentences, entities, outlets, quoted=self.spans.ranges())
        self.via = ViaFinder(self.text, outlets, entities)
        # A parser gives every word its relation: the first word of each sentence tells.
        self.parsed = any(sentence.tokens[0].deprel for sentence in sentences if sentence.tokens)
        self.sentence_starts = [sentence.start for sentence in sentences]

    def frames(self, sentence: Sentence, following: Sentence | None = None) -> list[Frame]:
        """The sentence's frames, from the parse if there is one, else from word patterns.

        The appositives seen on the way teach the resolver roles, even those of frames not kept.
        """
        frames, appositives = dependency_frames(sentence, self.spans) if self.parsed else ([], [])
        if not frames:
            reading = introducing(sentence, following, self.spans)
            frames, more = pattern_frames(reading, self.spans)
            if reading is not sentence and following is not None:
                # `Cruz called them on it:` / `“...”`: the quote is the content, the object and the colon are not.
                for frame in frames:
                    if frame.content and frame.content[0] < following.start < frame.content[1]:
                        frame.content = (following.start, frame.content[1])
            appositives = appositives + more
        for fact in appositives:
            self.resolver.note_appositive(fact.sentence, fact.head, fact.description)
        return frames

    def run(self) -> list[Quote]:
        quotes: list[Quote] = []
        used_spans: set[int] = set()
        last: Quote | None = None
        last_paragraph = -10
        headline = headline_paragraph(self.text, self.sentences, self.article.title)
        body = [sentence for sentence in self.sentences if sentence.paragraph != headline]
        # Every frame first: the resolver learns all appositives before resolving any speaker.
        frames_by_sentence = [self.frames(sentence, following) for sentence, following in zip(body, [*body[1:], None])]
        if headline is not None:
            quotes.extend(self.label_line(self.sentences[0].start, headline=True))
        for sentence, frames in zip(body, frames_by_sentence):
            if sentence.start == 0 or self.text[sentence.start - 1] == "\n":
                quotes.extend(self.label_line(sentence.start))  # `TAPPER: Do you think ...`
            for frame in frames:
                quote = self.quote_for_frame(frame, used_spans)
                if quote is None:
                    continue
                quotes.append(quote)
                if quote.speaker or quote.speaker_mention:
                    last, last_paragraph = quote, sentence.paragraph
            # Quote spans in this sentence that no frame claimed: follow-on quotes or noise.
            for i in self.spans.spans_opening(sentence.start, sentence.end + 1):
                if i in used_spans:
                    continue
                span = self.spans[i]
                used_spans.add(i)
                signed = self.signed(span) or labelled(self, span)
                if signed is None and last is not None and continues(self.spans, last, span, sentence.paragraph == last_paragraph):
                    extend(last, span, self.text, sentence)
                    continue
                quote = signed or follow_on(self.article, span, sentence, last, last_paragraph)
                newcomer = introduced_speaker(self.resolver, last, span) if quote is not None and signed is None else None
                if quote is not None and newcomer is not None:
                    # `Pence said .... Sen. Ann Lee, who lost, disagreed. “...”`: the person just introduced.
                    quote.speaker, quote.speaker_mention, quote.speaker_start, quote.speaker_end = newcomer[0], newcomer[0], newcomer[1], newcomer[1] + len(newcomer[0])
                    quote.speaker_method, quote.via_outlet, quote.via_chain, quote.via_start, quote.via_end = "name", None, [], None, None
                    self.resolver.remember(newcomer[0], newcomer[0], newcomer[1])
                    last, last_paragraph = quote, sentence.paragraph
                if quote is not None:
                    quotes.append(quote)
        quotes.sort(key=lambda quote: quote.start)
        return dedupe(quotes)

    def label_line(self, start: int, headline: bool = False) -> list[Quote]:
        """The statement of the line at ``start`` if a speaker's name and a colon open it (:mod:`.labels`)."""
        if self.text.find(":", start, start + 160) < 0:
            return []  # the common case: no label can open this line
        end = self.text.find("\n", start)
        quote = label_quote(self, start, len(self.text) if end < 0 else end, headline)
        return [quote] if quote is not None else []

    def quote_for_frame(self, frame: Frame, used_spans: set[int]) -> Quote | None:
        """The quote a frame's content makes: direct if quote marks cover it, mixed if some lie inside."""
        if frame.content is None:
            return None
        start, end = strip_span(self.text, *frame.content)
        if end <= start:
            return None
        spans = self.spans
        inside = [i for i in spans.spans_opening(0, end)[-64:] if spans[i].start < end and spans[i].end > start]
        covering = [i for i in inside if spans[i].start <= start + 1 and spans[i].end >= end - 2]
        if frame.placement == "after":
            # `He said: “...”` — a quote right after the cue is the content, to its own end.
            opening = next(
                (i for i in spans.spans_opening(start - 4, start + 2) if i not in used_spans and abs(spans[i].start - start) <= 2),
                None,
            )
            if opening is not None:
                span = spans[opening]
                remainder = self.text[span.outer_end : end].strip(" .,;")
                if not remainder or remainder in QUOTE_MARKS:
                    start, end, covering, inside = span.start, span.end, [opening], [opening]
        kind: QuoteKind
        if covering and all(i in covering for i in inside):
            kind = "direct"
            start, end = spans[covering[0]].start, spans[covering[0]].end
        elif inside:
            kind = "mixed"
        else:
            kind = "indirect"
        used_spans.update(inside)
        quote = self.make_quote(frame, start, end, kind)
        if frame.extra.get("parts") and kind != "direct":
            set_parts(quote, frame.extra["parts"], self.text)
        if kind == "direct" and frame.placement == "before":
            self.extend_reopened(quote, frame, used_spans)
        return quote

    def extend_reopened(self, quote: Quote, frame: Frame, used_spans: set[int]) -> None:
        """`“A,” he said, “B.”`: the quote reopening after the cue is the same speaker's."""
        sentence = frame.sentence
        for i in self.spans.spans_opening(frame.attribution[1], sentence.end):
            span = self.spans[i]
            if i in used_spans:
                continue
            if self.text[frame.attribution[1] : span.open_at].strip() not in (",", "", "—", "–"):
                continue
            if self.text[span.open_at - 3 : span.open_at].strip()[-1:] not in (",", "—", "–"):
                continue
            if PARTICIPLE_CUE.search(self.text, frame.attribution[0], span.open_at):
                continue  # `“A,” he said, adding, “B.”`: B has a cue of its own
            used_spans.add(i)
            extend(quote, span, self.text, sentence)
            break

    def make_quote(self, frame: Frame, start: int, end: int, kind: QuoteKind) -> Quote:
        """The quote of ``frame`` over ``[start, end)``, its speaker resolved and remembered."""
        sentence = frame.sentence
        tokens = sentence.tokens
        mention = speaker = speaker_start = speaker_end = None
        speaker_range = (tokens[frame.speaker[0]].start, tokens[frame.speaker[1]].end) if frame.speaker else None
        via = self.via.find_in(sentence.start, sentence.end, (start, end), speaker_range, frame.extra.get("parts"))
        if via is not None and via.cited is not None:
            speaker_range = via.cited  # `Interfax reported, citing Novak, ...`: Novak spoke, Interfax relayed
        if speaker_range:
            speaker_start, speaker_end = speaker_range
            mention = self.text[speaker_start:speaker_end]
            speaker = self.resolver.resolve(mention, speaker_start)
        cue = cue_words([token.text for token in tokens[frame.cue_first : frame.cue_last + 1]])
        method = speaker_method(mention, speaker)
        distance = sentences_back(self.text, self.sentence_starts, speaker, speaker_start or 0) if method == "pronoun" else 0
        confidence = attribution_confidence(method, direct=kind == "direct", weak_cue=frame.confidence < 0.7, sentences_back=distance)
        self.resolver.remember(speaker, mention, speaker_start)
        context = context_span(start, end, sentence)
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
            speaker_end=speaker_end,
            speaker_method=method,
            via_outlet=via.outlet if via else None,
            via_chain=via.chain if via else [],
            via_start=via.start if via else None,
            via_end=via.end if via else None,
            publisher=self.article.publisher,
            sentence=self.text[slice(*context)],
            confidence=confidence,
            extra={"context": context, "rank": reading_rank(frame.confidence + 0.1 * (kind == "direct") - 0.2 * (speaker is None))},
        )

    def signed(self, span: QuoteSpan) -> Quote | None:
        """`“...” ― Carla Sanchez`: a quote signed with a dash and a name at the paragraph's end."""
        if span.close_at is None:
            return None
        line_end = self.text.find("\n", span.outer_end)
        line_end = len(self.text) if line_end < 0 else line_end
        match = _SIGNATURE.match(self.text, span.outer_end, line_end)
        if not match and not self.text[span.outer_end : line_end].strip():
            # `“...”` then a line of its own, `- Sanders.` or `—Ana Ruiz, in a tweet.`: a quote box's credit.
            match = _SIGNATURE_LINE.match(self.text, line_end)
            if match and not (self.resolver.person_entity_in(match.group(1), match.start(1)) or self.resolver.fullest(match.group(1))):
                return None
        if not match:
            return None
        mention, position = match.group(1).rstrip("."), match.start(1)
        cue_start = match.start(0) + len(match.group(0)) - len(match.group(0).lstrip())
        return named_direct_quote(self, span, mention, position, match.group(0).strip()[0], cue_start, (span.open_at, match.end()))


def labelled(extraction: ArticleExtraction, span: QuoteSpan) -> Quote | None:
    """`Clinton: “Our goal is not to contain ISIS.”`: a quote after a person's name and a colon."""
    if not extraction.text[max(0, span.open_at - 90) : span.open_at].rstrip().endswith(":"):
        return None  # both labels end in a colon: the common case, found without scanning for them
    label = _LABEL.search(extraction.text, max(0, span.open_at - 60), span.open_at)
    label = label or _MEDIUM_LABEL.search(extraction.text, max(0, span.open_at - 90), span.open_at)
    if label is None:
        return None
    mention, position = label.group(1), label.start(1)
    head, opening, rest = mention.rpartition("From ")
    if opening and (not head or head.endswith(". ")):  # `... support Cruz. From Bush's post:`
        mention, position = rest, position + len(head) + len(opening)
    verb, _, rest = mention.partition(" ")
    if rest and verb.lower() in CUE_FORMS:
        mention, position = rest, position + len(verb) + 1  # `Continued Stone: “...”`
    resolver = extraction.resolver
    if not (resolver.person_entity_in(mention, position) or resolver.fullest(mention)):
        return None  # `Update:`, `Q:`, `Note:`: a label, not a person the article names
    return named_direct_quote(extraction, span, mention, position, ":", label.end(1), (position, span.outer_end))


def named_direct_quote(
    extraction: ArticleExtraction, span: QuoteSpan, mention: str, position: int, cue: str, cue_start: int, context: tuple[int, int]
) -> Quote:
    """A direct quote credited to the person ``mention`` (at ``position``) names, with no cue verb: signed
    with a dash (``cue`` "―") or labelled with a colon (":"); ``context`` is its sentence's span."""
    speaker = extraction.resolver.resolve(mention, position)
    extraction.resolver.remember(speaker, mention, position)
    method = speaker_method(mention, speaker)
    return Quote(
        text=span.text,
        start=span.start,
        end=span.end,
        kind="direct",
        cue=cue,
        cue_start=cue_start,
        speaker=speaker,
        speaker_mention=mention,
        speaker_start=position,
        speaker_end=position + len(mention),
        speaker_method=method,
        publisher=extraction.article.publisher,
        sentence=extraction.text[context[0] : context[1]],
        confidence=attribution_confidence(method, direct=True),
        extra={"context": context, "rank": 0.8},
    )


def headline_paragraph(text: str, sentences: list[Sentence], title: str | None) -> int | None:
    """Paragraph 0 when it is the headline: the title, Title Case, or a line without an ending.

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> text = "Council Approves New Budget\\nThe council voted on Monday. Members left."
    >>> headline_paragraph(text, rule_analysis(text)[0], None)
    0
    """
    first = [sentence for sentence in sentences if sentence.paragraph == 0]
    if not first or len(first) > 2 or first[-1] is sentences[-1]:
        return None  # a one-paragraph article has no headline to skip
    line = text[first[0].start : first[-1].end].strip()
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    if not words or len(words) > 30:
        return None
    title = (title or "").strip()
    title_case = len(words) >= 5 and sum(word[0].isupper() for word in words[1:]) >= 0.75 * (len(words) - 1)
    if line.rstrip(".") == title.rstrip(".") or title_case or line[-1] not in ".!?”\"'’…":
        return 0
    return None


def introducing(sentence: Sentence, following: Sentence | None, spans: SpanIndex) -> Sentence:
    """`Hale continued:` closing a paragraph, the quote opening the next: the two read as one sentence,
    so that the cue's content is that quote (the next paragraph says what Hale continued with).

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> text = "Hale continued:\\n\\n“We will not back down.”"
    >>> first, second = rule_analysis(text)[0]
    >>> [token.text for token in introducing(first, second, SpanIndex(text)).tokens]
    ['Hale', 'continued', ':', '“', 'We', 'will', 'not', 'back', 'down', '.', '”']
    """
    tokens = sentence.tokens
    if following is None or not tokens or tokens[-1].text != ":" or not following.tokens or not spans.opens_at(following.tokens[0].start):
        return sentence
    quote = spans[spans.spans_opening(following.tokens[0].start, following.tokens[0].start + 1)[0]]
    if quote.outer_end < following.end and spans.text[quote.outer_end : following.end].strip(" .,;!?”\"’") != "":
        return sentence  # `“They stole it,” the man shouted.`: the quote has an attribution of its own
    return Sentence(sentence.index, sentence.start, following.end, tokens + following.tokens, sentence.paragraph)


def follow_on(article: Article, span: QuoteSpan, sentence: Sentence, last: Quote | None, last_paragraph: int) -> Quote | None:
    """A quote with no cue of its own: the previous speaker's, or noise (scare quotes, titles, lyrics)."""
    text = article.text
    words = re.findall(r"\w+", span.text)
    before = text[sentence.start : span.open_at].strip()
    starts_sentence = not before or before[-1] in ".:!?" or before.endswith(("—", "–"))
    if len(words) < 5 or not starts_sentence:
        return None
    if _looks_like_title(words):
        return None
    if last is None or sentence.paragraph - last_paragraph > 2:
        return None
    context = context_span(span.start, span.end, sentence)
    quote = Quote(
        text=span.text,
        start=span.start,
        end=span.end,
        kind="direct",
        cue=None,
        speaker=last.speaker,
        speaker_mention=last.speaker_mention,
        speaker_start=last.speaker_start,
        speaker_end=last.speaker_end,
        speaker_method=last.speaker_method,
        via_outlet=last.via_outlet,
        via_chain=list(last.via_chain),
        via_start=last.via_start,
        via_end=last.via_end,
        publisher=article.publisher,
        sentence=text[slice(*context)],
        confidence=follow_on_confidence(sentence.paragraph - last_paragraph, last.confidence),
        extra={"context": context, "rank": 0.55 if sentence.paragraph - last_paragraph <= 1 else 0.4},
    )
    quote.extra["inherited"] = True
    return quote


def introduced_speaker(resolver: SpeakerResolver, last: Quote | None, span: QuoteSpan) -> tuple[str, int] | None:
    """A person other than the last speaker who opens the sentence of ``span`` (before it) or
    the one before, after the last quote: who a quote with no cue of its own goes on about."""
    if last is None:
        return None
    discourse = resolver.discourse
    referents = resolver.salience.referents()
    last_index = discourse.sentence_at(max(last.end, last.speaker_end or 0) - 1)
    index = discourse.sentence_at(span.open_at)
    for k in range(index, max(last_index, index - 2), -1):
        referent = referents[k] if 0 <= k < len(referents) else None
        if referent is None or referent[0] >= span.open_at or referent[0] < last.end:
            continue
        if referent[1] == "person" and referent[2] and referent[2] != last.speaker:
            return referent[2], referent[0]
        return None  # the sentence is about the last speaker, or about something else
    return None


def context_span(start: int, end: int, sentence: Sentence) -> tuple[int, int]:
    """The quote's range widened to its whole sentence."""
    return min(start, sentence.start), max(end, sentence.end)


def reading_rank(score: float) -> float:
    """How well a quote's own evidence (its cue pattern, quote marks, a speaker at all) supports this
    reading of its words, to choose between two readings of the same words in :func:`dedupe`.

    Not the attribution ``confidence``, which weighs how the speaker was found (:mod:`.evidence`):
    a cue whose speaker is a role noun left unresolved still outranks a follow-on quote.
    """
    return round(min(max(score, 0.05), 0.99), 2)


def dedupe(quotes: list[Quote]) -> list[Quote]:
    """Quotes sorted by start, without near-duplicates (the better-supported reading stays)."""
    kept: list[Quote] = []
    for quote in quotes:
        last = kept[-1] if kept else None
        if last is None or quote.start >= last.end:
            kept.append(quote)
            continue
        inside = quote.end <= last.end + 2 and quote.start >= last.start - 2
        # `“A,” he said. “B.”` read twice: A alone with no cue of its own, and A … B with the cue.
        around = quote.start <= last.start + 2 and quote.end > last.end + 2 and last.cue is None and quote.cue is not None
        if not (inside or around):
            kept.append(quote)
            continue
        rank, last_rank = quote.extra.get("rank", quote.confidence), last.extra.get("rank", last.confidence)
        if around or rank > last_rank:
            kept[-1] = quote
    return kept


def _looks_like_title(words: list[str]) -> bool:
    capitalised = sum(1 for word in words if word[:1].isupper())
    return capitalised >= max(3, int(len(words) * 0.8))
