"""Pattern NER for the model-free engine: names from capitalisation, titles and word lists.

>>> find_entities("Kremlin spokesman Dmitry Peskov told the TASS news agency".split())
[(0, 0, 'ORG'), (2, 3, 'PERSON'), (6, 6, 'ORG')]
"""

from __future__ import annotations

import re
from itertools import compress

from .. import lexicon
from ..resolve.outlets import Outlets
from ..resources import word_list

# Lowercase words joining capitalised ones into one name: "Bank of England", "Ursula von der Leyen".
_CONNECTORS = word_list("name_connectors")
# Lowercase particles inside a person's name, possibly several in a row: "Ursula von der Leyen".
_PARTICLES = word_list("name_particles")
# A word of letters (any script, accents decomposed or mis-decoded: `PeÃ±a`), digits, apostrophes,
# full stops and hyphens; its case is checked apart.
_WORD = re.compile(r"^[^\W\d_][\w\u0300-\u036f\u0080-\u00bf'’.-]*$")
# Brand names written in camel case: "eMarketer", "iHeartMedia".
_CAMEL = re.compile(r"^[a-z]{1,2}[A-Z][\w'’-]+$")


def _capitalised(word: str) -> bool:
    """True for a word that may be part of a name: `Łukasz`, `NATO`, `eMarketer`, `al-Baghdadi`.

    >>> [_capitalised(word) for word in ("Łukasz", "Ångström", "eMarketer", "al-Baghdadi", "the", "The")]
    [True, True, True, True, False, False]
    """
    if word.islower() or word in lexicon.CAPITALISED_FUNCTION_WORDS:
        return False  # most words, in lower case through and through, first
    particle, hyphen, rest = word.partition("-")
    if hyphen and particle in _PARTICLES and rest[:1].isupper():
        return True  # `al-Baghdadi`, `bin-Laden`: a particle joined to the name
    return is_name_word(word)


class _Remembered(dict[str, bool]):
    """:func:`_capitalised` of every word asked so far. It is asked of every word, often many times
    (the vocabulary of news repeats); as a dict, ``map(_is_capitalised, words)`` reads a sentence's
    known words without running Python code for any.

    >>> _Remembered()["NATO"]
    True
    """

    def __missing__(self, word: str) -> bool:
        if len(self) >= 1 << 16:
            self.clear()  # a long run meets ever new words; forget them all now and then
        capitalised = self[word] = _capitalised(word)
        return capitalised


_is_capitalised = _Remembered().__getitem__


def is_name_word(word: str) -> bool:
    """True for a capitalised word in any script or a camel-case brand: `Łukasz`, `eMarketer`."""
    return bool(_WORD.match(word)) and word[0].isupper() or bool(_CAMEL.match(word))


def opening_modifier(word: str) -> bool:
    """`Understated`, `Appearing`, `Usually` opening a sentence: an adjective or adverb, not a first name."""
    lower = word.lower()
    if lexicon.is_first_name(word):
        return False
    return (lower.endswith("ing") and len(lower) > 5) or (lower.endswith("ly") and len(lower) > 4) or (lower.endswith("ed") and len(lower) > 6)


def _particles_then_name(words: list[str], j: int) -> int:
    """How many name particles start at ``j`` and lead to a capitalised word: `von der` (2) in
    `Ursula von der Leyen`; 0 when none do."""
    k = j
    while k < len(words) and k - j < 3 and words[k] in _PARTICLES:
        k += 1
    return k - j if k > j and k < len(words) and _is_capitalised(words[k]) else 0


def _name_inside_run(words: list[str], j: int, first: int) -> bool:
    """A capitalised function word ending a name, `Kim An`, `Nguyen Van An`: after a capitalised
    word mid-sentence and before a lowercase word or punctuation."""
    word = words[j]
    return (
        j > first
        and len(word) > 1
        and word in lexicon.CAPITALISED_FUNCTION_WORDS
        and word.istitle()
        and (j + 1 == len(words) or not words[j + 1][:1].isupper())
    )


def _is_title(word: str) -> bool:
    return word.lower() in lexicon.TITLES and word[0].isupper()


