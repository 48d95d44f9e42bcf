"""What may follow a postposed speech cue after a whole quote without being content of its own."""

from __future__ import annotations

from .. import lexicon
from ..resources import word_list
from .clauses import closes_quote_with_punctuation
from .marks import SpanIndex
from .sentences import Sentence, Token
from .speaker_words import names_people

# A quotation this long opening the sentence is a statement, not a title (`“Jaws” star Roy said`).
_WHOLE_QUOTE_WORDS = 4
_NUMBER_WORDS = frozenset(["a", "one", "two", "three", "four", "five", "ten", "twenty", "half", "100", "a dozen", "dozen", "hundred", "thousand"])


def topic_tail(sentence: Sentence, spans: SpanIndex, k: int) -> bool:
    """`“...,” Tamargo recalled of a June conversation she had with him at the convention center.`:
    after a whole quote, `of` or `about` names what the quote was about, however long the phrase; the
    quote is what was said. A `that` or a second quote would be content of its own.

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> from quotetrack.extract.marks import SpanIndex
    >>> text = "“He asked what it takes,” Ann Roe recalled of a talk she had with the candidate at the old convention center downtown."
    >>> (sentence,) = rule_analysis(text)[0]
    >>> topic_tail(sentence, SpanIndex(text), 11)
    True
    """
    tokens = sentence.tokens
    if k >= len(tokens) - 1 or tokens[k].lower not in ("of", "about"):
        return False
    if tokens[k].lower == "about" and (tokens[k + 1].text[:1].isdigit() or tokens[k + 1].lower in _NUMBER_WORDS):
        return False  # `“...,” he said about 200 people came`: `about` counts
    rest = tokens[k + 1 :]
    return not any(t.lower == "that" or t.text in (";", ":") or spans.opens_at(t.start) for t in rest)


def whole_quote_close(sentence: Sentence, spans: SpanIndex, k: int) -> int | None:
    """The token that closes a quotation ending at token ``k`` which is all that was said before a
    postposed cue, or None.

    `“...,” he said` (the quote ends in punctuation); `on 'Fox and Friends,\'\'\' said Vietor` (the
    inner quote's own mark is left over after the outer one closed: the token before ``k``);
    `“The caucus is a battle of niches” Grubbs said` (no comma, but a sentence-like quotation opens
    the sentence, so it is no title or scare quote inside a clause; `“Orange Is the New Black” star
    Ann Roe said` names a title).

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> text = "“The caucus is a battle of niches” Grubbs said."
    >>> (sentence,) = rule_analysis(text)[0]
    >>> whole_quote_close(sentence, SpanIndex(text), 8), whole_quote_close(sentence, SpanIndex(text), 9)
    (8, None)
    >>> text = "“Orange Is the New Black” star Ann Roe said so."
    >>> (sentence,) = rule_analysis(text)[0]
    >>> whole_quote_close(sentence, SpanIndex(text), 6) is None
    True
    """
    tokens = sentence.tokens
    if k < 0 or k >= len(tokens):
        return None
    if closes_quote_with_punctuation(spans, tokens, k):
        return k
    if k > 0 and tokens[k].text in ("'", "’") and closes_quote_with_punctuation(spans, tokens, k - 1):
        return k - 1
    span = spans.closing_at(tokens[k].start) if tokens[k].text in lexicon.CLOSING_MARKS else None
    if span is None or span.open_at != tokens[0].start:
        return None
    quoted = span.text.split()
    lower = sum(1 for word in quoted if word[:1].islower())
    return k if len(quoted) >= _WHOLE_QUOTE_WORDS and 2 * lower > len(quoted) else None


# Words a lowercase inverted speaker opens with: `, said a spokesman`, `, say some analysts`.
_INVERTED_OPENERS = frozenset(["a", "an", "the", "one", "another", "some", "many", "several", "two", "three", "his", "her", "their", "its", "other", "most", "both", "senior", "former", "top"])
# Words after which a speaker phrase's head has ended: `plans to merge`, `calls with Trump`, `testimony by Hicks`.
_HEAD_ENDS = frozenset(["to", "with", "by", "for", "on", "in", "at", "from", "about", "against", "over"])


