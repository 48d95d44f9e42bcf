"""The gazetteer's pattern groups outlet names by their letters (a prefix tree) for speed; it must find
exactly what a plain longest-first alternation of the names finds."""

import re

from quotetrack.resolve.outlets import Outlets

TEXT = (
    "The state-run TASS news agency quoted Dmitry Peskov, and RIA Novosti's correspondent asked again. "
    "Michael Bloomberg told the AP; Bloomberg News and the Associated Press carried it, as did CNN’s "
    "anchor, CNNs, BBC-run sites and the BBC World Service. Reuters, AFP and Xinhua followed on Sunday."
)


def test_prefix_tree_finds_what_a_plain_alternation_finds() -> None:
    outlets = Outlets.load()
    longest_first = sorted(outlets._exact, key=len, reverse=True)
    plain = re.compile(r"(?<![\w-])(" + "|".join(re.escape(alias) for alias in longest_first) + r")(?:['’]s)?(?![\w-])")
    found = [(m.group(1), m.span()) for m in outlets._pattern.finditer(TEXT)]
    assert found == [(m.group(1), m.span()) for m in plain.finditer(TEXT)]
    # Longest names first (`state-run TASS news agency`, `BBC World Service`); `CNNs` and `BBC-run` are no names.
    assert [name for name, _ in found] == [
        "state-run TASS news agency", "RIA Novosti", "Bloomberg", "AP", "Bloomberg News", "Associated Press",
        "CNN", "BBC World Service", "Reuters", "AFP", "Xinhua",
    ]  # fmt: skip
