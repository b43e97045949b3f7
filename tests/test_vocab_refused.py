"""Overrides a corpus's roles.ttl may not make: each is one `file:line: what to do` line, exit 2,
nothing written; plus a property test that any reshuffle of aliases leaves one role per label."""

from __future__ import annotations

import pytest
from corpus_builder import tree_digest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from vocab_helpers import FIRST, PREFIXES, builtin_line, corpus, run

from rolegraph.corpus.vocab import builtin_vocabulary, load_vocabulary, normalize_label
from rolegraph.errors import InputError


def refused(tmp_path, roles: str, toml: str | None = None) -> list[str]:
    """The problem lines of every command that reads the vocabulary (they must agree)."""
    root = corpus(tmp_path / "c", [("Head of Product", "above", "VP of Product")], roles, toml)
    before = tree_digest(root)
    outs = []
    for cmd in ("lint", "roles", "export"):
        r = run(cmd, "--corpus", str(root))
        assert r.exit_code == 2, (cmd, r.output)
        assert "Traceback" not in r.output
        outs.append([line for line in r.output.splitlines() if "nothing was written" not in line])
    assert outs[0] == outs[1] == outs[2]
    assert tree_digest(root) == before
    return [line.replace(str(root) + "/", "") for line in outs[0]]


def test_a_label_claimed_by_two_roles_after_the_overrides(tmp_path):
    lines = refused(tmp_path, 'role:x a rg:Role ; skos:prefLabel "Growth"@en ;\n    skos:altLabel "HoP"@en .\n')
    assert len(lines) == 1
    line = lines[0]
    assert line.startswith(f"roles.ttl:{FIRST + 1}: ")
    # names the other role, where its label comes from, and the way out
    hop_line = builtin_line('"HoP"@en')
    assert "Head of Product" in line and f"built-in roles.ttl:{hop_line}" in line
    assert "rg:removedAltLabel" in line


def test_two_corpus_roles_take_one_freed_label(tmp_path):
    roles = (
        'role:head-of-product rg:removedAltLabel "HoP" .\n'
        'role:x a rg:Role ; skos:prefLabel "X"@en ; skos:altLabel "HoP"@en .\n'
        'role:y a rg:Role ; skos:prefLabel "Y"@en ; skos:altLabel "hop"@en .\n'
    )
    lines = refused(tmp_path, roles)
    assert len(lines) == 1 and lines[0].startswith(f"roles.ttl:{FIRST + 2}: ") and f"roles.ttl:{FIRST + 1}" in lines[0]


def test_a_merge_that_makes_a_label_name_two_roles_is_fine_when_it_is_the_same_role(tmp_path):
    # HoP moves with its role into VP of Product; adding it to VP of Product again is harmless
    roles = 'role:head-of-product skos:exactMatch role:vp-of-product .\nrole:vp-of-product skos:altLabel "HoP" .\n'
    root = corpus(tmp_path / "c", [], roles)
    assert run("roles", "--corpus", str(root)).exit_code == 0


@pytest.mark.parametrize(
    ("roles", "offset", "words"),
    [
        ("role:head-of-prodcut skos:exactMatch role:vp-of-product .\n", 0, "head-of-prodcut"),
        ("\nrole:head-of-product skos:exactMatch role:vp-of-prodcut .\n", 1, "vp-of-prodcut"),
        ("role:nope owl:deprecated true .\n", 0, "nope"),
        ('role:nope rg:removedAltLabel "HoP" .\n', 0, "nope"),
        ("role:nope rg:family rg:productRoles .\n", 0, "nope"),
        ("rg:productRoles skos:member role:nope .\n", 0, "nope"),
        ('role:head-of-product rg:removedAltLabel "VPP" .\n', 0, "not an alias of 'Head of Product'"),
        ('role:head-of-product rg:removedAltLabel "Head of Product" .\n', 0, "preferred label"),
        ("role:head-of-product rg:family rg:nowhere .\n", 0, "rg:nowhere"),
    ],
)
def test_an_override_naming_what_does_not_exist(tmp_path, roles, offset, words):
    lines = refused(tmp_path, roles)
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"roles.ttl:{FIRST + offset}: ") and words in lines[0]


def test_a_cycle_of_merges(tmp_path):
    roles = (
        "role:head-of-product skos:exactMatch role:vp-of-product .\n"
        "role:vp-of-product skos:exactMatch role:chief-product-officer .\n"
        "role:chief-product-officer skos:exactMatch role:head-of-product .\n"
    )
    lines = refused(tmp_path, roles)
    assert len(lines) == 1 and lines[0].startswith(f"roles.ttl:{FIRST}: ") and "cycle" in lines[0]
    for n in (FIRST + 1, FIRST + 2):  # every link of the cycle is named
        assert f"roles.ttl:{n}" in lines[0]


