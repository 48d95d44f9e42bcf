import pytest

from quotetrack.extract import Extractor
from quotetrack.extract.marks import find_quote_spans
from quotetrack.records import Article

MOSCOW_TIMES = (
    "Kremlin spokesman Dmitry Peskov told reporters on a conference call on Wednesday that Russian-Turkish "
    "defense cooperation complies with international law and isn't aimed against other countries.\n"
    "“That’s why no one has any reason to express any critical concerns in this regard,” the state-run TASS news "
    "agency quoted Peskov as saying.\n"
    "He added that Russia and Turkey enjoy “very close coordination” in areas including trade, investment, culture "
    "and \"mega-projects.” Russia is assisting Turkey in building its first nuclear power plant.\n"
    "Putin plans to compare notes with Turkey’s President Recep Tayyip Erdogan on issues including peacekeeping "
    "in Syria, the Kremlin spokesman said.\n\n"
    "Please consider supporting our independent journalism with a donation. Every contribution, however big or "
    "small, helps us keep reporting.\n"
)


def extract(extractor, text, publisher=None):
    return extractor.extract(Article(text=text, publisher=publisher))


def test_moscow_times_article(extractor):
    quotes = extract(extractor, MOSCOW_TIMES, publisher="The Moscow Times")
    assert [(q.kind, q.speaker) for q in quotes] == [
        ("indirect", "Dmitry Peskov"),
        ("direct", "Dmitry Peskov"),
        ("mixed", "Dmitry Peskov"),
        ("indirect", "Dmitry Peskov"),
    ]
    reported, direct, mixed, role = quotes
    assert reported.text.startswith("Russian-Turkish defense cooperation complies")
    assert reported.cue == "told"
    assert direct.text.startswith("That’s why no one has any reason")
    assert direct.via_outlet == "TASS"
    assert direct.speaker_mention == "Peskov"
    assert mixed.speaker_mention == "He"
    assert "“very close coordination”" in mixed.text
    assert role.speaker_mention == "the Kremlin spokesman"
    assert role.text.startswith("Putin plans to compare notes")
    assert all(q.publisher == "The Moscow Times" for q in quotes)
    assert not any("donation" in q.text for q in quotes)


def test_offsets_index_the_article_text(extractor):
    for quote in extract(extractor, MOSCOW_TIMES):
        assert MOSCOW_TIMES[quote.start : quote.end] == quote.text


@pytest.mark.parametrize(
    "text,quote,speaker,via",
    [
        ("Lavrov told Reuters on Tuesday that Moscow was ready to talk.", "Moscow was ready to talk", "Lavrov", "Reuters"),
        ("“We are ready,” Sergei Lavrov said in an interview with CNN.", "We are ready,", "Sergei Lavrov", "CNN"),
        ("Sen. Ted Cruz said on Fox News the bill was dead on arrival.", "the bill was dead on arrival", "Ted Cruz", "Fox News"),
        ("According to Interfax, the Kremlin said the talks had stalled.", "the talks had stalled", "Kremlin", "Interfax"),
        ("The White House said in a statement that the president would veto the bill.", "the president would veto the bill", "White House", None),
        ("Mayor Jane Ortiz said: “The vote is final and binding.”", "The vote is final and binding.", "Jane Ortiz", None),
        ("“It is a mistake,” said Jane Ortiz, the mayor of the city.", "It is a mistake,", "Jane Ortiz", None),
        ("The minister, Sergei Lavrov, warned that sanctions would backfire.", "sanctions would backfire", "Sergei Lavrov", None),
    ],
)
def test_cue_patterns(extractor, text, quote, speaker, via):
    quotes = extract(extractor, text)
    assert len(quotes) == 1, quotes
    assert quotes[0].text == quote
    assert quotes[0].speaker == speaker
    assert quotes[0].via_outlet == via


def test_quote_over_two_paragraphs(extractor):
    text = (
        "Sen. Ted Cruz spoke after the vote.\n\n"
        "“I have been clear about this for years. The policy failed.\n\n"
        "“We need a new approach,” Cruz said."
    )
    (quote,) = extract(extractor, text)
    assert quote.kind == "direct"
    assert quote.text.startswith("I have been clear") and quote.text.endswith("We need a new approach,")
    assert quote.speaker == "Ted Cruz"


