"""Small token tests for speaker phrases: a role's prepositional complement, a passive agent, a
name followed by its affiliation (`Ana Ruiz of the Institute for Fiscal Studies`), names and
places, `and` inside an organisation's name, scene-setting openers and the appositive chains they
end, and the name apposed to a description (`One pastor supporting Mr. Cruz, Dan Hale, said`)."""

from __future__ import annotations

from .. import lexicon
from ..nlp.entities import opening_modifier
from ..resources import word_list
from .sentences import Sentence, Token

TokenRange = tuple[int, int]  # first and last token index in a sentence, inclusive
PUNCT = set(",.;:!?—–-…‘’") | set(lexicon.QUOTE_MARKS) | {"...", "--", "(", ")"}
# Prepositions that join a role to what it is a role of: `a spokesman for the ministry`.
ROLE_PREPOSITIONS = frozenset(["for", "of", "to", "at", "in", "with", "from", "on"])
_DETERMINERS = frozenset(["the", "a", "an", "his", "her", "its", "their", "this", "that"])
_SCENE_OPENERS = word_list("scene_openers")
# `Like Corker, Menendez said`: a comparison opening the sentence, not its subject.
COMPARISONS = frozenset(["like", "unlike"])
_PEOPLE_ENDINGS = tuple(sorted(word_list("people_endings")))


def opens_scene(tokens: list[Token], k: int) -> bool:
    """`At Harbor Point`, `where fees are high`, `after winning the vote`, `Tuesday at the college`: a
    comma segment at ``k`` that sets the scene. Not `While many voters, like Lee, said` nor `after Ann
    Lee, the investor, complained`: those clauses hold the subject.

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> tokens = rule_analysis("After winning the vote, after Lee left")[0][0].tokens
    >>> opens_scene(tokens, 0), opens_scene(tokens, 5)
    (True, False)
    """
    word = tokens[k].lower
    participle = k + 1 < len(tokens) and tokens[k + 1].lower.endswith("ing")
    # Opening the sentence: `Alarmed by the unrest in Reno, Sen. Ann Lee, the whip, said`, `Like Corker, ...`,
    # `Even if Lee loses Iowa, insiders in Ohio, her home state, said`.
    # Not a name that opens like one: `Playing Field Promotions, a talent agency, says`.
    governs = k + 1 < len(tokens) and tokens[k + 1].text.islower()
    conditional = word in ("if", "although", "though", "because", "unless") or word == "even" and k + 1 < len(tokens) and tokens[k + 1].lower in ("if", "though")
    opening = k == 0 and (word in COMPARISONS or conditional or opening_modifier(tokens[k].text) and governs)
    return opening or word in _SCENE_OPENERS or word in ("after", "before", "since", "while", "when") and participle


def names_people(token: Token) -> bool:
    """`source`, `engineer`, `Republican`: a noun for people, that a complement may describe (`a source close to`)."""
    word = token.lower
    return token.text.isalpha() and (
        token.text[0].isupper() or word in lexicon.ROLE_NOUNS or word.removesuffix("s") in lexicon.ROLE_NOUNS or word.endswith(_PEOPLE_ENDINGS)
    )


def role_ahead(tokens: list[Token], k: int) -> bool:
    """Whether a role noun comes within three lowercase words from ``k``: `top foreign policy aide`."""
    for token in tokens[k : k + 4]:
        if not (token.text.isalpha() and token.text.islower()):
            return False
        if token.lower in lexicon.ROLE_NOUNS:
            return True
    return False


def passive_agent(tokens: list[Token], k: int) -> bool:
    """`by` and an agent within three words after ``k``: `released Tuesday by the institute`, not `followed up by lamenting`."""
    by = next((j for j in range(k + 1, min(len(tokens) - 1, k + 4)) if tokens[j].lower == "by" or tokens[j].text in PUNCT), None)
    return by is not None and tokens[by].lower == "by" and (tokens[by + 1].lower in _DETERMINERS or tokens[by + 1].text[:1].isupper())


def affiliated_name(tokens: list[Token], first: int, end: int) -> bool:
    """A person's name, then where they work: `Ana Ruiz of the Institute for Fiscal Studies`."""
    if not (tokens[first].ner or "").startswith(("B-PERSON", "S-PERSON")):
        return False
    k = first + 1
    while k < end and (tokens[k].ner or "").endswith("PERSON") and not (tokens[k].ner or "").startswith(("B-", "S-")):
        k += 1
    if k >= end or tokens[k].lower not in ("of", "at", "from"):
        return False
    return all(token.text[:1].isupper() or token.lower in ("of", "at", "from", "the", "for", "and", "on", "&") for token in tokens[k:end])


