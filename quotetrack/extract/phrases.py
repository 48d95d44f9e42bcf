"""Speaker phrases around a speech cue, read off the tokens of one sentence.

Every function takes a sentence and token indexes and returns token ranges
``(first, last)`` (inclusive) or None; nothing is remembered between calls.
Appositives met on the way (`Dmitry Peskov, the Kremlin spokesman, said`) are
returned as :class:`Appositive` facts for the caller to hand to the speaker resolver.

>>> from quotetrack.extract.sentences import rule_analysis
>>> text = "Dmitry Peskov, the Kremlin spokesman, said on Monday that talks would go on."
>>> (sentence,) = rule_analysis(text)[0]
>>> found = left_speaker(sentence, 7)
>>> words(sentence, found.speaker), words(sentence, found.appositives[0].description), found.chain_start
('Dmitry Peskov', 'the Kremlin spokesman', 0)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import lexicon
from ..nlp.entities import opening_modifier
from ..resources import word_list
from . import phrase_edges, speaker_words
from .phrase_edges import after_dateline, trim_adjuncts
from .sentences import Sentence, Token
from .speaker_words import PUNCT, ROLE_PREPOSITIONS, TokenRange, has_name, is_person, passive_agent, possessive_mark, trim_range

# Punctuation a phrase never starts or ends with.
# Double and single quote marks: a speaker phrase never runs across one.
MARKS = lexicon.QUOTE_MARKS | {"‘", "’"}
CUE_LEMMAS = frozenset(lexicon.CUE_FORMS.values())
STRONG_CUES = CUE_LEMMAS - lexicon.WEAK_LEMMAS
ADJUNCT_STARTS = word_list("adjunct_starts")
SUBORDINATORS = word_list("subordinators")
NOT_SPEAKER_STARTS = word_list("not_speaker_starts")

_LEADING_ADVERBS = word_list("leading_adverbs")
_NOT_AGENT_NOUNS = word_list("not_agent_nouns")
_NOT_SPEAKER_ENDS = word_list("not_speaker_ends")
_SPEAKER_ENDINGS = tuple(sorted(word_list("speaker_endings")))
_STOP_AFTER_NAME = word_list("stop_after_name")
_CLAUSE_VERBS = word_list("clause_verbs")
_NOUN_CUES = word_list("noun_or_verb_cues") | {"comments", "comment", "remarks", "remark", "statement", "statements", "assertion", "words"}
# Words before an -ed form that make it an adjective: `a noted economist`, `the indicted mayor`.
_BEFORE_ADJECTIVES = frozenset(
    ["the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those", "some", "no", "former", "newly", "once", "now", "one", "two", "three", "several", "many", "other", "and", "or"]
)
_PREPOSITIONS = frozenset(["on", "by", "in", "with", "to", "for", "about", "at", "from", "into", "over", "as", "of", "along", "near", "after", "under", "against", "during"])
_DETERMINERS = frozenset(["the", "a", "an", "his", "her", "its", "their", "this", "that"])
# Tokens that end a speaker phrase read leftwards: clause punctuation, dashes and a full stop
# (a hyphen only with a space before it, as in a dateline's `OSLO (Reuters) - The ministry said`).
_PHRASE_BREAKS = frozenset([",", ";", ":", "(", ")", "—", "–", "―", "."])
# Lowercase words before a final name that link it to the words before rather than being a noun
# they modify: `a donor to Sen. Marco Rubio`, `Stacy Baker of Columbia`.
_NOT_HEAD_NOUNS = NOT_SPEAKER_STARTS | ADJUNCT_STARTS | SUBORDINATORS | frozenset(["and", "or", "the", "a", "an", "of", "to", "than", "as"])


@dataclass(frozen=True)
class Appositive:
    """`Dmitry Peskov, the Kremlin spokesman, said`: a name's token range and the range describing it."""

    sentence: Sentence
    head: TokenRange
    description: TokenRange


@dataclass
class LeftSpeaker:
    """The speaker phrase before a cue, where it starts with its appositives, and the appositives."""

    speaker: TokenRange
    chain_start: int | None = None  # first token of `X, the Y,` when appositives stand before the cue
    appositives: list[Appositive] = field(default_factory=list)
    phrase_first: int | None = None  # first token of `Jane Roe supporter Tim Fox` when the speaker is `Tim Fox`


