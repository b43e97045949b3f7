"""The cue lexicon of extract: how the domain's language words scopes (company sizes), hedges,
conditions, negation and each relation of the ontology. Each cue is a general wording of the
domain, not a sentence of any page; tests cover every cue with sentences of their own.

Relation cues are matched against the words *between* two role mentions (lower case, spaces
collapsed), anchored at the end, so the cue is the last thing before the object. Imports only
the standard library and :mod:`rolegraph.model`; it must not import any other rolegraph module.
"""

from __future__ import annotations

import re

from ..model import SIZE_INDEX, Scope

W = r"(?:[\w’'-]+,?\s+)"  # one word of free filler
DET = r"(?:\s*(?:the|a|an|any|all|every|each|that of(?: the| a)?|their|its|his|her|our|your))*"

_NEG = r"(?:not|\w*n[’']t|never|no longer|hardly)"


def _end(body: str, filler: int = 10) -> re.Pattern[str]:
    """A cue that ends the between-text: up to ``filler`` words, the cue, determiners."""
    return re.compile(rf"^[\s,:(]*(?:[’']s\s+)?{W}{{0,{filler}}}?(?:{body}){DET}\s*$")


# ---------------------------------------------------------------- relations between two mentions
NOT_ABOVE = _end(
    rf"{_NEG}\s+{W}{{0,3}}?(?:above|higher than|in a higher (?:position|rank|role) than|senior to|more senior than"
    r"|outrank(?:s)?|rank(?:ed)? above|sit(?:s)? above|superior to)"
    r"|no (?:higher|more senior) than|at most (?:equal|level) (?:to|with)"
)
NOT_BELOW = _end(
    rf"{_NEG}\s+{W}{{0,3}}?(?:below|beneath|under|lower than|junior to|subordinate to|less senior than)"
)  # "X is not below Y": Y is not above X
BELOW = _end(
    r"below|beneath|underneath|under|lower than|junior to|subordinate to|less senior than|a step down from"
    r"|a (?:step|level|rung|notch|tier) (?:below|down from)|(?:one|two) (?:steps?|levels?|rungs?) below"
    r"|lower (?:down )?(?:on|in) the (?:ladder|hierarchy|org chart) than"
)
ABOVE = _end(
    r"above|higher than|senior to|more senior than|superior to|outranks?|ahead of|a (?:step|level|rung) up from"
    r"|a (?:step|level|rung|notch|tier) above|(?:one|two) (?:steps?|levels?|rungs?) above"
    r"|higher (?:up )?(?:on|in) the (?:ladder|hierarchy|org chart) than|in a higher (?:position|rank|role) than"
)
REPORTS_TO = _end(
    r"(?:reports?|reported)(?: directly| straight)? (?:in)?to|reporting(?: directly)? (?:in)?to|answer(?:s|ed)? to"
    r"|answerable to|accountable to"
    r"|presents? to|(?:make|making|give|giving) (?:\w+ )?presentations to|(?:is|are) managed by|(?:is|are) overseen by"
    r"|(?:is|are) supervised by|(?:is|are) led by|works? (?:under|for)|working (?:under|for)"
    r"|(?:manager|boss|line manager|supervisor) (?:is|will be)(?: usually| typically| often| generally| normally)?"
)
OVERSEES = _end(
    r"(?:oversees?|overseeing|oversaw|manages?|managing|managed|leads?|leading|led|supervises?|supervising|directs"
    r"|(?:has|have|had|with) (?:a |an )?(?:\w+ )?(?:team|group|squad|pod) of"
    r"|directing|is in charge of|are in charge of|in charge of|has authority over|(?:is|are) the (?:boss|manager) of)"
    r"(?:\s+(?:all|a|an|the|teams? of|groups? of|squads? of|pods? of|handful of|several|multiple|other|one or more"
    r"|many|junior|senior|more|numerous|individual|fellow|up to|between|\d+\+?|\d+\s*[–-]\s*\d+"
    r"|two|three|four|five|six|ten"
    r"|(?:\d+|two|three|four|five) (?:to|or|and) (?:\d+|three|four|five|six|eight|ten)))*",
    filler=12,
)
SAME = _end(
    r"(?:is|are)\s+(?:\w+\s+){0,2}?(?:the same (?:role|job|title|position|thing|person) as|another (?:name|term|title|word)"  # noqa: E501
    r" for|equivalent to|synonymous with|interchangeable with|identical to|a synonym for|(?:also )?(?:called|known as"
    r"|referred to as))|also known as|aka|a\.k\.a\.|otherwise known as|sometimes called|also called|or simply",
    filler=4,
)
MAY_BE = _end(
    r"(?:may|can|might|could|sometimes|often|also|will sometimes|occasionally)\s+(?:also\s+|even\s+|well\s+)?"
    r"(?:be|act as|serve as|double as|function as|fill (?:in )?(?:the role of|as)|step in as|take on the role of"
    r"|wear the hat of|play the role of)|acts as|serves as|doubles as|steps in as"
    r"|(?:is|are) (?:also |essentially |basically |really )?(?:a|an)(?: kind of| type of| form of| sort of)?",
    filler=4,
)
THINK_AS = re.compile(r"^\s*(?:role|position|title|job)?\s*as\s+(?:the|a|an)?\s*$")
THINK_BEFORE = re.compile(r"\b(?:think of|see|view|regard|consider|treat)(?:\s+(?:the|a|an))?\s*$")
OVERLAPS = _end(
    r"(?:overlaps?|overlapping|overlapped|shares? (?:\w+ )?(?:responsibilities|duties|scope) with|intersects?)"
    r"(?: with)?(?: that of| those of)?",
    filler=6,
)
SEQ = re.compile(
    r"^(?:[^;]{0,100}?,\s*|\s*)(?:and\s+)?(?:(?:is|are)\s+)?(?:followed (?:closely |directly )?by|then(?:\s+comes?|\s+the)?|next(?:\s+comes?)?"  # noqa: E501
    r"|after (?:that|them|which|this)(?:\s+comes?)?|below (?:that|them|which|this)(?:\s+(?:comes?|sits?|is|are))?)"
    rf"{DET}\s*$"
)
SEQ_BELOW = re.compile(r"\bbelow (?:that|them|which|this)\b")
# a role said not to exist: "there's no CPO", "without a Head of Design"
DENIED_BEFORE = re.compile(r"\b(?:[Nn]o|[Ww]ithout(?: an?| the)?|[Nn]ever an?|[Ll]acks?(?: an?| the)?)\s+$")
# negation over a whole claim, before its subject: "Nothing in this policy makes X senior to Y"
WIDE_NEG = re.compile(
    r"\b(?:[Nn]othing|[Nn]o\s+(?:[\w-]+\s+){0,4}?(?:makes?|means?|implies|puts?|places?|says?|states?)|[Nn]one of"
    r"|(?:does|do|did|will|should)\s*n(?:o|[’'])t\s+(?:mean|make|imply|put|place)|[Nn]ot (?:mean|imply)"
    r"|[Ii]t is not true that|[Ii]t[’']s not (?:true|the case) that|[Ii]t is not the case that)\b[^,;:.]{0,60}$"
)
# an action verb before a title: the title is its object ("Nair will lead a team of designers")
VERB_BEFORE = re.compile(
    r"\b(?:lead|leads|led|leading|manages?|managed|oversees?|oversaw|runs?|ran|heads?|headed|has|have|had"
    r"|builds?|built|mentors?|mentored|coach(?:es|ed)?|supports?|supported)"
    r"\s+(?:a|an|the|his|her|their|its|all|every|several|some|two|three|four|five|six|\d+)\b",
    re.I,
)
# "the CPO's direct reports are the VPs": the titles after it report to the possessor
DIRECT_REPORTS = re.compile(
    r"^\s*(?:['’]s?\s+)?(?:\w+\s+){0,2}?(?:direct reports|reports|direct team|team members)\s+"
    r"(?:are|were|include|included|consist of|:)(?:\s+(?:the|a|an|two|three|four|five|\d+))?\s*$"
)
RANK_CONTEXT = re.compile(
    r"\b(?:rank|ranks|ranked|ranking|highest|lowest|top|ladder|hierarchy|order|senior|seniority)\b"
)
ARROW_UP = re.compile(r"^\s*(?:→|->|=>|⟶|⇒|<)\s*$")
ARROW_DOWN = re.compile(r"^\s*(?:>|»)\s*$")
FROM_BEFORE = re.compile(
    r"\b(?:from|leap from|move from|moving from|promoted from|promotion from|progress(?:ion|ed|ing|es)? from"
    r"|transition(?:ing|s)? from|step(?:ping)? up from|grow(?:ing|s)? from|advance(?:ment)? from)"
    r"(?:\s+(?:being|a role as))?(?:\s+(?:a|an|the))?\s*$"
)
FROM_TO = re.compile(
    r"^\s*(?:role|position|level)?\s*(?:to|into|up to|on to|onto)(?:\s+(?:becoming|being))?(?:\s+(?:a|an|the))?\s*$"
)
PROMOTED = _end(
    r"(?:is|are|be|get|gets|getting|was|were)\s+(?:\w+\s+)?promoted (?:to|into)|moves? up (?:to|into)|moving up to|grows? into"  # noqa: E501
    r"|steps? up to|progress(?:es)? to|advances? to|(?:eventually |later |often )?becomes?|next step (?:is|up is)"
    r"|can become|may become|will become|goes on to become|promot(?:e|es|ed|ing) (?:them|him|her|it) (?:to|into)"
    r"|(?:is|are) (?:a|an|the) (?:\w+ )?(?:stepping[- ]stone|springboard|feeder role|path|route) (?:to|into|towards)",
    filler=4,
)
NEXT_CONJUNCT = re.compile(r",\s+(?:and|but|or)\s+|;\s+")
ASIDE = re.compile(r"\([^()]{0,40}\)")
OWN_PREDICATE = re.compile(
    r"^\s*(?:(?:usually|typically|often|generally|also|then|in turn|directly|still)\s+)?(?:reports?|reported|is|are|was"
    r"|were|sits?|ranks?|manages?|managed|oversees?|leads?|led|answers?|has|have)\b"
)
NO_PROMOTION = re.compile(r"\b(?:not a promotion|no promotion|lateral|sideways|change of track|a step down)\b")
COORD = re.compile(
    r"^\s*(?:,|,?\s*(?:and|or|&)(?:\s+(?:even|sometimes|also|perhaps|possibly))?)\s*"
    r"(?:the|a|an|one|two|three|four|five|six|several|some|many|\d+)?\s*$"
)
OR_COORD = re.compile(r"^\s*(?:\(\s*)?(?:,\s*)?or(?:\s+(?:the|a|an))?\s*$")
SAME_AFTER_OR = re.compile(
    r"^\s*(?:[’']s\s+)?(?:\)\s*)?(?:is|are)\s+(?:the|a|an)\s+(?:\w+\s+){0,2}?(?:person|one|role|individual|executive"
    r"|leader|title)\s+(?:in charge|responsible|who|that)"
)
SAME_AFTER_AND = re.compile(
    r"^\s*(?:are|is)\s+(?:\w+\s+){0,8}?(?:the same (?:role|job|title|position|thing)|interchangeabl[ey]|synonym(?:s|ous)"  # noqa: E501
    r"|equivalent|(?:two|different) (?:terms|titles|names|words)(?: \w+){0,4} (?:for|of) (?:one|the same)|one and the same)"  # noqa: E501
)
PLURAL_SAME = re.compile(
    r"\b(?:these|the|both|the two|those) (?:titles|roles|terms|positions|names|jobs)\b.{0,60}?"
    r"\b(?:interchangeabl[ey]|the same|synonym(?:s|ous)|equivalent)"
)
BOTH_SHARE = re.compile(
    r"^\W*both\b(?! of)(?:\s+\w+){0,4}?\s+(?:involved in|responsible for|share|work on|own|take part in)"
)
OVERLAP_AND = re.compile(r"^\s*(?:both\s+)?(?:share|overlap|have overlapping)\b")
TOP = re.compile(
    r"^\s*(?:[’']s\s+)?(?:[^.;]{0,100}?)\b(?:ranks? (?:the )?highest"
    r"|(?:is|sits|are|stands) (?:(?:at|on) the (?:very )?top|the (?:very )?top of)"
    r"|(?:is|are|as|be|becomes?|the|make|makes|making)\s+(?:\w+\s+){0,2}?(?:highest[- ]ranking|highest|top|most senior"
    r"|senior-most|top-ranking|top-most|ultimate)(?:\s+[\w-]+){0,3}?\s+(?:role|person|position|title|job|rank|leader"
    r"|executive|authority|level|decision[- ]maker|designer|engineer|manager|member|hire|figure)"
    r"|responsible for (?:the )?(?:entire|whole) product|(?:oversees?|heads?(?: up)?|leads?|runs?) (?:the )?"
    r"(?:entire|whole) (?:product|(?:engineering|design|technology|tech)"
    r" (?:organi[sz]ation|org|department|function)))\b"
)
COMPARATIVE_END = re.compile(
    r"^\s*(?:\w+\s+){0,3}?(?:sits?|ranks?|is|are|stands?|comes?)\s+(?:\w+\s+){0,2}?"
    r"(?P<dir>higher|above|lower|below|beneath)(?:\s+(?:on|in) the (?:ladder|hierarchy|org chart))?\s*$"
)
PRONOUN_SUBJ = re.compile(
    r"\b(?:[Tt]hey|[Hh]e|[Ss]he|[Ii]t|[Tt]his person|[Tt]his role|[Tt]his position|[Bb]oth)\b(?! of)"
)  # explicit capitals instead of re.I: the same matches, faster
PRONOUN_OBJ = re.compile(r"^\s*(?:them|him|her|it|that role|this role|that person|that position)\b")
CONTRAST_BEFORE = re.compile(
    r"\b(?:unlike|rather than|instead of|as opposed to|except)(?:\s+\w+ing(?:\s+(?:to|for|under|with))?)?"
    r"(?:\s+(?:the|a|an))?\s*$"
)  # "unlike the CTO", "rather than reporting to the CTO"
NEGATION = re.compile(
    rf"\b(?:{_NEG}|nor|rather than|instead of|unlike|as opposed to|different from|differs? from|distinct from"
    r"|confused with|mistaken for|opposed to)\b|n[’']t\b"
)

