"""Word lists the model-free engine relies on: abbreviations, speech cues, titles, roles."""

from __future__ import annotations

# Quote marks, in one place for the tokenizer, the reader, the extractor and the scorer.
# Double marks and their partners; "''" is two apostrophes typed as a closing double mark.
MARK_PAIRS = {"“": "”", "«": "»", "„": "“", '"': '"', "‟": "”", "''": "''", "‘": "’"}
OPENING_MARKS = frozenset(MARK_PAIRS)
CLOSING_MARKS = frozenset({"”", "»", '"', "“", "''", "’"})
# Double quote marks only: single curly marks are also apostrophes.
QUOTE_MARKS = frozenset("“”«»„‟\"") | {"''"}

ABBREVIATIONS = frozenset(
    """Mr Mrs Ms Mx Dr Prof Sen Sens Rep Reps Gov Lt Gen Col Capt Cpt Sgt Maj Adm Cmdr Gens St Ste Jr Sr Rev Hon
    Pres Supt Det Insp Atty Inc Co Corp Ltd Bros Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec vs
    etc Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev
    Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wyo Mt Ft Ave Blvd Rd approx dept est fig""".split()
)
# Abbreviations that may also end a sentence when a capitalised word follows.
SENTENCE_FINAL_ABBREVIATIONS = frozenset("Inc Co Corp Ltd Bros etc Jr Sr".split())

TITLES = {
    # title word (as written before a name) -> role noun it implies
    "mr.": None, "mrs.": None, "ms.": None, "mx.": None, "dr.": "doctor", "prof.": "professor",
    "professor": "professor", "sen.": "senator", "senator": "senator", "rep.": "representative",
    "representative": "representative", "congressman": "congressman", "congresswoman": "congresswoman",
    "gov.": "governor", "governor": "governor", "president": "president", "vice": None,
    "mayor": "mayor", "secretary": "secretary", "minister": "minister", "chancellor": "chancellor",
    "premier": "premier", "judge": "judge", "justice": "justice", "gen.": "general", "general": "general",
    "lt.": None, "col.": "colonel", "capt.": "captain", "sgt.": "sergeant", "maj.": "major", "adm.": "admiral",
    "pope": "pope", "king": "king", "queen": "queen", "prince": "prince", "princess": "princess",
    "speaker": "speaker", "sheriff": "sheriff", "chief": "chief", "director": "director",
    "ambassador": "ambassador", "attorney": "attorney", "commissioner": "commissioner", "rev.": "reverend",
    "spokesman": "spokesman", "spokeswoman": "spokeswoman", "spokesperson": "spokesperson",
    "leader": "leader", "chairman": "chairman", "chairwoman": "chairwoman", "chair": "chair",
    "ceo": "chief executive", "founder": "founder", "councilman": "councilman", "councilwoman": "councilwoman",
    "councillor": "councillor", "councilmember": "councilmember", "sir": None, "dame": None, "lord": None,
    "rabbi": "rabbi", "father": None, "sister": None, "coach": "coach", "officer": "officer",
    "detective": "detective", "inspector": "inspector", "trooper": "trooper", "deputy": "deputy",
    "candidate": "candidate", "nominee": "nominee", "emperor": "emperor", "crown": None,
}