def possessive_mark(tokens: list[Token], j: int) -> bool:
    """Whether the apostrophe at ``j`` makes a plural or `-s` name possessive (`Sanders’ campaign`)
    rather than closing a quotation: glued to a word ending in `s`, a word after it."""
    return (
        tokens[j].text in ("’", "'")
        and 0 < j < len(tokens) - 1
        and tokens[j - 1].end == tokens[j].start
        and tokens[j - 1].text.endswith("s")
        and tokens[j + 1].text[:1].isalpha()
    )


def is_place(tokens: list[Token]) -> bool:
    """Whether the tokens name a place: `South Carolina`, `Fla.`, a place entity."""
    text = " ".join(token.text for token in tokens)
    return lexicon.is_place(text) or all((token.ner or "")[2:] in ("GPE", "LOC") for token in tokens)


def adjective_before_noun(tokens: list[Token], k: int) -> bool:
    """Whether the -ed form at ``k``, before a lowercase noun, is its adjective after a number or a
    proper adjective (`Democratic registered voters`, `9 in 10 registered voters`), not a verb after
    its subject (`the committee noted ...`)."""
    before = tokens[k - 1].text if k > 0 else ""
    noun = tokens[k + 1].text if k + 1 < len(tokens) else ""
    proper_adjective = before[:1].isupper() and before.lower().endswith(("ic", "an", "ish", "ese", "ive"))
    return noun.isalpha() and noun.islower() and (before.isdigit() or proper_adjective)


def inside_organisation(tokens: list[Token], k: int, end: int) -> bool:
    """Whether `and` at ``k`` joins two parts of one organisation's name: `the Organization for Economic
    Cooperation and Development`, `the Parks and Recreation Department` (the run from ``k`` to ``end``
    ends in an organisation word), but not `Britain and France`.

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> tokens = rule_analysis("The Parks and Recreation Department said, Britain and France said")[0][0].tokens
    >>> inside_organisation(tokens, 2, 5), inside_organisation(tokens, 8, 10)
    (True, False)
    """
    before, after = tokens[k - 1], tokens[k + 1 : end]
    if not (before.text[:1].isupper() and after and all(token.text[:1].isupper() and not (token.ner or "").endswith("PERSON") for token in after)):
        return False
    left = k - 1
    while left > 0 and (tokens[left - 1].ner or "O")[2:] == "ORG" and (tokens[left].ner or "")[:2] in ("I-", "E-"):
        left -= 1
    named_of = any(token.lower in ("of", "for") for token in tokens[left:k]) and (before.ner or "O")[2:] == "ORG"
    return named_of or after[-1].lower in lexicon.ORGANISATION_ENDINGS


def name_apposed_to_description(tokens: list[Token], head: TokenRange | None, segments: list[TokenRange]) -> TokenRange | None:
    """The name apposed to a description whose own names are only in what modifies it: in `One pastor
    supporting Mr. Cruz, Dan Hale of Marion, said` `Dan Hale` speaks, not Cruz; None for `The Kremlin
    spokesman Dmitry Peskov, 56, said` or when no segment opens with a name.

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> tokens = rule_analysis("The head of the group backing Gov. Ann Lee, Tom Hale of Leeds, said")[0][0].tokens
    >>> name_apposed_to_description(tokens, (0, 8), [(10, 13), (0, 8)])
    (10, 11)
    """
    if head is None:
        return None
    first, last = head
    if last <= first + 1 or tokens[first].lower not in ("the", "a", "an", "one") or not tokens[first + 1].text.islower():
        return None
    linking = (k for k in range(first + 1, last) if not tokens[k].text.islower() or tokens[k].lower in _LINKS or tokens[k].lower.endswith("ing"))
    link = next(linking, last)
    if link == last or not tokens[link].text.islower():
        return None  # `the economist Jared Bernstein`: the name is the head's own
    for start, end in segments:
        run = start
        while run <= end and tokens[run].text[:1].isupper() and tokens[run].text not in PUNCT:
            run += 1
        if (start, end) != head and run - start >= 2 and tokens[start].lower not in lexicon.TITLES:
            return (start, run - 1)
    return None


_LINKS = frozenset(["of", "for", "to", "at", "with", "from", "by", "about", "behind"])