# Adjectives before a role that open a sentence, capitalised: `Former Obama adviser ...`, `Longtime Cruz aide ...`.
_OPENING_MODIFIERS = frozenset(["Former", "Then", "Ex", "Longtime", "Veteran", "Retired", "Outgoing"])
# Lowercase words a person's name may stand before: `New York Knicks owner ... said`, `who`.
_AFTER_NAME = frozenset(["said", "says", "told", "who", "and", "was", "is", "has", "had", "will", "would"])
# Words before a title that are not part of the name: "Vice President", "Foreign Minister".
_TITLE_PREFIXES = word_list("title_prefixes")
_PLACE_PREFIXES = word_list("place_prefixes")


# The first words of the places and demonyms: no place starts with another word.
_PLACE_OPENINGS = frozenset(place.split(" ", 1)[0] for place in lexicon.PLACES | lexicon.DEMONYMS | lexicon.MULTIWORD_PLACES)


def _place_before_title(span: list[str], k: int) -> int:
    """How many words of place stand at ``k`` before a title: `Pennsylvania Gov. Ed Rendell` (1),
    `New Jersey Gov. Chris Christie` (2); 0 when none."""
    if span[k] not in _PLACE_OPENINGS:
        return 0
    for width in (1, 2, 3):
        place = " ".join(span[k : k + width])
        is_place = place in lexicon.PLACES or place in lexicon.DEMONYMS or place in lexicon.MULTIWORD_PLACES
        after = k + width
        if is_place and after < len(span) - 1 and (_is_title(span[after]) or span[after] in _TITLE_PREFIXES):
            return width
    return 0


def _title_case(alphabetic: list[str]) -> bool:
    """A Title Case headline: most words capitalised and hardly a lowercase content word. A
    sentence crowded with names still has its verb and nouns in lower case.

    >>> _title_case("Minister Vows To Rebuild Harbor By Spring".split())
    True
    >>> _title_case("Foreign Minister Ann Lee met Turkish officials in Ankara on Monday".split())
    False
    """
    # Title Case leaves only short words (`the`, `on`, `by`) in lower case: prose fails this first.
    if len(alphabetic) < 4 or any(word.islower() and len(word) >= 4 for word in alphabetic):
        return False
    return sum(word[0].isupper() for word in alphabetic) >= 0.6 * len(alphabetic)


