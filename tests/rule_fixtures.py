"""A failing and a passing corpus for every rule: {code: {"fail": sources, "pass": sources}}.

Every quote is "Q" and every snapshot contains "Q", unless the rule is about quotes or snapshots.
"""

from __future__ import annotations

from corpus_builder import claim

T = "Q. The text of the page. Q."


def one(*claims: dict, text: str = T) -> dict:
    return {"s1": (text, list(claims))}


def two(a: list[dict], b: list[dict]) -> dict:
    return {"s1": (T, a), "s2": (T, b)}


FIXTURES: dict[str, dict] = {
    "RG001": {
        "fail": one({"id": "c1", "subject": "Head of Product", "relation": "above", "quote": "Q"}),
        "pass": one(claim("c1", "Head of Product", "above", "VP of Product")),
    },
    "RG002": {
        "fail": one(claim("c1", "Hed of Product", "above", "VP of Product")),
        "pass": one(claim("c1", "head of product", "above", "Vice President of Product")),
    },
    "RG003": {
        "fail": one(claim("c1", "Head of Product", "is-above", "VP of Product", scope="big", hedge="perhaps")),
        "pass": one(
            claim(
                "c1",
                "Head of Product",
                "above",
                "VP of Product",
                scope="large..enterprise",
                hedge="may",
            )
        ),
    },
    "RG004": {
        "fail": one(claim("c1", "Head of Product", "above", "VP of Product", quote="not in the page")),
        "pass": one(claim("c1", "Head of Product", "above", "VP of Product", quote="The text of the page")),
    },
    "RG005": {"fail": "snapshot-edited", "pass": one(claim("c1", "CPO", "top"))},
    "RG006": {"fail": "snapshot-deleted", "pass": one(claim("c1", "CPO", "top"))},
    "RG007": {
        "fail": one(claim("c1", "VP of Product", "above", "Vice President of Product")),
        "pass": one(claim("c1", "VP of Product", "same", "Head of Product")),
    },
    "RG008": {
        "fail": one(
            claim("c1", "HoP", "above", "VP of Product"),
            claim("c2", "Head of Product", "above", "VP Product", quote="The text"),
        ),
        "pass": one(
            claim("c1", "HoP", "above", "VP of Product"),
            claim("c2", "Head of Product", "above", "VP Product", hedge="may"),
        ),
    },
    "RG009": {
        "fail": one(claim("c1", "CPO", "top", "Head of Product")),
        "pass": one(claim("c1", "CPO", "top")),
    },
    "RG010": {
        "fail": one(claim("c1", "CPO", "top", accept={"RG104": "reviewed"})),
        "pass": one(
            claim("c1", "CPO", "top", accept={"RG104": "reviewed"}),
            claim("c2", "Head of Product", "top"),
        ),
    },
    "RG101": {
        "fail": two(
            [claim("a1", "Head of Product", "above", "VP of Product")],
            [claim("b1", "VP of Product", "oversees", "Head of Product")],
        ),
        "pass": two(
            [claim("a1", "Head of Product", "above", "VP of Product", scope="startup..mid")],
            [claim("b1", "VP of Product", "oversees", "Head of Product", scope="large..enterprise")],
        ),
    },
    "RG102": {
        "fail": two(
            [claim("a1", "Head of Product", "above", "VP of Product")],
            [claim("b1", "VP of Product", "same", "Head of Product")],
        ),
        "pass": two(
            [claim("a1", "Head of Product", "above", "VP of Product")],
            [claim("b1", "VP of Product", "may_be", "Head of Product", hedge="often")],
        ),
    },
    "RG103": {
        "fail": two(
            [claim("a1", "Head of Product", "not_above", "Director of Product")],
            [claim("b1", "Head of Product", "oversees", "Director of Product", scope="enterprise")],
        ),
        "pass": two(
            [claim("a1", "Head of Product", "not_above", "Director of Product")],
            [claim("b1", "Director of Product", "above", "Head of Product")],
        ),
    },
    "RG104": {
        "fail": two(
            [claim("a1", "CPO", "top")],
            [claim("b1", "Head of Product", "top"), claim("b2", "Head of Product", "above", "CPO")],
        ),
        "pass": two(
            [claim("a1", "CPO", "top", scope="large..enterprise")],
            [
                claim("b1", "Head of Product", "top", scope="startup"),
                claim("b2", "CEO", "above", "CPO"),
            ],
        ),
    },
    "RG105": {
        "fail": {
            "s1": (T, [claim("a1", "CPO", "above", "Head of Product")]),
            "s2": (T, [claim("b1", "Head of Product", "above", "VP of Product")]),
            "s3": (T, [claim("c1", "VP of Product", "above", "CPO", hedge="may")]),
        },
        "pass": {
            "s1": (T, [claim("a1", "CPO", "above", "Head of Product")]),
            "s2": (T, [claim("b1", "Head of Product", "above", "VP of Product")]),
            "s3": (T, [claim("c1", "CPO", "above", "VP of Product")]),
        },
    },
}


def materialize(root, code: str, kind: str):
    """Write the fixture corpus of a rule to ``root`` and return it."""
    from corpus_builder import build

    spec = FIXTURES[code][kind]
    if spec == "snapshot-edited":
        build(root, one(claim("c1", "CPO", "top")))
        (root / "sources" / "s1.txt").write_text(T + " Edited later.", encoding="utf-8")
    elif spec == "snapshot-deleted":
        build(root, one(claim("c1", "CPO", "top")))
        (root / "sources" / "s1.txt").unlink()
    else:
        build(root, spec)
    return root