def test_follow_on_quote_in_the_same_paragraph_continues_the_utterance(extractor):
    text = "“We will not back down,” Mayor Jane Ortiz said. “This city deserves better than a closed shelter.”"
    (quote,) = extract(extractor, text)
    assert [text[a:b] for a, b in quote.extra["parts"]] == [
        "We will not back down,",
        "This city deserves better than a closed shelter.",
    ]
    assert quote.speaker == "Jane Ortiz"


def test_follow_on_quote_in_the_next_paragraph_inherits_speaker(extractor):
    text = "“We will not back down,” Mayor Jane Ortiz said.\n\n“This city deserves better than a closed shelter.”"
    first, second = extract(extractor, text)
    assert second.text == "This city deserves better than a closed shelter."
    assert second.speaker == "Jane Ortiz"
    assert second.cue is None and second.confidence < first.confidence


def test_interrupted_quote_is_one_utterance(extractor):
    text = "“It is a mistake,” Lavrov told Reuters on Tuesday, “and we will respond in kind.”"
    (quote,) = extract(extractor, text)
    assert quote.extra["parts"] == [(1, 17), (text.index("and we"), text.rindex("”"))]
    assert quote.via_outlet == "Reuters"


@pytest.mark.parametrize(
    "text",
    [
        "A man who goes by “Shorty” sold coffee outside the station for years.",
        "The so-called “peace plan” was rejected by both sides on Monday.",
        "The band closed with “Here Comes The Sun And The Rain” to loud applause.",
        "Please donate to support our journalism. Every contribution helps.",
    ],
)
def test_no_quote_from_nicknames_scare_quotes_titles_or_appeals(extractor, text):
    assert extract(extractor, text) == []


@pytest.mark.parametrize(
    "pronoun,speaker",
    [("She", "Jane Ortiz"), ("He", "Tom Baker")],
)
def test_pronouns_resolve_by_gender(extractor, pronoun, speaker):
    text = (
        "“We will vote again,” Mayor Jane Ortiz said. “Nothing is settled,” Councilman Tom Baker said.\n"
        f"{pronoun} added that the budget would be published on Friday."
    )
    quotes = extract(extractor, text)
    assert quotes[-1].speaker == speaker


def test_unknown_speaker_is_not_guessed(extractor):
    (quote,) = extract(extractor, "The plan will fail within a year, a senior official said.")
    assert quote.speaker is None
    assert quote.speaker_mention == "a senior official"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("He said “yes, certainly.” Then he left.", ["yes, certainly."]),
        ("« Nous sommes prêts », a dit le ministre.", ["Nous sommes prêts"]),
        ("She said ''we are done here'' and hung up.", ["we are done here"]),
        ('He is 6" tall and said "fine by me" twice.', ["fine by me"]),
    ],
)
def test_quote_marks(text, expected):
    assert [span.text for span in find_quote_spans(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "“This quote never closes, he said, and the paragraph ends.\nNext paragraph without a mark.",
        "Stray closing mark” in the middle, and “another one.",
        "\"\"\"",
        "“",
    ],
)
def test_unbalanced_marks_do_not_crash(extractor, text):
    for quote in extract(extractor, text):
        assert text[quote.start : quote.end] == quote.text


def test_empty_article_gives_no_quotes(extractor):
    assert extract(extractor, "   \n ") == []


@pytest.mark.parametrize(
    "text,content,speaker",
    [
        (
            "The bridge, Mr. Okafor said, would spare commuters an hour every day.",
            ["The bridge", "would spare commuters an hour every day"],
            "Okafor",
        ),
        ("Rep. Carla Mendez (D-Ariz.) said the rule does not call for a second vote.", ["the rule does not call for a second vote"], "Carla Mendez"),
        ("The bank said that it had fired thousands of employees.", ["it had fired thousands of employees"], "bank"),
    ],
)
def test_parenthetical_and_tagged_speakers(extractor, text, content, speaker):
    (quote,) = extract(extractor, text)
    pieces = [text[a:b] for a, b in quote.extra.get("parts", [(quote.start, quote.end)])]
    assert pieces == content
    assert speaker in (quote.speaker or quote.speaker_mention)


