"""Where a described speaker's noun phrase ends: the common noun that heads capitalised modifiers
(`The Lisbon banker has said`), the time and place adjuncts after the head that are no part of
who spoke (`The union on Tuesday`, `Her aides here`, `the polling average - despite ...`), and
two descriptions of one person under one article (`the Ohio senator and former governor said`).

Every function takes a sentence's tokens and token indexes and returns indexes; nothing is kept.

>>> from quotetrack.extract.sentences import rule_analysis
>>> tokens = rule_analysis("The Lisbon banker has said so.")[0][0].tokens
>>> head_noun_run(tokens, 0, 2, 4)
1
"""

from __future__ import annotations

from itertools import pairwise

from .. import lexicon
from ..resources import word_list
from .sentences import Token
from .speaker_words import TokenRange

_DETERMINERS = frozenset(["the", "a", "an"])
_LY_NOUNS = word_list("ly_nouns")
_POSSESSIVE_DETERMINERS = frozenset(["his", "her", "its", "their", "our", "my", "your", "this", "that"])
_LIST_ENDS = frozenset(["from", "with", "by", "for", "to", "in", "on", "at", "among", "including", "like", "as", "than"])
_QUANTIFIERS = frozenset(["some", "many", "most", "few", "several", "others", "one", "two", "three"])
# Adverbs of time and place that may follow a speaker's head: `Her aides here said`.
_TRAILING_ADVERBS = frozenset(["here", "there", "today", "yesterday", "tonight", "now", "again", "too", "also", "instead", "meanwhile", "late", "early"])
_PERIODS = frozenset(["week", "month", "year", "weekend", "night", "morning", "evening", "afternoon"])
_DASHES = frozenset(["-", "--", "—", "–", "―"])
_DATELINE_DASHES = ("—", "–", "―", "--", "-")
# Words inside an organisation's name that its acronym skips: `Department of Health and Social Care (DHSC)`.
_CONNECTORS = frozenset(["and", "of", "for", "the", "on", "&", "de", "du", "des", "la", "le"])
_NOT_NOUNS = frozenset(["and", "or", "but", "of", "to", "for", "in", "on", "at", "by", "with", "as", "than", "that", "who", "which", "not", "never"])


def _verb_like(token: Token) -> bool:
    """A word that may be a finite verb after a subject: an auxiliary, a speech verb, `hits`, `backed`."""
    word = token.text
    if not (word.isalpha() and word.islower()):
        return False
    return word in lexicon.AUXILIARIES or word in lexicon.CUE_FORMS or word.endswith("ed") or lexicon.looks_plural(word)


def _noun_like(token: Token) -> bool:
    """A lowercase word that may be a singular noun: not a function word, a verb form or an adverb."""
    word = token.text
    return (
        word.replace("-", "").isalpha()
        and word.islower()
        and word not in _NOT_NOUNS
        and word not in _TRAILING_ADVERBS
        and word not in lexicon.ADVERBS_BEFORE_CUE
        and not word.endswith("ly")
        and not _verb_like(token)
    )


def head_noun_run(tokens: list[Token], first: int, k: int, before: int) -> int:
    """How many lowercase nouns at ``k`` (one or two) complete the subject that opens at ``first``
    with an article and a modifier (`The Lisbon banker has`, `The Hale ad hits`, `The liberal magazine
    has`), that is: a verb follows them; 0 when none do.
    """
    if k - first < 2 or tokens[first].lower not in _DETERMINERS:
        return 0
    j = k
    while j < before and j - k < 2 and _noun_like(tokens[j]):
        j += 1
    if j == k or (j < before and not _verb_like(tokens[j])):
        return 0
    return j - k