ROLE_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson spokespeople minister president senator governor mayor secretary
    official officials chairman chairwoman chair chief director leader lawmaker lawmakers representative
    congressman congresswoman ambassador diplomat diplomats candidate nominee aide aides adviser advisers
    advisor advisors analyst analysts expert experts professor economist economists lawyer lawyers attorney
    prosecutor prosecutors judge general commander source sources executive executives ceo founder
    researcher researchers scientist scientists doctor doctors witness witnesses resident residents
    activist activists campaigner manager coach chancellor premier king queen prince pope speaker whip
    strategist pollster head owner sheriff boss envoy negotiator mediator inspector commissioner councilman
    councilwoman councillor legislator legislators deputy counsel dean agent staffer operative consultant
    organizer member members worker workers employee employees voter voters supporter supporters critic
    critics opponent opponents author writer editor journalist reporter correspondent host anchor
    columnist historian physician nurse officer officers trooper firefighter soldier veteran student
    teacher parent mother father wife husband daughter son friend neighbor neighbour partner investor
    investors trader traders banker bankers administrator administration authorities authority police
    ministry department agency company firm government campaign committee court council office team
    party group spokeswoman representative governor mayor chief minister regulator regulators
    democrat democrats republican republicans conservative conservatives liberal liberals delegate
    delegates surrogate surrogates insider insiders observer observers people statement""".split()
)

# Roles that are really institutions: "the ministry said" speaks for the organisation.
INSTITUTION_NOUNS = frozenset(
    """ministry department agency company firm government campaign committee court council office team
    party group administration authorities authority police army military commission bank board
    union university hospital embassy""".split()
)

PRONOUNS = {
    "he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female",
    "they": "plural", "them": "plural", "we": "plural", "i": "self", "it": "neuter",
}
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you"})

# Lemma -> forms. "say" and friends introduce speech; the extractor treats them alike.
_CUE_LEMMAS = {
    "say": "say says said saying",
    "tell": "tell tells told telling",
    "add": "add adds added adding",
    "note": "note notes noted noting",
    "warn": "warn warns warned warning",
    "insist": "insist insists insisted insisting",
    "deny": "deny denies denied denying",
    "argue": "argue argues argued arguing",
    "claim": "claim claims claimed claiming",
    "state": "state states stated stating",
    "explain": "explain explains explained explaining",
    "announce": "announce announces announced announcing",
    "acknowledge": "acknowledge acknowledges acknowledged acknowledging",
    "admit": "admit admits admitted admitting",
    "assert": "assert asserts asserted asserting",
    "stress": "stress stresses stressed stressing",
    "emphasize": "emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised",
    "suggest": "suggest suggests suggested suggesting",
    "contend": "contend contends contended contending",
    "maintain": "maintain maintains maintained maintaining",
    "declare": "declare declares declared declaring",
    "write": "write writes wrote writing written",
    "tweet": "tweet tweets tweeted tweeting",
    "post": "posted",
    "recall": "recall recalls recalled recalling",
    "reply": "reply replies replied replying",
    "respond": "respond responds responded responding",
    "answer": "answered",
    "continue": "continued",
    "complain": "complain complains complained complaining",
    "concede": "concede concedes conceded conceding",
    "confirm": "confirm confirms confirmed confirming",
    "predict": "predict predicts predicted predicting",
    "promise": "promise promises promised promising",
    "vow": "vow vows vowed vowing",
    "urge": "urge urges urged urging",
    "caution": "caution cautions cautioned cautioning",
    "allege": "allege alleges alleged alleging",
    "charge": "charged",
    "point": "point points pointed pointing",
    "observe": "observe observes observed observing",
    "remark": "remark remarks remarked remarking",
    "reiterate": "reiterate reiterates reiterated reiterating",
    "testify": "testify testifies testified testifying",
    "conclude": "concluded",
    "reveal": "reveal reveals revealed revealing",
    "disclose": "disclose discloses disclosed disclosing",
    "agree": "agreed",
    "counter": "counter counters countered countering",
    "mention": "mention mentions mentioned mentioning",
    "quip": "quip quips quipped quipping",
    "joke": "joke jokes joked joking",
    "boast": "boast boasts boasted boasting",
    "lament": "lament laments lamented lamenting",
    "ask": "ask asks asked asking",
    "report": "report reports reported reporting",
    "estimate": "estimate estimates estimated",
    "accuse": "accuse accuses accused accusing",
    "describe": "described",
    "call": "called",
    "predict ": "forecast forecasts",
    "write ": "wrote",
    "believe": "believe believes believed",
    "think": "think thinks thought",
    "hope": "hopes hoped",
    "fear": "fears feared",
    "expect": "expects expected",
    "know": "knows knew",
    "worry": "worries worried",
    "learn": "learned learnt",
    "acknowledg": "acknowledged",
    "signal": "signaled signalled signals",
    "indicate": "indicated indicates",
    "proclaim": "proclaimed proclaims",
    "shout": "shouted shouts",
    "yell": "yelled",
    "scream": "screamed",
    "cry": "cried",
    "whisper": "whispered",
    "demand": "demanded demands",
    "propose": "proposed proposes",
    "threaten": "threatened threatens",
    "hint": "hinted hints",
    "brag": "bragged",
    "scoff": "scoffed",
    "concur": "concurred",
    "retort": "retorted",
    "interject": "interjected",
    "muse": "mused",
    "grumble": "grumbled",
    "declare ": "proclaimed",
    "comment": "comment comments commented commenting",
    "blast": "blasted blasts",
    "slam": "slammed slams",
    "criticize": "criticized criticised criticizes criticises",
    "praise": "praised praises",
    "hail": "hailed hails",
    "dub": "dubbed dubs",
    "label": "labeled labelled labels",
    "liken": "likened likens",
    "repeat": "repeated repeats",
}
CUE_FORMS: dict[str, str] = {}
for _lemma, _forms in _CUE_LEMMAS.items():
    for _form in _forms.split():
        CUE_FORMS.setdefault(_form, _lemma.strip())

# Cues of thought rather than speech: a quote tracker takes them only with an explicit that-clause.
BELIEF_LEMMAS = frozenset({"believe", "think", "hope", "fear", "expect", "know", "worry", "learn"})
# Cues that also serve as ordinary verbs; they need a that-clause, a colon or a quote to count.
WEAK_LEMMAS = frozenset(
    {"state", "call", "describe", "charge", "continue", "answer", "post", "point", "maintain", "report",
     "estimate", "ask", "demand", "propose", "threaten", "signal", "indicate", "accuse", "agree", "conclude",
     "cry", "confirm", "reveal", "promise", "predict", "note", "stress", "urge", "recall", "mention",
     "respond", "reply", "counter", "warn", "suggest", "admit", "deny", "write", "announce", "blast", "slam",
     "criticize", "praise", "hail", "dub", "label", "liken", "repeat"}
) | BELIEF_LEMMAS

# Words that end a speaker phrase when read leftwards from the cue.
CLAUSE_BREAKERS = frozenset(
    """that which who whom whose where when while because although though if since as than but and or so
    after before until unless whether ; : “ ” " « » ( ) — –""".split()
)
ADVERBS_BEFORE_CUE = frozenset(
    """also later then previously earlier recently once repeatedly again further has have had will would
    could may might did does do was were is are be been being already often frequently reportedly
    publicly privately separately simply flatly quickly immediately never not still has subsequently
    initially first finally even only just""".split()
)