# ---------------------------------------------------------------- hedges, conditions, scopes
_HEDGES = (
    ("some", re.compile(r"\b(?:in|at|for) some (?:teams|companies|organi[sz]ations|orgs|businesses|firms|places|cases)"
                        r"|\bsometimes\b|\boccasionally\b|\bsome (?:companies|teams|organi[sz]ations|orgs)\b")),
    ("may", re.compile(r"\b(?:may|might|can|could|possibly|perhaps|potentially)\b")),
    ("often", re.compile(r"\b(?:often|frequently|commonly|many (?:companies|teams|organi[sz]ations))\b")),
    ("generally", re.compile(r"\b(?:generally|usually|typically|normally|in general|mostly|probably|likely"
                             r"|tends? to|as a rule|most (?:companies|teams|organi[sz]ations))\b")),
)  # fmt: skip

_CONDITION = re.compile(
    r"\b(?P<c>(?:if|when|where|whenever|as long as)\s+(?:there (?:is|are)|the company has|a company has|"
    r"the team has|both|a|an|the|they|it|no)\b[^,;]{2,80}?)(?:,|$)"
)
_BOTH = re.compile(
    r"\b(?:in|at|for|with)\s+(?:teams|companies|organi[sz]ations|orgs|enterprises|businesses)?\s*(?:with|that have|having)"  # noqa: E501
    r" both\b|\bthat have both\b|\bin teams with both\b|\bwith both\b"
)