def test_passive_quoted_by_outlet(extractor):
    text = "Kremlin spokesman Dmitry Peskov spoke on Monday. Peskov was quoted by Interfax as saying that the talks had stalled."
    (quote,) = extract(extractor, text)
    assert (quote.text, quote.speaker, quote.via_outlet) == ("the talks had stalled", "Dmitry Peskov", "Interfax")


@pytest.mark.parametrize(
    "text",
    [
        "He was told that the plant would close by the end of the year.",
        "Peskov did not say whether Putin would attend the summit in October.",
    ],
)
def test_no_speech_by_the_subject(extractor, text):
    assert extract(extractor, text) == []


def test_signed_quotes(extractor):
    text = (
        "Readers wrote in after the debate.\n"
        "“The candidates talked past each other for ninety minutes.” ― Carla Sanchez\n"
        "“Nobody answered the question about rent.” — Martha Aguilar."
    )
    quotes = extract(extractor, text)
    assert [(q.speaker, q.kind) for q in quotes] == [("Carla Sanchez", "direct"), ("Martha Aguilar", "direct")]


@pytest.mark.parametrize(
    "text,kind,content",
    [
        ("Obama called the holiday “a celebration of faith and fellowship.”", "mixed", "the holiday “a celebration of faith and fellowship.”"),
        ("The summit accomplished “too little,” the minister added on Twitter.", "mixed", "The summit accomplished “too little,”"),
        ("“You winning?” she said, but he was drifting off again.", "direct", "You winning?"),
    ],
)
def test_weak_cues_need_a_quote_and_clauses_hold_their_quotes(extractor, text, kind, content):
    (quote,) = extract(extractor, text)
    assert (quote.kind, quote.text) == (kind, content)


def test_weak_cue_without_quote_is_not_speech(extractor):
    assert extract(extractor, "They called the office twice on Monday morning.") == []


@pytest.mark.parametrize(
    "text,speaker,content",
    [
        ("Sen. Wade Holloway (R-S.C.) told The Huffington Post that the measure would fail.", "Wade Holloway", "the measure would fail"),
        ("In a statement, one of the club's attorneys, Marta Quiles, said the recordings prove nothing new.", "Marta Quiles", "the recordings prove nothing new"),
        ("Republicans described the vote as reckless, and said the agency itself might be weakened.", "Republicans", "the agency itself might be weakened"),
        ("« We have done our part, and we will do more », Dubois told reporters outside the hall.", "Dubois", "We have done our part, and we will do more"),
    ],
)
def test_speaker_phrases(extractor, text, speaker, content):
    (quote,) = extract(extractor, text)
    assert (quote.speaker, quote.text) == (speaker, content)


def test_relative_clause_speaker_is_the_noun_before_who(extractor):
    (quote,) = extract(extractor, "The mayor was dismissive of a contractor who said he was never paid for the work.")
    assert quote.speaker_mention == "a contractor"
    assert quote.speaker is None


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("Secretary of State Helen R. Castillo said the talks would resume next week.", "Helen R. Castillo"),
        ("Sen. Tom Brandt of Iowa said the hearing would continue on Friday.", "Tom Brandt"),
        ("Bank of America said it would cut fees for small businesses.", "Bank of America"),
    ],
)
def test_titles_and_places_around_names(extractor, text, speaker):
    (quote,) = extract(extractor, text)
    assert quote.speaker == speaker


def test_capitalised_cue_words_in_names_are_not_cues(extractor):
    text = "Donald Trump told veterans that the United States military is depleted."
    (quote,) = extract(extractor, text)
    assert quote.speaker == "Donald Trump"