CAPITALISED_FUNCTION_WORDS = frozenset(
    """The A An This That These Those He She It They We I You His Her Its Their Our My Your But And Or So Yet
    If When While As After Before Since Because Although Though In On At For From With Without By Of To Under
    Over During About Asked According Meanwhile However Still Also Now Then There Here What Who Whom Why How
    Where Which Some Many Most Several Both Each Every All No Not Yes One Two Three Four Five Six Seven Eight
    Nine Ten Last Next Earlier Later Instead Despite Among Between Against Through Until Unless Whether
    Such Other Another Any Only Even Just Once Today Tonight Yesterday Tomorrow Mr Mrs Ms Please Thank
    Thanks Let Do Does Did Is Are Was Were Be Been Has Have Had Will Would Could Should Can Might Must
    Shall Our Us Me Him Them Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
    March September October November December Read Click Sign Subscribe Follow
    Share Like Support Donate Please Related Advertisement Photo Video Watch Listen""".split()
)

ORG_WORDS = frozenset(
    """House Kremlin Pentagon Congress Senate Parliament Duma Ministry Department Agency Council Committee
    Commission Party Court Bank Fund Inc. Inc Corp. Corp Co. Ltd. Ltd LLC Group Company Association Union
    Federation Institute University College School Hospital Foundation Center Centre Office Service Services
    Police Army Navy Force Forces Guard Administration Authority Board Bureau Campaign Network News Times
    Post Journal Organization Organisation Alliance Coalition Movement Front Church Corporation Holdings
    Airlines Motors Systems Technologies Labs Media Press Radio Television Agency Embassy Cabinet Secretariat
    Government Assembly Tribunal Club League Team Council FBI CIA NSA NATO EU UN WHO IMF OPEC DNC RNC GOP
    FDA EPA SEC FCC IRS DOJ DHS NASA OSCE ICC UNICEF UNESCO BBC CNN""".split()
)

