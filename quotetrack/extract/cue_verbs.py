"""Whether a cue word is used as a verb: `Peskov notes that` speaks, `the notes` and `tax reports` do not.

>>> from quotetrack.extract.sentences import rule_analysis
>>> tokens = rule_analysis("The notes show that Peskov notes that talks go on.")[0][0].tokens
>>> looks_like_verb(tokens, 1), looks_like_verb(tokens, 5)
(False, True)
"""

from __future__ import annotations

from .. import lexicon
from ..resources import word_list
from .sentences import Token
from .speaker_words import is_person

__all__ = ["looks_like_verb"]

_NOUN_OR_VERB = word_list("noun_or_verb_cues")


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