def words(sentence: Sentence, token_range: TokenRange | None) -> str | None:
    """The tokens of a range joined by spaces, for messages and tests."""
    if token_range is None:
        return None
    return " ".join(token.text for token in sentence.tokens[token_range[0] : token_range[1] + 1])


def left_speaker(sentence: Sentence, cue: int) -> LeftSpeaker | None:
    """The speaker phrase before the cue at token ``cue``: `Peskov said`, `Peskov, the spokesman, said`."""
    tokens = sentence.tokens
    k = cue - 1
    while k >= 0 and (tokens[k].text in lexicon.ADVERBS_BEFORE_CUE or (tokens[k].text.endswith("ly") and tokens[k].text.islower() and not phrase_edges.ly_noun(tokens, k))):
        k -= 1
    if k < 0:
        return None
    if tokens[k].text == ")":
        # `Rep. Stephen Lynch (D-Mass.) said`: party and state tags are not the phrase's end.
        opening = next((j for j in range(k - 1, max(k - 8, -1), -1) if tokens[j].text == "("), None)
        if opening is not None and opening > 0:
            phrase = phrase_edges.long_form(tokens, opening) or noun_phrase_before(sentence, opening)  # `... Social Care (DHSC) said`
            if phrase is not None:
                return LeftSpeaker((phrase[0], k))
        return None
    if tokens[k].text == "who" and k > 0:  # not `The WHO said`
        # `an architect who said ...`, `Brandt, who said ...`: the noun phrase before `who`.
        phrase = noun_phrase_before(sentence, k - 1 if tokens[k - 1].text == "," else k)
        if phrase is None:
            start = next((j for j in range(k - 1, max(k - 7, -1), -1) if tokens[j].lower in ("a", "an", "the", "one")), None)
            phrase = (start, k - 1) if start is not None else None
        elif not any(t.text[:1].isupper() for t in tokens[phrase[0] : k]):
            start = next((j for j in range(k - 1, phrase[0] - 1, -1) if tokens[j].lower in ("a", "an", "the", "one")), phrase[0])
            phrase = (start, k - 1)
        return LeftSpeaker(phrase) if phrase else None
    if tokens[k].text in ("and", "but") and k > 0:
        # `Cruz exhorted Republicans to vote and said ...`: the clause's subject speaks.
        subject = sentence_subject(sentence, k)
        return LeftSpeaker(subject) if subject else None
    if tokens[k].text == ",":
        return _appositive_chain(sentence, k, tokens[cue].lower.endswith("ing"))
    # A participle's speaker is its clause's subject (`Trump issued a statement saying`), and so is a
    # noun cue's after a verb (`The committee noted Lee's comments`: the committee's report of them).
    noun_cue = tokens[k].lower in ("'s", "’s") or tokens[cue].lower in _NOUN_CUES
    phrase = noun_phrase_before(sentence, k + 1, subject_of_verb=tokens[cue].lower.endswith("ing") or noun_cue)
    phrase = subject_before_auxiliary(sentence, phrase) if tokens[cue].lower.endswith("ing") else phrase
    phrase = (sentence_subject(sentence, phrase[0]) or phrase) if phrase and phrase_edges.verb_opens_possessed(tokens, phrase, k) else phrase  # see there
    if phrase is None:
        return None
    if phrase[0] > 1 and tokens[phrase[0] - 1].text == "," and speaker_words.is_place(tokens[phrase[0] : phrase[1] + 1]):
        # `Stacy Baker of Columbia, South Carolina says`: the state ends the person's hometown.
        earlier = noun_phrase_before(sentence, phrase[0] - 1)
        if earlier is not None and any(is_person(token) for token in tokens[earlier[0] : earlier[1] + 1]):
            phrase = (earlier[0], phrase[1])
    head = name_head(sentence, trim_adjuncts(tokens, phrase) or phrase)
    # The phrase still starts where it did: what stands before it decides where the content is.
    return LeftSpeaker(head, phrase_first=phrase[0] if head != phrase else None)