def plausible_inverted(sentence: Sentence, phrase: tuple[int, int]) -> bool:
    """Whether ``phrase`` after a cue that follows a comma (no quotation before it) can be an inverted
    speaker: a name (`, said Larry Sabato`), a lone pronoun, or people or a writing (`, said a spokesman
    for the ministry`, `, says the latest poll`); not a clause (`, said he made a decision`) nor an
    object (`, wrote an op-ed urging Congress`, `, announced plans to merge with Dow`).

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> (sentence,) = rule_analysis("wrote an op-ed urging Congress, said a spokesman for the ministry")[0]
    >>> plausible_inverted(sentence, (1, 4)), plausible_inverted(sentence, (7, 11))
    (False, True)
    """
    tokens = sentence.tokens
    first, last = phrase
    if tokens[first].lower in lexicon.SUBJECT_PRONOUNS:
        return first == last  # `“...,” said he`, but `said he made a decision` is a clause
    if tokens[first].text[:1].isupper():
        return True
    head = []
    for k in range(first, last + 1):
        word = tokens[k]
        if word.lower in _HEAD_ENDS or k > first and word.lower.endswith("ing") and k < last:
            break
        head.append(word)
    if tokens[first].lower not in _INVERTED_OPENERS:
        # `, says political scientist Dossym Satpayev`; not `, said parents still want ...`, a clause.
        return any(word.text[:1].isupper() for word in head)
    return any(names_people(word) or word.lower in lexicon.DOCUMENT_NOUNS or word.lower.removesuffix("s") in lexicon.DOCUMENT_NOUNS for word in head)


# Words that open a time or manner adjunct, not a clause: `said just after midnight`, `said moments later`.
_ADJUNCT_OPENERS = frozenset(["just", "right", "moments", "minutes", "hours", "days", "soon", "shortly"])


def adjunct_tail(sentence: Sentence, spans: SpanIndex, k: int) -> bool:
    """After a whole quote, `said just after midnight on CNN`: a short adjunct with no clause in it
    (no pronoun, auxiliary, `that` or speech verb) ends the attribution.

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> text = "“It is plagiarism,” Ann Roe said just after midnight on CNN."
    >>> (sentence,) = rule_analysis(text)[0]
    >>> adjunct_tail(sentence, SpanIndex(text), 9), adjunct_tail(sentence, SpanIndex(text), 6)
    (True, False)
    """
    tokens = sentence.tokens
    if k >= len(tokens) or tokens[k].text == ",":
        return False  # `she said, only with violent extremists`: what follows a comma is more of what was said
    rest = [token for token in tokens[k:] if token.text not in ".,;:!?"]
    if not rest or len(rest) > 10 or not (rest[0].lower in _ADJUNCT_OPENERS or rest[0].text.islower() and rest[0].lower.endswith("ly")):
        return False
    clause = lexicon.SUBJECT_PRONOUNS | lexicon.AUXILIARIES | {"that"}
    return not any(token.lower in clause or token.lower in lexicon.CUE_FORMS or spans.opens_at(token.start) for token in rest)


# Cue forms that are as often nouns: `Ryan's comments came ...`, `Western states have ...`.
_NOUN_LIKE_CUES = frozenset(["comment", "comments", "remark", "remarks", "claim", "claims", "report", "reports", "tweet", "tweets", "warning", "vow", "vows", "promises", "state", "states"])
_NOUN_PREDICATES = word_list("noun_cue_predicates")
# Words before `state(s)` that make it the noun: `the key states`, `both states`, `swing states`.
_STATE_MODIFIERS = frozenset(
    ["the", "these", "those", "both", "many", "several", "some", "other", "all", "most", "key", "swing", "battleground", "early", "border",
     "member", "two", "three", "four", "five", "six", "ten", "dozen", "red", "blue", "purple", "neighboring", "neighbouring", "home", "island",
     "coastal", "nation", "industrial", "rural", "southern", "western", "northern", "eastern", "midwestern", "remaining", "primary"]
)


def speech_noun_subject(tokens: list[Token], i: int) -> bool:
    """Whether the cue form at ``i`` is a noun that is the subject of what follows, not a speech verb:
    `Ryan's comments came two days after ...`, `Trump's remarks drew fire`, `Most Southern states will
    hold contests`; not `the Saudis state in the paper`.

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> tokens = rule_analysis("Ryan's comments came two days after the vote, and the report states that it failed.")[0][0].tokens
    >>> speech_noun_subject(tokens, 2), speech_noun_subject(tokens, 13)
    (True, False)
    """
    word = tokens[i].lower
    if word not in _NOUN_LIKE_CUES or i + 1 >= len(tokens):
        return False
    following = tokens[i + 1]
    if word not in ("state", "states") and (following.lower == "that" or following.text in (":", ",") or following.text in lexicon.QUOTE_MARKS):
        return False
    if word in ("state", "states"):
        before = tokens[i - 1] if i > 0 else None
        if before is None or before.text[:1].isupper():
            # `Western states`, `Washington state`, `U.S. states`; but `the Saudis state in the paper`, `It states`.
            return before is not None and i > 1 and not before.lower.endswith("s")
        return before.lower in _STATE_MODIFIERS or before.lower.endswith(("ern", "th", "-leaning"))
    if following.lower in ("is", "was") and i + 2 < len(tokens) and tokens[i + 2].lower == "that":
        return False  # `Podliska's most explosive claim is that ...`: the claim's content follows
    return following.lower in _NOUN_PREDICATES
