"""Speech frames from word patterns: the cue, the speaker phrase, and where the content lies.

A frame finder reads one sentence and returns frames plus the appositives it met
(`Dmitry Peskov, the Kremlin spokesman, said`); it remembers nothing and resolves
no one, so the caller decides what the speaker resolver learns.

>>> from quotetrack.extract.sentences import rule_analysis
>>> text = "Kremlin spokesman Dmitry Peskov said on Wednesday that talks would go on."
>>> (sentence,) = rule_analysis(text)[0]
>>> (frame,), appositives = pattern_frames(sentence, SpanIndex(text))
>>> frame.words(frame.speaker), frame.placement, text[slice(*frame.content)], appositives
('Kremlin spokesman Dmitry Peskov', 'after', 'talks would go on', [])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from .. import lexicon
from ..nlp.patterns import words_opening
from ..resources import word_list
from .asides import speaker_before_aside
from .clause_subjects import clause_subject, just_spoke, speaker_of_cue_before, without_time
from .clauses import (
    clause_end,
    content_before,
    content_end,
    ends_clause,
    is_content_clause,
    is_tail,
    quote_opens_at,
    skip_adjuncts,
    tail_end,
)
from .cue_verbs import FINDING_VERBS, looks_like_verb, participle_speaks_next, reports_finding
from .frame_tails import adjunct_tail, plausible_inverted, speech_noun_subject, topic_tail, whole_quote_close
from .listeners import skip_object
from .marks import SpanIndex
from .open_appositives import name_before_open_appositive, subject_before_relative
from .outlet_words import relay_tail
from .phrases import (
    PUNCT,
    SUBORDINATORS,
    Appositive,
    TokenRange,
    after_dateline,
    left_speaker,
    name_head,
    right_speaker,
    sentence_subject,
    trim_adjuncts,
    trim_range,
    words,
)
from .sentences import Sentence, Token
from .speaker_words import segment_before

# `declined to comment`, `refused to say whether`: nothing was said.
_REFUSALS = frozenset(["declined", "declines", "declining", "refused", "refuses", "refusing"])
_EMPTY_CONTENTS = word_list("empty_contents")
_OBJECT_CUES = word_list("object_cues")  # `Mike Murphy, praised the efforts of ...`: no inverted speaker
# Cue lemmas that speak only with their particle: `pointed out`, `went on`, `shot back`, `chimed in`.
_PARTICLE_CUES = {"point": "out", "go": "on", "shoot": "back", "fire": "back", "chime": "in", "put": "it"}
# Cue lemmas of manner that report a quote rather than a clause: `“...,” she went on`, `he barked: “...”`.
_MANNER_CUES = frozenset(["go", "shoot", "fire", "chime", "bark", "fume", "opine", "snap", "marvel", "plead", "thunder", "gush", "rave", "wonder"])
_ADDED_OBJECTS = frozenset(["a", "an", "another", "more", "some", "new", "extra", "fuel", "insult"])  # `added a caveat`: a thing, no clause
# The words a frame can start at: a cue, `according` (to), a finding verb (`the poll found`).
_FRAME_WORDS = frozenset(lexicon.CUE_FORMS) | FINDING_VERBS | {"according"}
_QUOTED_AS = re.compile(words_opening("quoted", "cited") + r"\b(.{0,80}?)\bas (?:saying|telling|stating|writing|adding)\b", re.DOTALL)


@dataclass
class Frame:
    """One speech act: cue words, the speaker phrase, and the content's character range."""

    sentence: Sentence
    cue_first: int
    cue_last: int
    speaker: TokenRange | None  # token range in the sentence
    content: tuple[int, int] | None  # character range
    placement: str  # "after": content follows the cue; "before": precedes it
    via_hint: tuple[int, int] | None = None  # character range naming the outlet ("TASS" in TASS quoted X)
    confidence: float = 0.8
    attribution: tuple[int, int] = (0, 0)  # character range of the non-content words
    extra: dict = field(default_factory=dict)

    def words(self, token_range: TokenRange | None) -> str | None:
        """The sentence's tokens in ``token_range``, joined by spaces."""
        return words(self.sentence, token_range)


