"""The tokenizer tries words of two letters or more first (most tokens are), for speed; it must read
exactly the tokens the pattern without that shortcut reads."""

import re

from quotetrack.nlp.tokenizer import _SPACED_TOKEN, _TOKENS

TEXT = (
    "Sen. Lindsey Graham (R-S.C.) said at 9:30 a.m. the U.S. won't wait: “It’s the 46-year-old’s call,” "
    "he told CNN's anchor. Officials' e-mails, co-op rock'n'roll, the 1990s, 21st-century O'Neill and naïve "
    "Müller; Abc1 x_y n't 's ... — etc."
)


def test_shortcut_reads_the_same_tokens() -> None:
    plain = re.compile(_TOKENS.replace("WORD", r"\w+"), re.VERBOSE)
    # The token of each match: the shortcut's word group, or the other alternatives' group.
    tokens = [match.span(2) if match.group(2) else match.span(3) for match in _SPACED_TOKEN.finditer(TEXT)]
    assert tokens == [match.span() for match in plain.finditer(TEXT)]
    assert [TEXT[start:end] for start, end in tokens][:8] == ["Sen", ".", "Lindsey", "Graham", "(", "R-S.C.", ")", "said"]
