"""Who a role or group mention is not: the person a role serves (`a longtime adviser to Donald
Trump`) and a name in the description of people counted (`numerous veterans interviewed at Trump
rallies`)."""

from __future__ import annotations

from .. import lexicon
from .people import POSSESSIVE


def serves_named(words: list[str], person: str) -> bool:
    """Whether the person named in a mention is whom its role serves: `a longtime adviser to Donald
    Trump`, `the former top aide to President George W. Bush`; not `former secretary of state Hillary
    Clinton`, where the name is the holder's own.

    >>> serves_named("a longtime adviser to Donald Trump".split(), "Donald Trump")
    True
    >>> serves_named("former secretary of state Hillary Clinton".split(), "Hillary Clinton")
    False
    """
    first = person.split()[0]
    for i, word in enumerate(words[1:-1], start=1):
        role = words[i - 1]
        if word not in ("to", "of", "for") or not role.islower() or (role not in lexicon.ROLE_NOUNS and role.removesuffix("s") not in lexicon.ROLE_NOUNS):
            continue
        j = i + 1
        while j < len(words) - 1 and words[j] != first and (words[j].lower() in ("the", "both") or words[j][:1].isupper()):
            j += 1  # `to President George W. Bush`, `to Prime Minister Olav Berg`: capitalised titles lead to the name
        if POSSESSIVE.sub("", words[j]) == first:
            return True
    return False


_COUNTING = frozenset(["numerous", "many", "several", "some", "most", "few", "two", "three", "four", "five", "dozens", "hundreds", "thousands", "both", "all", "other"])


def counted_group(words: list[str]) -> bool:
    """Whether a mention counts people of some kind before any name in it: `numerous military veterans
    interviewed at Trump rallies`, `Most Republican voters in Ohio`; not `Several Democrats`.

    >>> counted_group("numerous military veterans interviewed at Trump rallies".split()), counted_group("Several Democrats".split())
    (True, False)
    >>> counted_group("Most Republican voters in Alabama, Georgia and Virginia".split())
    True
    """
    lowered = [word.lower() for word in words]
    i = 1 if lowered[:1] in (["but"], ["and"]) else 0
    if i >= len(words) - 1 or lowered[i] not in _COUNTING:
        return False
    j = i + 1
    while j < len(words) and j - i <= 3 and not (words[j].islower() and lexicon.looks_plural(words[j])):
        j += 1  # `military`, `Republican`: modifiers before the people counted
    return j < len(words) and words[j].islower() and lexicon.looks_plural(words[j])
