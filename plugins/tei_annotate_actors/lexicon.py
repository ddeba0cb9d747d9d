"""Closed word classes of English that tell names apart and type them.

These are grammar, not knowledge of any article: honorifics and role nouns that
head a title, the head nouns that end organisation and geographic names, the
function words that never start a name, and the connectors names may contain.
Open classes (places, given names) come from maintained data packages instead
(see :mod:`.gazetteer`).
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``, as a set."""
    return frozenset(text.split())


# Honorifics and role nouns that stand before a personal name ("President Putin").
TITLE_NOUNS = words("""
    president vice-president premier chancellor minister secretary commodore
    prime king queen prince princess emperor sheikh emir sultan pope cardinal bishop
    archbishop rabbi imam ayatollah reverend rev father sister brother saint st
    mr mrs ms miss mx dr prof professor sir dame lord lady baron baroness judge justice
    senator sen rep representative congressman congresswoman governor gov mayor
    ambassador envoy commissioner chairman chairwoman chair director general gen
    lt lieutenant colonel col major maj captain capt commander cmdr admiral adm sgt spc pfc
    sergeant corporal cpl private pvt marshal brigadier spokesman spokeswoman spokesperson
    chief deputy speaker leader officer agent detective inspector superintendent
    """)
# Honorifics that only ever precede a personal name (a name follows them for sure).
HONORIFICS = words("""
    mr mrs ms miss mx dr prof sir dame lord lady rev reverend sheikh
    gen lt col maj capt cmdr adm sgt cpl pvt sen rep gov spc pfc brig
    """)
# Party labels standing before a name like a title ("Republican Donald Trump", "Labour MP").
PARTY_LABELS = words("democrat republican mp")
# Titles only in their abbreviated form ("Del. Stacey Plaskett"): "del" is also a particle.
ABBREVIATED_TITLES = words("del det fr msgr supt insp pres sec atty ald amb hon cdr")
# Words that may stand inside a title before its noun ("Foreign Minister", "Vice President").
TITLE_MODIFIERS = words("""
    foreign prime vice deputy defence defense interior finance home justice health
    education energy trade economy economic environment culture transport labour labor
    first second senior chief special former acting assistant associate attorney
    lieutenant major rear brigadier lance staff field supreme high grand crown
    army navy air naval military police foreign-policy presidential
    """)
# Role nouns heading a description of a person ("a French diplomat", "the Russian leader").
PERSON_ROLE_NOUNS = words("""
    president minister secretary premier chancellor leader leaders official officials diplomat
    diplomats envoy ambassador adviser advisor advisers advisors aide aides insider insiders
    spokesman spokeswoman spokesperson source sources chief commander general officer
    representative negotiator analyst expert observer journalist reporter correspondent
    lawmaker legislator senator governor mayor candidate director executive ceo chairman
    chairwoman founder head boss activist critic campaigner colleague ally allies friend
    man woman soldier veteran resident witness politician strategist economist banker
    investor lawyer judge prosecutor commissioner delegate negotiators officer manager
    accountant cheerleader deputy
    """)
# Last words of organisation names ("European Commission", "General Staff", "Apple Inc.").
ORG_HEADS = words("""
    commission ministry ministries staff council party agency inc inc. ltd ltd. plc corp corp.
    corporation company co co. group holdings bank fund committee department office service
    services army navy force forces command fleet corps brigade brigades battalion regiment
    division squadron wing unit units guard guards police coalition alliance union league
    federation confederation association organisation organization institute institution
    university college school academy court parliament senate congress assembly cabinet
    government administration authority authorities board bureau directorate secretariat
    movement front network foundation trust society club team summit nations
    caliphate airlines airways railways times post news press
    tribune herald journal telegraph guardian broadcasting television radio media house
    """)
# Words that open organisation names whatever follows ("Ministry of Defence", "Bank of England").
ORG_OPENERS = words("""
    ministry department office bank council commission committee university college
    institute court house members army navy government secretariat agency state
    centre center school board union league ministers friends
    """)
# Last words of geographic names ("Donetsk region", "Gulf of Aden", "Hamrin Mountains").
GEO_HEADS = words("""
    region province district county oblast governorate prefecture territory
    republic kingdom emirate city town village valley river sea ocean gulf bay lake
    mountain mountains mount hills island islands peninsula desert strait coast
    airfield airport base street square avenue road bridge canal border
    hospital prison stadium hotel palace
    """)