def _appositive_chain(sentence: Sentence, comma: int, subject_of_verb: bool = False) -> LeftSpeaker | None:
    """`Dmitry Peskov, the Kremlin spokesman, said`: comma-separated segments before the cue, stacked up to four."""
    tokens = sentence.tokens
    segments: list[TokenRange] = []
    right = comma
    while len(segments) < 4:
        j = right - 1
        while j >= 0 and tokens[j].text not in (",", ";", ":", "(") and (tokens[j].text not in MARKS or possessive_mark(tokens, j)):
            if tokens[j].text == ")":
                # `Rep. Jim Jordan (R-Ohio), a panel member, said`: step over the tag.
                opening = next((o for o in range(j - 1, max(j - 8, -1), -1) if tokens[o].text == "("), None)
                if opening is None:
                    break
                j = opening
            j -= 1
        segment = trim_range(tokens, j + 1, right - 1)
        if segment is None:
            break
        segments.append(segment)
        if j < 0 or tokens[j].text != ",":
            break
        right = j
    if len(segments) < 2:
        return None
    # `At Harbor Point, where fees are high, Tom Hale, the club's president, said`: the chain stops at the
    # scene but still starts there (no content stands before the speaker); a participle's chain is a clause.
    chain_first = segments[-1][0]
    cut = None if subject_of_verb else speaker_words.scene_cut(tokens, segments, comma)
    if cut is not None:
        segments, right = cut
        if len(segments) == 1:
            alone = noun_phrase_before(sentence, right)
            return LeftSpeaker(alone, chain_first) if alone is not None and alone[0] == segments[0][0] else None
    # `right` is the comma after the farthest segment, so `(R-Ohio)` stays in the phrase.
    head = noun_phrase_before(sentence, right, subject_of_verb)
    head = subject_before_auxiliary(sentence, head) if subject_of_verb else head
    if head is not None and not segments[-1][0] <= head[0] <= segments[-1][1]:
        return None
    aside = speaker_words.farthest_aside(tokens, segments)
    named = [seg for seg in segments[aside + 1 :] if has_name(tokens[seg[0] : seg[1] + 1])]  # not `like Ann Lee, a fellow at ...`
    head = speaker_words.name_apposed_to_description(tokens, head, segments) or head  # `One pastor backing Lee, Dan Hale, said`
    if head is None or (named and not has_name(tokens[head[0] : head[1] + 1])):
        # `The minister, Sergei Lavrov, said`; `In a statement, a lawyer, Jane Roe, said`: the name speaks.
        plausible = [seg for seg in named if plausible_speaker(tokens[seg[0] : seg[1] + 1])]
        # `Emails seen by the Ledger show the founder, Oskar Brandt, told`: the name apposed to the head.
        plausible = [seg for seg in plausible if seg != segments[-1]] or plausible
        if not plausible:  # `experts in security law, who weren't surprised ..., saying`: the noun the relative describes
            relative = segments[aside] if aside >= 0 and segments[aside][0] > 1 else None
            described = noun_phrase_before(sentence, relative[0] - 1) if relative else None
            if described is None and relative and tokens[relative[0]].lower in ("like", "including") and has_name(tokens[relative[0] + 1 : relative[1] + 1]):
                described = name_head(sentence, (relative[0] + 1, relative[1]))  # `Some staunch defenders of trade, like Ann Lee, ...`
            return LeftSpeaker(described, min(chain_first, described[0])) if described else None
        head = plausible[-1]
    appositives = [Appositive(sentence, head, segment) for segment in segments if segment != head]
    named_head = name_head(sentence, head)
    return LeftSpeaker(named_head, min(chain_first, head[0]), appositives, head[0] if named_head != head else None)