def find_entities(words: list[str], known_people: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """(first, last, label) spans of names in one sentence's words, label PERSON/ORG/GPE/MISC."""
    outlets = Outlets.load()
    entities: list[tuple[int, int, str]] = []
    count = len(words)
    capitalised = list(map(_is_capitalised, words))
    headline: bool | None = None  # a Title Case headline? Asked only of a sentence naming a person
    resume = 0  # words before it are read
    # Most words are in lower case or punctuation: no name starts there.
    for i in compress(range(count), capitalised):
        if i < resume:
            continue
        word = words[i]
        if (word.lower() in lexicon.CUE_FORMS or (i == 0 and opening_modifier(word))) and i + 1 < count and capitalised[i + 1]:
            continue  # `Said Ellis, ...`, `Understated Perez ...`: capitalised as the sentence's first word
        first = i
        last = i
        j = i + 1
        while j < count:
            following = words[j]
            if capitalised[j] or (following.endswith(".") and len(following) == 2 and following[0].isupper()):
                last = j
                j += 1
            elif following in lexicon.CAPITALISED_FUNCTION_WORDS and _name_inside_run(words, j, first):
                last = j
                j += 1
                break
            elif following in _PARTICLES and (particles := _particles_then_name(words, j)):
                j += particles
            elif following in _CONNECTORS and j + 1 < count and capitalised[j + 1] and following != "the" or (
                following == "the" and j > first and words[j - 1] in ("of", "for") and j + 1 < count and capitalised[j + 1]
            ):
                j += 1
            else:
                break
        for entity in _label_run(words, first, last, outlets, known_people):
            if entity[2] == "PERSON":
                if headline is None:
                    headline = _headline(words)
                if headline and not _known_name(words[entity[0] : entity[1] + 1], known_people):
                    # Title Case headlines make every word look like a name.
                    entity = (entity[0], entity[1], "MISC")
            entities.append(entity)
        resume = last + 1
    return entities


def _headline(words: list[str]) -> bool:
    """Whether a sentence's words are a Title Case headline (:func:`_title_case` of its words of letters).

    >>> _headline("Minister Vows To Rebuild Harbor , Ann Lee Says".split()), _headline("Ann Lee met officials .".split())
    (True, False)
    """
    # Prose has a lowercase word of four letters or more, mostly among its first few: no headline.
    for word in words:
        if len(word) >= 4 and word.islower() and word[:1].isalpha():
            return False
    return _title_case([word for word in words if word[:1].isalpha()])


def _label_run(
    words: list[str], first: int, last: int, outlets: Outlets, known_people: frozenset[str]
) -> list[tuple[int, int, str]]:
    if first == last and words[first] not in outlets._exact:
        return [(first, last, _label_word(words[first], known_people))]  # most names, `Obama`, `Senate`
    span = words[first : last + 1]
    if span[0] in _OPENING_MODIFIERS and len(span) > 1 and not _is_title(span[1]) and span[1] not in _TITLE_PREFIXES:
        # `Former Obama adviser David Axelrod`: the adjective is capitalised only as the sentence's first word.
        return _label_run(words, first + 1, last, outlets, known_people)
    if _opening_noun_before_name(words, first, last):
        # `Billionaire Mark Cuban said`, `Actress Jamie Lee Curtis`: a noun capitalised as the sentence's first word.
        return [(first, first, "MISC")] + _label_run(words, first + 1, last, outlets, known_people)
    text = " ".join(span)
    # Titles and role words before a name ("Kremlin spokesman Dmitry Peskov", "Sen. Ted Cruz") are not the name.
    titled = False
    k = 0
    while k < len(span) - 1 and (_is_title(span[k]) or span[k] in _TITLE_PREFIXES or _place_before_title(span, k)):
        if _is_title(span[k]):
            titled = True
        k += _place_before_title(span, k) or 1
        if titled and k < len(span) - 2 and span[k] == "of":
            k += 2  # `Secretary of State John Kerry`
    if titled and k < len(span) and span[k][0].isupper():
        rest = span[k:]
        if "of" in rest[1:]:
            # `Sen. Tom Brandt of Iowa`: the place is not part of the name.
            last = first + k + rest.index("of") - 1
            rest = rest[: rest.index("of")]
        if not any(word in lexicon.ORG_WORDS for word in rest):
            return [(first + k, last, "PERSON")]
    titled_name = _last_title_before_name(span)
    if titled_name is not None:
        # `Fisheries Minister Jane Roe`, `Lake County District Attorney Tom Hill`: the words before
        # the title say where or what, the name follows it (and may be followed by `of` a place).
        title, name_first, name_last = titled_name
        prefix = span[:title]
        place = " ".join(prefix) in lexicon.MULTIWORD_PLACES or prefix[-1] in lexicon.PLACES
        is_org = any(word in lexicon.ORG_WORDS for word in prefix) or outlets.canonical(" ".join(prefix))
        label = "ORG" if is_org else "GPE" if place else "MISC"
        found = [(first, first + title - 1, label), (first + name_first, first + name_last, "PERSON")]
        if name_last + 2 < len(span):  # `Caucus Chairman J.R. Tolliver of West Virginia`
            where = span[name_last + 2 :]
            found.append((first + name_last + 2, last, "GPE" if " ".join(where) in lexicon.MULTIWORD_PLACES or where[-1] in lexicon.PLACES else "ORG"))
        return found
    first_name = lexicon.is_first_name(span[0])
    if (text in outlets._exact or (len(span) > 1 and not first_name)) and outlets.canonical(text):
        # `Tim Fox` is a person whose surname is an outlet's short name; `Fox News` is the outlet.
        before = words[first - 1].lower() if first > 0 else ""
        described = before in lexicon.ROLE_NOUNS or before in lexicon.TITLES or words[last + 1 : last + 3] in ([",", "the"], [",", "a"], [",", "an"], [",", "who"])
        person = _person_around_outlet(span, outlets, described)
        if person is not None:
            return [(first, first + person - 1, "ORG")] * (person > 0) + [(first + person, last, "PERSON")]
        return [(first, last, "ORG")]
    # A place of two or three words before one more word.
    place_width = len(span) - 1 if len(span) in (3, 4) and " ".join(span[:-1]) in lexicon.MULTIWORD_PLACES else 0
    if place_width and last + 1 < len(words) and words[last + 1].islower() and words[last + 1] not in _AFTER_NAME:
        # `a fellow New Hampshire Sanders veteran`: a place and a surname modifying a noun, no person `New Hampshire Sanders`.
        return [(first, first + place_width - 1, "GPE")] + _label_run(words, first + place_width, last, outlets, known_people)
    org_word = not lexicon.ORG_WORDS.isdisjoint(span)
    if text in lexicon.MULTIWORD_PLACES or (span[-1] in lexicon.PLACES or span[0] in _PLACE_PREFIXES and len(span) > 1) and not org_word:
        return [(first, last, "GPE")]
    person_of = _person_of(span) if "of" in span else 0
    if person_of:
        # `David Woodard of Clemson University`: a person, then where they are from.
        return [(first, first + person_of - 1, "PERSON"), (first + person_of + 1, last, "ORG")]
    if org_word or (len(span) == 1 and span[0].isupper() and len(span[0]) > 1):
        return _split_org_then_person(words, first, last, outlets, known_people)
    if len(span) == 1:
        if text in lexicon.DEMONYMS:
            return [(first, last, "MISC")]
        if text in known_people or lexicon.is_first_name(text):
            return [(first, last, "PERSON")]
        return [(first, last, "MISC")]
    if span[0] in lexicon.DEMONYMS and len(span) >= 3 and all(_is_capitalised(word) for word in span[1:]):
        return [(first, first, "MISC"), (first + 1, last, "PERSON")]  # `Democrat Jane Roe`, `Polish Łukasz Kowalski`
    if len(span) == 2 and (span[0] in lexicon.DEMONYMS or span[0] in lexicon.PLACES):
        return [(first, last, "MISC")]
    # `Twitter`, `Telegram`: no person's name ends in a platform's, unless it opens with a first name.
    if span[-1] in lexicon.SOCIAL_PLATFORMS and len(span[-1]) > 2 and not _known_name(span, frozenset()):
        return [(first, last, "MISC")]  # `Wilayat Twitter`, `Russian Telegram`: a platform's corner, not a person
    if span[-1] in _WEEKDAYS and not _known_name(span, frozenset()):
        return [(first, last, "MISC")]  # `Super Tuesday`, `Black Friday`: a day, not a person
    if _adjective_demonym(span[-1]) and span[-1] not in known_people and not _known_name(span, frozenset()) and not _known_name(span[-2:-1], frozenset()):
        # `Presumptive Democratic presidential nominee ...`: no name ends in an adjective, but one
        # right after a first name is a surname (`Billionaire Mark Cuban`).
        return [(first, last, "MISC")]
    if "of" in span[1:-1] and all(word[0].isupper() for word in span[: span.index("of")]):
        # `Sen. Tom Brandt of Iowa`: the place is not part of the name.
        cut = span.index("of")
        if 2 <= cut <= 4:
            return [(first, first + cut - 1, "PERSON")]
    if all(_is_capitalised(word) or word in _PARTICLES or word in lexicon.CAPITALISED_FUNCTION_WORDS for word in span) and len(span) - _count_particles(span) <= 4:
        return [(first, last, "PERSON")]
    return [(first, last, "MISC")]


def _label_word(word: str, known_people: frozenset[str]) -> str:
    """The label :func:`_label_run` gives a name of one word that is no outlet's, in fewer steps.

    >>> [_label_word(word, frozenset()) for word in ("Ohio", "NATO", "Senate", "Iraqi", "Ana", "Obama")]
    ['GPE', 'ORG', 'ORG', 'MISC', 'PERSON', 'MISC']
    """
    if word in lexicon.MULTIWORD_PLACES or word in lexicon.PLACES and word not in lexicon.ORG_WORDS:
        return "GPE"
    if word in lexicon.ORG_WORDS or (word.isupper() and len(word) > 1):
        return "ORG"
    if word in lexicon.DEMONYMS:
        return "MISC"
    return "PERSON" if word in known_people or lexicon.is_first_name(word) else "MISC"


# Words that go on an outlet's name (`BBC Radio`, `Nikkei Asia`, `Fox News Sunday`) rather than a person's.
_OUTLET_NAME_WORDS = word_list("outlet_name_words") | {"News", "Radio", "Television", "TV", "Online", "Digital", "International", "Weekly", "Daily"}


def _person_around_outlet(span: list[str], outlets: Outlets, described: bool) -> int | None:
    """Where a person's name starts in a run that only contains an outlet's name: `Vicente Fox`,
    `Politico Sarah Osei` (1: an outlet's journalist); None when the run names the outlet (`Fox
    News Sunday`, `Nikkei Asia`, `BBC Radio`). An outlet's name before one more word (`Dawn
    Richards`, but `Bloomberg Politics`) is a person's only when ``described`` as one (`coach Dawn
    Richards`, `Dawn Richards, the union's president`).

    >>> outlets = Outlets.load()
    >>> [_person_around_outlet(run.split(), outlets, False) for run in ("Vicente Fox", "Dawn Richards", "Politico Sarah Osei", "Fox News Sunday", "Nikkei Asia")]
    [0, None, 1, None, None]
    >>> _person_around_outlet(["Dawn", "Richards"], outlets, True)
    0
    """
    if outlets.canonical(" ".join(span), search=False) or len(span) > 4:
        return None
    found = outlets.find(" ".join(span))
    if len(found) != 1:
        return None
    _, start, end = found[0]
    before = " ".join(span)[:start].split()
    after = " ".join(span)[end:].split()
    if before and after or not (before or after):
        return None
    others = before or after
    if any(word in _OUTLET_NAME_WORDS or word in lexicon.PLACES or word in lexicon.DEMONYMS or word in lexicon.ORG_WORDS
           or word.lower() in lexicon.TITLES or word.isupper() or not _is_capitalised(word) for word in others):  # fmt: skip
        return None
    if after and not described and (len(after) == 1 or not lexicon.is_first_name(after[0])):
        return None  # `Bloomberg Politics`, `Politico New York`: the outlet's section or edition
    if after and len(after) >= 2:
        return len(span) - len(after)  # `Politico Sarah Osei`: the outlet, then its journalist
    return 0


def _last_title_before_name(span: list[str]) -> tuple[int, int, int] | None:
    """Index of the last title in ``span`` when words stand before it and a name of one to four
    words follows, with the name's first and last index: (1, 2, 3) in `Springfield Mayor Bill Cho`;
    a title may go on with `of` what (`Supervisor of Elections`) and the name be followed by `of`
    where; None in `General Electric` (an organisation).

    >>> [_last_title_before_name(run.split()) for run in ("Springfield Mayor Bill Cho", "CBC Chairman Al Bell of North Carolina", "General Electric")]
    [(1, 2, 3), (1, 2, 3), None]
    >>> _last_title_before_name("Polk County Commissioner of Roads Ana Ruiz".split())
    (2, 5, 6)
    """
    for t in range(len(span) - 2, 0, -1):
        if _is_title(span[t]):
            after = t + 1
            if span[after] == "of" and after + 2 < len(span):
                # `Commissioner of Roads Ana Ruiz`: the title goes on to what it is of, up to a first name.
                after = next((j for j in range(after + 2, len(span) - 1) if _known_name([span[j]], frozenset())), after + 2)
            rest = span[after:]
            if "of" in rest[1:-1]:
                rest = rest[: rest.index("of")]  # `Al Bell of North Carolina`: the place is not the name
            is_name = 0 < len(rest) - _count_particles(rest) <= 4 and all(_is_capitalised(word) or word in _PARTICLES for word in rest)
            if is_name and not any(word in lexicon.ORG_WORDS or word in lexicon.PLACES for word in rest) and rest[0] not in _TITLE_PREFIXES:
                return t, after, after + len(rest) - 1
            return None
    return None


_WEEKDAYS = frozenset(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])