def name_after_partitive(tokens: list[Token], subject: TokenRange, before: int) -> TokenRange | None:
    """`One of the nurses, Rosa Lind, 58, had worked ... and said`: the name apposed to a subject that
    picks one of a group (`One`, `Another`); None when no name follows it between commas.

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> tokens = rule_analysis("One of the men, Tom Hale, 70, had left and said no")[0][0].tokens
    >>> name_after_partitive(tokens, (0, 0), 11)
    (5, 6)
    """
    first, last = subject
    if last != first or tokens[first].lower not in ("one", "another") or last + 1 >= before or tokens[last + 1].lower != "of":
        return None
    comma = next((j for j in range(last + 2, min(before, last + 8)) if tokens[j].text == ","), None)
    if comma is None:
        return None
    run = comma + 1
    while run < before and tokens[run].text[:1].isupper() and tokens[run].text not in PUNCT:
        run += 1
    return (comma + 1, run - 1) if run - comma > 2 and run < before and tokens[run].text == "," else None


def past_opening(tokens: list[Token], k: int, before: int) -> int:
    """Where the main clause starts after an opening phrase at ``k`` that ends with a comma, a place
    closing it and an age before the subject included: `At a rally in Dover, Ohio, 62-year-old Ann Lee said`.

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> tokens = rule_analysis("At a rally in Dover, Ohio, 62-year-old Ann Lee said")[0][0].tokens
    >>> tokens[past_opening(tokens, 0, 12)].text
    'Ann'
    """
    while k < before and tokens[k].text != ",":
        k += 1
    place = next((j for j in range(k + 1, min(k + 4, before)) if tokens[j].text == ","), None)
    if place is not None and is_place(tokens[k + 1 : place]):
        k = place
    if k + 1 < before and is_age(tokens[k + 1].lower):
        k += 1  # `..., 62-year-old Ann Lee said`: her age is no subject
    return k + 1


def is_age(word: str) -> bool:
    """`46-year-old`, `3-month-old`: a person's age, which the tokenizer keeps as one word.

    >>> [is_age(word) for word in ("46-year-old", "3-month-old", "10-point", "old")]
    [True, True, False, False]
    """
    number, hyphen, rest = word.partition("-")
    return bool(hyphen) and number.isdigit() and rest in ("year-old", "month-old", "week-old", "day-old")


def scene_cut(tokens: list[Token], segments: list[TokenRange], comma: int) -> tuple[list[TokenRange], int] | None:
    """The comma segments before a cue (nearest first, the last ending before ``comma``) up to one that
    sets the scene, and the comma after the farthest kept; None when none does. `Lee, during a visit to
    Dover, Ohio, said`: a place ends the adjunct, and nothing is cut."""
    adjunct = next((n for n, (first, _) in enumerate(segments) if n and opens_scene(tokens, first)), None)
    if adjunct is None or is_place(tokens[segments[adjunct - 1][0] : segments[adjunct - 1][1] + 1]):
        return None
    kept = segments[:adjunct]
    return kept, next(j for j in range(kept[-1][1] + 1, comma + 1) if tokens[j].text == ",")


def trim_range(tokens: list[Token], first: int, last: int) -> TokenRange | None:
    """``(first, last)`` without punctuation at either end; None if nothing is left."""
    while first <= last and tokens[first].text in PUNCT:
        first += 1
    while last >= first and tokens[last].text in PUNCT:
        last -= 1
    return (first, last) if first <= last else None


def segment_before(sentence: Sentence, end: int) -> TokenRange | None:
    """All tokens back from ``end`` to the previous comma, bracket or quote mark: `TASS quoted ...`."""
    tokens = sentence.tokens
    k = end - 1
    while k >= 0 and tokens[k].text not in (",", ";", ":", "(", ")") and tokens[k].text not in lexicon.QUOTE_MARKS:
        k -= 1
    if k + 1 > end - 1:
        return None
    return (k + 1, end - 1)


def has_name(tokens: list[Token]) -> bool:
    """True if the tokens hold a person's name: a PERSON tag, or two capitalised words that are not titles."""
    return any(t.ner and t.ner.endswith("PERSON") for t in tokens) or sum(
        1 for t in tokens if t.text[:1].isupper() and t.text not in lexicon.CAPITALISED_FUNCTION_WORDS and t.lower not in lexicon.TITLES
    ) >= 2