_SIZE_WORD = (
    r"(?:very\s+)?(?:small(?:er)?|tiny|large(?:r)?|big(?:ger)?|huge|mid-?size[d]?|medium(?:-?size[d]?)?|midsize[d]?"
    r"|mid-market|early-stage|growth-stage|large-scale|enterprise(?:-level|-scale|-sized?)?|start-?up|scale-?up)"
)
_NOUN = r"(?:companies|company|organi[sz]ations?|orgs?|teams?|businesses|business|firms?|corporations?|enterprises"
_NOUN += r"|startups|start-ups|scale|level|settings?|environments?|companies’|outfits|tech)"
_SCOPE = re.compile(
    rf"\b(?P<words>{_SIZE_WORD}(?:\s*(?:,|/|or|and|to|even|and even|or even|-)\s*{_SIZE_WORD})*)[\s,]+(?:[a-z-]+\s+)?(?P<noun>{_NOUN})\b"  # noqa: E501
    r"|\b(?:a|an|our|we are a)\s+(?:[\w-]+\s+)?(?P<startup>start-?up)\b"
    r"|\b(?:in|at|for|within|inside)\s+(?:a|an|the|most|many|early-stage)?\s*(?:[\w,.-]+-person\s+)?"
    r"(?P<bare>start-?ups?|enterprises?|scale-?ups?"
    r"|corporations?|large corporations)\b"
)


