"""Via outlets on sentences written for these tests: relay frames, outlets the gazetteer does not
know, outlets referred back to, two hops, and the look-alikes that are not relays."""

import pytest

from quotetrack import extract_quotes
from quotetrack.extract.via import ViaFinder, bare_outlet_name, relay_tail


def target(text: str, words: str):
    """The extracted quote holding ``words``."""
    position = text.index(words)
    quotes = [q for q in extract_quotes(text, engine="rules") if q.start <= position < q.end]
    assert quotes, f"no quote holds {words!r}: {extract_quotes(text, engine='rules')}"
    return quotes[0]


RELAYS = [
    ("The state-run Belta news agency quoted Deputy Prime Minister Viktor Karankevich as saying the plant was “back at full power.”", "back at full power", "Belta"),
    ("Port director Hana Kovač was quoted by Interfax as saying the ferries would run “as long as the ice allows.”", "as long as the ice allows", "Interfax"),
    ("Finance Minister Rui Matos was quoted as saying by Lusa that the deficit would be “under control by June.”", "under control by June", "Lusa"),
    ("Trade Minister Omar Saleh was cited by KUNA as saying the contract was “signed and sealed.”", "signed and sealed", "KUNA"),
    ("“The river has never been this low,” harbour master Piet de Vries told Reuters.", "The river has never been this low", "Reuters"),
    ("Mayor Olga Lind told the Helsingin Sanomat daily that the tram line would be “finished a year early.”", "finished a year early", "Helsingin Sanomat"),
    ("Coach Danny Whitlock told local broadcaster WKRG that his players were “ready for anybody.”", "ready for anybody", "WKRG"),
    ("“We lost the whole barn,” farmer Jed Collins told NBC affiliate KSDK.", "We lost the whole barn", "KSDK"),
    ("Opposition deputy Murat Kaya said in remarks to the pro-government daily Star that the vote would be “a formality.”", "a formality", "Star"),
    ("Minister Pavel Zeman told ČTK in an interview that the budget was “tight but honest.”", "tight but honest", "CTK"),
    ("In an interview with the Irish Independent, Senator Aoife Byrne said the bill was “a missed chance.”", "a missed chance", "Irish Independent"),
    ("Speaking to the Imedi TV channel, Economy Minister Levan Davitashvili said exports had “never been stronger.”", "never been stronger", "Imedi"),
    # A cue noun after `in` (`in remarks`, `in comments`) is no second speech verb, and `, reports X` is a relay.
    ("“We are ready for the vote,” Senator Lena Moss said in remarks to Fox News.", "We are ready for the vote", "Fox News"),
    ("“Nobody will be laid off,” plant manager Ivo Sarto said in comments to the Kathmandu Post.", "Nobody will be laid off", "Kathmandu Post"),
    ("“Fares will not rise this year,” transport minister Ines Calder said, reports USA Today.", "Fares will not rise this year", "USA Today"),
    # `, citing X` closing a mixed quote says where it came from; it is not more of what was said.
    ("Border guards said the convoy had been “turned back at the crossing,” citing Interfax.", "turned back at the crossing", "Interfax"),
    ("“The ferry will not sail before Thursday,” according to a Reuters report.", "The ferry will not sail before Thursday", "Reuters"),
    # A plural possessive's bare apostrophe (`CBS News’ Jane Ortega`) is no quotation mark.
    ("“Every shelter is full,” Mayor Ruth Adler told CBS News’ Jane Ortega.", "Every shelter is full", "CBS News"),
    ("Mayor Ruth Adler told CBS News' Jane Ortega that every shelter was “full to the doors.”", "full to the doors", "CBS News"),
    ("Senator Rob Kane said Sunday on NBC's “Meet the Press” that the vote was “a foregone conclusion.”", "a foregone conclusion", "NBC News"),
    ("“We are not leaving,” the union leader told Rick Adams of CNN on Tuesday.", "We are not leaving", "CNN"),
    ("In an AP interview, the senator said the bill was “going nowhere fast.”", "going nowhere fast", "Associated Press"),
    ("Governor Mark Ruiz said on CNBC that the port strike was “costing us a fortune every hour.”", "costing us a fortune every hour", "CNBC"),
    ("Senator Ann Kell told NPR's Morning Edition that the deal was “not worth the paper.”", "not worth the paper", "NPR"),
    ("Agriculture Minister Ivan Petrov confirmed to TASS that grain exports would “resume next week.”", "resume next week", "TASS"),
    ("According to Yonhap, Defence Minister Ahn Gyu-back said the drills would be “scaled down this year.”", "scaled down this year", "Yonhap"),
    ("Economy Minister Tomás Ortega said wages would “rise faster than prices,” according to the EFE news agency.", "rise faster than prices", "EFE"),
    ("The harvest would be “the worst since 2010,” Ukrinform reported, citing Agriculture Minister Vitaliy Koval.", "the worst since 2010", "Ukrinform"),
    ("Interior Minister Nancy Faeser said the border checks were “working,” Deutsche Welle reported.", "working", "Deutsche Welle"),
    ("Former diplomat Anna Berg wrote in an op-ed for Dagens Nyheter that Sweden needed “a plan, not a mood.”", "a plan, not a mood", "Dagens Nyheter"),
    # a country owning the outlet, and the outlet's acronym in brackets, before `quoted ... as saying`
    ("Russia's state-run TASS quoted Deputy Foreign Minister Oleg Ruslanov as saying the talks had been “useful but hard.”", "useful but hard", "TASS"),
    ("North Korea's official Korean Central News Agency (KCNA) later quoted leader Kim Jong-un as saying the launch was “a complete success.”", "a complete success", "KCNA"),
    # a relay adjunct after the reported words: not part of them
    ("Far-right lawmaker Sandrine Le Goff said the speech was “a campaign rally paid for by the taxpayer,” in comments to broadcaster BFMTV.", "a campaign rally", "BFMTV"),
    ("Opposition leader Ivo Maric said the vote had been rigged, in an interview with the daily Dnevnik.", "the vote had been rigged", "Dnevnik"),
    # `reported on Saturday` is when, not a topic; an outlet named `News Agency of X`
    ("Japan will double its aid to island nations next year, Kyodo News reported on Saturday, citing government sources.", "double its aid", "Kyodo"),
    ("The kingdom would keep output cuts in place “for as long as necessary,” state news agency SPA reported on Sunday.", "for as long as necessary", "SPA"),
    ("Regulator chief Farouk Adamu told the News Agency of Nigeria that 14 tankers had berthed since Monday.", "14 tankers had berthed", "News Agency of Nigeria"),
    # a channel's newsroom
    ("An Israeli official, quoted by Channel 12 news, said the army would “not stop at the border.”", "not stop at the border", "Channel 12"),
    ("The Islamic Republic News Agency (IRNA) quoted Foreign Minister Hamid Rostami as saying Tehran was “ready for serious talks.”", "ready for serious talks", "IRNA"),
]