def is_person(token: Token) -> bool:
    """True if the token is tagged as part of a person's name."""
    return (token.ner or "").endswith("PERSON")


def joins_affiliated_people(tokens: list[Token], k: int) -> bool:
    """Whether the `and` at ``k`` joins two people each from a place: `Sens. Ruth Okafor of Ohio
    and Dan Brandt of Iowa said` is said by both.

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> tokens = rule_analysis("Sens. Ruth Okafor of Ohio and Dan Brandt of Iowa said so.")[0][0].tokens
    >>> joins_affiliated_people(tokens, 5)
    True
    """
    if k + 2 >= len(tokens) or not _name_word(tokens[k + 1]):
        return False
    j = k - 1
    while j > 0 and _name_word(tokens[j]) and k - j <= 3:
        j -= 1
    person = _name_word(tokens[j - 1]) and tokens[j - 1].text not in lexicon.ORG_WORDS and tokens[j - 1].lower not in lexicon.INSTITUTION_NOUNS
    return j < k - 1 and j > 0 and tokens[j].lower in ("of", "from") and person and is_place(tokens[j + 1 : k])  # not `the University of Chicago`


def _name_word(token: Token) -> bool:
    return token.text[:1].isupper() and token.text.replace(".", "").isalpha() and token.text not in lexicon.CAPITALISED_FUNCTION_WORDS


_LISTENERS = tuple(word_list("listeners"))
_COMPLEMENT_STOPS = frozenset(["who", "whom", "whose", "that", "which", "when", "while", "on", "in", "at", "during", "after", "before", "as"])


def role_complement_end(tokens: list[Token], k: int) -> int | None:
    """Where the complement of a role noun ends when `of`/`to` at ``k`` opens one after an inverted
    cue: `said the head of the agency`, `said a longtime adviser to the prime minister`, `said the
    ambassador to Russia`; None for a listener (`said the spokesman to reporters`) or no role.

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> tokens = rule_analysis("said a longtime adviser to the prime minister, who asked not to be named")[0][0].tokens
    >>> role_complement_end(tokens, 4), role_complement_end(tokens, 2)
    (8, None)
    >>> tokens = rule_analysis("said the spokesman to reporters on Monday")[0][0].tokens
    >>> role_complement_end(tokens, 3) is None
    True
    """
    if not 0 < k < len(tokens) - 1 or tokens[k].lower not in ("of", "to"):
        return None
    role = tokens[k - 1]
    if not (role.text.islower() and (role.lower in lexicon.ROLE_NOUNS or role.lower.removesuffix("s") in lexicon.ROLE_NOUNS)):
        return None
    following = " ".join(token.lower for token in tokens[k + 1 : k + 4])
    if any(following == listener or following.startswith(listener + " ") for listener in _LISTENERS):
        return None
    j = k + 1
    if tokens[j].lower in _DETERMINERS or tokens[j].lower in ("both", "two", "three"):
        j += 1
    elif tokens[k].lower == "to" and not tokens[j].text[:1].isupper():
        return None  # `asked a judge to block the rules`: an infinitive, not whom the role serves
    first = j
    while j < len(tokens) and j - first < 5 and tokens[j].text.replace("-", "").replace(".", "").isalpha() and tokens[j].lower not in _COMPLEMENT_STOPS:
        if tokens[j].lower in lexicon.AUXILIARIES or tokens[j].lower in lexicon.CUE_FORMS:
            return None
        j += 1
    return j if j > first else None


# Segments that never head an appositive chain: a relative clause (`who works at Ford`), an example
# (`including Ann Lee`, `like Ann Lee`) or a predicate (`have followed Mr. Trump's lead`).
_NOT_HEADS = frozenset(["who", "whom", "whose", "which", "including", "like", "unlike", "especially", "notably", "among"])


def farthest_aside(tokens: list[Token], segments: list[TokenRange]) -> int:
    """Index in ``segments`` (nearest the cue first) of the farthest relative clause, example or
    predicate; the segments nearer the cue describe it, not the chain's head. -1 when there is none.

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> tokens = rule_analysis("Some defenders of trade, like Ann Lee, a fellow at Harbor, also agree")[0][0].tokens
    >>> farthest_aside(tokens, [(9, 12), (5, 7), (0, 3)])
    1
    """
    found = [i for i, (first, _) in enumerate(segments) if tokens[first].lower in _NOT_HEADS or tokens[first].text in lexicon.AUXILIARIES]
    return max(found, default=-1)