def hedge_of(text: str) -> tuple[str, str]:
    """(hedge, cue) of a clause: the most hedged cue found; ('definite', '') without one."""
    low = text.lower()
    for hedge, pat in _HEDGES:
        m = pat.search(low)
        if m:
            return hedge, m.group(0)
    return "definite", ""


def condition_of(text: str) -> str | None:
    """A condition stated in the clause ("if there is a product director"), or None."""
    m = _BOTH.search(text.lower())
    if m:
        return "in teams that have both roles"
    m = _CONDITION.search(text)
    if m and re.match(r"(?i)if|when|where|whenever|as long as", m.group("c")):
        return " ".join(m.group("c").split())
    return None


def _size_range(word: str, alone: bool) -> tuple[int, int] | None:
    w = word.lower().replace(" ", "").replace("very", "")
    if w in ("tiny", "early-stage", "startup", "start-up", "startups", "start-ups"):
        return SIZE_INDEX["startup"], SIZE_INDEX["startup"]
    if w.startswith("small"):
        return (SIZE_INDEX["startup"], SIZE_INDEX["small"]) if alone else (SIZE_INDEX["small"], SIZE_INDEX["small"])
    if w.startswith(("mid", "medium", "growth", "scale")):
        return SIZE_INDEX["mid"], SIZE_INDEX["mid"]
    if w.startswith(("large", "big", "huge", "corporation")):
        return SIZE_INDEX["large"], SIZE_INDEX["enterprise"]
    if w.startswith("enterprise"):
        return SIZE_INDEX["enterprise"], SIZE_INDEX["enterprise"]
    return None


