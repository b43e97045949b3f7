"""The statement-line reader behind every `roles.ttl:N` of the vocabulary messages: for Turtle laid out
any way (several objects per line, statements over many lines, comments, escapes, multi-line
strings), each triple's line is the line its object is written on, and it sees the triples a real
parser sees."""

from __future__ import annotations

import pyoxigraph as ox
from hypothesis import given, settings
from hypothesis import strategies as st

from rolegraph.corpus.turtle_lines import statement_lines

HEAD = "@prefix ex: <https://example.org/> .\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
EX = "https://example.org/"
LABEL = "http://www.w3.org/2004/02/skos/core#altLabel"

words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12)
objects = st.one_of(
    st.tuples(st.just("iri"), st.sampled_from(["a", "b", "c-d", "e.f"])),
    st.tuples(st.just("lit"), words),
    st.tuples(st.just("long"), st.lists(words, min_size=1, max_size=3)),
)
statements = st.lists(
    st.tuples(st.sampled_from(["s1", "s2", "s3"]), st.lists(st.tuples(objects, st.booleans()), min_size=1, max_size=4)),
    min_size=1,
    max_size=6,
)


def escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


@settings(max_examples=80, deadline=None)
@given(statements, st.booleans())
def test_lines_of_objects_however_laid_out(stmts, comments):
    out = HEAD
    expected: dict[tuple[str, str, str], int] = {}
    for subject, objs in stmts:
        out += f"ex:{subject}  # a subject\n" if comments else f"<{EX}{subject}>\n"
        for i, ((kind, value), newline) in enumerate(objs):
            if kind == "iri":
                predicate, p_iri, text, key = "<https://example.org/p>", EX + "p", f"ex:{value}", EX + value
            elif kind == "lit":
                predicate, p_iri, text, key = "skos:altLabel", LABEL, f'"{escape(value)}"@en', value
            else:
                body = "\n".join(value)
                predicate, p_iri, text, key = "skos:altLabel", LABEL, f'"""{escape(body)}"""', body
            out += "    " if i == 0 or newline else " "
            out += f"{predicate} "
            expected.setdefault((EX + subject, p_iri, key), out.count("\n") + 1)
            out += text + (" ." if i == len(objs) - 1 else " ;")
            if i == len(objs) - 1 or newline or objs[i + 1][1]:
                out += "\n"
    got = statement_lines(out)
    parsed = {
        (q.subject.value, q.predicate.value, q.object.value) for q in ox.parse(out.encode(), format=ox.RdfFormat.TURTLE)
    }
    assert set(got) == parsed
    for key, line in expected.items():
        assert got[key] == line, (key, out)


def test_odd_input_gives_what_was_read_and_never_raises():
    assert statement_lines("") == {}
    assert statement_lines("@prefix ex: <https://e.org/> .\nex:a ex:b ex:c .\nex:d ex:e [ ex:f ex:g ] .\n") == {
        ("https://e.org/a", "https://e.org/b", "https://e.org/c"): 2,
        ("[]1", "https://e.org/f", "https://e.org/g"): 3,
        ("https://e.org/d", "https://e.org/e", "[]1"): 3,
    }
    assert statement_lines("[" * 100_000) == {}  # deep nesting stops quietly
    assert statement_lines('@base <http://[/> .\n<x> <y> "\\U00110000" .') == {}
