"""Property tests of extract on generated pages: whatever the page says, --write keeps every
hand-written claim byte for byte, and everything it writes passes lint's structure rules."""

from __future__ import annotations

import hashlib
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rolegraph
from rolegraph.extract import extract, write_proposals

ROLES = ["Product Manager", "Senior PM", "Group PM", "Director of Product", "VP of Product", "Head of Product",
         "CPO", "Product Owner", "Associate PM", "Principal PM", "CEO", "Chief Marketing Officer"]  # fmt: skip
VERBS = ["reports to", "is below", "sits above", "manages", "is the same role as", "may act as",
         "is not above", "oversees", "answers to", "is a step up from", "is not the same as"]  # fmt: skip
LEADS = ["", "In larger companies, ", "In a startup, ", "Generally speaking, ", "In some teams ",
         "At enterprise scale, ", "Often, ", "Unlike the CEO, "]  # fmt: skip
TAILS = ["", ", though in some teams these titles may be used interchangeably", " and leads every Product Manager",
         " or even the CPO"]  # fmt: skip

sentence = st.builds(
    lambda lead, a, verb, b, tail: f"{lead}the {a} {verb} the {b}{tail}.",
    st.sampled_from(LEADS), st.sampled_from(ROLES), st.sampled_from(VERBS), st.sampled_from(ROLES),
    st.sampled_from(TAILS),
)  # fmt: skip
page = st.lists(st.lists(sentence, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=5)


def _corpus(tmp, paragraphs: list[str], hand: list[int]):
    text = "A generated page\n\n" + "\n\n".join(p[0].upper() + p[1:] for p in paragraphs) + "\n"
    root = tmp / "c"
    (root / "claims").mkdir(parents=True)
    (root / "sources").mkdir()
    (root / "sources" / "g.txt").write_text(text)
    sha = hashlib.sha256(text.encode()).hexdigest()
    lines = [
        "source:", "  id: g", "  title: generated", "  url: null", "  retrieved: 2026-01-01",
        "  snapshot: sources/g.txt", f"  sha256: {sha}", "claims:",
    ]  # fmt: skip
    sentences = [s.strip() for p in paragraphs for s in p.split(".") if s.strip()]
    for k in hand:
        quote = sentences[k % len(sentences)]
        quote = quote[0].upper() + quote[1:] if text.find(quote) < 0 else quote
        if text.find(quote) < 0:
            continue
        lines += [f"  - id: hand{k}", "    subject: Product Manager", "    relation: top",
                  f"    quote: {json.dumps(quote)}", "    note: written by a person  # kept"]  # fmt: skip
    (root / "claims" / "g.yaml").write_text("\n".join(lines) + "\n")
    return root


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(paragraphs=page, hand=st.lists(st.integers(0, 20), max_size=4, unique=True))
def test_write_keeps_hand_written_claims_and_is_lint_clean(tmp_path_factory, paragraphs, hand):
    root = _corpus(tmp_path_factory.mktemp("p"), paragraphs, hand)
    before_text = (root / "claims" / "g.yaml").read_text()
    before = [(c.id, c.subject, c.relation, c.quote, c.note, c.line) for c in rolegraph.load_corpus(str(root)).claims()]
    corpus = rolegraph.load_corpus(str(root))
    write_proposals(corpus, extract(corpus))
    after_text = (root / "claims" / "g.yaml").read_text()
    assert after_text.startswith(before_text)
    loaded = rolegraph.load_corpus(str(root))
    claims = loaded.claims()
    assert [(c.id, c.subject, c.relation, c.quote, c.note, c.line) for c in claims[: len(before)]] == before
    assert all(c.proposed for c in claims[len(before) :])
    proposed = {c.id for c in claims if c.proposed}
    structural = [f for f in rolegraph.lint(loaded, select=["RG0"]).findings if proposed & {c.id for c, _ in f.claims}]
    assert structural == [], [(f.code, f.message) for f in structural]
    # a second run proposes nothing new
    again = extract(loaded)
    assert again.count == 0
