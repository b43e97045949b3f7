"""Extract fixes after the QA run (qa-extract.md): one direction per sequence, wide negation, pronouns
never standing for a role said to be absent, a person as subject, hedges kept to their conjunct. Each
rule on sentences written for these tests, with cases where it must not fire."""

from __future__ import annotations

import pytest

from rolegraph import load_corpus
from rolegraph.extract import Extractor


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    d = tmp_path_factory.mktemp("voc")
    (d / "claims").mkdir()
    (d / "sources").mkdir()
    (d / "rolegraph.toml").write_text('[vocabulary]\ninclude = ["engineering", "design"]\n')
    voc = load_corpus(str(d)).vocabulary
    ex = Extractor(voc)

    def go(text: str, full: bool = False) -> set[tuple]:
        props, _ = ex.run(text)
        lab = voc.label
        if full:
            return {(lab(p.subject), p.relation, lab(p.object) if p.object else None, p.hedge) for p in props}
        return {(lab(p.subject), p.relation, lab(p.object) if p.object else None) for p in props}

    return go


EM, DOE, VPE = "Engineering Manager", "Director of Engineering", "VP of Engineering"
PM, SPM, APM, DOP, VPP, CPO = (
    "Product Manager",
    "Senior Product Manager",
    "Associate Product Manager",
    "Director of Product",
    "VP of Product",
    "Chief Product Officer",
)


def _pairs(got: set[tuple]) -> set[tuple]:
    """Orderings as (higher, lower)."""
    out = set()
    for s, r, o in got:
        if r in ("above", "oversees"):
            out.add((s, o))
        elif r in ("below", "reports_to"):
            out.add((o, s))
    return out


def test_then_sequence_without_direction_words_climbs_by_titles(run):
    got = _pairs(
        run(
            "Our people leaders follow their own ladder: "
            "Engineering Manager, then Director of Engineering, then VP of Engineering."
        )
    )
    assert got == {(DOE, EM), (VPE, DOE)}


def test_sequence_from_the_top_descends(run):
    got = _pairs(
        run(
            "In this hierarchy the VP of Product ranks highest, "
            "followed by the Director of Product, then the Senior Product Manager."
        )
    )
    assert got == {(VPP, DOP), (DOP, SPM)}


def test_sequence_from_the_bottom_climbs(run):
    got = _pairs(
        run(
            "The lowest rank on our ladder is Associate Product Manager, "
            "followed by Product Manager, then Senior Product Manager."
        )
    )
    assert got == {(PM, APM), (SPM, PM)}


def test_sequence_never_gives_both_orderings(run):
    for text in (
        "Rank order here: Director of Product, then VP of Product, then Chief Product Officer.",
        "Rank order here: Chief Product Officer, then VP of Product, then Director of Product.",
        "The ladder: Product Manager, then Senior Product Manager, followed by Director of Product.",
    ):
        got = _pairs(run(text))
        assert not any((b, a) in got for a, b in got), text


def test_sequence_that_cannot_be_ordered_gives_nothing(run):
    assert _pairs(run("In the hierarchy the Product Manager comes first, then the Product Owner.")) == set()


def test_wide_negation_gives_not_above(run):
    assert run("Nothing in the handbook makes a Principal Engineer senior to an Engineering Manager.") == {
        ("Principal Software Engineer", "not_above", EM)
    }
    assert run("No grade table here puts the VP of Product above the Chief Product Officer.") == {
        (VPP, "not_above", CPO)
    }


def test_wide_negation_cancels_other_relations(run):
    assert run("This does not mean the Product Owner reports to the Product Manager.") == set()
    assert run("The reorg doesn't mean the Design Manager manages the Staff Product Designer.") == set()


def test_wide_negation_does_not_reach_across_a_clause(run):
    got = run("Nothing changes for now; the VP of Product reports to the Chief Product Officer.")
    assert (VPP, "reports_to", CPO) in got
    got = run("The firm has no Head of Design, and the Design Manager reports to the VP of Design.")
    assert ("Design Manager", "reports_to", "VP of Design") in got


def test_pronoun_never_stands_for_a_role_said_to_be_absent(run):
    got = run(
        "At a seed-stage company the Head of Product leads the whole product team. "
        "There is no CPO, and they report to the CEO."
    )
    assert (CPO, "reports_to", "CEO") not in got
    assert ("Head of Product", "reports_to", "CEO") in got


def test_pronoun_with_only_an_absent_role_gives_nothing(run):
    got = run("Our studio has no Chief Product Officer. They report to the CEO when one is hired.")
    assert not any(r == "reports_to" for _, r, _ in got)


def test_pronoun_still_resolves_when_the_role_exists(run):
    got = run("The Head of Design runs every critique. She reports to the Chief Product Officer.")
    assert ("Head of Design", "reports_to", CPO) in got


def test_person_subject_does_not_promote_the_object(run):
    got = run("Okafor will manage a group of senior product managers and answer to the VP of Product.")
    assert (SPM, "reports_to", VPP) not in got
    got = run("Ines heads a small team of product designers and reports to the Head of Design.")
    assert ("Product Designer", "reports_to", "Head of Design") not in got


def test_title_subject_with_conjoined_verbs_still_works(run):
    got = run("The Director of Product reports to the VP of Product and manages the Senior Product Managers.")
    assert {(DOP, "reports_to", VPP), (DOP, "oversees", SPM)} <= got
    got = run("The first design leader is usually called Head of Design and reports to a founder.")
    assert ("Head of Design", "reports_to", "Founder") in got


def test_hedge_stays_in_its_conjunct(run):
    got = run(
        "The VP of Product oversees all product directors, and in big firms there is often a CPO above the VP.",
        full=True,
    )
    assert (VPP, "oversees", DOP, "definite") in got
    assert (CPO, "above", VPP, "often") in got


def test_hedge_in_the_first_conjunct_still_applies_to_it(run):
    got = run("The VP of Product often oversees the product directors, and the CTO works beside them.", full=True)
    assert (VPP, "oversees", DOP, "often") in got


def test_possessive_direct_reports(run):
    got = run("The CTO's direct reports are the VP of Engineering and the Director of Engineering.")
    assert got == {(VPE, "reports_to", "CTO"), (DOE, "reports_to", "CTO")}
    got = run("The Head of Design's team members include a Design Manager.")
    assert got == {("Design Manager", "reports_to", "Head of Design")}


def test_possessive_without_reports_gives_nothing(run):
    assert run("The CPO's direct reports are not the Product Managers.") == set()
    assert run("The CTO's reports are due on Monday, and the VP of Engineering reads them.") == set()
    assert run("The CPO's office is next to the VP of Product's desk.") == set()


def _scopes(run, text):
    import rolegraph.extract.cues as C

    return str(C.scope_of(text)[0])


def test_headcount_and_big_tech_are_scope_cues(run):
    assert _scopes(run, "At my firm (~80 people) the EM is the boss") == "small"
    assert _scopes(run, "a 12,000-employee maker of tools") == "enterprise"
    assert _scopes(run, "with about 600 employees") == "mid"
    assert _scopes(run, "in offices with fewer than 50 employees") == "startup..small"
    assert _scopes(run, "At big tech the ladder is long") == "large..enterprise"


def test_numbers_that_are_not_headcounts_give_no_scope(run):
    assert _scopes(run, "We have 3 staff engineers and 4 designers") == "None"
    assert _scopes(run, "GPMs: 3–5 PMs each, until you hit 50 engineers") == "None"