def pattern_frames(sentence: Sentence, spans: SpanIndex) -> tuple[list[Frame], list[Appositive]]:
    """Frames from word patterns (no parse needed), and the appositives seen while finding them."""
    tokens = sentence.tokens
    frames: list[Frame] = []
    appositives: list[Appositive] = []
    taken: set[int] = set()
    quoted_as = quoted_as_frame(sentence, spans)
    if quoted_as:
        frames.append(quoted_as)
        taken.update(range(quoted_as.cue_first, quoted_as.cue_last + 1))
    for i, token in [(k, word) for k, word in enumerate(tokens) if word.lower in _FRAME_WORDS]:  # the few words a frame may start at
        if token.lower != "according" and token.lower not in lexicon.CUE_FORMS:
            if token.lower in FINDING_VERBS and reports_finding(tokens, i) and not spans.in_quote(token.start):
                frame, _ = cue_frame(sentence, spans, i, lemma="find")
                frames.extend([frame] if frame is not None else [])
            continue
        if i in taken or spans.in_quote(token.start):
            continue
        if token.lower == "according" and i + 1 < len(tokens) and tokens[i + 1].lower == "to":
            frame = according_to_frame(sentence, spans, i)
        elif token.lower in lexicon.CUE_FORMS and (i == 0 or not token.text[0].isupper()) and looks_like_verb(tokens, i) and not speech_noun_subject(tokens, i):
            previous_speaker = frames[-1].speaker if frames else None
            frame, seen = cue_frame(sentence, spans, i, previous_speaker)
            appositives.extend(seen)
        else:
            continue
        if frame is not None:
            frames.append(frame)  # `according to a Senate committee report`: the source's `report` is no cue
            taken.update(range(frame.cue_first, max(frame.cue_last, frame.speaker[1] if token.lower == "according" and frame.speaker else 0) + 1))
    frames = drop_nested(frames)
    for frame in frames:
        survey = survey_source(sentence, frame)
        if survey is not None:
            frame.speaker = survey
    return frames, appositives


def survey_source(sentence: Sentence, frame: Frame) -> TokenRange | None:
    """`According to a Harbor poll, 55 percent of voters said ...`, `In a Harbor poll, 38 percent said ...`,
    `A Harbor poll showed that 72 percent of voters said ...`: what a share of respondents said is the
    poll's finding, so the poll named in the sentence is the source.

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> text = "In a Harbor Times poll, 38 percent of residents said the levy was too high."
    >>> (sentence,) = rule_analysis(text)[0]
    >>> (frame,), _ = pattern_frames(sentence, SpanIndex(text))
    >>> frame.words(frame.speaker)
    'a Harbor Times poll'
    """
    tokens = sentence.tokens
    if frame.speaker is None or not _share_of_people([t.lower for t in tokens[frame.speaker[0] : frame.speaker[1] + 1]]):
        return None
    low, high = frame.content or (0, 0)
    for k, token in enumerate(tokens):
        if token.lower in _SURVEY_NOUNS and not low <= token.start < high and not frame.speaker[0] <= k <= frame.speaker[1]:
            first = k
            while first > 0 and (_in_survey_name(tokens[first - 1]) or tokens[first - 1].text in ("/", "-") and first > 1 and _in_survey_name(tokens[first - 2])):
                first -= 1  # `a new CNN/ORC poll`
            return (first, k)
    return None


_SURVEY_NOUNS = frozenset(["poll", "polls", "survey", "surveys", "polling"])
_SURVEY_MODIFIERS = frozenset(["a", "an", "the", "new", "latest", "recent", "fresh", "national", "exit", "online", "another"])