def _adjective_demonym(word: str) -> bool:
    """`Democratic`, `Mexican`, `Japanese`, `Iraqi`: a demonym or party used as an adjective,
    which ends no person's name after a word that is not a first name (`Mark Cuban` is a name;
    `English`, `French` and `Christian` are surnames too).

    >>> [_adjective_demonym(word) for word in ("Democratic", "Mexican", "Iraqi", "English", "Christian", "Jordan")]
    [True, True, True, False, False, False]
    """
    return (
        word in lexicon.DEMONYMS
        and word.endswith(("ic", "an", "ese", "i"))
        and not lexicon.is_first_name(word)
    )


def _opening_noun_before_name(words: list[str], first: int, last: int) -> bool:
    """A capitalised word opening the sentence before a first name and a surname, itself no name,
    place, title or organisation word: `Billionaire` in `Billionaire Mark Cuban said`.

    >>> [_opening_noun_before_name(text.split(), 0, 2) for text in ("Billionaire Mark Cuban", "Ben Carson Jr.", "Texas Ann Lee", "J. Gerald Hebert")]
    [True, False, False, False]
    """
    opens = first == 0 or not words[first - 1][:1].isalnum()
    if not opens or last - first < 2 or not _known_name(words[first + 1 : first + 2], frozenset()):
        return False
    word = words[first]
    return (
        word.istitle()
        and word.isalpha()
        and len(word) > 2  # `J. Gerald Hebert`, `I. Charles McCullough`: an initial
        and not _known_name([word], frozenset())
        and word not in lexicon.PLACES
        and word not in lexicon.DEMONYMS
        and word not in lexicon.ORG_WORDS
        and word not in _PARTICLES
        and word.lower() not in lexicon.TITLES
        and word not in _TITLE_PREFIXES
    )