# Words that open geographic names ("Mount Sinjar", "Gulf of Oman", "Lake Chad").
GEO_OPENERS = words("mount lake gulf cape port fort camp sea bay isle river wadi jebel jabal")
# Geographic nouns that make the capitalised word after "of" a place ("the region of Yakutia").
GEO_NOUNS = words(
    """
    region province district city town village area capital suburb outskirts country
    regions provinces districts cities towns villages areas suburbs countries
    neighborhood neighbourhood quarter mountains hills river valley island islands
    """
)
# Lower-case nouns after a name that make it an organisation's name ("the Asad regime").
ORG_NOUNS = words("regime government administration tribe militia clan party movement group")
# Endings of place names ("Syria", "Kurdistan", "Finland"); given names are checked first.
PLACE_ENDINGS = ("ia", "stan", "land")
# Prepositions after which an unknown capitalised word is most likely a place:
# the first ones say so clearly, "in", "at" and "from" less so ("in Nato", "from Smith").
LOCATIVE_PREPOSITIONS = words("near outside inside across towards toward into around")
PLACE_PREPOSITIONS = LOCATIVE_PREPOSITIONS | words("in at from")
# Words whose object is an adversary: a group, seldom a place ("defeat Daesh").
ADVERSARY_CUES = words(
    "defeat defeating degrade degrading destroy destroying against combat combating counter "
    "countering eliminate eliminating"
)
# Lower-case words allowed inside a name between capitalised words.
NAME_CONNECTORS = words("of for on the and de del della di da du la le van von bin ibn al ad ar")
# Particles that belong to a surname ("de Mistura", "al-Abadi").
SURNAME_PARTICLES = words("de del della di da du la le van von der den bin ibn al el ad ar")

# Closed-class words and sentence adverbs: capitalised only because they open a sentence.
FUNCTION_WORDS = words("""
    a an the this that these those some any each every all both either neither no none
    i me my we us our you your he him his she her it its they them their one ones
    who whom whose which what when where why how whether if unless because although though
    while whilst since until after before as so but and or nor yet also then than there
    here now not only just even still already again once twice however meanwhile instead
    moreover furthermore nevertheless nonetheless therefore thus hence indeed perhaps maybe
    yes no ok okay thank thanks please well oh according despite during within without
    in on at by for from to of with about above below under over into onto upon across
    through throughout between among against toward towards around beyond behind near
    is are was were be been being am do does did done have has had having will would
    shall should can could may might must let lets many much more most few fewer less
    least several such other another same own own very too quite rather almost nearly
    today yesterday tomorrow tonight last next first second third earlier later
    """)
MONTHS_AND_DAYS = words("""
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
    friday saturday sunday
    """)
# Acronyms that name no actor (measures, technologies, time zones, formats).
NON_ACTOR_ACRONYMS = words("""
    gdp gnp cpi ceo cfo coo cto tv pc ai it ok id dna rna hiv aids covid sars am pm bc ad
    ce bce utc gmt est pdt pst usd eur gbp rpm mph kph km kg mw gw kwh uav uavs vbied
    ied ieds mp mps pr faq vip ipo q1 q2 q3 q4 diy rip asap fyi ps pps etc vs vat
    mri ct gps sms usb pdf url html www lgbt lgbtq
    """)
# Compass words that name a region when capitalised ("the West").
COMPASS = words("north south east west northern southern eastern western")
# Last words of names of texts, laws, events and times: named, but not actors.
NON_ACTOR_HEADS = words(
    """
    book books code act acts law laws constitution treaty charter convention conventions
    resolution resolutions agreement accord accords protocol declaration initiative
    time day days year war wars revolution operation exercise bible koran quran gospel
    revelation prize award plan program programme bill amendment assessment strategy
    policy doctrine
    """
)
# First words of names that are not actors (operations, exercises, vehicles).
NON_ACTOR_OPENERS = words("operation exercise")
# Ship prefixes: a named vessel is not an actor ("USS Hopper", "HMS Ocean").
SHIP_PREFIXES = frozenset(
    {"USS", "USNS", "HMS", "HMAS", "HMCS", "HMNZS", "FS", "INS", "RFS", "MV", "SS"}
)
# Adjective endings: a lone capitalised adjective ("Democratic") names no actor.
ADJECTIVE_ENDINGS = ("atic", "etic", "istic", "ical", "ive", "ous", "ful", "less", "able", "ible")
# Names of deities: capitalised, named, but neither people, organisations nor places here.
DEITIES = words("god allah")