@pytest.mark.parametrize(("text", "words", "via"), RELAYS, ids=[via for _, _, via in RELAYS])
def test_relay_frames_name_the_outlet(text, words, via):
    quote = target(text, words)
    assert "interview with" not in quote.text and "comments to" not in quote.text and "according" not in quote.text
    assert quote.via_outlet == via
    assert quote.via_chain[0] == via
    assert quote.via_start is not None and quote.via_end > quote.via_start


NOT_RELAYS = [
    "NPR correspondent Lena Voss said the convoy had been “stuck for nine hours.”",
    "Sky News presenter Owen Rees said the result was “a shock to everyone in the room.”",
    "The ministry said in a statement that the talks were “useful and frank.”",
    "President Sandu said in a post on Telegram that the power cuts were “almost over.”",
    "Mayor Ana Lopez wrote on Facebook that the pool would “open on Saturday.”",
    "Senator Jo Mehr said the bill was “dead on arrival in the House.”",
    "Carla Reuters, a nurse in the ward, said the shifts were “longer every month.”",
    "Defence Minister Jan Olsen told reporters the jets would arrive “before Christmas.”",
    "Central bank governor Ruth Adeyemi told lawmakers that inflation was “finally easing.”",
    "The police chief told a news conference that the suspect was “known to officers.”",
    "A Hungarian official said the pipeline was “never in danger.”",
    "Leaked emails obtained by The Guardian show the director calling the audit “a nuisance.”",
    "The spokesman told the daily briefing that the president was “in good spirits.”",
    "Clinton led by four points, according to a CNN poll released on Monday, which showed voters “tired of both.”",
    "Mark Hale reported from Kabul that the city was “eerily calm.”",
    "The Committee for a Responsible Federal Budget reported that the plan was “unfunded.”",
    "The Daily Ledger reported on the scandal last year, and the mayor said the story was “a pack of lies.”",
    "Fox News first reported the verdict. In a statement, Rep. Dana Ortiz reacted to the news, saying: “The verdict should never have taken this long.”",
]


