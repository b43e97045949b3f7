"""Corpora for the report tests: a hostile one whose every text field carries markup or script."""

from __future__ import annotations

from pathlib import Path

from corpus_builder import build, claim

#: A role whose label would break out of an attribute, a style element and a text node.
EVIL_ROLE = "<img src=x onerror=alert('role')>Chief \"Hacker\" </style>"
EVIL_TITLE = '<script>alert("title")</script> Ladder guide'
EVIL_QUOTE = 'The <script>alert("quote")</script> Head of Product is above the VP of Product'
EVIL_NOTE = "</style><script>alert('note')</script> curator's note"
EVIL_CONDITION = "\"><svg onload=alert('cond')> in teams with both"
EVIL_ID = "x\"><script>alert('id')</script>"
EVIL_LINK = "https://example.com/b?x=\"><script>alert('href')</script>"
JS_URL = "javascript:alert('url')"
#: every marker above, as the page must show it (as text) and never run it
MARKERS = ('alert("title")', 'alert("quote")', "alert('note')", "alert('cond')", "alert('role')", "alert('id')")

ROLES_TTL = (
    "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
    "<https://example.com/role/evil> a skos:Concept ;\n"
    '    skos:prefLabel "' + EVIL_ROLE.replace('"', '\\"') + '"@en .\n'
)


def hostile_corpus(root: Path) -> Path:
    """Two sources that disagree, with markup in a title, a quote, a note, a condition and a role label.

    The loader refuses a ``javascript:`` URL, a URL with quote marks and a claim id with markup;
    :func:`poison` puts those into a loaded corpus, to test the report's own defences.
    """
    a_text = f"{EVIL_QUOTE}. Nothing else is said here about {EVIL_ROLE} and the Head of Product.\n"
    b_text = (
        "In our view the VP of Product sits above the Head of Product. "
        f"Also, {EVIL_ROLE} is above the Head of Product.\n"
    )
    return build(
        root,
        {
            "a": (
                a_text,
                [
                    claim(
                        "hop-above",
                        "Head of Product",
                        "above",
                        "VP of Product",
                        quote=EVIL_QUOTE,
                        note=EVIL_NOTE,
                        condition=EVIL_CONDITION,
                    ),
                ],
            ),
            "b": (
                b_text,
                [
                    claim(
                        "vpp-above", "VP of Product", "above", "Head of Product", quote="the VP of Product sits above"
                    ),
                    claim("evil-above", EVIL_ROLE, "above", "Head of Product", quote=f"{EVIL_ROLE} is above"),
                ],
            ),
        },
        header={"a": {"title": EVIL_TITLE}},
        roles_ttl=ROLES_TTL,
    )


def poison(corpus) -> None:
    """Put into a loaded hostile corpus what the loader would refuse: a javascript: URL, a URL
    that breaks out of its attribute, and a claim id with markup."""
    a, b = corpus.source("a"), corpus.source("b")
    a.url = JS_URL
    b.url = EVIL_LINK
    a.claims[0].id = EVIL_ID
