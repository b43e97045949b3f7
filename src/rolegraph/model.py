"""The typed claim model: sources, claims and scopes, each remembering its file and line.

It imports nothing of rolegraph: every other layer reads it, so it must not import any other
rolegraph module.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SIZES: tuple[str, ...] = ("startup", "small", "mid", "large", "enterprise")
SIZE_INDEX: dict[str, int] = {s: i for i, s in enumerate(SIZES)}

RELATIONS: tuple[str, ...] = (
    "above",
    "below",
    "same",
    "may_be",
    "reports_to",
    "oversees",
    "not_above",
    "top",
    "overlaps",
)
#: Relations that put the subject above (+1) or below (-1) the object.
RANK_DIRECTION: dict[str, int] = {"above": 1, "oversees": 1, "below": -1, "reports_to": -1}

HEDGES: tuple[str, ...] = ("definite", "generally", "often", "may", "some")
DEFAULT_WEIGHTS: dict[str, float] = {
    "definite": 1.0,
    "generally": 0.8,
    "often": 0.6,
    "may": 0.4,
    "some": 0.3,
}
#: Hedges that state a claim firmly; the others (often, may, some) are hedged.
FIRM_HEDGES: frozenset[str] = frozenset({"definite", "generally"})


@dataclass(frozen=True, order=True, slots=True)
class Scope:
    """An interval of company sizes, ``lo`` and ``hi`` indexes into :data:`SIZES`."""

    lo: int = 0
    hi: int = len(SIZES) - 1

    @property
    def is_any(self) -> bool:
        return self.lo == 0 and self.hi == len(SIZES) - 1

    def sizes(self) -> tuple[str, ...]:
        return SIZES[self.lo : self.hi + 1]

    def overlaps(self, other: Scope) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def intersection(self, other: Scope) -> Scope | None:
        lo, hi = max(self.lo, other.lo), min(self.hi, other.hi)
        return Scope(lo, hi) if lo <= hi else None

    def contains(self, other: Scope) -> bool:
        return self.lo <= other.lo and other.hi <= self.hi

    def covers(self, size: str) -> bool:
        return self.lo <= SIZE_INDEX[size] <= self.hi

    def __str__(self) -> str:
        if self.is_any:
            return "any"
        if self.lo == self.hi:
            return SIZES[self.lo]
        return f"{SIZES[self.lo]}..{SIZES[self.hi]}"

    @classmethod
    def parse(cls, text: str) -> Scope | None:
        """Parse ``any``, a size, or ``FROM..TO``; None when the text is not a scope."""
        t = text.strip().lower()
        if t == "any":
            return cls()
        if ".." in t:
            a, _, b = t.partition("..")
            a, b = a.strip(), b.strip()
            if a in SIZE_INDEX and b in SIZE_INDEX and SIZE_INDEX[a] <= SIZE_INDEX[b]:
                return cls(SIZE_INDEX[a], SIZE_INDEX[b])
            return None
        if t in SIZE_INDEX:
            i = SIZE_INDEX[t]
            return cls(i, i)
        return None


ANY = Scope()


def format_sizes(indexes: set[int] | frozenset[int]) -> str:
    """Name a set of size indexes compactly: ``any``, ``large``, ``small..mid, enterprise``."""
    idx = sorted(indexes)
    if idx == list(range(len(SIZES))):
        return "any"
    runs: list[str] = []
    start = prev = None
    for i in idx + [None]:
        if start is not None and (i is None or i != prev + 1):
            runs.append(str(Scope(start, prev)))
            start = None
        if i is not None and start is None:
            start = i
        prev = i
    return ", ".join(runs)


@dataclass(slots=True)
class Claim:
    """One claim of one source, as written in its claims file.

    Resolved fields (``subject``, ``relation``, ...) are None when the written value is missing
    or unknown; the written text stays in ``*_text`` so rules can say what was wrong.
    """

    source_id: str
    id: str
    file: str
    line: int
    subject: str | None = None  # role IRI
    relation: str | None = None
    object: str | None = None  # role IRI
    scope: Scope | None = ANY
    hedge: str | None = "definite"
    quote: str | None = None
    occurrence: int = 1
    condition: str | None = None
    note: str | None = None
    accept: dict[str, str] = field(default_factory=dict)
    subject_text: str | None = None
    object_text: str | None = None
    relation_text: str | None = None
    scope_text: str | None = None
    hedge_text: str | None = None
    start: int | None = None  # character offsets of the quote in the snapshot
    end: int | None = None
    prefix: str = ""
    suffix: str = ""
    lines: dict[str, int] = field(default_factory=dict)  # field name -> line
    proposed: bool = False  # written by `rolegraph extract`, not yet reviewed by a person

    @property
    def key(self) -> tuple[str, str]:
        return (self.source_id, self.id)

    def line_of(self, name: str) -> int:
        return self.lines.get(name, self.line)

    @property
    def firm(self) -> bool:
        return self.hedge in FIRM_HEDGES and not self.condition

    def rank(self) -> tuple[str, str] | None:
        """(higher, lower) role IRIs when the claim orders two known roles, else None."""
        d = RANK_DIRECTION.get(self.relation or "")
        if not d or not self.subject or not self.object:
            return None
        return (self.subject, self.object) if d > 0 else (self.object, self.subject)


@dataclass(slots=True)
class Source:
    """A source and its snapshot, as declared in the header of its claims file."""

    id: str
    file: str
    line: int
    title: str | None = None
    url: str | None = None
    retrieved: str | None = None
    snapshot: str | None = None  # path relative to the corpus
    sha256: str | None = None  # as declared
    actual_sha256: str | None = None  # of the snapshot file now; None when missing
    claims: list[Claim] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    extracted: list[str] = field(default_factory=list)  # ids of proposals extract wrote here before

    def line_of(self, name: str) -> int:
        return self.lines.get(name, self.line)


@dataclass(slots=True)
class Corpus:
    """A loaded corpus: its sources (sorted by id), vocabulary and settings."""

    root: str
    sources: list[Source]
    vocabulary: object  # rolegraph.corpus.vocab.Vocabulary; typed loosely to keep imports light
    settings: object  # rolegraph.corpus.settings.Settings
    bundled: bool = False

    def claims(self) -> list[Claim]:
        return [c for s in self.sources for c in s.claims]

    def source(self, source_id: str) -> Source:
        for s in self.sources:
            if s.id == source_id:
                return s
        raise KeyError(source_id)