def noun_phrase_before(sentence: Sentence, end: int, subject_of_verb: bool = False) -> TokenRange | None:
    """The noun phrase ending just before token ``end``, or None if none fits a speaker.

    Read leftwards it stops at a verb: the phrase is what follows the verb when that names
    somebody (`Emails show the founder told`), else the verb's subject, as it always is with
    ``subject_of_verb`` (a participle's or a noun cue's speaker: `Trump issued a statement saying`).
    """
    tokens = sentence.tokens
    if end > 1 and tokens[end - 1].text == ")":
        opening = next((o for o in range(end - 2, max(end - 9, -1), -1) if tokens[o].text == "("), None)
        inner = phrase_edges.long_form(tokens, opening) or (noun_phrase_before(sentence, opening) if opening else None)  # `... Care (DHSC)`
        return (inner[0], end - 1) if inner else None
    k, first, described, agent = end - 1, end, False, None
    while k >= 0:
        token = tokens[k]
        # The hyphen ending a dateline (`OSLO (Reuters) - The ministry said`), not one inside
        # `71-year-old` nor around an aside (`an aggressive - some say unrealistic - pledge`).
        spaced_hyphen = token.text in ("-", "--") and after_dateline(tokens) == k + 1
        # `Ana Ruiz and Tom Hale wrote`: two people joined by `and` speak together.
        joined = token.lower == "and" and 0 < k < end - 1 and (phrase_edges.joins_descriptions(tokens, k, end) or phrase_edges.joins_groups(tokens, k, end) or speaker_words.joins_affiliated_people(tokens, k))
        joined = joined or described and phrase_edges.continues_list(tokens, k) or phrase_edges.between_adjectives(tokens, k, end)  # see there
        described = described or joined
        joins_people = joined or token.lower == "and" and 0 < k < end - 1 and (is_person(tokens[k - 1]) and is_person(tokens[k + 1]) or speaker_words.inside_organisation(tokens, k, end)) or phrase_edges.joins_place_list(tokens, k, end)
        if (phrase_edges.breaks_clause(token, described) or token.text in MARKS or token.text in _PHRASE_BREAKS or spaced_hyphen) and not joins_people:
            closing = next((j for j in range(end - 1, k, -1) if tokens[j].text in _DASHES), None) if k > 0 and tokens[k - 1].text in _DASHES else None
            if closing is not None and closing < end - 1 and tokens[closing + 1].text[:1].isupper():
                return (closing + 1, end - 1)  # `Inside the mosque - which looks like a church - Adel Nefzi said`
            if closing == end - 1 and k > 1:
                return noun_phrase_before(sentence, k - 1)  # `The mayor -- whose term ends in May -- told`
            if token.lower in ("who", "which", "whose") and first < end and not (tokens[first].lower in _DETERMINERS or tokens[first].text[:1].isupper()):
                # `A man who goes by Shorty said`: skip the relative clause, keep the noun; but in `which the
                # campaign says includes ...` the relative's subject speaks.
                return noun_phrase_before(sentence, k) if k > 0 else None
            break
        if lexicon.CUE_FORMS.get(token.lower) in STRONG_CUES and k < end - 1 and not phrase_edges.cue_as_noun(tokens, k) or token.text in lexicon.AUXILIARIES:
            break
        adjective = token.lower.endswith("ed") and end - first == 1 and speaker_words.adjective_before_noun(tokens, k)  # `registered voters say`
        if first < end and is_clause_verb(tokens, k) and not adjective:
            after = tokens[k + 1 : end]
            names = any(
                t.text[:1].isupper() and t.text not in lexicon.CAPITALISED_FUNCTION_WORDS or t.lower in lexicon.ROLE_NOUNS or t.lower in lexicon.SUBJECT_PRONOUNS
                for t in after
            )
            relative = next((j for j in range(k - 1, max(k - 3, 0), -1) if tokens[j].text not in lexicon.AUXILIARIES), 0)
            if names and not subject_of_verb and tokens[relative].lower == "who":
                return noun_phrase_before(sentence, relative)  # `A woman who has accused Bill Clinton of rape said`
            if names and not subject_of_verb:
                break
            return noun_phrase_before(sentence, k) if k > 0 else None
        if token.lower in ("what", "how", "why", "where", "when", "whether", "there"):
            return None
        agent = k if agent is None and token.lower.endswith("ed") and passive_agent(tokens, k) else agent  # `issued by the IG`
        first = k
        k -= 1
        if end - first > 12:
            return None
    while first < end - 1 and (tokens[first].lower in _LEADING_ADVERBS or tokens[first].text in _DASHES):
        first += 1  # `Even China said`, `... than suggested - a report released by ... estimated`
    if first >= end:
        return None
    if end - first > 8 and speaker_words.affiliated_name(tokens, first, end):
        return (first, end - 1)  # `Mara Quill of the Halvorsen Institute for Coastal Security Studies wrote`
    described = described or agent is not None and agent > first and plausible_speaker(tokens[first:agent])  # `The report issued by ...`
    if not (described or plausible_speaker(tokens[first:end])) or end - first > (12 if described or any(t.text == "," for t in tokens[first:end]) else 8):
        # `In a March meeting with the editorial board of the Post Trump said`: the name before the cue.
        name = end
        while name > first and name > end - 4 and (tokens[name - 1].ner or "")[2:] == "PERSON":
            name -= 1
        return (name, end - 1) if name < end and (tokens[name].ner or "").startswith(("B-", "S-")) else None
    return (first, end - 1)