def _in_survey_name(token: Token) -> bool:
    """`a`, `new`, `Harbor`, `CNN/ORC`: a word of `a new CNN/ORC poll`, not `In` nor a comma."""
    capitalised = (token.text[:1].isupper() or token.text.isdigit()) and token.text not in lexicon.CAPITALISED_FUNCTION_WORDS
    return token.text not in PUNCT and (capitalised or token.lower in _SURVEY_MODIFIERS)


def _share_of_people(words: list[str]) -> bool:
    """`55 percent of voters`, `Nine in 10 Democrats`, `a majority of residents`: a share of respondents."""
    numbered_in = any(word == "in" and 0 < n < len(words) - 1 and words[n + 1].isdigit() for n, word in enumerate(words))
    return "percent" in words or "%" in words or "majority" in words or numbered_in


def quoted_as_frame(sentence: Sentence, spans: SpanIndex) -> Frame | None:
    """`TASS quoted Peskov as saying (that) ...`: the outlet is the via, the object the speaker."""
    written = spans.text[sentence.start : sentence.end]
    # Most sentences hold neither word: `in` finds that faster than the pattern's scan.
    match = _QUOTED_AS.search(written) if "quoted" in written or "cited" in written else None
    if not match:
        return None
    tokens = sentence.tokens
    quoted = _token_at(tokens, sentence.start + match.start())
    saying = _token_at(tokens, sentence.start + match.end() - 1)
    if quoted is None or saying is None:
        return None
    speaker = trim_range(tokens, quoted + 1, saying - 2)
    outlet_range = segment_before(sentence, quoted)
    via = (tokens[outlet_range[0]].start, tokens[outlet_range[1]].end) if outlet_range else None
    if quoted > 0 and tokens[quoted - 1].lower in ("was", "were", "is", "been", "being"):
        # Passive: `Peskov was quoted by Interfax as saying`; the subject speaks, the by-phrase carried it.
        by_phrase = speaker if speaker and tokens[speaker[0]].lower == "by" else None
        via = (tokens[by_phrase[0]].start, tokens[by_phrase[1]].end) if by_phrase else None
        # `Grace Wanjiru, the utility's head, was quoted`: the appositive chain's name speaks.
        left = left_speaker(sentence, quoted - 1)
        speaker = left.speaker if left else None
        outlet_range = (left.chain_start if left and left.chain_start is not None else speaker[0], quoted - 1) if speaker else outlet_range
    frame = Frame(sentence, quoted, saying, speaker, None, "before", via_hint=via, confidence=0.9)
    content_start = saying + 1
    if content_start < len(tokens) and tokens[content_start].lower == "by":
        # `Peskov was quoted as saying by Interfax that ...`
        by_end = content_start + 1
        while by_end < len(tokens) and tokens[by_end].lower != "that" and tokens[by_end].text not in PUNCT:
            by_end += 1
        if by_end > content_start + 1:
            frame.via_hint = (tokens[content_start + 1].start, tokens[by_end - 1].end)
        content_start = by_end
    if content_start < len(tokens) and tokens[content_start].lower == "that":
        content_start += 1
    opens = content_start < len(tokens) and tokens[content_start].text in lexicon.OPENING_MARKS
    if content_start < len(tokens) - 1 and (tokens[content_start].text not in PUNCT or opens):
        frame.placement = "after"
        frame.content = (tokens[content_start].start, content_end(tokens, len(tokens) - 1))
    else:
        frame.content = content_before(sentence, spans, (outlet_range[0] if outlet_range else quoted) - 1)
    frame.attribution = (tokens[outlet_range[0] if outlet_range else quoted].start, tokens[saying].end)
    return frame