def _person_of(span: list[str]) -> int:
    """Where `of` cuts a run into a person's name and the organisation they belong to: 2 in
    `David Woodard of Clemson University`; 0 when the words before `of` are no person's name
    (`Bank of America`, `Friends of the Earth`, `Lady Justice of the Court`).

    >>> [_person_of(run.split()) for run in ("David Woodard of Clemson University", "Ann Lee of the Refugee Council", "Bank of America", "Frank Zhou Institute of Finance")]
    [2, 2, 0, 0]
    >>> [_person_of(run.split()) for run in ("Meenakshi Ganguly of Human Rights Watch", "Lady Justice of the Court", "Texas Rangers of the League")]
    [2, 0, 0]
    """
    if "of" not in span[2:-1]:
        return 0
    cut = span.index("of")
    name, rest = span[:cut], span[cut + 1 :]
    # A first name the lists lack (`Meenakshi Ganguly of Human Rights Watch`) still opens two words of name.
    named = lexicon.is_first_name(name[0]) or cut == 2 and not any(word in lexicon.PLACES or word in lexicon.DEMONYMS for word in name)
    if not 2 <= cut <= 4 or not named or any(word in lexicon.ORG_WORDS or word.lower() in lexicon.TITLES for word in name):
        return 0
    return cut if any(word in lexicon.ORG_WORDS for word in rest) else 0