def trim_adjuncts(tokens: list[Token], phrase: TokenRange | None, after_cue: bool = False) -> TokenRange | None:
    """``phrase`` without what is no part of who spoke: a time (`on Tuesday`, `last week`) or an adverb
    (`here`) after the head; and, across a spaced dash, the side away from
    the cue: the aside after a source read rightwards (``after_cue``: `according to the average in
    Ohio - despite ...`), or what stands before a subject that opens after the dash (`a careful
    planner - a former aide said`).

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> tokens = rule_analysis("The union on Tuesday said so.")[0][0].tokens
    >>> trim_adjuncts(tokens, (0, 3))
    (0, 1)
    """
    if phrase is None:
        return None
    first, last = phrase
    dash = next((j for j in range(first + 1, last + 1) if tokens[j].text in _DASHES and tokens[j - 1].end < tokens[j].start), None)
    if dash is not None and dash < last and not after_cue and _opens_subject(tokens[dash + 1]):
        first = dash + 1  # `Mr. Lee - 60 percent of voters said`: the subject after the dash
    elif dash is not None and dash > first:
        last = dash - 1  # `the polling average in Ohio - despite ...`: an aside
    while last - first >= 1:
        word = tokens[last].lower
        # A time after a participle belongs to it: `a survey released on Thursday` stays whole.
        timed = last - first >= 2 and not (tokens[last - 2].text.islower() and tokens[last - 2].text.endswith("ed"))
        if word in _TRAILING_ADVERBS and tokens[last].text.islower():
            last -= 1
        elif timed and word in lexicon.WEEKDAYS and tokens[last - 1].lower in ("on", "last", "this", "late", "early"):
            last -= 2  # `The union on Tuesday`
        elif timed and word in _PERIODS and tokens[last - 1].lower in ("last", "this"):
            last -= 2  # `a poll last week`
        else:
            break
    return (first, last) if last >= first else phrase


def _opens_subject(token: Token) -> bool:
    """`a`, `some`, `Pew`, `60`: a word a subject may open with."""
    return token.lower in _DETERMINERS or token.lower in _QUANTIFIERS or token.text[:1].isupper() or token.text[:1].isdigit()


def joins_descriptions(tokens: list[Token], k: int, end: int) -> bool:
    """Whether the `and` at ``k`` joins two descriptions of one person under one article, read
    leftwards from the cue at ``end``: `The Ohio senator and former governor said`; not two
    people (`the mayor and the senator`, `the mayor and council members`).

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> tokens = rule_analysis("The Ohio senator and former governor said so.")[0][0].tokens
    >>> joins_descriptions(tokens, 3, 6), joins_descriptions(rule_analysis("The mayor and the senator said so.")[0][0].tokens, 2, 5)
    (True, False)
    """
    right = tokens[k + 1 : end]
    if not right or len(right) > 6 or right[0].lower in _DETERMINERS or right[0].lower in lexicon.SUBJECT_PRONOUNS:
        return False
    if not any(t.lower in lexicon.ROLE_NOUNS or t.lower in lexicon.TITLES for t in right):
        return False
    verbs = [t for j, t in enumerate(right) if _verb_like(t) and t.lower not in lexicon.ROLE_NOUNS and (j == 0 or right[j - 1].lower != "of")]
    if verbs or right[-1].lower.endswith("s") and right[-1].lower not in lexicon.TITLES:
        return False  # `and council members`: more people; `and then said`: a second verb
    start = next((j for j in range(k - 1, max(k - 7, -1), -1) if tokens[j].lower in _DETERMINERS or not tokens[j].text.replace("-", "").isalnum()), None)
    if start is None or tokens[start].lower not in _DETERMINERS or start == k - 1:
        return False
    left = tokens[start + 1 : k]
    head = left[-1]
    return head.text.islower() and _noun_like(head) and not any(_verb_like(t) for t in left)


def breaks_clause(token: Token, listing: bool = False) -> bool:
    """A word that ends a noun phrase read leftwards (`who`, `that`, `and`), but not an acronym spelt
    like one (`The WHO said`); in a list of groups (``listing``) a preposition too (`a backlash from
    unions, artists and business leaders who say`)."""
    if listing and token.lower in _LIST_ENDS:
        return True
    return token.lower in lexicon.CLAUSE_BREAKERS and not (token.text.isupper() and len(token.text) > 1)