_SCOPE_GATE = re.compile(r"small|tiny|large|big|huge|mid|medium|early|growth|enterprise|start|scale|corporat")
_WORD_SPLIT = re.compile(rf"{_SIZE_WORD}", re.I)


# a company's headcount: "(~80 people)", "a 12,000-employee maker", "about 600 employees"
_HEADCOUNT = re.compile(
    r"(?:^|[\s(])(?P<less>fewer than |less than |under |below )?(?:~|about |around |roughly |some |over |nearly )?"
    r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?:\s+|-)(?:people|employees?|person)(?! teams?\b)\b"
)
# upper bound of headcount for each size, smallest first (a rule of thumb, stated in the README)
_HEADCOUNT_BINS = ((20, "startup"), (200, "small"), (1000, "mid"), (10000, "large"))


def _headcount_scope(low: str) -> tuple[Scope | None, str]:
    m = _HEADCOUNT.search(low)
    if not m:
        return None, ""
    n = int(m.group("n").replace(",", ""))
    size = next((s for top, s in _HEADCOUNT_BINS if n <= top), "enterprise")
    lo = SIZE_INDEX["startup"] if m.group("less") else SIZE_INDEX[size]
    return Scope(lo, SIZE_INDEX[size]), m.group(0).strip()


def scope_of(text: str) -> tuple[Scope | None, str]:
    """(scope, cue) of the company sizes a clause speaks of; (None, '') when it names none."""
    low = text.lower()
    if not _SCOPE_GATE.search(low):
        return _headcount_scope(low) if "people" in low or "employ" in low else (None, "")
    m = _SCOPE.search(low)
    if not m:
        return None, ""
    if m.group("startup"):
        return Scope(SIZE_INDEX["startup"], SIZE_INDEX["startup"]), m.group(0).strip()
    if m.group("bare"):
        r = _size_range(m.group("bare").split()[-1], True)
        return (Scope(*r), m.group(0).strip()) if r else (None, "")
    words = [w.group(0) for w in _WORD_SPLIT.finditer(m.group("words"))]
    ranges = [r for r in (_size_range(w, len(words) == 1) for w in words) if r]
    if not ranges:
        return None, ""
    return Scope(min(r[0] for r in ranges), max(r[1] for r in ranges)), m.group(0).strip()


