"""The report's view model, sentence cutting, URL policy and SVG sanitising, without a browser."""

from __future__ import annotations

import json
import re

import pytest
from corpus_builder import build, claim
from hypothesis import given
from hypothesis import strategies as st

import rolegraph
from rolegraph.leftout import LeftOut
from rolegraph.report import build_view
from rolegraph.report.context import MAX_CONTEXT, sentence_context
from rolegraph.report.ladders import sanitize_svg
from rolegraph.report.view import safe_url


@pytest.fixture(scope="module")
def bundled():
    return rolegraph.load_corpus()


@pytest.fixture(scope="module")
def bundled_view(bundled):
    return build_view(bundled, graphviz=False)


def test_counts_match_lint_and_corpus(bundled, bundled_view):
    v = bundled_view
    report = rolegraph.lint(bundled)
    assert v.sources == len(bundled.sources) == 5
    assert v.claims == len(bundled.claims())
    assert v.findings == len(report.findings)
    assert sum(len(g.findings) for g in v.groups) == len(report.findings)
    summary = report.summary()
    assert dict(v.by_severity) == {s: summary[s] for s in ("error", "warning", "info")}
    assert [s.name for s in v.sizes] == ["startup", "small", "mid", "large", "enterprise"]
    assert sum(len(s.claims) for s in v.source_views) == v.claims


def test_findings_grouped_by_their_roles(bundled_view):
    headings = [g.heading for g in bundled_view.groups]
    assert headings == sorted(headings, key=str.casefold)
    for g in bundled_view.groups:
        for f in g.findings:
            for name in g.heading.split(" · "):
                assert name.casefold() in f.roles.split("\n")


def test_sides_hold_every_claim_of_a_finding(bundled, bundled_view):
    report = rolegraph.lint(bundled)
    views = [f for g in bundled_view.groups for f in g.findings]
    by_fp = {f.fingerprint: f for f in views}
    for f in report.findings:
        v = by_fp[f.fingerprint]
        shown = [c.ref for _, cs in v.sides for c in cs]
        assert sorted(shown) == sorted(f"{c.source_id}/{c.id}" for c, _ in f.claims)
        if len(v.sides) == 2:  # headings come from the message's two halves
            assert v.sides[0][0].casefold() in v.message.casefold()
            assert not v.show_message


def test_every_located_quote_sits_in_its_sentence(bundled_view):
    seen = 0
    for s in bundled_view.source_views:
        for c in s.claims:
            assert c.context is not None, c.ref  # the bundled corpus locates every quote
            assert c.context.quote == c.quote
            assert len(c.context.before) <= MAX_CONTEXT and len(c.context.after) <= MAX_CONTEXT
            seen += 1
    assert seen == 36


def test_copy_groups_mark_their_claims(bundled, bundled_view):
    result = rolegraph.consensus(bundled)
    marked = {c.ref: c.copy for s in bundled_view.source_views for c in s.claims if c.copy}
    expected = {ref for g in result.copy_groups for ref in g.claims}
    assert set(marked) == expected and expected
    for g in result.copy_groups:
        assert {marked[ref].id for ref in g.claims} == {g.id}
        assert all(marked[ref].sources == len(g.sources) for ref in g.claims)


def test_ladder_tables_follow_the_consensus(bundled, bundled_view):
    result = rolegraph.consensus(bundled)
    for sv in bundled_view.sizes:
        sr = result.sizes[sv.name]
        assert len(sv.tiers) == len(sr.ladder)
        assert len(sv.pairs) == len(sr.pairs)
        assert sv.contested == len(sr.contested)
        assert sv.svg is None  # graphviz=False
    assert bundled_view.graphviz_note


def test_left_out_items_are_listed_sorted(bundled):
    items = [
        {"file": "claims/b.yaml", "line": 9, "claim": "x", "code": "RG007", "reason": "relates a role to itself"},
        LeftOut("claims/a.yaml", 3, "a", "y", "RG002", "unknown role"),
        {"file": "claims/c.yaml", "line": 4, "source": None, "claim": None, "code": None, "reason": "YAML error"},
    ]
    v = build_view(bundled, left_out=items, graphviz=False)
    assert [(x.file, x.claim, x.code) for x in v.left_out] == [
        ("claims/a.yaml", "y", "RG002"),
        ("claims/b.yaml", "x", "RG007"),
        ("claims/c.yaml", None, None),
    ]
    assert v.left_out_counts == "2 claims, 1 whole claims file"
    assert build_view(bundled, graphviz=False).left_out == ()


def test_proposed_claims_are_marked(tmp_path):
    text = "The Head of Product is above the VP of Product. Product managers report to the head of product.\n"
    root = build(
        tmp_path / "c",
        {
            "s": (
                text,
                [
                    claim("a", "Head of Product", "above", "VP of Product", quote="Head of Product is above"),
                    claim("b", "Product Manager", "reports_to", "Head of Product", quote="report to the head"),
                ],
            )
        },
    )
    corpus = rolegraph.load_corpus(root)
    assert build_view(corpus, graphviz=False).proposed == 0
    marked = _with_proposed(corpus, "b")
    v = build_view(marked, graphviz=False)
    assert v.proposed == 1
    assert {c.ref: c.proposed for c in v.source_views[0].claims} == {"s/a": False, "s/b": True}


