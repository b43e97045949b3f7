"""Corpora for the left-out tests: a good corpus, and the same corpus with one broken claim added.

``good(root)`` writes two sources whose claims give a ladder with several verdicts. ``broken(root, code)``
writes the same corpus plus one claim (id ``bad``) that has structure error ``code``; the claim is the last
one of its claims file (or, for the snapshot rules RG005 and RG006, the only claim of an extra source
``c``), so taking it out by hand moves no other claim's line. ``by_hand(root, code)`` writes what a curator
gets by deleting that claim (or, for RG005/RG006, the claims file of ``c``): it must give the same outputs.
"""

from __future__ import annotations

from pathlib import Path

from corpus_builder import build, claim

TEXT_A = (
    "The Chief Product Officer ranks the highest. The Head of Product is above the VP of Product. "
    "A Director of Product sits above a Senior Product Manager, who sits above a Product Manager."
)
TEXT_B = (
    "In many firms the VP of Product reports to the Head of Product. "
    "The Group Product Manager is the same as a Product Lead. "
    "Product Managers work with the Director of Product. "
    "Junior product managers are a step above associate product managers. "
    "The VP of Product outranks the Head of Product in a few companies."
)
TEXT_C = "Some say the VP of Product leads the Head of Product."

CLAIMS_A = [
    claim("a1", "CPO", "top", quote="The Chief Product Officer ranks the highest"),
    claim("a2", "Head of Product", "above", "VP of Product", quote="The Head of Product is above the VP of Product"),
    claim(
        "a3",
        "Director of Product",
        "above",
        "Senior Product Manager",
        quote="A Director of Product sits above a Senior Product Manager",
        scope="mid..enterprise",
        hedge="generally",
    ),
    claim("a4", "Senior PM", "above", "PM", quote="who sits above a Product Manager"),
]
CLAIMS_B = [
    claim("b1", "VP of Product", "reports_to", "HoP", quote="the VP of Product reports to the Head of Product"),
    claim(
        "b2",
        "Group Product Manager",
        "same",
        "Product Lead",
        quote="The Group Product Manager is the same as a Product Lead",
        scope="small",
    ),
    claim("b3", "PM", "below", "Director of Product", quote="Product Managers work with", hedge="often"),
]
OUTRANKS = "The VP of Product outranks the Head of Product"

#: The broken claim per structure rule: each would change some output if it were used.
BAD: dict[str, dict] = {
    "RG001": {"id": "bad", "subject": "VP of Product", "relation": "above", "quote": OUTRANKS},
    "RG002": claim("bad", "Hed of Product", "above", "VP of Product", quote=OUTRANKS),
    "RG003": claim("bad", "VP of Product", "outranks", "Head of Product", quote=OUTRANKS),
    "RG004": claim("bad", "VP of Product", "above", "Head of Product", quote="the VP leads everyone"),
    "RG005": claim("bad", "VP of Product", "above", "Head of Product", quote="the VP of Product leads"),
    "RG006": claim("bad", "VP of Product", "above", "Head of Product", quote="the VP of Product leads"),
    # both titles name one role of the built-in vocabulary (an alias of itself)
    "RG007": claim("bad", "VP of Product", "above", "VPP", quote=OUTRANKS),
    # b1 again in other words: a duplicate (a warning unless the corpus makes RG008 an error)
    "RG008": claim("bad", "VPP", "reports_to", "Head of Product", quote=OUTRANKS),
    "RG009": claim("bad", "VP of Product", "top", "Head of Product", quote=OUTRANKS),
}
CODES = tuple(BAD)
SOURCE_LEVEL = ("RG005", "RG006")  # a snapshot problem leaves out the whole source
RG008_ERROR = '[lint.severity]\nRG008 = "error"\n'


def good(root: Path, *, settings: str | None = None) -> Path:
    return build(root, {"a": (TEXT_A, list(CLAIMS_A)), "b": (TEXT_B, list(CLAIMS_B))}, settings=settings)


def _settings(code: str, settings: str | None) -> str | None:
    if code == "RG008":
        return (settings or "") + RG008_ERROR
    return settings


def broken(root: Path, code: str, *, settings: str | None = None) -> Path:
    """The good corpus plus the one claim that has structure error ``code``."""
    settings = _settings(code, settings)
    if code in SOURCE_LEVEL:
        build(
            root,
            {"a": (TEXT_A, list(CLAIMS_A)), "b": (TEXT_B, list(CLAIMS_B)), "c": (TEXT_C, [BAD[code]])},
            settings=settings,
        )
        snapshot = root / "sources" / "c.txt"
        if code == "RG005":
            snapshot.write_text(TEXT_C + " Edited since.", encoding="utf-8")
        else:
            snapshot.unlink()
        return root
    return build(root, {"a": (TEXT_A, list(CLAIMS_A)), "b": (TEXT_B, [*CLAIMS_B, BAD[code]])}, settings=settings)


def by_hand(root: Path, code: str, *, settings: str | None = None) -> Path:
    """What the curator gets by deleting the broken claim (or source) by hand."""
    return good(root, settings=_settings(code, settings))


def bad_claim_lines(root: Path, code: str) -> range:
    """The lines of the broken claim's block in its claims file (1-based, inclusive start)."""
    name = "c.yaml" if code in SOURCE_LEVEL else "b.yaml"
    lines = (root / "claims" / name).read_text(encoding="utf-8").splitlines()
    if code in SOURCE_LEVEL:  # the header names the snapshot problem
        return range(1, len(lines) + 1)
    start = next(i for i, line in enumerate(lines, 1) if line.strip() == "- id: bad")
    return range(start, len(lines) + 1)