def test_short_continuation_after_a_long_attribution_joins_the_quote(extractor):
    text = (
        "“Here comes the candidate,” she said, clapping along with the crowd near the stage. “The big one.”"
    )
    (quote,) = extract(extractor, text)
    assert [text[a:b] for a, b in quote.extra["parts"]] == ["Here comes the candidate,", "The big one."]


def test_reported_content_stops_at_a_new_clause(extractor):
    text = "Castillo said the government would take “firm measures” in response, and she urged the rebels to negotiate."
    (quote,) = extract(extractor, text)
    assert quote.text == "the government would take “firm measures” in response"
    assert quote.kind == "mixed"


def test_pronoun_after_a_newly_introduced_subject(extractor):
    text = (
        "“The library is splendid,” Governor Paul Whitaker said.\n\n"
        "Marian Oduya Fletcher, 61, of Dunmore, who watched the opening on a screen, was moved.\n\n"
        "She said she had visited the library last month during a reading event."
    )
    quotes = extract(extractor, text)
    assert quotes[-1].speaker == "Marian Oduya Fletcher"


def test_names_inside_quotes_are_not_pronoun_antecedents(extractor):
    text = "“Here comes Big Daddy,” she said."
    (quote,) = extract(extractor, text)
    assert quote.speaker is None


@pytest.mark.parametrize(
    "text,content,speaker,via",
    [
        ("“We are ready for talks,” Peskov said, according to Interfax.", "We are ready for talks,", "Peskov", "Interfax"),
        ("Peskov said the talks were over, according to RIA Novosti.", "the talks were over", "Peskov", "RIA Novosti"),
        ("Speaking to Kommersant, Lavrov said the budget was fixed.", "the budget was fixed", "Lavrov", "Kommersant"),
        ("In an interview with Le Monde, Macron said Europe must rearm.", "Europe must rearm", "Macron", "Le Monde"),
        ("Lavrov told the state news agency TASS that the talks were over.", "the talks were over", "Lavrov", "TASS"),
        ("The Kremlin told RIA Novosti that Putin had no plans to travel.", "Putin had no plans to travel", "Kremlin", "RIA Novosti"),
    ],
)
def test_via_outlet(extractor, text, content, speaker, via):
    (quote,) = extract(extractor, text)
    assert (quote.text, quote.speaker, quote.via_outlet) == (content, speaker, via)


def test_coordinated_cues_split_the_content(extractor):
    text = "Okonkwo says Varga promised to keep organising and said she was not afraid of the council."
    quotes = extract(extractor, text)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("Varga promised to keep organising", "Okonkwo"),
        ("she was not afraid of the council", "Okonkwo"),
    ]


def test_announcing_a_thing_is_not_a_quote_but_the_coordinated_statement_is(extractor):
    text = "Police announced on Tuesday the seizure of a truck and said the border crossing would stay closed until Monday."
    (quote,) = extract(extractor, text)
    assert quote.text == "the border crossing would stay closed until Monday"


@pytest.mark.parametrize(
    "text,content,speaker",
    [
        ("‘Brexit means Brexit,’ Theresa May said.", "Brexit means Brexit,", "Theresa May"),
        ("The minister told the BBC: ‘There will be no second vote.’ Voters’ anger grew.", "There will be no second vote.", None),
        ("“We will appeal,” Megyn Kelly said.", "We will appeal,", "Megyn Kelly"),
    ],
)
def test_single_marks_and_names_that_look_like_other_words(extractor, text, content, speaker):
    (quote,) = extract(extractor, text)
    assert (quote.text, quote.speaker) == (content, speaker)


def test_apostrophes_are_not_quote_marks():
    assert find_quote_spans("It’s the ’90s, said Tom’s friend; the voters’ anger grew.") == []


@pytest.mark.parametrize(
    "headline",
    [
        "Kremlin says “no basis” for new grain talks",
        "Mayor ‘The Fixer’ Could Rescue the Budget, Council Leader Says.",
    ],
)
def test_headlines_are_not_quotes(extractor, headline):
    text = f"{headline}\n\nThe Kremlin said on Monday that it saw no basis for new talks."
    (quote,) = extract(extractor, text)
    assert quote.text == "it saw no basis for new talks"