def subject_before_auxiliary(sentence: Sentence, phrase: TokenRange | None) -> TokenRange | None:
    """`Ruiz is making a pitch to voters saying`, `Ruiz was upfront about X, saying`: a participle's
    speaker is the subject before the auxiliary, not the predicate after it."""
    if phrase and phrase[0] > 1 and sentence.tokens[phrase[0] - 1].text == "," and sentence.tokens[phrase[0]].text.endswith("ed") and not passive_agent(sentence.tokens, phrase[0]):
        return sentence_subject(sentence, phrase[0]) or phrase  # `Lee, who said ..., issued a statement saying`
    if phrase is None or phrase[0] < 2 or sentence.tokens[phrase[0] - 1].text not in lexicon.AUXILIARIES:
        return phrase
    return noun_phrase_before(sentence, phrase[0] - 1) or phrase


def is_clause_verb(tokens: list[Token], k: int) -> bool:
    """Token ``k`` is a verb with a subject before it (`Trump issued a statement`, `the committee
    noted`), not an adjective (`a noted economist`) nor a reduced relative (`people briefed on`,
    `an aide linked to Cruz`)."""
    word = tokens[k].text
    if k == 0 or not word.isalpha() or not word.islower() or word in lexicon.ROLE_NOUNS:
        return False
    previous = tokens[k - 1].lower
    # `McConnell (R-Ky.) issued a statement`: a closing bracket ends a party tag on the subject.
    if previous in _BEFORE_ADJECTIVES or previous.endswith(("ly", "ed")) or previous in PUNCT and previous != ")" or previous in MARKS or previous in ("who", "which"):
        return False
    if word in _CLAUSE_VERBS:
        return True
    cue_verb = word in lexicon.CUE_FORMS and word not in _NOUN_CUES and not word.endswith("ing")
    if not (word.endswith("ed") and len(word) > 4 or cue_verb):
        return False
    following = tokens[k + 1] if k + 1 < len(tokens) else None
    if word.endswith("ed") and passive_agent(tokens, k):
        return False  # `A report released Tuesday by the institute said`: a passive relative
    if following is not None and following.lower in _PREPOSITIONS:
        # `continued to question` is a verb; `close to the campaign`, `linked to Cruz` a relative.
        after = tokens[k + 2] if k + 2 < len(tokens) else None
        return following.lower == "to" and after is not None and after.text.islower() and after.lower not in _DETERMINERS
    return True


def name_head(sentence: Sentence, phrase: TokenRange) -> TokenRange:
    """The phrase's head when a name ends it and a noun before that name has a name of its own
    in front: `Jane Roe supporter Tim Fox` -> `Tim Fox`, `Research firm eMarketer` -> `eMarketer`.

    The words before the noun modify it (whose supporter, which firm); English puts the head last.
    """
    tokens = sentence.tokens
    first, last = phrase
    run = last + 1
    while run > first and _in_name(tokens[run - 1]):
        run -= 1
    if run > last or run - 1 <= first or tokens[run].text in lexicon.CAPITALISED_FUNCTION_WORDS:
        return phrase  # `... sent a fundraising email Wednesday saying`: a day is no head
    noun = tokens[run - 1]
    if not (noun.text.isalpha() and noun.text.islower()) or noun.lower in _NOT_HEAD_NOUNS:
        return phrase
    leading = tokens[first : run - 1]
    named_before = any(is_person(token) for token in leading)
    capitalised_before = any(token.text[:1].isupper() and token.text not in lexicon.CAPITALISED_FUNCTION_WORDS for token in leading)
    if named_before or (capitalised_before and not any(is_person(token) for token in tokens[run : last + 1])):
        return (run, last)
    return phrase


