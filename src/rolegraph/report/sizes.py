"""The report's view of the consensus ladder at one company size: tiers, pairs, picture or table.

Turns one consensus ``SizeResult`` into a :class:`SizeView` of plain strings and numbers for the
template. Imports the consensus package's union-find only; must not import the report's view,
HTML renderer or the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass

SIZE_TEXT = {
    "startup": "Startups",
    "small": "Small companies",
    "mid": "Mid-size companies",
    "large": "Large companies",
    "enterprise": "Enterprises",
}


@dataclass(frozen=True, slots=True)
class PairRow:
    first: str
    relation: str  # "above", "same as", "contested (leans above)", ...
    second: str
    agreement: str
    sources: int
    contested: bool
    roles: str


@dataclass(frozen=True, slots=True)
class SizeView:
    name: str
    label: str  # "Mid-size companies"
    votes: int
    svg: str | None  # sanitised <svg> markup, None when drawn as a table
    tiers: tuple[str, ...]  # top first: "A = B, C"
    unplaced: tuple[str, ...]
    cycles: tuple[str, ...]
    top: tuple[str, ...]  # roles some source calls the top role at this size
    pairs: tuple[PairRow, ...]  # every pair, or only the contested ones when there are many
    all_pairs: int
    contested: int
    roles: int
    too_big: bool  # too many roles for a picture


#: above this many pairs at a size, the page lists only the contested ones (the ladder shows the rest)
MAX_LISTED_PAIRS = 60


def size_view(s, label, svg: str | None, too_big: bool) -> SizeView:
    """The view of one size's consensus ``s``; ``label`` names a role IRI, ``svg`` is its picture or None."""
    from ..consensus.formats.common import _tier_text  # the same tier wording as `consensus` prints

    tiers = [_tier_text(s, tier, label) for tier in s.ladder]
    rows = []
    listed = s.pairs if len(s.pairs) <= MAX_LISTED_PAIRS else s.contested
    for p in listed:
        a, b = label(p.roles[0]), label(p.roles[1])
        if p.verdict == "contested":
            rel = "contested, " + (f"leans {p.leaning}" if p.leaning else "tie")
        else:
            rel = {"above": "above", "same": "same as"}.get(p.verdict, p.verdict)
        roles = "\n".join(sorted({a.casefold(), b.casefold()}))  # = view.SEPARATOR
        rows.append(PairRow(a, rel, b, f"{p.agreement:.2f}", p.independent_sources, p.verdict == "contested", roles))
    return SizeView(
        name=s.size,
        label=SIZE_TEXT.get(s.size, s.size),
        votes=s.votes,
        svg=svg,
        tiers=tuple(tiers),
        unplaced=tuple(label(r) for r in s.unplaced),
        cycles=tuple(", ".join(label(r) for r in c) for c in s.cycles),
        top=tuple(label(r) for r, _ in s.top),
        pairs=tuple(rows),
        all_pairs=len(s.pairs),
        roles=sum(len(t) for t in s.ladder) + len(s.unplaced),
        too_big=too_big and svg is None,
        contested=sum(1 for p in s.pairs if p.verdict == "contested"),
    )