def long_form(tokens: list[Token], opening: int | None) -> TokenRange | None:
    """The name before an acronym in brackets at ``opening`` whose initials spell it, across `and`
    and `of`: `The Department of Health and Social Care (DHSC)`; None when they do not.

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> tokens = rule_analysis("The Department of Health and Social Care (DHSC) said so.")[0][0].tokens
    >>> long_form(tokens, 7)
    (0, 6)
    """
    if opening is None or opening < 2 or opening + 2 >= len(tokens) or tokens[opening + 2].text != ")":
        return None
    letters = [letter for letter in tokens[opening + 1].text if letter.isupper()]
    if len(letters) < 2:
        return None
    initials: list[str] = []
    k = opening - 1
    while k >= 0 and len(initials) < len(letters):
        word = tokens[k].text
        if word.lower() not in _CONNECTORS:
            if not word[:1].isupper():
                return None
            initials.insert(0, word[0])
        k -= 1
    if initials != letters:
        return None
    first = k + 1
    while first < opening and tokens[first].lower in _CONNECTORS and tokens[first].lower != "the":
        first += 1
    if first > 0 and tokens[first - 1].lower == "the":
        first -= 1  # `The Department of ...`: its article with it
    return (first, opening - 1)


def cue_as_noun(tokens: list[Token], k: int) -> bool:
    """Whether the speech-verb form at ``k`` is a noun inside a speaker phrase: after an article or a
    hyphenated modifier (`the organizer of a pro-Hale rally`, `a statement`), not `Lee said`.

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> tokens = rule_analysis("The organizer of a pro-Hale rally said so.")[0][0].tokens
    >>> cue_as_noun(tokens, 5), cue_as_noun(tokens, 6)
    (True, False)
    """
    if k == 0:
        return False
    previous = tokens[k - 1]
    hyphenated = "-" in previous.text.strip("-") and previous.end == tokens[k].start - 1
    return previous.lower in _DETERMINERS or previous.lower in _POSSESSIVE_DETERMINERS or hyphenated


def possessed_role_run(tokens: list[Token], k: int, before: int) -> int:
    """How many lowercase words at ``k``, after a possessive, lead to and include a role noun (up to
    four): `The Pentagon's recent top adviser`; 0 when they do not.

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> tokens = rule_analysis("The Pentagon's recent top adviser went further.")[0][0].tokens
    >>> possessed_role_run(tokens, 3, 7)
    3
    """
    if k == 0 or tokens[k - 1].lower not in ("'s", "’s"):
        return 0
    for j in range(k, min(before, k + 4)):
        if not _noun_like(tokens[j]) and tokens[j].lower not in lexicon.ROLE_NOUNS:
            return 0
        if tokens[j].lower in lexicon.ROLE_NOUNS:
            return j - k + 1
    return 0


def ly_noun(tokens: list[Token], k: int) -> bool:
    """Whether the -ly word at ``k`` before a cue is a noun heading the speaker (`The family said`, `a
    Hale ally said`), not an adverb to skip (`Peskov reportedly said`); not `early` in `An early
    tweet quoted`, an adjective before a noun read as a cue.

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> [ly_noun(rule_analysis(text)[0][0].tokens, 1) for text in ("Her family said so.", "Peskov reportedly said so.")]
    [True, False]
    """
    return tokens[k].lower in _LY_NOUNS


def _plural(token: Token, opening: bool = False) -> bool:
    """`voters`, `Democrats`, `groups`: a plural noun, not a verb form (`says`), `boss` or a name (`Gates`);
    capitalised only when it is a nationality or party, or ``opening`` the sentence (`Regulators and ...`)."""
    word = token.lower
    common = token.text.islower() or token.text[:-1] in lexicon.DEMONYMS or opening
    plural = token.text.isalpha() and lexicon.looks_plural(word)
    return common and plural and word not in lexicon.CUE_FORMS and word not in lexicon.AUXILIARIES


def _takes_object(token: Token) -> bool:
    """What follows a verb rather than a plural noun in a list: `takes into`, `thanked the`."""
    return token.lower in _DETERMINERS or token.lower in _POSSESSIVE_DETERMINERS or token.lower in ("both", "into", "to", "in", "on", "at", "with")