def according_to_frame(sentence: Sentence, spans: SpanIndex, i: int) -> Frame | None:
    """`According to Interfax, ...` and `..., according to the ministry.`: the source is the speaker and the via."""
    tokens = sentence.tokens
    j = i + 2
    end = j
    while end < len(tokens) and tokens[end].text not in (",", ".", ";", ":", "—", "–") and tokens[end].text not in lexicon.QUOTE_MARKS:
        end += 1
    if end == j:
        return None
    speaker = trim_adjuncts(tokens, trim_range(tokens, j, end - 1), after_cue=True)  # `according to a poll released on Monday`
    if speaker is None:
        return None
    speaker = name_head(sentence, speaker)  # `according to Reagan's former education secretary William Bennett`
    if i > 0 and tokens[i - 1].text in (",", "—", "–", "(") or (i > 0 and end >= len(tokens) - 1):
        content = content_before(sentence, spans, i - 1 if tokens[i - 1].text in ",—–(" or tokens[i - 1].text in lexicon.CLOSING_MARKS else i)  # `“...,” according to`
        placement = "before"
    else:
        start = end + 1 if end < len(tokens) and tokens[end].text == "," else end
        if start >= len(tokens) - 1:
            return None
        content = (tokens[start].start, content_end(tokens, len(tokens) - 1))
        placement = "after"
    if content is None:
        return None
    frame = Frame(sentence, i, i + 1, speaker, content, placement, confidence=0.75)
    frame.attribution = (tokens[i].start, tokens[end - 1].end)
    frame.via_hint = frame.attribution
    return frame


def _affiliation_then_comma(tokens: list[Token], k: int) -> bool:
    """`said Gov. Terry Branstad of Iowa, a Republican who ...`: the speaker's place or body, then a comma
    before what describes him; the long description after it is no content."""
    if k >= len(tokens) or tokens[k].lower not in ("of", "from"):
        return False
    comma = next((j for j in range(k + 1, min(k + 9, len(tokens))) if tokens[j].text in PUNCT), None)
    inside = tokens[k + 1 : comma] if comma is not None else []
    return comma is not None and tokens[comma].text == "," and bool(inside) and all(t.text[:1].isupper() or t.lower in ("the", "of", "and") for t in inside)


def _particle_cue_speaks(tokens: list[Token], after: int, lemma: str) -> bool:
    """Whether a particle cue ending before ``after`` is itself the speech verb.

    `went on the offensive` and `went on to say` are no speech (the later `say` cues);
    `shot back, saying ...` leaves the content to its participle.
    """
    if lemma == "point":
        return True  # `pointed out to reporters that ...`
    if lemma == "put":
        # `As Tom Ridge put it: ''...''`, `as one diplomat put it, an ''extreme makeover''`; not `he put it away`.
        following = tokens[after].text if after < len(tokens) else "."
        return (following in (":", ",", ".") or following in lexicon.QUOTE_MARKS) and any(t.lower == "as" for t in tokens[max(0, after - 20) : after - 2])
    following = tokens[after].lower if after < len(tokens) else "."
    if lemma == "go" and following not in PUNCT:
        return False
    rest = [token.lower for token in tokens[after : after + 8]]
    return not any(word == "," and nxt.endswith("ing") and nxt in lexicon.CUE_FORMS for word, nxt in pairwise(rest))