def test_a_short_quoted_lede_is_not_a_headline(extractor):
    text = "“No,” Peskov said.\n\nThe Kremlin spokesman said the talks were over."
    assert [q.text for q in extract(extractor, text)] == ["No,", "the talks were over"]


def test_attribution_after_an_appositive_chain_behind_a_quote(extractor):
    text = (
        "“We let our customers down,” Lumora’s chief executive, Priya Raman, said in a video posted to the "
        "company’s website. “Please unplug your heater now.”"
    )
    (quote,) = extract(extractor, text)
    assert quote.speaker == "Priya Raman"
    assert [text[a:b] for a, b in quote.extra["parts"]] == ["We let our customers down,", "Please unplug your heater now."]


@pytest.mark.parametrize(
    "dateline",
    ["SAN JOSE, Calif. — ", "OSLO (Reuters) - ", "SEOUL, Nov. 26 (Yonhap) -- ", "BEIJING, March 3 (Xinhua) -- "],
)
def test_datelines_are_not_content(extractor, dateline):
    text = dateline + "Lumora is recalling 1.3 million heaters after reports of fires, the company said on Sunday."
    (quote,) = extract(extractor, text)
    assert quote.text == "Lumora is recalling 1.3 million heaters after reports of fires"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Turkey's foreign minister said Wednesday his country would not approve the bid until Stockholm took “concrete steps” against militants.",
         "his country would not approve the bid until Stockholm took “concrete steps” against militants"),
        ("The minister said Tuesday Russia would not send a delegation to the talks in Geneva.", "Russia would not send a delegation to the talks in Geneva"),
        ("Governor Ann Kell told reporters Sunday she will step down at the end of the session.", "she will step down at the end of the session"),
        ("The mayor said on Friday his office had received “hundreds of complaints” about the buses.", "his office had received “hundreds of complaints” about the buses"),
        ("Prime Minister Ana Reyes said on RNZ's Morning Report that the budget would “hold the line.”", "the budget would “hold the line.”"),
    ],
)
def test_content_after_a_day_without_that(extractor, text, said):
    assert [quote.text for quote in extract(extractor, text)] == [said]


@pytest.mark.parametrize("text", ["Consumer groups said the session had exposed a gap.", "Police said the protest was peaceful."])
def test_kinds_of_people_are_not_names(extractor, text):
    (quote,) = extract(extractor, text)
    assert quote.speaker is None


def test_relative_clause_content_ends_with_the_clause(extractor):
    text = (
        "Sen. Tom Brandt spoke first. Brandt, who said on Fox News that he expected “tough questions but a fair "
        "hearing,” struck a more measured tone after the session."
    )
    (quote,) = extract(extractor, text)
    assert (quote.text, quote.speaker, quote.via_outlet) == (
        "he expected “tough questions but a fair hearing,”",
        "Tom Brandt",
        "Fox News",
    )


@pytest.mark.parametrize(
    "text,content,speaker,via",
    [
        ("Peskov was quoted as saying by Interfax that the talks had stalled.", "the talks had stalled", "Peskov", "Interfax"),
        ("Modi told the Press Trust of India that talks would resume.", "talks would resume", "Modi", "Press Trust of India"),
        (
            "Xi Jinping told his French counterpart Emmanuel Macron that China was ready to help, state broadcaster CCTV reported.",
            "China was ready to help",
            "Xi Jinping",
            "CCTV",
        ),
    ],
)
def test_outlets_around_told_and_trailing_reports(extractor, text, content, speaker, via):
    (quote,) = extract(extractor, text)
    assert (quote.text, quote.speaker, quote.via_outlet) == (content, speaker, via)


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "“We cannot keep paying for this,” Hollis said, adding later, “The treaty is costing us dearly.”",
            [("We cannot keep paying for this,", "said"), ("The treaty is costing us dearly.", "adding")],
        ),
        (
            "“We see no sign of sabotage,” the fire chief said, adding that it would take “several days” to be sure.",
            [("We see no sign of sabotage,", "said"), ("it would take “several days” to be sure", "adding")],
        ),
        (
            "“I never thought of quitting,” she said two years after the final, and the reason was plain.",
            [("I never thought of quitting,", "said")],
        ),
    ],
)
def test_participle_cues_after_an_attribution_are_statements_of_their_own(extractor, text, expected):
    quotes = extract(extractor, text)
    assert [(q.text, q.cue) for q in quotes] == expected
    assert len({q.speaker_mention for q in quotes}) == 1