def _with_proposed(corpus, claim_id):
    """The corpus with one claim carrying ``proposed = True``, as the extract issue adds it to Claim."""
    from dataclasses import make_dataclass

    from rolegraph.model import Claim

    if "proposed" in Claim.__dataclass_fields__:
        for c in corpus.claims():
            c.proposed = c.id == claim_id
        return corpus
    Proposed = make_dataclass("Proposed", [("proposed", bool, False)], bases=(Claim,))
    src = corpus.sources[0]
    src.claims = [
        Proposed(**{k: getattr(c, k) for k in Claim.__dataclass_fields__}, proposed=c.id == claim_id)
        for c in src.claims
    ]
    return corpus


@pytest.mark.parametrize(
    "url, ok",
    [
        ("https://example.com/a", True),
        ("HTTP://example.com", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("//example.com/x", False),
        ("https:///nohost", False),
        ("https://exa mple.com", False),
        ("https://example.com/\x00", False),
        ("vbscript:msgbox", False),
        ("", False),
        (None, False),
    ],
)
def test_only_http_and_https_urls_are_links(url, ok):
    assert safe_url(url) == (url if ok else None)


def test_sentence_context_cuts_at_sentence_ends():
    text = "First one. The head of product leads the team, mostly. Third sentence here!"
    start = text.index("head of product")
    ctx = sentence_context(text, start, start + len("head of product"))
    assert (ctx.before, ctx.quote, ctx.after) == ("The ", "head of product", " leads the team, mostly.")
    assert not ctx.cut_before and not ctx.cut_after


def test_sentence_context_marks_a_long_sentence_as_cut():
    text = "word " * 200 + "QUOTE" + " more" * 200
    start = text.index("QUOTE")
    ctx = sentence_context(text, start, start + 5, limit=50)
    assert ctx.cut_before and ctx.cut_after
    assert len(ctx.before) <= 50 and len(ctx.after) <= 50


@given(st.text(alphabet="ab .!?\n\"'", max_size=120), st.data())
def test_sentence_context_is_a_slice_around_the_quote(text, data):
    if not text:
        return
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    ctx = sentence_context(text, start, end, limit=40)
    assert ctx.quote == text[start:end]
    assert text[:start].endswith(ctx.before)
    assert text[end:].startswith(ctx.after)
    assert len(ctx.before) <= 40 and len(ctx.after) <= 40


def test_sanitize_svg_keeps_drawing_and_drops_everything_else():
    svg = (
        b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd">'
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100pt"'
        b' height="50pt" viewBox="0 0 100 50" onload="alert(1)">'
        b'<script>alert(2)</script><a xlink:href="javascript:alert(3)"><text>link</text></a>'
        b'<g class="graph" id="g0" style="x"><title>t</title>'
        b'<g class="node" onclick="alert(4)"><text x="1" y="2">&lt;b&gt;Head "of" Product&lt;/b&gt;</text></g>'
        b'<foreignObject><div>html</div></foreignObject><image href="https://example.com/x.png"/></g></svg>'
    )
    out = sanitize_svg(svg, 'Ladder "x" <y>')
    assert not re.search(r"<(script|a|foreignObject|image|div)\b", out)
    assert "alert" not in out and "style=" not in out and "id=" not in out and "href" not in out
    assert "&lt;b&gt;Head &quot;of&quot; Product&lt;/b&gt;" in out or '&lt;b&gt;Head "of" Product&lt;/b&gt;' in out
    assert 'aria-label="Ladder &quot;x&quot; &lt;y&gt;"' in out
    assert 'data-role="&lt;b&gt;head &quot;of&quot; product&lt;/b&gt;"' in out
    assert out.startswith("<svg ") and out.endswith("</svg>")


def test_view_is_json_serialisable_and_stable(bundled):
    from dataclasses import asdict

    a = json.dumps(asdict(build_view(bundled, graphviz=False)), sort_keys=True)
    b = json.dumps(asdict(build_view(bundled, graphviz=False)), sort_keys=True)
    assert a == b


def test_big_ladders_become_tables_and_list_only_contested_pairs(bundled, monkeypatch):
    import rolegraph.report.ladders as ladders
    import rolegraph.report.sizes as sizes

    monkeypatch.setattr(ladders, "MAX_PICTURE_ROLES", 3)
    monkeypatch.setattr(sizes, "MAX_LISTED_PAIRS", 2)
    result = rolegraph.consensus(bundled)
    v = build_view(bundled)
    for sv in v.sizes:
        sr = result.sizes[sv.name]
        assert sv.roles == sum(len(t) for t in sr.ladder) + len(sr.unplaced) > 3
        assert sv.svg is None and sv.too_big
        assert sv.all_pairs == len(sr.pairs) > 2
        assert [p.contested for p in sv.pairs] == [True] * len(sr.contested)
    html = rolegraph.report.render_html(v)
    assert "too many for a readable picture" in html and "contested pairs of the" in html
    assert v.graphviz_note is None  # Graphviz was there; the sizes were just too big


def test_quote_that_ends_its_sentence_gets_no_next_sentence():
    text = "The VP reports to the CPO. Another thing entirely follows here."
    ctx = sentence_context(text, 0, len("The VP reports to the CPO."))
    assert ctx.after == "" and not ctx.cut_after