def _in_name(token: Token) -> bool:
    return token.text[:1].isupper() or (token.ner or "O") != "O" and token.text not in PUNCT


def right_speaker(sentence: Sentence, start: int) -> tuple[TokenRange, Appositive | None] | None:
    """The speaker after an inverted cue (`, said Peskov`) and the appositive after it (`, the spokesman`)."""
    tokens = sentence.tokens
    if start >= len(tokens) or tokens[start].lower in ADJUNCT_STARTS or tokens[start].lower == "that":
        return None
    k = start
    seen_name = False
    described, complement = tokens[start].lower in ("a", "an", "one", "another"), 0  # `said a person close to the mayor`
    while k < len(tokens):
        token = tokens[k]
        if token.text in PUNCT or token.text in ("(", ")"):
            break
        if seen_name and token.lower in _STOP_AFTER_NAME:
            complement_end = speaker_words.role_complement_end(tokens, k)  # `said an adviser to the minister`
            if complement_end is None:
                break
            complement, k = complement or k, complement_end
            continue
        # `said the questioning will start`: a clause; `said a spokesman for the ministry`: a speaker
        if k > start and (token.lower == "that" or token.lower == "the" and not ((seen_name or described) and tokens[k - 1].lower in ROLE_PREPOSITIONS)) or token.text in lexicon.AUXILIARIES:
            return None
        inside_name = is_person(token)  # `said Ursula von der Leyen`: particles inside the name go on
        continues = token.lower in ("'s", "’s", "of", "for", "and") or token.lower == "the" and tokens[k - 1].lower in ("of", "for")
        adjective = token.text.islower() and not speaker_words.names_people(token) and speaker_words.names_people(tokens[k - 1])
        if described and adjective and not complement and k + 2 < len(tokens) and tokens[k + 1].lower in ROLE_PREPOSITIONS:
            # `said an engineer familiar with the repairs`: on to the complement's noun, which ends the phrase.
            complement, seen_name, k = k, False, k + 2
            continue
        if seen_name and not inside_name and not token.text[0].isupper() and token.lower not in lexicon.ROLE_NOUNS and not continues and not speaker_words.role_ahead(tokens, k):
            break  # `said Clinton's top foreign policy aide Jake Sullivan`: modifiers before a role go on
        if token.text[0].isupper() or token.lower in lexicon.ROLE_NOUNS or complement and token.text.isalpha() and token.lower not in _DETERMINERS:
            seen_name = True
        k += 1
        if k - start > 10:
            return None
    if k == start or not plausible_speaker(tokens[start : complement or k]):
        return None
    appositive = None
    if k < len(tokens) - 1 and tokens[k].text == ",":
        # `said Dmitry Peskov, the Kremlin spokesman.`
        j = k + 1
        while j < len(tokens) and tokens[j].text not in (",", ".", ";") and tokens[j].text not in lexicon.QUOTE_MARKS:
            j += 1
        if j > k + 1:
            appositive = Appositive(sentence, (start, k - 1), (k + 1, j - 1))
    return (start, k - 1), appositive


def sentence_subject(sentence: Sentence, before: int) -> TokenRange | None:
    """The subject opening the sentence's main clause, past a dateline and an introductory phrase."""
    tokens = sentence.tokens
    k = after_dateline(tokens)
    opener = tokens[k].lower in SUBORDINATORS or tokens[k].lower in ADJUNCT_STARTS or tokens[k].lower in speaker_words.COMPARISONS
    if k < len(tokens) and (opener or _opens_with_participle(tokens, k)):
        k = speaker_words.past_opening(tokens, k, before)
    first = k
    while k < before:
        if _subject_word(tokens[k]):
            k += 1
        elif k > first and (not any(is_person(t) for t in tokens[first:k]) or tokens[k - 1].lower in lexicon.ROLE_NOUNS) and (lowercase_run := _words_before_name(tokens, k, before)):
            k += lowercase_run  # `Democratic presidential candidate Sen. Bernie Sanders criticized ...`
        else:
            k += phrase_edges.head_noun_run(tokens, first, k, before) or phrase_edges.possessed_role_run(tokens, k, before)  # `The Lisbon banker has`
            break
    if k == first and k < before and tokens[k].lower in lexicon.SUBJECT_PRONOUNS:
        k += 1
    if k == first or not plausible_speaker(tokens[first:k]):
        return None
    return speaker_words.name_after_partitive(tokens, (first, k - 1), before) or name_head(sentence, trim_adjuncts(tokens, (first, k - 1)) or (first, k - 1))


