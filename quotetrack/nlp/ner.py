"""Pattern NER over a whole article: the entities of :mod:`.entities` as BIOES tags per token.

The rules engine reads the tags directly (:func:`quotetrack.extract.sentences.rule_analysis`);
:mod:`.stanza_rules` puts the same tags on a stanza Document for the "quotetrack_ner" processor.

>>> tags = entity_tags([["Sen.", "Ted", "Cruz", "met", "Cruz", "."]])
>>> tags
[['O', 'B-PERSON', 'E-PERSON', 'O', 'S-PERSON', 'O']]
>>> decode_tags(tags[0])
[(1, 2, 'PERSON'), (4, 4, 'PERSON')]
"""

from __future__ import annotations

from collections.abc import Container
from itertools import chain

from .. import lexicon
from ..resources import word_list
from .entities import find_entities

NER_NAME = "quotetrack_ner"

__all__ = ["NER_NAME", "decode_tags", "entity_spans", "entity_tags", "span_tags"]


def entity_tags(words_by_sentence: list[list[str]]) -> list[list[str]]:
    """BIOES tags (PERSON, ORG, GPE, MISC) for the words of each sentence of one article."""
    return [span_tags(len(words), entities) for words, entities in zip(words_by_sentence, entity_spans(words_by_sentence))]


def entity_spans(words_by_sentence: list[list[str]]) -> list[list[tuple[int, int, str]]]:
    """(first, last, label) of the entities of each sentence of one article, which
    :func:`span_tags` writes as tags: in order and apart, they are what ``decode_tags`` reads back.

    >>> entity_spans([["Sen.", "Ted", "Cruz", "met", "Cruz", "."]])
    [[(1, 2, 'PERSON'), (4, 4, 'PERSON')]]
    """
    found = [find_entities(words) for words in words_by_sentence]
    lowercase = _LowercaseWords(words_by_sentence)
    # The words before each capitalised last word of a person's name in the article: `de` and `De`
    # before `Blasio` (only those are looked up, by trim_opening_word).
    surnames = {words[last] for words, entities in zip(words_by_sentence, found) for _, last, label in entities
                if label == "PERSON" and words[last][:1].isupper()}
    openings: dict[str, set[str]] = {}
    for words in words_by_sentence:
        # Found by the list's own search: a sentence has a few dozen words and a surname or two.
        for surname in surnames.intersection(words):
            before = openings.setdefault(surname, set())
            k = -1
            for _ in range(words.count(surname)):
                k = words.index(surname, k + 1)
                before.add(words[k - 1] if k else "")
    found = [[trim_opening_word(words, entity, lowercase, openings) for entity in entities] for words, entities in zip(words_by_sentence, found)]
    # A lone surname is a person once the article has named someone by it in full.
    known_people = {
        words[last] for words, entities in zip(words_by_sentence, found) for first, last, label in entities
        if label == "PERSON" and last > first
    }
    titled = titled_surnames(words_by_sentence, found)
    places = places_named(words_by_sentence, found) | institution_openings(words_by_sentence, found)
    labelled = []
    for words, entities in zip(words_by_sentence, found):
        spans = []
        for first, last, label in entities:
            if label == "MISC" and first == last and (words[first] in known_people or words[first] in titled and acts_alone(words, first)):
                label = "PERSON"
            if label == "PERSON" and tuple(words[first : last + 1]) in places:
                label = "GPE"
            spans.append((first, last, label))
        labelled.append(spans)
    return labelled


