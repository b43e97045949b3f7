"""The library side of leaving out broken claims: ``load_usable_corpus`` / ``usable_corpus`` with ``strict``,
the ``LeftOut`` records, and the results of consensus, export and stats carrying them."""

from __future__ import annotations

import dataclasses

import pytest
from corpus_builder import build, claim
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from leftout_corpora import BAD, CLAIMS_A, CLAIMS_B, CODES, SOURCE_LEVEL, TEXT_A, TEXT_B, broken, by_hand

import rolegraph
from rolegraph.errors import InputError, Problem


def keys(corpus) -> list[tuple[str, str]]:
    return [c.key for c in corpus.claims()]


def finding(corpus, code):
    (f,) = [f for f in rolegraph.lint(corpus).findings if f.code == code]
    return f


@pytest.mark.parametrize("code", CODES)
def test_usable_corpus_is_the_corpus_without_the_broken_claim(tmp_path, code):
    bad = broken(tmp_path / "bad", code)
    hand = rolegraph.load_corpus(by_hand(tmp_path / "hand", code))
    full = rolegraph.load_corpus(bad)
    f = finding(full, code)
    u = rolegraph.load_usable_corpus(bad)
    source = "c" if code in SOURCE_LEVEL else "b"
    assert u.left_out == (
        rolegraph.LeftOut(file=f.file, line=f.line, source=source, claim="bad", code=code, reason=f.message),
    )
    assert keys(u.corpus) == keys(hand)
    assert [s.id for s in u.corpus.sources] == [s.id for s in hand.sources]
    assert (u.claims, u.sources) == (7, 2)
    # the same from a corpus already loaded, which is not changed
    n = len(full.claims())
    again = rolegraph.usable_corpus(full)
    assert again.left_out == u.left_out and keys(again.corpus) == keys(hand)
    assert len(full.claims()) == n
    # strict: refuse with the problem as the commands always gave it
    with pytest.raises(InputError) as e:
        rolegraph.load_usable_corpus(bad, strict=True)
    assert e.value.problems == [Problem(f.file, f.line, f"{f.message} [{code}]")]
    with pytest.raises(InputError):
        rolegraph.usable_corpus(full, strict=True)


@pytest.mark.parametrize("code", ["RG004", "RG005"])
def test_results_carry_the_left_out_list(tmp_path, code):
    u = rolegraph.load_usable_corpus(broken(tmp_path / "bad", code))
    hand = rolegraph.load_corpus(by_hand(tmp_path / "hand", code))
    result = rolegraph.consensus(u)
    assert result.left_out == u.left_out and (result.claims, result.sources) == (7, 2)
    ref = rolegraph.consensus(hand)
    assert ref.left_out == () and dataclasses.replace(result, left_out=()) == ref
    doc = result.to_dict()
    assert doc["left_out"] == [x.to_dict() for x in u.left_out]
    data = rolegraph.stats(u)
    assert data["left_out"] == doc["left_out"] and data["claims"] == 7
    assert {k: v for k, v in data.items() if k != "left_out"} == {
        k: v for k, v in rolegraph.stats(hand).items() if k != "left_out"
    }
    nq = rolegraph.export(u, "nquads").decode()
    assert '<https://w3id.org/rolegraph#claimsLeftOut> "1"^^' in nq
    assert '<https://w3id.org/rolegraph#claimsLeftOut> "0"^^' in rolegraph.export(hand, "nquads").decode()
    from rolegraph.consensus import explain

    assert explain(u, "Head of Product", "VP of Product").left_out == u.left_out


def test_a_plain_corpus_is_published_as_the_commands_publish_it(tmp_path):
    """The library leaves out what the commands leave out; strict=True refuses as --strict does."""
    full = rolegraph.load_corpus(broken(tmp_path / "bad", "RG004"))
    usable = rolegraph.usable_corpus(full)
    assert rolegraph.consensus(full) == rolegraph.consensus(usable)
    assert rolegraph.consensus(full).left_out == usable.left_out and len(usable.left_out) == 1
    assert rolegraph.stats(full) == rolegraph.stats(usable) and rolegraph.stats(full)["claims"] == 7
    assert rolegraph.export(full, "nquads") == rolegraph.export(usable, "nquads")
    for publish in (rolegraph.consensus, rolegraph.stats, rolegraph.export):
        with pytest.raises(InputError):
            publish(full, strict=True)


def test_strict_from_the_settings_and_overridden(tmp_path):
    root = broken(tmp_path / "c", "RG002", settings="[publish]\nstrict = true\n")
    with pytest.raises(InputError):
        rolegraph.load_usable_corpus(root)
    assert len(rolegraph.load_usable_corpus(root, strict=False).left_out) == 1
    assert rolegraph.load_corpus(root).settings.strict is True