def joins_groups(tokens: list[Token], k: int, end: int) -> bool:
    """Whether the `and` at ``k`` joins groups that speak together, read leftwards from the cue at
    ``end``: `labor unions, environmental groups and many lawmakers claim`, `The Hale campaign and some
    experts have alleged`, `45% of Republicans and 12% of Democrats say`.

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> tokens = rule_analysis("Its trustees and donors kept on reassuring him.")[0][0].tokens
    >>> joins_groups(tokens, 2, 4)
    True
    """
    right = tokens[k + 1 : end]
    oxford = k > 1 and tokens[k - 1].text == ","
    left = k - 2 if oxford else k - 1
    if not 1 <= len(right) <= 5 or left < 0 or not _plural(right[-1]) or any(_verb_like(t) for t in right[:-1]):
        return False
    named = tokens[left].text[:1].isupper() and tokens[left].text.isalpha()  # `Marsh and others`, `Google and other firms`
    if not (_plural(tokens[left], opening=left == 0) or named or tokens[left].lower in lexicon.INSTITUTION_NOUNS):
        return False
    before = tokens[max(0, left - 4) : left + 1]
    if any(_verb_like(t) and (not _plural(t) or _takes_object(nxt)) for t, nxt in pairwise(before)):
        return False  # `He thanked the volunteers and organizers said`, `The poll takes into account both A and B who said`
    # `Police held two men, and officials said`: a comma before `and` ends a clause unless a list runs before it.
    return not oxford or any(tokens[j].text == "," and _plural(tokens[j - 1]) for j in range(max(1, left - 5), left))


def continues_list(tokens: list[Token], k: int) -> bool:
    """Whether the comma at ``k`` separates groups in a list that `and` ends: `labor unions, environmental groups, and ...`."""
    return tokens[k].text == "," and k > 0 and _plural(tokens[k - 1], opening=k == 1)


def noun_before_role(tokens: list[Token], k: int) -> bool:
    """A lowercase noun ending in -s that modifies the role or title right after it, not a verb:
    `communications director`, `affairs minister`, `operations chief`.

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> tokens = rule_analysis("Campaign communications director Jo Hale says so.")[0][0].tokens
    >>> noun_before_role(tokens, 1), noun_before_role(tokens, 5)
    (True, False)
    """
    following = tokens[k + 1].lower if k + 1 < len(tokens) else ""
    word = tokens[k].text
    plural = word.isalpha() and word.islower() and word.endswith("s") and word not in _NOT_NOUNS and word not in lexicon.AUXILIARIES
    return plural and (following in lexicon.ROLE_NOUNS or following in lexicon.TITLES)  # not `A spokesman for Mayor Lee`


def between_adjectives(tokens: list[Token], k: int, end: int) -> bool:
    """Whether the comma at ``k`` parts two adjectives of one noun after an article, read leftwards from
    the cue at ``end`` (`the bespectacled, 71-year-old diplomat said`); not a list (`the mayor, the
    senator`) nor a clause (`In Ohio, the senator said`). Joins like `the mayor and former judge`:
    see ``continues_list`` and ``joins_descriptions``.

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> tokens = rule_analysis("The bespectacled, 71-year-old diplomat said so.")[0][0].tokens
    >>> between_adjectives(tokens, 2, 5), between_adjectives(rule_analysis("In the end, the diplomat said so.")[0][0].tokens, 3, 6)
    (True, False)
    >>> between_adjectives(rule_analysis("It went to the public, top aide Lee said.")[0][0].tokens, 5, 8)
    False
    """
    if tokens[k].text != "," or k < 2 or k + 2 >= end or tokens[k - 2].lower not in _DETERMINERS or tokens[k + 1].lower in _DETERMINERS:
        return False
    if k > 2 and tokens[k - 3].text.isalpha() and tokens[k - 3].text.islower() and tokens[k - 3].lower not in lexicon.CUE_FORMS:
        return False  # `before handing the files to reporters, an aide said`: the article opens no subject
    left, right = tokens[k - 1], tokens[k + 1 : end]
    adjective = left.text.islower() and left.lower.endswith(("ed", "al", "ous", "ive", "ful", "ic", "ent", "ant", "ish", "-old"))
    described = all(t.text.islower() for t in right) and len(right) <= 3 and (right[-1].lower in lexicon.ROLE_NOUNS or right[-1].lower in lexicon.TITLES)
    return adjective and left.lower not in lexicon.ROLE_NOUNS and described and not any(_verb_like(t) for t in right[:-1])


