"""Word lists the model-free engine relies on: abbreviations, speech cues, titles, roles.

The lists live in ``data/lexicon/NAME.txt``, each with a header saying what it is for;
this module gives them their names and shapes (sets, or mappings for two-column files).

>>> CUE_FORMS["said"], TITLES["sen."], TITLES["mr."]
('say', 'senator', None)
>>> "Kremlin" in ORG_WORDS and "Kremlin" not in PLACES
True
"""

from __future__ import annotations

from .resources import word_lines, word_list


def word_pairs(name: str) -> dict[str, str | None]:
    """``data/lexicon/NAME.txt`` as a mapping: first word -> rest of the line, None when there is none.

    >>> word_pairs("pronouns")["she"]
    'female'
    """
    pairs: dict[str, str | None] = {}
    for line in word_lines(name):
        key, *value = line.split(None, 1)
        pairs[key] = value[0] if value else None
    return pairs


# Quote marks, in one place for the tokenizer, the reader, the extractor and the scorer.
# Double marks and their partners; "''" is two apostrophes typed as a closing double mark.
MARK_PAIRS = {"“": "”", "«": "»", "„": "“", '"': '"', "‟": "”", "''": "''", "‘": "’"}
OPENING_MARKS = frozenset(MARK_PAIRS)
CLOSING_MARKS = frozenset(MARK_PAIRS.values())
# Double quote marks only: single curly marks are also apostrophes.
QUOTE_MARKS = frozenset("“”«»„‟\"") | {"''"}
# What may follow a sentence's full stop and still belong to it: closing quotes and brackets.
# Unlike CLOSING_MARKS, "“" is left out ("„...“" is rare in English news, an opening "“" is not)
# and a straight "'" may close.
SENTENCE_CLOSERS = frozenset("\"'”’»)]") | {"''"}
# What may open the next sentence besides a capital or a digit: opening quotes and brackets.
SENTENCE_OPENERS = frozenset("\"'“‘«([")

ABBREVIATIONS = word_list("abbreviations")
# Abbreviations that may also end a sentence when a capitalised word follows.
SENTENCE_FINAL_ABBREVIATIONS = word_list("sentence_final_abbreviations")

# Title word (lower case, as written before a name) -> the role it implies, or None ("mr.").
TITLES = word_pairs("titles")
# Title (lower case, with or without its full stop) -> the gender it tells: "ms." -> female.
GENDERED_TITLES = word_pairs("gendered_titles")
ROLE_NOUNS = word_list("role_nouns")
RELATION_NOUNS = word_list("relation_nouns")
# Roles that are really institutions: "the ministry said" speaks for the organisation.
INSTITUTION_NOUNS = word_list("institution_nouns")

PRONOUNS = word_pairs("pronouns")
SUBJECT_PRONOUNS = word_list("subject_pronouns")
POSSESSIVE_DETERMINERS = frozenset(["his", "her", "its", "their", "our", "my"])

# Form -> lemma. "say" and friends introduce speech; the extractor treats them alike.
CUE_FORMS: dict[str, str] = {form: lemma or form for form, lemma in word_pairs("cue_forms").items()}
# Cues of thought rather than speech: a quote tracker takes them only with an explicit that-clause.
BELIEF_LEMMAS = word_list("belief_lemmas")
# Cues that also serve as ordinary verbs; they need a that-clause, a colon or a quote to count.
WEAK_LEMMAS = word_list("weak_lemmas") | BELIEF_LEMMAS

# Words that end a speaker phrase when read leftwards from the cue.
CLAUSE_BREAKERS = word_list("clause_breakers")
ADVERBS_BEFORE_CUE = word_list("adverbs_before_cue")

CAPITALISED_FUNCTION_WORDS = word_list("capitalised_function_words")
ORG_WORDS = word_list("org_words")
DEMONYMS = word_list("demonyms")
PLACES = word_list("places")
MULTIWORD_PLACES = word_list("multiword_places")
FEMALE_NAMES = word_list("female_names")
MALE_NAMES = word_list("male_names")
# `is`, `was`, `did`, `will`: auxiliary verbs, which a subject or a name may stand before.
AUXILIARIES = word_list("auxiliaries")
# `report`, `study`, `ad`: writings, which speak as documents and are no person's.
DOCUMENT_NOUNS = word_list("document_nouns")
# `ministry`, `corp`, `alliance`: the last word of an organisation's name.
ORGANISATION_ENDINGS = word_list("organisation_endings")
# Twitter, Facebook, ...: platforms, neither outlets nor people.
SOCIAL_PLATFORMS = word_list("social_platforms")
# Lower case, as `Token.lower` gives them: `on Tuesday` is when a speaker spoke, not who.
WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])


def looks_plural(word: str) -> bool:
    """Whether lower-case ``word`` ends as a plural or a third-person verb does (`voters`, `says`), not as
    `boss`, `census` or `analysis` do.

    >>> [looks_plural(word) for word in ("voters", "says", "boss", "census", "analysis")]
    [True, True, False, False, False]
    """
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def is_place(name: str) -> bool:
    """Whether ``name`` is a country or place of the gazetteers, of one word or several.

    >>> is_place("Russia"), is_place("North Korea"), is_place("Kremlin")
    (True, True, False)
    """
    return name in PLACES or name in MULTIWORD_PLACES


def is_first_name(word: str) -> bool:
    """Whether ``word`` is a given name on the male or female list.

    >>> is_first_name("Ana"), is_first_name("Kremlin")
    (True, False)
    """
    return word in MALE_NAMES or word in FEMALE_NAMES
