"""Small vocabulary usability points: an empty vocabulary is said out loud, a role a corpus adds shows its
family in ``roles --explain``, and RG002 points at the corpus's roles.ttl the way the commands name other
files of the corpus, with a ``roles --explain`` command that can be pasted into a shell as it is."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys

from vocab_helpers import FIRST, corpus, findings, run


def test_an_empty_vocabulary_is_said_on_stderr(tmp_path):
    root = corpus(tmp_path / "c", [], toml="[vocabulary]\nbuiltin = false\n")
    r = run("roles", "--corpus", str(root))
    assert (r.exit_code, r.stdout) == (0, "")
    assert r.stderr.startswith("rolegraph: no roles: ") and "builtin = false" in r.stderr
    js = run("roles", "--corpus", str(root), "--format", "json")
    assert (js.exit_code, json.loads(js.stdout), js.stderr) == (0, [], "")
    # with one role there is a list and nothing on stderr
    root = corpus(
        tmp_path / "d", [], 'role:x a rg:Role ; skos:prefLabel "Data Analyst" .\n', "[vocabulary]\nbuiltin = false\n"
    )
    r = run("roles", "--corpus", str(root))
    assert r.stdout.startswith("Data Analyst") and r.stderr == ""


def test_a_role_added_without_a_family_shows_the_default_family(tmp_path):
    roles = (
        'role:growth-pm a rg:Role ;\n    skos:prefLabel "Growth Product Manager"@en ; skos:altLabel "Growth PM"@en .\n'
    )
    root = corpus(tmp_path / "c", [], roles)
    r = run("roles", "--corpus", str(root), "--explain", "growth pm", "--format", "json")
    (family,) = [t for t in json.loads(r.stdout)["trail"] if t["kind"] == "family"]
    assert family["file"] == "roles.ttl" and family["line"] == FIRST and not family["builtin"]
    assert family["text"] == "rg:productRoles (the default)"
    text = run("roles", "--corpus", str(root), "--explain", "Growth PM").stdout
    assert f"family rg:productRoles (the default)  {root}/roles.ttl:{FIRST}" in text


def test_a_role_added_with_a_family_shows_that_line(tmp_path):
    roles = (
        'rg:data a skos:Collection ; skos:prefLabel "Data"@en .\n'
        'role:analyst a rg:Role ; skos:prefLabel "Data Analyst"@en ;\n    rg:family rg:data .\n'
    )
    root = corpus(tmp_path / "c", [], roles)
    data = json.loads(run("roles", "--corpus", str(root), "--explain", "Data Analyst", "--format", "json").stdout)
    (family,) = [t for t in data["trail"] if t["kind"] == "family"]
    assert (family["line"], family["text"]) == (FIRST + 2, "rg:data")


def test_rg002_names_the_corpus_roles_file_and_a_command_that_pastes(tmp_path):
    roles = 'role:head-of-product rg:removedAltLabel "Head of Product Management" .\n'
    root = corpus(tmp_path / "my corpus", [("Head of Product Management", "above", "VP of Product")], roles)
    (f,) = [f for f in findings(root) if f["code"] == "RG002"]
    assert f"{root}/roles.ttl:{FIRST} removes it from 'Head of Product'" in f["message"]
    see = f["message"].split("; see: ", 1)[1]
    assert see == f"rolegraph roles --corpus {shlex.quote(str(root))} --explain 'Head of Product Management'"
    # the hint, pasted into a shell, runs and explains the label
    argv = shlex.split(see)
    assert argv[0] == "rolegraph"
    out = subprocess.run([sys.executable, "-m", "rolegraph", *argv[1:]], capture_output=True, text=True, check=False)
    assert out.returncode == 1 and "names no role" in out.stdout and "alias removed" in out.stdout


def test_rg002_quotes_a_label_with_shell_characters(tmp_path):
    roles = 'role:x a rg:Role ; skos:prefLabel "$(touch pwned); it\'s" .\nrole:x owl:deprecated true .\n'
    root = corpus(tmp_path / "c", [("$(touch pwned); it's", "above", "VP of Product")], roles)
    (f,) = [f for f in findings(root) if f["code"] == "RG002"]
    argv = shlex.split(f["message"].split("; see: ", 1)[1])
    assert argv[-2:] == ["--explain", "$(touch pwned); it's"]