def _subject_word(token: Token) -> bool:
    return (
        token.text[:1].isupper()
        or token.lower in ("the", "a", "an", "'s", "’s")
        or is_person(token)
        or token.lower in lexicon.ROLE_NOUNS
        or token.lower.removesuffix("s") in lexicon.ROLE_NOUNS
    )


_DASHES = ("—", "–", "―", "--", "-")


def _opens_with_participle(tokens: list[Token], k: int) -> bool:
    """`Having announced ..., Judge Berman said`, `Alarmed by ..., Reid said`: an opening phrase."""
    return is_participle_or_adverb(tokens[k]) and any(t.text == "," for t in tokens[k + 1 : k + 16])


def is_participle_or_adverb(token: Token) -> bool:
    """A capitalised `Having`, `Hastily`, `Alarmed` opening a sentence: not a name."""
    return token.text[:1].isupper() and not is_person(token) and opening_modifier(token.text)


def _modifier_word(token: Token) -> bool:
    """A lowercase word that may stand between an adjective and a name (`presidential candidate`),
    not a verb (`says`, `frequently mocked`) nor a function word."""
    word = token.lower
    verb_like = word in lexicon.CUE_FORMS or word in lexicon.AUXILIARIES or word.endswith(("ly", "ed")) and "-" not in word or (word.endswith("s") and not word.endswith("ss"))
    return token.text.replace("-", "").isalpha() and token.text.islower() and word not in _NOT_HEAD_NOUNS and not verb_like  # `front-runner`


def _words_before_name(tokens: list[Token], k: int, before: int) -> int:
    """How many lowercase words at ``k`` lead to a person's name or a title, up to three; 0 when none do."""
    j = k
    while j < before and j - k < 3 and (_modifier_word(tokens[j]) or phrase_edges.noun_before_role(tokens, j)):  # `communications director`
        j += 1
    if j > k and j < before and ((tokens[j].ner or "").startswith(("B-PERSON", "S-PERSON")) or tokens[j].lower in lexicon.TITLES or tokens[k - 1].lower in ("'s", "’s") and tokens[j].text[:1].isupper()):
        return j - k
    return 0


def plausible_speaker(tokens: list[Token]) -> bool:
    """True if the tokens could name who spoke: a name, a pronoun, a role noun, `the bank`, `the report`."""
    words = [t for t in tokens if t.text not in PUNCT]
    if not words:
        return False
    lowered = [t.lower for t in words]
    if lowered[0] in NOT_SPEAKER_STARTS or (lowered[-1] in _NOT_SPEAKER_ENDS and not is_person(words[-1])):
        return False  # `... the budget an` is cut mid-phrase, but `Kim An` is a name
    if any(word in lexicon.SUBJECT_PRONOUNS or word in ("himself", "herself", "themselves") for word in lowered[1:]):
        return False
    if len(words) > 6 and not any(t.text[:1].isupper() for t in words[1:]):
        return False
    if len(words) == 1 and lowered[0] in lexicon.SUBJECT_PRONOUNS:
        return lowered[0] != "you"
    if len(words) == 1 and is_participle_or_adverb(words[0]):
        return False  # `Having announced that ...`: capitalised because it opens the sentence
    if any(t.text[:1].isupper() and t.text not in lexicon.CAPITALISED_FUNCTION_WORDS for t in words):
        return True
    if any(word in lexicon.ROLE_NOUNS or word.removesuffix("s") in lexicon.ROLE_NOUNS and lowered[j + 1 :j + 2] in ([], ["at"], ["of"], ["for"], ["in"], ["from"], ["on"], ["with"]) for j, word in enumerate(lowered)):
        return True
    head = lowered[-1]
    if head in _NOT_AGENT_NOUNS:
        return False  # `later`, `however`: the -er and -or endings below would take them for people
    if lowered[0] in ("the", "a", "an", "one", "another") and len(words) <= 4 and (head.isalpha() or speaker_words.is_age(head)):
        return True  # `The bank said`, `one slide says`
    return head.endswith(_SPEAKER_ENDINGS)
