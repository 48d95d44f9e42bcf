"""Who a pronoun means when the words just before it bring somebody in.

:mod:`.salience` ranks the people who spoke or were subjects before a pronoun. Newcomers come before
them: a plural noun that a `they` clause follows in its own sentence (`That worries many analysts
because they ...`); somebody named in full for the first time in the sentence before a `she` or `he`
(`McDonough answered a message from Wendy Sherman. “Wheels up,” she wrote.`), or in the last two
sentences when the antecedent salience found was last named long before; two people joined by `and`
(`what Trump and Lewandowski said. They had asserted`); a definite role describing the person just
talked about (`Sanders is choosing not to respond. Instead, the Vermont senator ...`); somebody
unnamed (`a woman who called herself unsure ... she said`), and a thing (`The Ontario case ...
It states`), which no earlier name is.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .. import lexicon
from .coreference import plural_group
from .discourse import clean_name
from .people import gender_of_first_name

if TYPE_CHECKING:
    from .salience import Salience
    from .speakers import SpeakerResolver

# How many sentences of quotation back a pronoun's cue may reach (`“A. B. C,” she wrote`).
QUOTED_ON = 4
# Words opening a subordinate clause: `because they`, `when she`.
SUBORDINATORS = frozenset(["when", "as", "after", "because", "while", "since", "before", "until", "although", "though"])


def plural_before(text: str, start: int, position: int) -> str | None:
    """The plural noun that a subordinate clause opening with `they` at ``position`` follows, in the
    sentence from ``start``: a kind of people (`analysts because they`) or a party or people
    (`Democrats, because they`), who `they` means; None when another word stands there.

    >>> text = "That frustrates many analysts because they believe it. The bill angered Democrats, as they said."
    >>> plural_before(text, 0, text.index("they")), plural_before(text, 55, text.rindex("they"))
    ('analysts', 'Democrats')
    >>> text = "The senator left when they called."
    >>> plural_before(text, 0, text.index("they")) is None
    True
    """
    before = text[max(start, position - 60) : position].split()
    if len(before) < 2 or before[-1].lower() not in SUBORDINATORS:
        return None
    noun = before[-2].rstrip(",")
    if plural_group(noun) or noun.islower() and lexicon.looks_plural(noun) and noun in lexicon.ROLE_NOUNS or noun == "people":
        return noun
    return None


def introduced_before(salience: Salience, gender: str, position: int, index: int) -> str | None:
    """The one person of ``gender`` named in the last sentence before sentence ``index`` that is not
    all quotation, when that sentence is about nobody `he` or `she` could mean: `McDonough answered a
    message from Wendy Sherman. “Wheels up,” she wrote.` is Sherman, not a woman quoted before.

    Only somebody named there in full for the first time, of a known gender, counts; not a name after a pronoun
    of that gender (`she thanked Ruiz`), nor one owning something (`Ruiz's plan`)."""
    resolver = salience.resolver
    starts, referents = resolver.discourse.starts, salience.referents()
    if gender not in ("male", "female") or index < 1:
        return None
    k = index - 1
    while k > max(-1, index - 1 - QUOTED_ON) and referents[k] is None and resolver.text[starts[k] : starts[k] + 1] in lexicon.QUOTE_MARKS:
        k -= 1  # `“Wheels up. Another miracle,” she wrote`: the sentences of the quotation
    subject = referents[k] if k >= 0 else None
    if subject is None and k >= 0 and resolver.text[starts[k] : starts[k] + 1] in lexicon.QUOTE_MARKS:
        return None
    start, end = starts[k], starts[k + 1] if k + 1 < len(starts) else len(resolver.text)
    # `One local resident, retired nurse Ana Ruiz, confronted them`: somebody new, named in apposition.
    apposed = _apposition_after(resolver.text, subject) if subject is not None and subject[1] == "role" else None
    if subject is not None and _may_mean(salience, subject, gender) and apposed is None:
        return None
    if apposed is not None:
        start, end = apposed
    pronoun = next((at for at, _ in _pronouns_in(resolver, start, end, gender)), end)
    named = _newcomers(salience, start, min(pronoun, position), gender) - salience._excluded
    return named.pop() if len(named) == 1 else None


def _newcomers(salience: Salience, start: int, stop: int, gender: str | None = None) -> set[str]:
    """The people brought in between ``start`` and ``stop``: named in full (`Wendy Sherman`) outside
    quotation marks for the first time, not talked about again (`forcing Sanders to`), not owning
    something (`Ruiz's plan`); only those known to be of ``gender``, if given."""
    resolver = salience.resolver
    return {
        person.name
        for person in resolver.people.values()
        if gender is None or person.gender == gender
        for at in person.mentions
        if start <= at < stop and not resolver.in_quote(at) and not _possessive_at(resolver.text, at)
        and resolver.text.startswith(person.name, at) and not any(before < start for before in person.mentions)
    }


_INDEFINITE = frozenset(["a", "an", "one", "another"])


def _apposition_after(text: str, subject: tuple[int, str, str | None]) -> tuple[int, int] | None:
    """Where the words set off by commas after an indefinite role subject are (`One local resident,
    retired nurse Ana Ruiz, confronted ...`): who that somebody is, if a name stands there.

    >>> text = "One local resident, retired nurse Ana Ruiz, confronted them."
    >>> _apposition_after(text, (0, "role", "One local resident"))
    (19, 42)
    >>> _apposition_after("The resident, Ana Ruiz, left.", (0, "role", "The resident")) is None
    True
    """
    words = (subject[2] or "").split()
    if not words or words[0].lower() not in _INDEFINITE:
        return None
    end = subject[0] + len(" ".join(words))
    match = re.match(r",((?:\s+[\w.’'-]+){1,6}),", text[end : end + 120])
    return (end + match.start(1), end + match.end(1)) if match else None


def _may_mean(salience: Salience, subject: tuple[int, str, str | None], gender: str) -> bool:
    """Whether a sentence's subject is somebody a pronoun of ``gender`` may mean: a person not known
    to be of the other gender, a role, a lone surname, a pronoun of that gender."""
    kind, name = subject[1], subject[2]
    if kind == "person":
        person = salience.resolver.people.get(name or "")
        return person is None or person.gender in (None, gender)
    if kind == "pronoun":
        return lexicon.PRONOUNS.get(name or "") == gender
    return kind in ("role", "surname")


def _pronouns_in(resolver: SpeakerResolver, start: int, end: int, gender: str) -> list[tuple[int, str]]:
    """(position, word) of the subject pronouns of ``gender`` between ``start`` and ``end``, outside quotes."""
    return [
        (start + match.start(), match.group())
        for match in re.finditer(r"\b[A-Za-z]+\b", resolver.text[start:end])
        if lexicon.PRONOUNS.get(match.group().lower()) == gender and not resolver.in_quote(start + match.start())
    ]


def _possessive_at(text: str, at: int) -> bool:
    """Whether the name at ``at`` owns what follows (`Ruiz's plan`, `Ann Lee’s brief`).

    >>> _possessive_at("Ann Lee’s brief", 0), _possessive_at("Ann Lee said", 0)
    (True, False)
    """
    name = re.match(r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*", text[at : at + 80])
    return name is not None and text[at + name.end() : at + name.end() + 1] in ("'", "’")


# How many sentences of narration after the last word about a pronoun's antecedent make a person
# named since, in any role, likelier (`... Mr. Sanders's proudest moments ... He was among 25 senators`).
_STALE = 3


def named_since(salience: Salience, gender: str, position: int, index: int, far: str | None) -> str | None:
    """``far``, the speaker or subject salience found, or the person of ``gender`` named outside
    quotation marks in the two sentences before sentence ``index`` when ``far`` was last named more
    than a few sentences back: `it is the losses that stand out for Mr. Sanders. He voted against ...`
    is Sanders, not a senator quoted paragraphs before. Only a gender the first name tells counts."""
    if far is None:
        return None
    resolver = salience.resolver
    sentence_at = resolver.discourse.sentence_at
    person = resolver.people.get(far)
    last = max((at for at in person.mentions if at < position), default=-1) if person is not None else -1
    starts, text = resolver.discourse.starts, resolver.text
    # Sentences of narration since then; those of a quotation going on (`“... .” “...”`) do not count.
    told = sum(1 for k in range(sentence_at(last) + 1, index) if text[starts[k] : starts[k] + 1] not in lexicon.QUOTE_MARKS)
    if gender not in ("male", "female") or told < _STALE:
        return far
    recent = [
        (at, other.name)
        for other in resolver.people.values()
        # The first name tells the gender (`Paul D. Ryan`): one learnt from pronouns may be wrong.
        if other.gender == gender and gender_of_first_name(other.name) == gender and other.name not in (far, *salience._excluded)
        for at in other.mentions
        if at < position and sentence_at(at) >= index - 2 and not resolver.in_quote(at)
    ]
    return max(recent)[1] if recent else far


# What somebody stands as, not a job: a `candidate` may be described as the senator or the governor.
_STANDINGS = frozenset(["candidate", "nominee", "contender", "hopeful", "challenger"])


def described_subject(salience: Salience, role: str, at: int) -> str | None:
    """Who a definite role opening a sentence at ``at`` means (`the Vermont senator`): the holder
    the resolver knows, unless the sentence before is about somebody else, a person of no other known
    job (a candidate may be a senator), and the holder is not named in the last three sentences; then
    that person, described anew (`Bernie Sanders is choosing not to respond. Instead, the Vermont
    senator is sticking to ...`)."""
    resolver = salience.resolver
    holder = resolver.resolve_role(role, at)
    index = resolver.discourse.sentence_at(at)
    words = role.split()
    if index < 1 or words[0].lower() != "the" or lexicon.looks_plural(words[-1].lower()):
        return holder
    before = salience.referents()[index - 1]
    person = resolver.people.get(before[2] or "") if before is not None and before[1] == "person" else None
    if person is None or person.name == holder or person.roles & lexicon.ROLE_NOUNS - lexicon.RELATION_NOUNS - _STANDINGS:
        return holder
    start = resolver.discourse.starts[max(0, index - 3)]
    holder_named = holder is not None and any(start <= mention < at for mention in resolver.people[holder].mentions) if holder in resolver.people else False
    return holder if holder_named else person.name


# `Trump and Lewandowski said`: two names joined by `and`, an optional adverb, and the next word.
_PAIR = re.compile(
    r"(?P<first>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)\s+and\s+(?P<second>(?:[A-Z][\w.’'-]*\s+)*[A-Z][\w’'-]*)\s+(?:(?:also|both|then|\w+ly)\s+)?(?P<verb>[a-z]+)\b"
)


def named_pair(salience: Salience, gender: str, index: int, named_groups: bool = True) -> str | None:
    """Two people joined by `and` as the subject of a clause in sentence ``index``, whom a `they`
    in the next sentence means when nothing else plural came before it: `The video contradicted what
    Trump and Lewandowski said. They had asserted ...`.

    >>> from quotetrack.resolve.outlets import Outlets
    >>> from quotetrack.resolve.speakers import SpeakerResolver
    >>> from quotetrack.extract.sentences import rule_analysis
    >>> text = "The video contradicted what Ann Lee and Tom Hale said. They had denied it."
    >>> sentences, entities = rule_analysis(text)
    >>> resolver = SpeakerResolver(text, sentences, entities, Outlets.load())
    >>> named_pair(resolver.salience, "plural", 0)
    'Ann Lee and Tom Hale'
    """
    resolver = salience.resolver
    if gender != "plural" or not named_groups or index < 0:
        return None
    subject = salience.referents()[index]
    if subject is not None and subject[1] in ("role", "other") and lexicon.looks_plural((subject[2] or "").split()[-1].lower() if subject[2] else ""):
        return None  # `Officials said Lee and Hale had agreed. They added`: the officials, unnamed
    starts, text = resolver.discourse.starts, resolver.text
    end = starts[index + 1] if index + 1 < len(starts) else len(text)
    for person in list(resolver.people.values()):
        for at in person.mentions:
            pair = _PAIR.match(text, at, end) if starts[index] <= at < end and not resolver.in_quote(at) else None
            if pair is None or not (pair.group("verb") in lexicon.CUE_FORMS or pair.group("verb") in lexicon.AUXILIARIES):
                continue
            first, second = (resolver.fullest(clean_name(pair.group(part))) for part in ("first", "second"))
            if first and second and first != second:
                return f"{first} and {second}"
    return _exchange(salience, index)


def _exchange(salience: Salience, index: int) -> str | None:
    """The two people who spoke, one after the other, in sentence ``index`` and the one before it,
    when those sentences are about nobody else: `“We will win this,” Ortiz said. Kell answered,
    “Not without the unions.” They spoke for an hour ...`."""
    resolver = salience.resolver
    referents = salience.referents()
    sentence_at = resolver.discourse.sentence_at
    said = [(at, name) for at, name, kind in resolver.said[-2:] if kind == "person" and index - 1 <= sentence_at(at) <= index]
    if len(said) < 2 or said[0][1] == said[1][1]:
        return None
    for k in (index - 1, index):
        referent = referents[k] if k >= 0 else None
        if referent is not None and referent[1] not in ("person", "surname"):
            return None
    return f"{said[0][1]} and {said[1][1]}"


_UNNAMED = {
    "female": re.compile(r"(?<!\bas )\b(?:a|an|the|one)\s+(?:[a-z-]+\s+)?(?:woman|mother|wife|daughter|girl|sister|lady|grandmother)\b(?!['’]|,?\s+[A-Z])"),
    "male": re.compile(r"(?<!\bas )\b(?:a|an|the|one)\s+(?:[a-z-]+\s+)?(?:man|father|husband|son|boy|brother|gentleman|grandfather)\b(?!['’]|,?\s+[A-Z])"),
}


def unnamed_antecedent(salience: Salience, gender: str, position: int, index: int) -> bool:
    """Whether somebody unnamed of ``gender`` (`a woman`, `the father`) is brought in between the
    sentence before ``position`` and it, outside quotation marks: the `she` after it is that somebody;
    not one said of somebody (`as a girl`)."""
    pattern = _UNNAMED.get(gender)
    resolver = salience.resolver
    before = salience.referents()[index - 1] if index > 0 else None
    if pattern is None or index < 0 or before is not None and before[1] == "pronoun" and lexicon.PRONOUNS.get(before[2] or "") == gender:
        return False  # `She trained there as a girl.`: the sentence before goes on about the one she means
    start = resolver.discourse.starts[max(0, index - 1)]
    if before is not None and before[1] == "role" and (before[2] or "").lower().split()[0] in ("a", "an", "one", "another"):
        # `A reporter for the agency called it chaos. “...,” he said.`: that reporter, unless the
        # sentence names somebody else (`A reporter asked Sanders ... He replied`).
        return not any(start <= at < position for person in resolver.people.values() for at in person.mentions)
    return any(not resolver.in_quote(start + match.start()) for match in pattern.finditer(resolver.text[start:position]))


def common_singular(phrase: str | None) -> bool:
    """Whether a subject is a thing named by a singular common noun (`The Ontario case`), which an
    `it` right after may mean; not a name (`Post`) nor a plural (`Prices`).

    >>> [common_singular(phrase) for phrase in ("The Ontario case", "Post", "Prices", None)]
    [True, False, False, False]
    """
    head = (phrase or "").split()[-1:]
    return bool(head) and head[0].isalpha() and head[0].islower() and not lexicon.looks_plural(head[0])
