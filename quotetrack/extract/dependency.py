"""Speech frames from a dependency parse: speech verb -> nsubj speaker, ccomp/parataxis content.

Used when the stanza models parsed the article; the rule engine's documents carry
no parse and get their frames from word patterns (:mod:`quotetrack.extract.frames`).
"""

from __future__ import annotations

from .. import lexicon
from .clauses import content_before, content_end, tail_end
from .frames import Frame
from .marks import SpanIndex
from .phrases import CUE_LEMMAS, PUNCT, Appositive, TokenRange, trim_range
from .sentences import Sentence, Token
from .speaker_words import has_name


def dependency_frames(sentence: Sentence, spans: SpanIndex) -> tuple[list[Frame], list[Appositive]]:
    """Frames from the parse of ``sentence``, and the appositives of their subjects.

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
        return k >= 0 and tokens[k].text in lexicon.CLOSING_MARKS and not spans.opens_at(tokens[k].start)

    according = None
    for k, token in enumerate(tokens[:-1]):
        if token.lower == "according" and tokens[k + 1].lower == "to":
            phrase = token.head if token.deprel == "case" and token.head >= 0 else k
            according = _subtree_range(children, phrase, tokens=tokens, stop_at={"punct"})
    frames = []
    appositives = []
    for i, token in enumerate(tokens):
        if token.upos != "VERB" or spans.in_quote(token.start):
            continue
        lemma = lemma_of(i)
        owner, cue_last, outlet, confidence = i, i, None, 0.85
        if lemma == "quote":
            saying = next(
                (c for c in children.get(i, []) if c > i and tokens[c].deprel in ("advcl", "xcomp") and lemma_of(c) in CUE_LEMMAS),
                None,
            )
            if saying is None:
                continue
            subject, outlet_head = child(i, "obj"), child(i, "nsubj")
            if subject is None:  # `Peskov was quoted by TASS as saying`
                subject = child(i, "nsubj:pass")
                outlet_head = next(
                    (
                        c
                        for c in children.get(i, [])
                        if (tokens[c].deprel or "").startswith("obl") and any(tokens[g].lower == "by" for g in children.get(c, []))
                    ),
                    None,
                )
            if outlet_head is not None:
                outlet = _subtree_range(children, outlet_head, tokens=tokens, stop_at={"punct", "case"})
            owner, cue_last, confidence = saying, saying, 0.9
        elif lemma in CUE_LEMMAS:
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
            described = trim_range(tokens, *_subtree_range(children, appositive, tokens=tokens, stop_at={"punct"}))
            if described:
                if has_name(tokens[described[0] : described[1] + 1]) and not has_name(tokens[speaker[0] : speaker[1] + 1]):
                    speaker, described = described, speaker
                appositives.append(Appositive(sentence, speaker, described))
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
            frame.content = content_before(sentence, spans, first_attr - 1)
            last_attr = max(words[1], speaker[1], cue_last)
            frame.attribution = (tokens[first_attr].start, tokens[last_attr].end)
            frame.via_hint = (tokens[first_attr].start, tail_end(sentence, last_attr + 1))
        elif content_head is not None:
            opening, last = _subtree_range(children, content_head, tokens=tokens)
            first = opening
            while first <= last and tokens[first].lower in ("that", ",", ":"):
                first += 1
            if first > last:
                continue
            introduced = first > opening and any(tokens[k].lower == "that" or tokens[k].text == ":" for k in range(opening, first))
            quoted = any(spans.opens_at(t.start) for t in tokens[first : last + 1])
            has_subject = any((tokens[k].deprel or "").split(":")[0] in ("nsubj", "csubj", "expl") for k in children.get(content_head, []))
            if tokens[content_head].deprel == "xcomp" and not quoted:
                continue  # `Prices continued to rise`, `called the move unacceptable`
            if lemma_of(owner) in lexicon.WEAK_LEMMAS and not (introduced or quoted):
                continue  # as in the pattern engine: `Officials expect the talks will end`
            if not (introduced or quoted or has_subject):
                continue
            frame.content = (tokens[first].start, content_end(tokens, last))
            before_content = [k for k in range(first_attr, opening) if tokens[k].text not in PUNCT]
            last_attr = max(before_content + [cue_last])
            frame.attribution = (tokens[first_attr].start, tokens[last_attr].end)
            # Only the words between cue and content can name an outlet (`told Reuters`).
            frame.via_hint = (token.start, tokens[last_attr].end)
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
    return frames, appositives


def _subtree_range(children: dict[int, list[int]], root: int, tokens: list[Token], stop_at: set[str] | None = None) -> TokenRange:
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