def cue_frame(
    sentence: Sentence, spans: SpanIndex, i: int, previous_speaker: TokenRange | None = None, lemma: str | None = None
) -> tuple[Frame | None, list[Appositive]]:
    """The frame of the cue verb at token ``i`` and the appositives met, kept even when no frame is made.

    ``previous_speaker`` speaks a participle cue with no subject of its own: `“...,” he said, adding that ...`.
    """
    tokens = sentence.tokens
    text = spans.text
    appositives: list[Appositive] = []
    lemma = lemma or lexicon.CUE_FORMS[tokens[i].lower]
    cue_last = i
    particle = _PARTICLE_CUES.get(lemma)
    if particle is not None:
        # `pointed out`, `went on`, `shot back`: without its particle the verb is no speech (`went home`).
        if i + 1 >= len(tokens) or tokens[i + 1].lower != particle or not _particle_cue_speaks(tokens, i + 2, lemma):
            return None, appositives
        cue_last = i + 1
    if lemma in ("conclude", "continue", "answer") and cue_last + 1 < len(tokens) and tokens[cue_last + 1].lower in ("with", "by"):
        return None, appositives  # `The ad concludes with footage of ...`: an order of events, not speech
    if lemma == "continue" and cue_last + 1 < len(tokens) and tokens[cue_last + 1].lower == "to":
        return None, appositives  # `Clinton continued to deliver paid speeches`: an aspect verb; a `to say` cues itself
    # Inverted order: `, said Peskov` / `,” said the minister`.
    previous = tokens[i - 1].text if i > 0 else ""
    participle = tokens[i].lower.endswith("ing")
    # `told` is never inverted: in `“...,” Ferraz, 58, told AFP` AFP is the listener, not the speaker.
    quote_close = whole_quote_close(sentence, spans, i - 1)
    after_quote = quote_close is not None
    if not participle and lemma != "tell" and (previous in (",", "—", "–") and lemma not in _OBJECT_CUES or after_quote):
        found = right_speaker(sentence, cue_last + 1)
        if found is not None and (after_quote or plausible_inverted(sentence, found[0])):
            inverted, appositive = found
            inverted = name_head(sentence, inverted)  # `said Trump adviser Stephen Miller`: Miller speaks
            if appositive is not None:
                appositives.append(Appositive(sentence, inverted, appositive.description))
            # `,” said Sen. Jim Whelan who represents ...`: a relative clause describes a quoted or named speaker.
            after = inverted[1] + 1
            described = after < len(tokens) and tokens[after].lower in ("who", "whose") and (
                after_quote or any(token.text[:1].isupper() for token in tokens[inverted[0] : after])
            )
            if described or ends_clause(sentence, spans, after) or _affiliation_then_comma(tokens, after):
                frame = Frame(sentence, i, cue_last, inverted, None, "before")
                frame.content = content_before(sentence, spans, i - 1 if quote_close is None else quote_close)
                frame.attribution = (tokens[i].start, tokens[inverted[1]].end)
                frame.via_hint = (tokens[i].start, tail_end(sentence, inverted[1] + 1))
                # `“If Donald remains Donald, ...,” declared Senator Flake`: a whole quote before the cue is
                # what was said even when it opens like a subordinate clause.
                said = frame.content and (after_quote or is_content_clause(text, frame.content))
                return (frame if said else None), appositives
    following = tokens[cue_last + 1].lower if cue_last + 1 < len(tokens) else ""
    if tokens[i].lower.endswith("ed") and following == "to" and lemma in ("liken", "compare"):
        return None, appositives  # `a cartoon likened to wartime propaganda`: a passive, no speech
    if previous in ("was", "were", "been", "being", "is", "are") and lemma in ("tell", "ask", "warn", "urge", "say", "assure", "call", "announce", "describe"):
        return None, appositives  # `He was told that ...`: the subject is the listener; `after Arizona was called`: a passive
    refused = i > 1 and previous == "to" and tokens[i - 2].lower in _REFUSALS
    if refused or previous in ("not", "n't", "never", "without", "cannot") or (i > 1 and tokens[i - 2].lower in ("not", "n't", "never") and previous in ("to", "yet")):
        return None, appositives  # `did not say whether ...`, `declined to say`: nothing was said
    left = speaker_before_aside(sentence, i) or name_before_open_appositive(sentence, subject_before_relative(sentence, left_speaker(sentence, i)))
    left = without_time(sentence, clause_subject(sentence, left, i)) if left is not None else None
    chain_start = None
    phrase_first = None
    if left is not None:
        speaker: TokenRange | None = left.speaker
        chain_start = left.chain_start
        phrase_first = left.phrase_first
        appositives.extend(left.appositives)
    else:
        speaker = None
    borrowed = speaker is None and previous == "," and tokens[i].lower.endswith("ing")
    if borrowed:
        # `Trump attacked Clinton, saying, “...”`: the speaker is the clause's subject;
        # `“...,” he said, adding that ...`: the speaker of the cue before.
        subject = sentence_subject(sentence, i)
        subject = None if subject is None or spans.in_quote(tokens[subject[0]].start) else subject  # not `I` inside the quote
        spoke = previous_speaker if just_spoke(tokens, previous_speaker, i) else None
        speaker = spoke or subject or speaker_of_cue_before(sentence, spans, i) or previous_speaker
    if speaker is None:
        return None, appositives
    phrase = (phrase_first, speaker[1]) if phrase_first is not None else speaker
    made = _cue_content(sentence, spans, i, cue_last, lemma, phrase, chain_start, borrowed)
    if made is not None and made.content and made.placement == "after" and lemma in _MANNER_CUES:
        # `Trump shot back as the reporter ...`: a manner cue takes a quote, a colon or a that-clause, not any clause.
        lead_in = text[tokens[cue_last].end : made.content[0]]
        if text[made.content[0]] not in lexicon.OPENING_MARKS and ":" not in lead_in and not re.search(r"\bthat\b", lead_in):
            return None, appositives
    if made is not None:
        made.speaker = speaker  # the content was placed by the whole phrase; the speaker is its head
    return made, appositives