def _count_particles(span: list[str]) -> int:
    return sum(word in _PARTICLES for word in span)


def _split_org_then_person(
    words: list[str], first: int, last: int, outlets: Outlets, known_people: frozenset[str]
) -> list[tuple[int, int, str]]:
    """'Kremlin spokesman'-style prefixes: "Kremlin Dmitry Peskov" is rare, but "FBI Director James Comey"
    is common; so are "RNC Chief of Staff Katie Walsh" and "House Republican Thomas Massie".

    >>> words = "RNC Chief of Staff Katie Walsh".split()
    >>> _split_org_then_person(words, 0, 5, Outlets.load(), frozenset())
    [(0, 0, 'ORG'), (4, 5, 'PERSON')]
    >>> _split_org_then_person("UMWA Director of Government Affairs Phil Smith".split(), 0, 6, Outlets.load(), frozenset())
    [(0, 0, 'ORG'), (5, 6, 'PERSON')]
    >>> words = "House Republican Thomas Massie".split()
    >>> _split_org_then_person(words, 0, 3, Outlets.load(), frozenset())
    [(0, 0, 'ORG'), (1, 1, 'MISC'), (2, 3, 'PERSON')]
    """
    span = words[first : last + 1]
    for k in range(1, len(span)):
        if _is_title(span[k]) and k + 1 < len(span):
            after = k + 1
            if span[after] == "of" and after + 2 < len(span):
                # `Chief of Staff Katie Walsh`, `Director of Government Affairs Phil Smith`: the title
                # goes on to what it is of, up to a first name (or one word when none is known).
                after = next((j for j in range(after + 2, len(span) - 1) if _known_name([span[j]], frozenset())), after + 2)
            rest = span[after:]
            if not any(word in lexicon.ORG_WORDS for word in rest):
                return [(first, first + k - 1, "ORG"), (first + after, last, "PERSON")]
        if span[k] in lexicon.DEMONYMS and 2 <= len(span) - k - 1 <= 3 and _known_name(span[k + 1 :], frozenset()):
            # `House Republican Thomas Massie`: a member of the party or nation, then the name.
            return [(first, first + k - 1, "ORG"), (first + k, first + k, "MISC"), (first + k + 1, last, "PERSON")]
    return [(first, last, "ORG")]


def _known_name(words: list[str], known_people: frozenset[str]) -> bool:
    return lexicon.is_first_name(words[0]) or words[-1] in known_people