def after_dateline(tokens: list[Token]) -> int:
    """Where the sentence starts past a dateline: `MOSCOW — `, `ORLANDO, Fla. (Reuters) - `,
    `Washington (AFP) – `, `OSLO, March 3 (Reuters) - `; 0 when there is none."""
    dash = next((j for j, t in enumerate(tokens[:10]) if t.text in _DATELINE_DASHES and j > 0 and tokens[j - 1].end < t.start), None)
    if dash is None:
        return 0
    lead = tokens[:dash]
    all_caps = all(t.text.isupper() or t.text in ",()." for t in lead)
    credited = any(t.text == "(" for t in lead) and all(t.text[:1].isupper() or t.text.isdigit() or t.text in ",()." for t in lead)
    return dash + 1 if all_caps or credited else 0


def verb_opens_possessed(tokens: list[Token], phrase: TokenRange | None, mark: int) -> bool:
    """Whether the phrase read before a possessed noun cue opens with a predicate, not a subject:
    `jumped on Kaine's` (remark), `very vocal in rejecting several of Trump's` (comments); the clause's
    subject then reports the remark, as in `The committee noted Lee's comments`.

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> tokens = rule_analysis("Republicans jumped on Kaine's remark")[0][0].tokens
    >>> verb_opens_possessed(tokens, (1, 4), 4), verb_opens_possessed(tokens, (0, 4), 4)
    (True, False)
    """
    if phrase is None or tokens[mark].lower not in ("'s", "’s"):
        return False
    opening = tokens[phrase[0]]
    return opening.text.islower() and not (opening.lower in _DETERMINERS or opening.lower in _QUANTIFIERS or opening.lower in lexicon.SUBJECT_PRONOUNS)


_OBJECT_PREPOSITIONS = frozenset(["in", "of", "from", "at", "across"])


def joins_place_list(tokens: list[Token], k: int, end: int) -> bool:
    """Whether `and` or a comma at ``k`` joins the names a preposition governs, inside one subject:
    `Republicans in Tennessee and Georgia were`, `voters in Alabama, Georgia and Virginia said`, `the
    cities of Blackpool and Liverpool said`; the phrase goes on leftwards past it.

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> tokens = rule_analysis("Most voters in Alabama, Georgia and Virginia said")[0][0].tokens
    >>> joins_place_list(tokens, 6, 8), joins_place_list(tokens, 4, 8)
    (True, True)
    """
    if not 0 < k < end - 1 or tokens[k].lower != "and" and tokens[k].text != ",":
        return False
    # Everything from `k` to the phrase's end is names, commas and one `and`: a list's tail.
    tail = tokens[k + 1 : end]
    if not tail or not all(t.text[:1].isupper() or t.text == "," or t.lower == "and" for t in tail) or not tail[0].text[:1].isupper():
        return False
    if tokens[k].text == "," and not any(t.lower == "and" for t in tail):
        return False  # `Ann Lee, the mayor,`: no `and`, no list
    j = k - 1
    while j > 0 and (tokens[j].text[:1].isupper() or tokens[j].text == ","):
        j -= 1
    names = [t for t in tokens[j + 1 : end] if t.text[:1].isupper()]
    # Places only (`Sciences, Engineering and Medicine`, `Chicago and Professor Knittel` join other things).
    places = all((t.ner or "")[2:] in ("GPE", "LOC") for t in names)
    return j < k - 1 and tokens[j].lower in _OBJECT_PREPOSITIONS and j > 0 and places