def _cue_content(
    sentence: Sentence, spans: SpanIndex, i: int, cue_last: int, lemma: str, speaker: TokenRange, chain_start: int | None, borrowed: bool
) -> Frame | None:
    """The cue frame once the speaker is known: where the content lies, before, around or after the cue."""
    tokens = sentence.tokens
    after = cue_last + 1
    if lemma == "add" and after < len(tokens) and tokens[after].lower in _ADDED_OBJECTS:
        return None  # `The new app has added another step to the process`: something added, not said
    # `told reporters`, `told The Associated Press`, `told CNN's Jake Tapper`.
    directive = False
    if lemma in ("tell", "ask", "warn", "urge", "assure", "remind"):
        after = skip_object(sentence, after)
        # `warned North Korea to refrain from ...`: what was said is the infinitive.
        directive = after > cue_last + 1 and after < len(tokens) - 2 and tokens[after].lower == "to"
    after_adjuncts = after if directive else skip_adjuncts(sentence, spans, after)
    frame = Frame(sentence, i, cue_last, speaker, None, "after")
    if speaker[0] > 0 and tokens[speaker[0] - 1].lower in SUBORDINATORS:
        frame.extra["subordinate"] = True
    frame.attribution = (tokens[speaker[0]].start, tokens[max(after_adjuncts - 1, cue_last)].end)
    frame.via_hint = (tokens[cue_last].start, tokens[max(after_adjuncts - 1, cue_last)].end)
    rest = len(tokens) - after_adjuncts
    # Postposed cue: `..., the Kremlin spokesman said.` and `“...,” he told reporters.`
    # `“...,” Lumora’s chief executive, Priya Raman, said`: look before the whole phrase.
    phrase_start = speaker[0] if chain_start is None else chain_start
    # A dateline's dash (`LAGOS, Nigeria (AP) — Gov. Ade Bello said`) opens the sentence, not an aside.
    before_speaker = tokens[phrase_start - 1].text if phrase_start > 0 and phrase_start != after_dateline(tokens) else ""
    quote_close = whole_quote_close(sentence, spans, phrase_start - 1)
    after_quote = quote_close is not None
    quote_follows = quote_opens_at(sentence, spans, after_adjuncts)
    postposed = not borrowed and (after_quote or (before_speaker in (",", "—", "–") and not quote_follows))
    if postposed and (is_tail(sentence, spans, after) or relay_tail([t.text for t in tokens[after:]]) or (after_quote and (topic_tail(sentence, spans, after) or adjunct_tail(sentence, spans, after)))):
        frame.placement = "before"
        frame.content = content_before(sentence, spans, phrase_start - 1 if quote_close is None else quote_close)
        frame.via_hint = (tokens[phrase_start].start, tail_end(sentence, after_adjuncts))
        frame.attribution = (tokens[phrase_start].start, tail_end(sentence, after_adjuncts))
        if frame.content is None or not (after_quote or is_content_clause(spans.text, frame.content)):
            return None
        return frame
    if not borrowed and before_speaker == "," and after_adjuncts < len(tokens) - 2 and tokens[after_adjuncts].text == "," and not quote_follows:
        # `The bridge, Mr. Okafor said, would spare commuters ...`: the content wraps the cue.
        before = content_before(sentence, spans, speaker[0] - 1)
        if before is not None:
            after_start = tokens[after_adjuncts + 1].start
            frame.placement = "around"
            frame.content = (before[0], content_end(tokens, len(tokens) - 1))
            frame.extra["parts"] = [before, (after_start, frame.content[1])]
            frame.attribution = (tokens[speaker[0]].start, tokens[after_adjuncts].end)
            return frame
    if rest <= 0:
        return None
    first = tokens[after_adjuncts]
    if first.lower == "that":
        after_adjuncts += 1
        frame.confidence = 0.85
    elif first.text == "," and participle_speaks_next(tokens, after_adjuncts + 1):
        return None  # `Hale wrote in a statement, explaining that ...`: the participle carries the content
    elif first.text in (":", ","):
        after_adjuncts += 1
    elif lemma in lexicon.WEAK_LEMMAS and not directive and not any(spans.opens_at(t.start) for t in tokens[after_adjuncts:]):
        return None  # `called the holiday “a celebration”` counts; `called the office` does not
    if after_adjuncts >= len(tokens):
        return None
    content_tokens = [t for t in tokens[after_adjuncts:] if t.text not in PUNCT]
    if len(content_tokens) < 3 and not (tokens[after_adjuncts].text in lexicon.OPENING_MARKS):
        return None
    if tokens[after_adjuncts].lower in _EMPTY_CONTENTS and len(content_tokens) < 4:
        return None
    relative = "who" in (tokens[i - 1].lower, tokens[i - 2].lower if i > 1 else "")
    frame.content = (tokens[after_adjuncts].start, content_end(tokens, clause_end(sentence, spans, after_adjuncts, relative)))
    if lemma in lexicon.BELIEF_LEMMAS:
        frame.confidence = 0.5
    return frame