@pytest.mark.parametrize(
    "text,kind",
    [
        ("The senator blasted the regulators for being “shockingly complacent.”", "mixed"),
        ("A neighbour commented: “For us, the school is the main reason to stay.”", "direct"),
    ],
)
def test_evaluative_cues_with_a_quote(extractor, text, kind):
    (quote,) = extract(extractor, text)
    assert quote.kind == kind


def test_song_lyrics_are_not_quotes(extractor):
    text = "Adele Mbeki sang “Carry me home across the river tonight” as the crowd fell silent."
    assert extract(extractor, text) == []


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("Former Pennsylvania Gov. Ed Rendell said the rules should change.", "Ed Rendell"),
        ("New Jersey Gov. Chris Christie said the comments were a disgrace.", "Chris Christie"),
        ("French President Emmanuel Macron said Europe must rearm.", "Emmanuel Macron"),
    ],
)
def test_places_before_titles(extractor, text, speaker):
    (quote,) = extract(extractor, text)
    assert quote.speaker == speaker


def test_a_cue_opening_the_sentence_is_not_part_of_a_name(extractor):
    text = "Tax expert Ryan Ellis spoke first. “It is a tax cut for the rich,” he said. Said Ellis: “It always was.”"
    quotes = extract(extractor, text)
    assert {q.speaker for q in quotes} == {"Ryan Ellis"}


def test_extract_many_batches_give_the_same_quotes(extractor):
    articles = [Article(text=MOSCOW_TIMES), Article(text="   "), Article(text="“Yes, we are ready,” Lavrov said.")] * 7
    batched = [quotes for _, quotes in extractor.extract_many(articles, batch_size=4)]
    assert batched == [extractor.extract(article) for article in articles]


@pytest.mark.parametrize(
    "text,content",
    [
        ("The center said the plan would raise $1.1 trillion; the foundation puts it at $498 billion.", "the plan would raise $1.1 trillion"),
        ("Brazil warned Paraguay to refrain from further actions that could deepen the crisis.", "to refrain from further actions that could deepen the crisis"),
    ],
)
def test_content_boundaries(extractor, text, content):
    (quote,) = extract(extractor, text)
    assert quote.text == content


@pytest.mark.parametrize(
    "text,content",
    [
        ("Peskov notes that the talks were over.", "the talks were over"),
        ("He claims the vote was rigged from the start.", "the vote was rigged from the start"),
    ],
)
def test_noun_or_verb_cues_as_verbs(extractor, text, content):
    (quote,) = extract(extractor, text)
    assert quote.text == content


def test_noun_or_verb_cues_as_nouns(extractor):
    quotes = extract(extractor, "Tax reports show the plan would cost $2 trillion over ten years.")
    assert quotes == []


def test_a_quote_resumed_after_its_attribution_is_one_record_not_two():
    """`“A,” he said. “B.”` once gave A alone (a cue-less follow-on) beside the record A … B."""
    text = (
        "Former finance minister Carlos Ibarra said on Tuesday that migration from the region had slowed in recent years.\n\n"
        "“Young people don’t want to leave any more. They can find work at a car plant near home, I am glad to say,” he said. "
        "“They are building engines in Puebla and Saltillo, so the investors are coming here. Those workers have careers now.”\n\n"
        "The government has not responded to his remarks."
    )
    quotes = Extractor("rules").extract(Article(text))
    resumed = [quote for quote in quotes if quote.text.startswith("Young people")]
    assert len(resumed) == 1
    (quote,) = resumed
    assert (quote.cue, quote.speaker) == ("said", "Carlos Ibarra")
    assert [text[start:end].split()[0] for start, end in quote.extra["parts"]] == ["Young", "They"]