DEMONYMS = frozenset(
    """American Americans Russian Russians Ukrainian Ukrainians Turkish Turks Chinese British French German
    Germans Italian Spanish Iranian Iranians Israeli Israelis Palestinian Palestinians Syrian Syrians Iraqi
    Iraqis Afghan Indian Pakistani Japanese Korean Koreans European Europeans Western African Arab Arabs
    Mexican Canadian Australian Polish Democratic Republican Democrat Democrats Republicans Muslim Muslims
    Christian Christians Jewish Catholic Kurdish Kurds Saudi Saudis Egyptian Brazilian Soviet Georgian
    Belarusian Lithuanian Latvian Estonian Finnish Swedish Norwegian Danish Dutch Belgian Swiss Austrian
    Hungarian Czech Slovak Romanian Bulgarian Serbian Croatian Greek Armenian Azerbaijani Kazakh Nigerian
    Kenyan Venezuelan Cuban Colombian Argentine Chilean Peruvian Filipino Vietnamese Thai Indonesian
    Malaysian Taiwanese Scottish Irish Welsh English""".split()
)

PLACES = frozenset(
    """Afghanistan Albania Algeria Argentina Armenia Australia Austria Azerbaijan Bahrain Bangladesh Belarus
    Belgium Bolivia Bosnia Brazil Britain Bulgaria Cambodia Cameroon Canada Chile China Colombia Congo Croatia
    Cuba Cyprus Czechia Denmark Ecuador Egypt England Estonia Ethiopia Europe Finland France Georgia Germany
    Ghana Greece Guatemala Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy
    Japan Jordan Korea Kazakhstan Kenya Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Libya Lithuania Luxembourg
    Malaysia Mali Mexico Moldova Mongolia Montenegro Morocco Myanmar Nepal Netherlands Nicaragua Niger
    Nigeria Norway Oman Pakistan Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar Romania
    Russia Rwanda Scotland Senegal Serbia Singapore Slovakia Slovenia Somalia Spain Sudan Sweden Switzerland
    Syria Taiwan Tajikistan Tanzania Thailand Tunisia Turkey Turkmenistan Uganda Ukraine Uruguay Uzbekistan
    Venezuela Vietnam Wales Yemen Zambia Zimbabwe Africa Asia America Americas Antarctica Arctic Crimea
    Donbas Gaza Kyiv Kiev Moscow Washington London Paris Berlin Beijing Tokyo Ankara Istanbul Tehran
    Jerusalem Damascus Baghdad Kabul Minsk Warsaw Rome Madrid Brussels Geneva Vienna Prague Budapest
    Delhi Mumbai Seoul Pyongyang Manila Jakarta Cairo Riyadh Dubai Doha Beirut Sochi Aleppo Idlib Kharkiv
    Odesa Odessa Mariupol Donetsk Luhansk Chicago Boston Philadelphia Atlanta Miami Houston Dallas Denver
    Seattle Detroit Phoenix Baltimore Cleveland Alabama Alaska Arizona Arkansas California Colorado
    Connecticut Delaware Florida Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine
    Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma
    Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Wisconsin Wyoming Manhattan Brooklyn Queens
    Bronx Harlem Syria Kremlin""".split()
) - {"Kremlin"}
MULTIWORD_PLACES = frozenset(
    """United States|United Kingdom|New York|New Jersey|New Mexico|New Hampshire|North Carolina|South Carolina
    |North Dakota|South Dakota|West Virginia|Rhode Island|Los Angeles|San Francisco|San Diego|Las Vegas
    |New Orleans|Saudi Arabia|South Korea|North Korea|South Africa|New Zealand|Sri Lanka|Hong Kong
    |United Arab Emirates|Czech Republic|Middle East|Latin America|Soviet Union|European Union
    |Ground Zero|Wall Street|Capitol Hill|Silicon Valley|St. Petersburg|Sierra Leone|Costa Rica
    |El Salvador|Puerto Rico|Tel Aviv|Abu Dhabi|Buenos Aires|Rio de Janeiro|Mexico City|Kansas City
    |Salt Lake City|Washington D.C.""".replace("\n", "").split("|")
)
MULTIWORD_PLACES = frozenset(place.strip() for place in MULTIWORD_PLACES)