class _LowercaseWords:
    """The words of an article written in lower case, gathered only when first asked about (few
    articles open a sentence with a person's name that is also written after other words).

    >>> "maybe" in _LowercaseWords([["Maybe", "so", "."], ["maybe", "not"]]), "so" in _LowercaseWords([["So"]])
    (True, False)
    """

    def __init__(self, words_by_sentence: list[list[str]]):
        self._sentences = words_by_sentence
        self._words: set[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self._words is None:
            self._words = set(filter(str.islower, chain.from_iterable(self._sentences)))
        return word in self._words


def span_tags(count: int, entities: list[tuple[int, int, str]]) -> list[str]:
    """BIOES tags of ``count`` words with these (first, last, label) entities (a later one
    overwrites an earlier one's words).

    >>> span_tags(5, [(0, 2, "ORG"), (4, 4, "GPE")])
    ['B-ORG', 'I-ORG', 'E-ORG', 'O', 'S-GPE']
    """
    tags = ["O"] * count
    for first, last, label in entities:
        if first == last:
            tags[first] = f"S-{label}"
        else:
            tags[first] = f"B-{label}"
            for k in range(first + 1, last):
                tags[k] = f"I-{label}"
            tags[last] = f"E-{label}"
    return tags


# Marks after which a word is capitalised for opening a sentence or quotation, not for being a name.
_OPENERS = frozenset(["“", "‘", '"', "'", "''", "(", "—", "–", "--", ":"])
# `Drew`, `Grant`, `Pat`: given names spelt like English words, never cut as a sentence's opening word.
_WORD_FIRST_NAMES = word_list("word_first_names")
# Lowercase ends of a capitalised compound that describe somebody: `Oscar-winner`, `Korean-born`, `Harvard-educated`.
_DESCRIBING_ENDS = ("er", "ing", "ed", "born", "based", "led", "run", "era", "backed")


def trim_opening_word(
    words: list[str], entity: tuple[int, int, str], lowercase: Container[str], openings: dict[str, set[str]]
) -> tuple[int, int, str]:
    """A person's name without the words capitalised only for opening the sentence, which the
    article writes in lower case elsewhere (`Maybe Trump`, `De Blasio`, `Actress Ana Ruiz` where it
    also says `maybe`, `de`, `actress`), when the article writes the surname after some other word too (``openings``: the words before
    each capitalised word, `Donald` before `Trump`), so that `Win Htein` keeps his name; and
    without a describing compound and what stands before it (`Liberal Oscar-winner Sarandon`).

    >>> trim_opening_word(["Maybe", "Trump", "said", "so"], (0, 1, "PERSON"), {"maybe", "said"}, {"Trump": {"Donald", "Maybe", "said"}})
    (1, 1, 'PERSON')
    >>> trim_opening_word(["Win", "Htein", "said", "so"], (0, 1, "PERSON"), {"win", "said"}, {"Htein": {"Win"}})
    (0, 1, 'PERSON')
    """
    first, last, label = entity
    if label != "PERSON":
        return entity
    described = next((k for k in range(last - 1, first - 1, -1) if _describing(words[k])), None)
    if described is not None:
        return (described + 1, last, label)  # `Liberal Oscar-winner Sarandon`: the name follows the description
    if first > 0 and words[first - 1] not in _OPENERS:
        return entity
    if not openings.get(words[last], set()) - {words[last - 1]}:
        return entity  # `Win Htein`, only ever written so, keeps his name
    while last > first:
        word = words[first]
        if lexicon.is_first_name(word) or word in _WORD_FIRST_NAMES or word.lower() not in lowercase:
            break
        first += 1
    return (first, last, label)


def _describing(word: str) -> bool:
    """A capitalised compound describing somebody: `Oscar-winner`, `Korean-born`, `Texas-based`;
    not a hyphenated name (`Jean-Pierre`, `Ban Ki-moon`).

    >>> [_describing(word) for word in ("Oscar-winner", "Korean-born", "Jean-Pierre", "Ki-moon")]
    [True, True, False, False]
    """
    _, hyphen, tail = word.partition("-")
    return bool(hyphen) and tail.islower() and tail.endswith(_DESCRIBING_ENDS) and len(tail) > 3


def titled_surnames(words_by_sentence: list[list[str]], found: list[list[tuple[int, int, str]]]) -> set[str]:
    """One-word names the article gives after a title (`President Obama`, `Mrs. Merkel`): the
    surname of someone it never names in full.

    >>> titled_surnames([["President", "Obama", "spoke", "."]], [[(1, 1, "PERSON")]])
    {'Obama'}
    """
    return {
        words[first] for words, entities in zip(words_by_sentence, found) for first, last, label in entities
        if label == "PERSON" and first == last and first > 0 and words[first - 1].lower() in lexicon.TITLES
    }


# What may follow a surname standing for its bearer: punctuation, `who`, `and`, a verb.
_AFTER_PERSON = frozenset([",", ".", ";", ":", ")", "!", "?", "who", "and", "--", "—", "–"]) | lexicon.QUOTE_MARKS


def acts_alone(words: list[str], k: int) -> bool:
    """Whether the surname at ``k`` stands for its bearer (`Obama said`, `, Obama told`) rather
    than modifying a noun after it (`the Obama administration`, `Obama adviser David Axelrod`)
    or owning one (`Obama's plan`).

    >>> [acts_alone(text.split(), 0) for text in ("Obama said so", "Obama administration officials", "Obama adviser David Axelrod", "Obama 's plan", "Obama , too")]
    [True, False, False, False, True]
    """
    after = words[k + 1] if k + 1 < len(words) else "."
    if after in _AFTER_PERSON or after.lower() in lexicon.CUE_FORMS or after in lexicon.AUXILIARIES:
        return True
    return after.islower() and after.endswith("ly") and len(after) > 4  # `Obama quickly said`


# Prepositions of place: `in Palo Alto`, `near Tikrit`, `outside Fort Pierce`.
_LOCATIVES = frozenset(["in", "near", "outside", "across", "throughout", "around"])


def places_named(words_by_sentence: list[list[str]], found: list[list[tuple[int, int, str]]]) -> set[tuple[str, ...]]:
    """Names of two or more words the article puts after a preposition of place (`a forum in Palo
    Alto`) that open with no known first name: places wherever they occur, not people.

    >>> sentences = [["A", "forum", "in", "Palo", "Alto", "."], ["Palo", "Alto", "voters", "came", "."]]
    >>> places_named(sentences, [[(3, 4, "PERSON")], [(0, 1, "PERSON")]])
    {('Palo', 'Alto')}
    >>> places_named([["A", "belief", "in", "Ana", "Ruiz", "."]], [[(3, 4, "PERSON")]])
    set()
    """
    places = set()
    for words, entities in zip(words_by_sentence, found):
        for first, last, label in entities:
            if label != "PERSON" or last == first or first == 0 or words[first - 1] not in _LOCATIVES:
                continue
            if lexicon.is_first_name(words[first]):
                continue
            if last + 1 < len(words) and words[last + 1] in ("'s", "’s"):
                continue  # `in Xi Jinping's speech`: a person's, not a place
            places.add(tuple(words[first : last + 1]))
    return places


# `Elementary`, `Country`: the kind of school or club between a place's name and `School`, `Club`.
_INSTITUTION_KINDS = word_list("institution_kinds")


def institution_openings(words_by_sentence: list[list[str]], found: list[list[tuple[int, int, str]]]) -> set[tuple[str, ...]]:
    """The first two or three words of an organisation's name in the article (`Sandy Hook
    Elementary School`, `Boca West Country Club`) before its first organisation word: said alone
    (`after Sandy Hook`, `at Boca West`) they name that place, not a person.

    >>> institution_openings([["near", "Sandy", "Hook", "Elementary", "School", "."]], [[(1, 4, "ORG")]])
    {('Sandy', 'Hook')}
    >>> institution_openings([["the", "Ann", "Lee", "Foundation", "."]], [[(1, 3, "ORG")]])
    set()
    """
    openings = set()
    for words, entities in zip(words_by_sentence, found):
        for first, last, label in entities:
            span = words[first : last + 1]
            if label != "ORG":
                continue
            kind = next((k for k, word in enumerate(span) if word in lexicon.ORG_WORDS or not word[:1].isupper()), 0)
            # The name, a word saying what kind of place (`Elementary`, `Country`), then the
            # organisation word; not `Ann Lee Foundation` (named after her) nor `Ann Lee White House`.
            if 3 <= kind <= 4 and span[kind] in lexicon.ORG_WORDS and span[kind - 1] in _INSTITUTION_KINDS:
                openings.add(tuple(span[: kind - 1]))
    return openings


def decode_tags(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first, last, label) of the entities BIOES ``tags`` mark, read as stanza reads them
    (``stanza.models.ner.utils.decode_from_bioes``), so that both engines see the same entities.

    >>> decode_tags(["B-ORG", "I-ORG", "S-PERSON", "O", "E-GPE"])
    [(0, 1, 'ORG'), (2, 2, 'PERSON'), (4, 4, 'GPE')]
    """
    found: list[tuple[int, int, str]] = []
    if tags.count("O") == len(tags):
        return found
    first = last = -1
    label = ""

    def flush() -> None:
        if first >= 0:
            found.append((first, last, label))

    for index, tag in enumerate(tags):
        if tag == "O":
            if first >= 0:
                flush()
                first = -1
            continue
        kind = tag[:2]
        if kind == "B-" or kind == "S-":
            flush()
            first = last = index
            label = tag[2:]
            if kind == "S-":
                flush()
                first = -1
        elif kind == "I-" or kind == "E-":
            if first < 0:
                first = index
            last = index
            label = tag[2:]
            if kind == "E-":
                flush()
                first = -1
    flush()
    return found