def test_a_two_way_merge_is_a_cycle_too(tmp_path):
    roles = (
        "role:head-of-product skos:exactMatch role:vp-of-product .\n"
        "role:vp-of-product skos:exactMatch role:head-of-product .\n"
    )
    lines = refused(tmp_path, roles)
    assert "cycle" in lines[0] and "the object is the role that stays" in lines[0]


def test_owl_same_as_is_refused_with_the_way_out(tmp_path):
    lines = refused(tmp_path, "role:head-of-product owl:sameAs role:vp-of-product .\n")
    assert lines[0].startswith(f"roles.ttl:{FIRST}: ") and "skos:exactMatch" in lines[0]


@pytest.mark.parametrize(
    "roles",
    [
        "role:head-of-product skos:exactMatch role:vp-of-product , role:chief-product-officer .\n",
        "role:head-of-product skos:exactMatch role:vp-of-product .\nrole:vp-of-product owl:deprecated true .\n",
        "role:head-of-product skos:exactMatch role:vp-of-product .\nrole:head-of-product owl:deprecated true .\n",
        'role:head-of-product owl:deprecated "yes" .\n',
        "role:head-of-product skos:exactMatch role:head-of-product .\n",
        'role:x a rg:Role ; skos:prefLabel "X" ; rg:family rg:productRoles , rg:executiveRoles .\n',
        'role:x a rg:Role ; skos:prefLabel "X"@en , "X"@fr .\n',
    ],
)
def test_contradictory_overrides(tmp_path, roles):
    lines = refused(tmp_path, roles)
    assert lines and all(line.startswith("roles.ttl:") and not line.startswith("roles.ttl:0") for line in lines)


def test_renaming_a_builtin_role_is_still_refused(tmp_path):
    lines = refused(tmp_path, 'role:head-of-product skos:prefLabel "Boss" .\n')
    assert lines[0].startswith(f"roles.ttl:{FIRST}: ") and "rename" in lines[0]


# ------------------------------------------------------------------ property: one role per label

ALIASES = sorted((r.iri, alt) for r in builtin_vocabulary().roles.values() for alt in r.alt_labels)
IRIS = sorted(builtin_vocabulary().roles)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(moves=st.lists(st.tuples(st.sampled_from(ALIASES), st.sampled_from(IRIS)), max_size=8, unique_by=lambda m: m[0]))
def test_moving_aliases_between_roles_keeps_one_role_per_label(tmp_path_factory, moves):
    """Take any built-in aliases away from their roles and give each to any role: every label
    resolves to the role it was given to, the rest are untouched, and nothing else moves."""
    body = "".join(
        f'<{old}> rg:removedAltLabel "{alt}"@en .\n<{new}> skos:altLabel "{alt}"@en .\n' for (old, alt), new in moves
    )
    path = tmp_path_factory.mktemp("v") / "roles.ttl"
    path.write_text(PREFIXES + body)
    voc = load_vocabulary(path)
    base = builtin_vocabulary()
    moved = {normalize_label(alt): new for (_, alt), new in moves}
    for key, iri in base.index.items():
        assert voc.index[key] == moved.get(key, iri)
    assert set(voc.index) == set(base.index)
    for iri, role in voc.roles.items():  # each role's labels are exactly what the index says
        keys = {normalize_label(x) for x in [role.label, *role.alt_labels]}
        assert keys == {k for k, v in voc.index.items() if v == iri}


def test_the_api_raises_input_error_with_lines(tmp_path):
    path = tmp_path / "roles.ttl"
    path.write_text(PREFIXES + "role:nope owl:deprecated true .\n")
    with pytest.raises(InputError) as e:
        load_vocabulary(path)
    assert [(p.file, p.line) for p in e.value.problems] == [("roles.ttl", FIRST)]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(links=st.dictionaries(st.sampled_from(IRIS), st.sampled_from(IRIS), max_size=6))
def test_merges_resolve_to_the_role_that_stays_or_are_refused_as_a_cycle(tmp_path_factory, links):
    """Any set of merges (each role merged into at most one): refused exactly when a chain of
    merges returns to where it started; otherwise every label of a merged role names the end of its chain."""
    path = tmp_path_factory.mktemp("v") / "roles.ttl"
    path.write_text(PREFIXES + "".join(f"<{a}> skos:exactMatch <{b}> .\n" for a, b in sorted(links.items())))

    def end(iri: str) -> str | None:
        seen = []
        while iri in links:
            if iri in seen:
                return None
            seen.append(iri)
            iri = links[iri]
        return iri

    loops = any(a == b for a, b in links.items()) or any(end(a) is None for a in links)
    if loops:
        with pytest.raises(InputError):
            load_vocabulary(path)
        return
    voc = load_vocabulary(path)
    base = builtin_vocabulary()
    assert set(voc.roles) == set(base.roles) - set(links)
    for key, iri in base.index.items():
        assert voc.index[key] == end(iri)