@pytest.mark.parametrize("text", NOT_RELAYS)
def test_look_alikes_are_not_relays(text):
    for quote in extract_quotes(text, engine="rules"):
        assert quote.via_outlet is None, (quote.text, quote.via_outlet)
        assert quote.via_chain == []


def test_the_newspaper_refers_back_to_the_outlet_named_before():
    text = (
        "Le Figaro published a long interview with the minister on Sunday. "
        "“We will not raise taxes,” she told the newspaper."
    )
    quote = target(text, "We will not raise taxes")
    assert quote.via_outlet == "Le Figaro"
    assert text[quote.via_start : quote.via_end] == "Le Figaro"


def test_the_agency_refers_back_to_a_news_agency():
    text = "Kyodo News first reported the resignation. The agency quoted an aide as saying the minister was “exhausted.”"
    assert target(text, "exhausted").via_outlet == "Kyodo"


def test_a_journalist_listener_brings_the_outlet():
    text = (
        "CNN anchor Rosa Lind spoke to the governor on Friday. "
        "“I am not running,” the governor told Lind."
    )
    assert target(text, "I am not running").via_outlet == "CNN"


def test_two_hops_nearest_the_speaker_first():
    text = "RIA Novosti, citing Interfax, quoted Deputy Foreign Minister Sergei Ryabkov as saying the treaty was “dead.”"
    quote = target(text, "dead")
    assert quote.via_chain == ["Interfax", "RIA Novosti"]
    assert quote.via_outlet == "Interfax"


def test_an_unknown_outlet_cited_by_an_outlet_is_a_hop():
    text = "Haaretz, citing Kan 11, quoted a senior officer as saying the border was “quiet for now.”"
    assert target(text, "quiet for now").via_chain == ["Kan 11", "Haaretz"]


def test_reported_citing_gives_the_cited_speaker():
    text = "The bridge would reopen “within a month,” Anadolu reported, citing Transport Minister Abdulkadir Uraloğlu."
    quote = target(text, "within a month")
    assert quote.via_outlet == "Anadolu"
    assert quote.speaker.endswith("Abdulkadir Uraloğlu")


def test_follow_on_quotes_keep_the_via():
    text = "“The line is cut,” engineer Tom Hale told the BBC. “We need three days at least to fix it.”"
    quotes = extract_quotes(text, engine="rules")
    assert quotes and all(q.via_outlet == "BBC" and q.via_chain == ["BBC"] for q in quotes)


@pytest.mark.parametrize(
    ("phrase", "name"),
    [("the pro-government daily Sabah", "Sabah"), ("CBS affiliate WUSA", "WUSA"), ("the Tasnim news agency", "Tasnim"),
     ("the German news agency dpa", "dpa"), ("Channel 12", "Channel 12")],
)
def test_bare_outlet_name(phrase, name):
    assert bare_outlet_name(phrase) == name


def test_relay_tail():
    assert relay_tail([",", "Xinhua", "reported", "."])
    assert not relay_tail([",", "officials", "said", "."])


def test_finder_gives_offsets_of_the_mention():
    text = "Minister Ana Ferraz told the Folha de S.Paulo newspaper that rates would fall."
    via = ViaFinder(text).find_in(0, len(text), (text.index("rates"), len(text) - 1))
    assert via is not None and via.outlet == "Folha de S.Paulo"
    assert text[via.start : via.end].startswith("Folha")