def test_an_unparseable_file_is_left_out_and_lint_still_refuses(tmp_path):
    root = build(tmp_path / "c", {"a": (TEXT_A, list(CLAIMS_A)), "b": (TEXT_B, list(CLAIMS_B))})
    (root / "claims" / "broken.yaml").write_text("source:\n  id: broken\n  title: [x\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        rolegraph.load_corpus(root)
    (p,) = e.value.problems
    u = rolegraph.load_usable_corpus(root)
    assert u.left_out == (
        rolegraph.LeftOut(file=p.file, line=p.line, source=None, claim=None, code=None, reason=p.message),
    )
    assert str(u.left_out[0]) == f"{p.file}:{p.line}: source left out: {p.message}"
    assert u.claims == 7
    with pytest.raises(InputError) as strict:
        rolegraph.load_usable_corpus(root, strict=True)
    assert strict.value.problems == [p]


def test_left_out_lines_read_as_documented():
    x = rolegraph.LeftOut(file="claims/a.yaml", line=12, source="a", claim="c3", code="RG007", reason="why")
    assert str(x) == "claims/a.yaml:12: claim 'c3' left out: why [RG007]"
    assert x.to_dict() == {
        "file": "claims/a.yaml",
        "line": 12,
        "source": "a",
        "claim": "c3",
        "code": "RG007",
        "reason": "why",
    }
    whole = rolegraph.LeftOut(file="claims/c.yaml", line=7, source="c", claim=None, code="RG005", reason="changed")
    assert str(whole) == "claims/c.yaml:7: source 'c' left out: changed [RG005]"


def test_everything_left_out_is_no_result(tmp_path):
    root = build(tmp_path / "c", {"s": ("Q", [claim("x", "Hed of Product", "above", "VP of Product")])})
    with pytest.raises(InputError) as e:
        rolegraph.load_usable_corpus(root)
    assert "unknown role 'Hed of Product'" in str(e.value)
    u = rolegraph.usable_corpus(rolegraph.load_corpus(root), allow_empty=True)
    assert u.claims == 0 and len(u.left_out) == 1


def test_a_source_with_a_snapshot_problem_and_no_claims_is_left_out(tmp_path):
    root = build(tmp_path / "c", {"a": (TEXT_A, list(CLAIMS_A)), "e": ("text", [])})
    (root / "sources" / "e.txt").write_text("other text", encoding="utf-8")
    u = rolegraph.load_usable_corpus(root)
    (x,) = u.left_out
    assert (x.source, x.claim, x.code, x.file) == ("e", None, "RG005", "claims/e.yaml")
    assert [s.id for s in u.corpus.sources] == ["a"]


# ----------------------------------------------------------------------------- property

CLAIM_CODES = [c for c in CODES if c not in SOURCE_LEVEL and c != "RG008"]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    picks=st.lists(st.tuples(st.sampled_from(CLAIM_CODES), st.sampled_from(["a", "b"])), max_size=5),
    data=st.data(),
)
def test_any_set_of_broken_claims_leaves_exactly_the_good_ones(tmp_path_factory, picks, data):
    """However many broken claims go where: the usable corpus is the good corpus, strict refuses exactly
    when something is left out, and every broken claim is named once."""
    claims = {"a": list(CLAIMS_A), "b": list(CLAIMS_B)}
    for i, (code, where) in enumerate(picks):
        bad = {**BAD[code], "id": f"bad{i}"}
        at = data.draw(st.integers(0, len(claims[where])))
        claims[where].insert(at, bad)
    root = build(tmp_path_factory.mktemp("p"), {"a": (TEXT_A, claims["a"]), "b": (TEXT_B, claims["b"])})
    u = rolegraph.load_usable_corpus(root)
    assert sorted(c.id for c in u.corpus.claims()) == sorted(c["id"] for c in CLAIMS_A + CLAIMS_B)
    assert sorted(x.claim for x in u.left_out) == sorted(f"bad{i}" for i in range(len(picks)))
    for x in u.left_out:
        assert x.code == picks[int(x.claim[3:])][0]
    if picks:
        with pytest.raises(InputError):
            rolegraph.load_usable_corpus(root, strict=True)
    else:
        assert rolegraph.load_usable_corpus(root, strict=True).left_out == ()


def test_readme_example_runs(tmp_path, monkeypatch, capsys):
    """The README's load_usable_corpus example, run as written against a corpus with one broken claim."""
    from test_readme import python_block, run

    broken(tmp_path / "my-corpus", "RG007")
    monkeypatch.chdir(tmp_path)
    scope = run(python_block("rolegraph.load_usable_corpus("))
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("claims/b.yaml:") and out[0].endswith("[RG007]") and "claim 'bad' left out" in out[0]
    assert out[1] == "7 1 True"
    assert b'<https://w3id.org/rolegraph#claimsLeftOut> "1"' in scope["nquads"]


def test_the_activity_terms_are_documented_in_the_ontology(tmp_path):
    from importlib import resources

    import rdflib

    g = rdflib.Graph().parse(
        data=resources.files("rolegraph").joinpath("data/ontology.ttl").read_text(), format="turtle"
    )
    prov_activity = rdflib.URIRef("http://www.w3.org/ns/prov#Activity")
    nq = rolegraph.export(rolegraph.load_usable_corpus(broken(tmp_path / "c", "RG002")), "nquads").decode()
    used = {
        line.split()[1] for line in nq.splitlines() if line.startswith("<https://w3id.org/rolegraph/id/compilation>")
    }
    rg_terms = {u.strip("<>") for u in used if u.startswith("<https://w3id.org/rolegraph#")}
    assert len(rg_terms) == 3
    for term in rg_terms:
        t = rdflib.URIRef(term)
        assert g.value(t, rdflib.RDFS.comment) is not None and g.value(t, rdflib.RDFS.domain) == prov_activity