FEMALE_NAMES = frozenset(
    """Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret Sandra
    Ashley Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Rebecca Laura Sharon Cynthia
    Kathleen Amy Shirley Angela Helen Anna Brenda Pamela Nicole Emma Samantha Katherine Christine Debra Rachel
    Catherine Carolyn Janet Ruth Maria Heather Diane Virginia Julie Joyce Victoria Olivia Kelly Christina
    Lauren Joan Evelyn Judith Megan Cheryl Andrea Hannah Martha Jacqueline Frances Gloria Ann Teresa Kathryn
    Sara Janice Jean Alice Madison Doris Abigail Julia Judy Grace Denise Amber Marilyn Beverly Danielle Theresa
    Sophia Marie Diana Brittany Natalie Isabella Charlotte Rose Alexis Kayla Hillary Chelsea Nikki Kamala
    Nancy Elizabeth Angela Theresa Ursula Marine Kaja Maria Irina Olga Tatiana Natalia Svetlana Elena Yulia
    Anna Maria Valentina Ekaterina Marina Ludmila Lyudmila Kellyanne Sarah Huckabee Ivanka Melania Michelle
    Hope Jill Condoleezza Madeleine Dianne Elise Liz Kirsten Amy Tammy Susan Lisa Patty Debbie Jeanne Jane
    Sheryl Meg Carly Janet Christine Kristalina Jacinda Sanna Giorgia Annalena Mette Kaja Golda Indira Benazir
    Aung Yingluck Tsai Park Dilma Cristina Michelle Julia Theresa Nicola Priti Liz Kemi Rishi""".split()
) - {"Rishi", "Park", "Tsai", "Aung"}
MALE_NAMES = frozenset(
    """James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony
    Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan
    Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander
    Frank Patrick Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter Kyle
    Ethan Walter Noah Jeremy Christian Keith Roger Terry Gerald Harold Sean Austin Carl Arthur Lawrence Dylan
    Jesse Jordan Bryan Billy Joe Bruce Gabriel Logan Albert Willie Alan Juan Wayne Elijah Randy Roy Vincent
    Ralph Eugene Russell Bobby Mason Philip Louis Barack Bill Mike Mitch Ted Marco Bernie Chuck Jeb Newt
    Dmitry Dmitri Vladimir Sergei Sergey Alexei Alexey Mikhail Viktor Volodymyr Petro Recep Tayyip Emmanuel
    Boris Olaf Xi Kim Narendra Benjamin Bashar Ali Mohammed Muhammad Ahmed Hassan Hossein Javad Abbas Yair
    Naftali Mahmoud Ismail Yevgeny Yuri Igor Ivan Nikolai Andrei Oleg Maxim Pavel Ramzan Alexander Antony
    Lloyd Jake Rex Reince Sean Steve Jared Kellyanne Rudy Rudolph Newt Rand Lindsey Orrin Harry Nancy Kevin
    Jim Tim Tom Rick Rob Bob Dan Dave Don Doug Ed Fred Greg Hank Ken Larry Matt Nick Pat Pete Phil Ray Ron Sam
    Stan Tony Will Chris Jeff Josh Justin Kurt Luke Mitt Paul Rahm Reid Rubio Joe Hunter Beau Antonio Pedro
    Luis Carlos Jair Luiz Lula Nicolas Hugo Fidel Raul Evo Shinzo Fumio Yoshihide Moon Yoon Rodrigo Ferdinand
    Jokowi Imran Nawaz Shehbaz Recep Ilham Nikol Alexander Aleksandr Aleksandar Viktor Andrzej Mateusz
    Donald Keir Rishi Boris David Gordon Tony Nigel Jeremy Emmanuel Nicolas Francois Jacques Olaf Friedrich
    Angela Gerhard Helmut Mario Giuseppe Matteo Silvio Pedro Mariano Jose Justin Stephen Pierre Scott Anthony
    Malcolm Kevin Jacinda Chris Cyril Jacob Thabo Nelson Uhuru William Paul Abiy Yoweri""".split()
) - {"Angela", "Jacinda", "Nancy", "Kellyanne"}