# "X has several Product Managers reporting to them": X oversees Y
HAS_BEFORE = re.compile(rf"^[\s,]*{W}{{0,8}}?(?:has|have|had|with)(?:\s+[\w–-]+){{0,3}}\s*$")
REPORTING_AFTER = re.compile(
    r"^\s*(?:(?:reporting|who report|that report|report)\s+(?:directly\s+)?(?:in)?to\s+(?:them|him|her)\b"
    r"|as (?:(?:their|his|her|its) )?(?:direct |line )?reports\b)"
)  # "X has Y reporting to them", "X has Y as direct reports"
# "Above the Product Manager sits the Senior PM": the cue before the first mention
INVERTED_BEFORE = re.compile(r"\b(?P<dir>above|below|under|beneath)(?:\s+(?:the|a|an|any|every))?\s*$")
INVERTED_BETWEEN = re.compile(
    r"^[\s,]*(?:\w+\s+)?(?:sits?|is|are|comes?|ranks?|you(?:[’']ll)? find)(?:\s+(?:the|a|an))?\s*$"
)
# "Head of Product (or VP of Product)": two titles for one role
PAREN_OR = re.compile(r"^\s*\(\s*or(?:\s+(?:the|a|an))?\s*$")
# a speaker, timestamp or Q&A label before a sentence: "[01:20] MAYA: ", "Question: ", "Q: "
SPEAKER = re.compile(r"^\W*(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s*)?(?:[A-Z][\w.’'()/-]*(?:\s+[\w.’'()/-]+){0,3}:\s+)?")
# "Does the Head of Product report to the CPO?": a question states nothing
QUESTION = re.compile(
    r"^\W*(?:is|are|does|do|did|should|can|could|will|would|who|what|which|where|when|how|why)\b", re.I
)


# ---------------------------------------------------------------- used by the engine's clause rules
ACTS_BOTH = re.compile(r"\b(?:acts?|serves?|functions?|doubles?) as both\b")
SINGLE_GATE = re.compile(
    r"high|top|senior|ultimate|entire|whole|above|below|beneath|lower|them|him|her|that role|that person"
)
TOP_GATE = re.compile(r"high|top|senior|ultimate|entire|whole")
ISNT_LEAD = re.compile(r"^\s*(?:[’']s\s+)?(?:\w+\s+){0,3}?isn")
PRONOUN_OBJECT = re.compile(r"\b((?:than|to|under|below|above))\s+(?:them|him|her|that role|that person)\b")
VERB = re.compile(r"\b(?:is|are|be|sits?|ranks?|reports?|answers?|works?|isn[’']t|aren[’']t|remains?|stays?)\b")
REPORTS_TO_THEM = re.compile(r"\breports?\s+to\s+them")
CONJOINED = re.compile(r"^,?\s*(?:and|but|and also|while also)\s+(?!the\b|a\b|an\b|even\b|or\b)[a-z]")
CONJOINED_ANYWHERE = re.compile(r"(?:^|,?\s)(?:and|but)\s+(?!the\b|a\b|an\b|even\b|or\b)[a-z]")
POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
PREDICATE_LEAD = re.compile(
    r"^(?:but|yet|and|though|although|while|whereas)\s+(?=(?:is\s+|are\s+)?[a-z]+\s+(?:to|than)\b)"
)
VERB_LEAD = re.compile(
    r"^(?=(?:reports?|answers?|sits?|ranks?|is|are)\s+(?:\w+\s+){0,2}?(?:to|than|below|above|under)\b)"
)
DET_ONLY = re.compile(r"\W*(?:(?:the|a|an|our|your|every|each|any)\s+)?", re.I)
AND_LINK = re.compile(r"^\s*,?\s*(?:and|&)(?:\s+(?:the|a|an))?\s*$")
COMMA_LINK = re.compile(r"^\s*,(?:\s+(?:the|a|an))?\s*$")
AND = re.compile(r"\s*(?:and|&)\s*(?:the|a|an)?\s*")
ANAPHOR = re.compile(r"\b(?:[Bb]oth|[Tt]hese|[Tt]hose|[Tt]he two|[Tt]hey|[Hh]e|[Ss]he|[Ii]t|[Tt]his)\b")
