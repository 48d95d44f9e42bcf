"""Whether a cue word is used as a verb: `Peskov notes that` speaks, `the notes` and `tax reports` do not.

>>> from quotetrack.extract.sentences import rule_analysis
>>> tokens = rule_analysis("The notes show that Peskov notes that talks go on.")[0][0].tokens
>>> looks_like_verb(tokens, 1), looks_like_verb(tokens, 5)
(False, True)
"""

from __future__ import annotations

from itertools import pairwise

from .. import lexicon
from ..resources import word_list
from .sentences import Token
from .speaker_words import is_person

__all__ = ["FINDING_VERBS", "looks_like_verb", "participle_speaks_next", "reports_finding"]

_NOUN_OR_VERB = word_list("noun_or_verb_cues")
_FINDING_SOURCES = word_list("finding_sources")
_DETERMINERS = frozenset(["the", "a", "an", "his", "her", "their", "its", "our", "my", "this", "that", "these", "those"])
# Words ranking or counting what follows them; a cue form after `the` and one of them is no verb.
_RANKS = frozenset(
    ["most", "more", "least", "final", "first", "second", "third", "last", "next", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
)
FINDING_VERBS = frozenset(["found", "finds"])
_BE_FORMS = frozenset(["was", "were", "been", "being", "is", "are", "be"])
_PASSIVE_MARKERS = frozenset(["when", "if", "after", "before", "while", "once", "was", "were", "been", "being", "is", "are", "be"])
_MODALS = frozenset(["to", "would", "will", "could", "can", "should", "might", "may", "must", "did", "does", "do", "not", "n't"])


def reports_finding(tokens: list[Token], i: int) -> bool:
    """`A Senate committee report found that ...`: an inquiry's `found that` reports what it says.

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> tokens = rule_analysis("The audit found that police found that the files were lost.")[0][0].tokens
    >>> reports_finding(tokens, 2), reports_finding(tokens, 6)
    (True, False)
    >>> tokens = rule_analysis("A study by the Harbor Institute finds that rents rose.")[0][0].tokens
    >>> reports_finding(tokens, 6)
    True
    """
    following = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    if following != "that":
        return False
    k = i - 1
    # `A 2019 study by the Harbor Institute finds`: step back over a named author or sponsor.
    while k > 1 and i - k < 7 and (tokens[k].text[:1].isupper() or tokens[k].lower == "the") and tokens[k].text not in lexicon.CAPITALISED_FUNCTION_WORDS:
        k -= 1
    if k < i - 1 and k > 0 and tokens[k].lower in ("by", "from", "of"):
        k -= 1
    head = tokens[k].lower if k >= 0 else ""
    return head in _FINDING_SOURCES or head.removesuffix("s") in _FINDING_SOURCES


def looks_like_verb(tokens: list[Token], i: int) -> bool:
    """True if the cue form at ``i`` is used as a verb: `Peskov notes that`, not `the notes`."""
    token = tokens[i]
    if token.upos and token.upos not in ("VERB", "AUX"):
        return False
    previous = tokens[i - 1].lower if i > 0 else ""
    following_word = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    after_article = i > 1 and tokens[i - 2].lower in ("a", "an", "the") and tokens[i - 1].text.isalpha() and tokens[i - 1].text.islower()
    if after_article and token.lower.endswith("ing") and (following_word in lexicon.ROLE_NOUNS or following_word.removesuffix("s") in lexicon.ROLE_NOUNS):
        return False  # `a creative writing professor`: a noun modifier
    ranked = i - 1
    while ranked > 0 and i - ranked <= 3 and (tokens[ranked].lower in _RANKS or tokens[ranked].text.isdigit()):
        ranked -= 1
    noun_form = token.lower in _NOUN_OR_VERB or token.lower == "say" and following_word in ("on", "in", "over") or token.lower == "telling"
    if noun_form and ranked < i - 1 and tokens[ranked].lower in _DETERMINERS:
        return False  # `the final say on`, `The first four states`, `The most telling remark`: a noun or an adjective
    if token.lower in ("read", "reads") and (previous in _MODALS or following_word in ("aloud", "out")):
        return False  # `would read this as`, `to read the list`, `read aloud`: reading, not a text's words
    if token.lower == "questioned" and previous in _PASSIVE_MARKERS:
        return False  # `When questioned about the dispute, ...`: the one asked, not the asker
    if previous in _BE_FORMS and (token.lower.endswith("ed") or token.lower in ("told", "written", "thought", "known")):
        return False  # `after Arizona was called`, `he was told`: a passive; its subject did not speak
    if token.lower == "think" and following_word in ("tank", "tanks"):
        return False  # `a founder of the free-market think tank North Bridge, said`
    if previous in ("the", "a", "an", "his", "her", "their", "its", "our", "my", "this", "that") and not (i > 0 and is_person(tokens[i - 1])):
        return False  # `the said`, `a statement`, `her claims`; but `Kim An said`
    if token.lower in _NOUN_OR_VERB:
        # `Peskov notes that`, `he claims` are verbs; `tax reports`, `insurance claims` are nouns.
        before = tokens[i - 1] if i > 0 else None
        following = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        if following in ("'s", "’s") or following in lexicon.ROLE_NOUNS or following.removesuffix("s") in lexicon.ROLE_NOUNS:
            return False  # `Minnesota state delegate Mary Ross`, `the state's party convention`: a noun
        return before is not None and (
            following == "that"
            or previous in lexicon.SUBJECT_PRONOUNS
            or (before.ner or "O")[2:] in ("PERSON", "ORG", "GPE", "NORP")
            or (before.text[:1].isupper() and i > 1)  # a sentence's first word is capitalised anyway
        )
    return True


def participle_speaks_next(tokens: list[Token], k: int) -> bool:
    """Whether a speech participle at ``k`` opens its own content (`..., explaining that ...`,
    `..., adding: ...`), so a cue before the comma (`Hale wrote in a statement,`) has none of its
    own; not when a that-clause follows the participle's phrase (`..., citing security, that ...`).

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> tokens = rule_analysis("Hale said on Friday, adding that talks would resume.")[0][0].tokens
    >>> participle_speaks_next(tokens, 5)
    True
    >>> tokens = rule_analysis("Hale said, citing security, that the border would close.")[0][0].tokens
    >>> participle_speaks_next(tokens, 3)
    False
    """
    if k >= len(tokens) or not tokens[k].lower.endswith("ing") or tokens[k].lower not in lexicon.CUE_FORMS:
        return False
    window = [token.lower for token in tokens[k + 1 : k + 9]]
    return not any(word == "," and following == "that" for word, following in pairwise(window))