def drop_nested(frames: list[Frame]) -> list[Frame]:
    """A cue inside another frame's content is reported speech within speech; keep the outer one."""
    if len(frames) < 2:
        return frames  # each rule below weighs one frame against another
    kept = []
    for outer in [f for f in frames if f.sentence.tokens[f.cue_first].lower == "according" and f.content]:
        low, high = outer.content or (0, 0)
        nested = [f for f in frames if f is not outer and low <= f.sentence.tokens[f.cue_first].start < high]
        if nested:
            # `According to Interfax, the ministry said ...` and `Peskov said ..., according to Interfax`:
            # the outlet carried what the speaker said.
            according_at = outer.sentence.tokens[outer.cue_first].start
            for frame in nested:
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
        low, high = outer.content or (0, 0)
        if any(f is not outer and low <= f.sentence.tokens[f.cue_first].start < high for f in frames):
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
        if any(other is not frame and other.content and other.content[0] <= cue_start < other.content[1] and other.placement == "after" for other in frames):
            continue
        low, high = frame.content or (0, 0)
        if frame.placement == "before" and any(o is not frame and o.placement == "before" and low <= o.sentence.tokens[o.cue_first].start < high for o in frames):
            continue  # `“...,” Guterres said, his spokesman told reporters`: the words are the inner frame's speaker's
        kept.append(frame)
    return kept


def _token_at(tokens: list[Token], position: int) -> int | None:
    for k, token in enumerate(tokens):
        if token.start <= position < token.end:
            return k
    return None
