"""Write a deterministic synthetic rolegraph corpus with a known set of planted findings.

    python bench/generate.py N OUTDIR [--seed S]

Design (so the planted contradictions are known *exactly*):

* A global ladder: every role has a level (0 = most senior). 8 synthetic families of 25 roles
  each (200 roles, declared in OUTDIR/roles.ttl with aliases) plus the built-in roles with a
  hand-written level. Each family has exactly one role at its top level.
* Background claims all agree with the ladder: above/oversees put the higher level first,
  below/reports_to the lower one; `same` only between two roles of one level; `not_above`
  only from a role at the same or a lower level; `top` only for the single top role of a
  family; may_be / overlaps between any two roles (no rule reads them). So the background has
  no RG101-RG105 finding, no cycle at any size, and no duplicate claim within a source (checked).
* Copied sentences: ~30% of sources repeat 1-3 sentences (and the claims on them) of an earlier
  source verbatim.
* K planted contradictions of each kind, each on its own fresh roles in its own family, with
  every side in a different source: RG101, RG102, RG103, RG104 (rival tops and outranked top,
  alternating), RG105 (3-cycles across three sources), RG002 (unknown role) and RG004 (quote not
  in the snapshot). The expected findings (code + role labels) go to OUTDIR/expected.json.

N claims in total (background + planted) over max(1, N // 10) sources.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import sys
from pathlib import Path

FAMILIES = ["Atlas", "Borealis", "Cobalt", "Delta", "Ember", "Fjord", "Granite", "Helix"]
TITLES = [
    "Chief Officer", "Senior Vice President", "Vice President", "Head", "Senior Director",
    "Director", "Senior Manager", "Manager", "Lead", "Senior Specialist", "Specialist", "Associate",
]  # fmt: skip
PER_TIER = [1, 2, 2, 2, 2, 2, 3, 2, 2, 3, 2, 2]  # 25 roles per family, one top role
AREAS = ["Platform", "Growth", "Data"]

# Built-in roles placed on the same global ladder: label -> level (families come from the
# built-in vocabulary; the top of each built-in family is the only one given `top` claims).
BUILTIN_LEVELS = {
    "CEO": 0, "Founder": 0, "COO": 1, "CTO": 1,
    "Chief Product Officer": 1, "VP of Engineering": 2, "VP of Product": 2, "Head of Product": 3,
    "Director of Product": 4, "Group Product Manager": 5, "Principal Product Manager": 6,
    "Product Lead": 7, "Senior Product Manager": 7, "Product Manager": 8, "Product Owner": 8,
    "Product Marketing Manager": 8, "Associate Product Manager": 9,
}  # fmt: skip
BUILTIN_TOPS = {"CEO", "Chief Product Officer", "VP of Engineering"}

REL_WEIGHTS = [
    ("above", 30), ("below", 10), ("oversees", 10), ("reports_to", 14), ("same", 7),
    ("may_be", 8), ("not_above", 8), ("top", 5), ("overlaps", 8),
]  # fmt: skip
HEDGE_WEIGHTS = [("definite", 50), ("generally", 20), ("often", 12), ("may", 12), ("some", 6)]
SCOPE_WEIGHTS = [
    ("any", 55), ("startup", 5), ("small", 4), ("mid", 5), ("large", 6), ("enterprise", 4),
    ("startup..small", 6), ("small..mid", 4), ("mid..enterprise", 5), ("large..enterprise", 6),
]  # fmt: skip

VERBS = {
    "above": ["ranks above the {o}", "sits higher on the ladder than the {o}", "is senior to the {o}"],
    "below": ["ranks below the {o}", "sits one rung under the {o}", "is junior to the {o}"],
    "oversees": ["oversees the {o}", "manages the {o}", "has the {o} as a direct report"],
    "reports_to": ["reports to the {o}", "answers to the {o}", "reports directly to the {o}"],
    "same": ["is just another title for the {o}", "is the same role as the {o}"],
    "may_be": ["may be called the {o}", "is sometimes labelled the {o}"],
    "not_above": ["is not above the {o}", "never outranks the {o}"],
    "top": ["is the most senior role of its track", "ranks the highest"],
    "overlaps": ["overlaps with the {o} in day-to-day work", "shares many duties with the {o}"],
}
HEDGE_WORDS = {
    "definite": "",
    "generally": "Generally, ",
    "often": "Often, ",
    "may": "Possibly, ",
    "some": "In some firms, ",
}
SCOPE_WORDS = {
    "any": "", "startup": " at startups", "small": " in small companies", "mid": " in mid-size companies",
    "large": " in large companies", "enterprise": " in enterprises",
}  # fmt: skip
FILLER = [
    "Titles vary a lot between companies.",
    "Compensation bands are a separate question.",
    "We interviewed several hiring managers for this article.",
    "Career ladders change as a company grows.",
    "Nothing here is legal or HR advice.",
    "Read on for the details of each rung.",
    "Some teams skip a level entirely.",
    "Responsibilities matter more than names.",
]

PREFIX = """@prefix rg:   <https://w3id.org/rolegraph#> .
@prefix role: <https://w3id.org/rolegraph/role/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .

"""


class Role:
    __slots__ = ("iri", "label", "alts", "family", "level")

    def __init__(self, iri, label, alts, family, level):
        self.iri, self.label, self.alts, self.family, self.level = iri, label, alts, family, level


def _pick(rng: random.Random, weighted):
    return rng.choices([w[0] for w in weighted], weights=[w[1] for w in weighted])[0]


def build_roles() -> tuple[list[Role], str]:
    """The synthetic roles (with their roles.ttl text) and the built-in roles on the ladder."""
    from rolegraph.corpus.vocab import builtin_vocabulary

    roles: list[Role] = []
    ttl = [PREFIX]
    for fam in FAMILIES:
        fam_iri = f"https://w3id.org/rolegraph#bench{fam}Roles"
        for tier, n in enumerate(PER_TIER):
            for k in range(n):
                label = f"{fam} {TITLES[tier]}" + (f" of {AREAS[k]}" if n > 1 else "")
                alt = f"{fam[:3].upper()}-{tier:02d}{'ABC'[k]}"
                slug = f"bench-{fam.lower()}-{tier:02d}{'abc'[k]}"
                roles.append(Role("https://w3id.org/rolegraph/role/" + slug, label, [alt], fam_iri, tier))
                ttl.append(
                    f"role:{slug} a rg:Role, skos:Concept ;\n    skos:inScheme rg:roles ;\n"
                    f'    skos:prefLabel "{label}"@en ;\n    skos:altLabel "{alt}"@en ;\n'
                    f"    rg:family rg:bench{fam}Roles .\n\n"
                )
    vocab = builtin_vocabulary()
    for iri, r in vocab.roles.items():
        if r.label in BUILTIN_LEVELS:
            roles.append(Role(iri, r.label, list(r.alt_labels), r.family, BUILTIN_LEVELS[r.label]))
    return roles, "".join(ttl)


def sentence(rel: str, s_text: str, o_text: str | None, scope: str, hedge: str, variant: int) -> str:
    verbs = VERBS[rel]
    verb = verbs[variant % len(verbs)].format(o=o_text)
    if ".." in scope:
        a, b = scope.split("..")
        where = f" in companies from {a} to {b} size"
    else:
        where = SCOPE_WORDS[scope]
    lead = HEDGE_WORDS[hedge]
    return f"{lead}{'the' if lead else 'The'} {s_text} {verb}{where}."


def claim_key(c: dict) -> tuple:
    return (
        c["s"].iri if c["s"] else c["subject"],
        c["relation"],
        c["o"].iri if c.get("o") else None,
        c["scope"],
        c["hedge"],
    )


class Gen:
    def __init__(self, n: int, seed: int):
        self.n, self.rng = n, random.Random(seed)
        self.roles, self.roles_ttl = build_roles()
        self.by_family: dict[str, list[Role]] = {}
        for r in self.roles:
            self.by_family.setdefault(r.family, []).append(r)
        self.tops = [
            r
            for r in self.roles
            if r.label in BUILTIN_TOPS or (r.level == 0 and r.iri.rsplit("/", 1)[1].startswith("bench-"))
        ]
        self.expected: list[dict] = []

    def text(self, r: Role) -> str:
        return self.rng.choice(r.alts) if r.alts and self.rng.random() < 0.2 else r.label

    def background(self) -> dict:
        rng = self.rng
        rel = _pick(rng, REL_WEIGHTS)
        scope, hedge = _pick(rng, SCOPE_WEIGHTS), _pick(rng, HEDGE_WEIGHTS)
        if rel == "top":
            return self.claim(rng.choice(self.tops), "top", None, scope, hedge)
        while True:
            if rng.random() < 0.8:
                fam = rng.choice(list(self.by_family))
                pool = self.by_family[fam]
            else:
                pool = self.roles
            a, b = rng.sample(pool, 2) if len(pool) > 1 else (None, None)
            if a is None:
                continue
            if rel in ("above", "oversees", "below", "reports_to"):
                if a.level == b.level:
                    continue
                hi, lo = (a, b) if a.level < b.level else (b, a)
                s, o = (hi, lo) if rel in ("above", "oversees") else (lo, hi)
            elif rel == "same":
                same = [r for r in pool if r.level == a.level and r is not a]
                if not same:
                    continue
                s, o = a, rng.choice(same)
            elif rel == "not_above":
                if a.level < b.level:
                    a, b = b, a
                s, o = a, b  # s is at the same level as o or lower
            else:
                s, o = a, b
            return self.claim(s, rel, o, scope, hedge)

    def claim(
        self, s: Role, rel: str, o: Role | None, scope: str, hedge: str, *, subject_text=None, quote=None
    ) -> dict:
        st = subject_text or self.text(s)
        ot = self.text(o) if o else None
        sent = sentence(rel, st, ot, scope, hedge, self.rng.randrange(6))
        return {"s": s, "o": o, "subject": st, "object": ot, "relation": rel, "scope": scope, "hedge": hedge,
                "quote": quote or sent, "sentence": None if quote else sent}  # fmt: skip

    # ------------------------------------------------------------------ planted findings

    def planted_role(self, code: str, i: int, letter: str, fam: str) -> Role:
        label = f"Planted {code} Case {i} Role {letter}"
        slug = f"planted-{code.lower()}-{i}-{letter.lower()}"
        self.roles_ttl += (
            f"role:{slug} a rg:Role, skos:Concept ;\n    skos:inScheme rg:roles ;\n"
            f'    skos:prefLabel "{label}"@en ;\n    rg:family rg:{fam} .\n\n'
        )
        return Role("https://w3id.org/rolegraph/role/" + slug, label, [], "https://w3id.org/rolegraph#" + fam, 0)

    def expect(self, code: str, roles: list[Role], claims: list[dict]) -> None:
        self.expected.append({"code": code, "roles": sorted(r.label for r in roles)})

    def planted(self, k: int) -> list[list[dict]]:
        """Groups of claims; each claim of a group goes to a different source."""
        groups = []
        for i in range(k):
            fam = f"benchPlant{i}"

            def P(code: str, letter: str, i: int = i, fam: str = fam) -> Role:
                return self.planted_role(code, i, letter, fam + code)

            a, b = P("RG101", "A"), P("RG101", "B")
            g = [
                self.claim(a, "above", b, "any", "definite"),
                self.claim(b, "oversees" if i % 2 else "above", a, "any", "definite"),
            ]
            self.expect("RG101", [a, b], g)
            groups.append(g)
            a, b = P("RG102", "A"), P("RG102", "B")
            g = [self.claim(a, "above", b, "any", "definite"), self.claim(b, "same", a, "any", "definite")]
            self.expect("RG102", [a, b], g)
            groups.append(g)
            a, b = P("RG103", "A"), P("RG103", "B")
            g = [self.claim(a, "not_above", b, "any", "definite"), self.claim(a, "oversees", b, "any", "definite")]
            self.expect("RG103", [a, b], g)
            groups.append(g)
            a, b = P("RG104", "A"), P("RG104", "B")
            if i % 2:
                g = [self.claim(a, "top", None, "any", "definite"), self.claim(b, "top", None, "any", "definite")]
            else:
                g = [self.claim(a, "top", None, "any", "definite"), self.claim(b, "above", a, "any", "definite")]
            self.expect("RG104", [a, b], g)
            groups.append(g)
            a, b, c = P("RG105", "A"), P("RG105", "B"), P("RG105", "C")
            g = [self.claim(a, "above", b, "any", "definite"), self.claim(b, "above", c, "any", "definite"),
                 self.claim(a, "reports_to", c, "any", "generally")]  # fmt: skip
            self.expect("RG105", [a, b, c], g)
            groups.append(g)
            o = self.rng.choice(self.roles)
            bad = self.claim(None, "overlaps", o, "any", "definite", subject_text=f"Chief Vibes Wrangler {i}")
            self.expect("RG002", [o], [bad])
            groups.append([bad])
            c = self.background()
            c["quote"] = f"This sentence {i} was never written in the source."
            c["sentence"] = None
            self.expect("RG004", [r for r in (c["s"], c["o"]) if r], [c])
            groups.append([c])
        return groups

    # ------------------------------------------------------------------ writing

    def run(self, out: Path) -> dict:
        rng = self.rng
        n_sources = max(1, self.n // 10)
        k = max(2, min(50, self.n // 2000))
        groups = self.planted(k)
        n_planted = sum(len(g) for g in groups)
        if n_planted > self.n:
            raise SystemExit(f"N={self.n} is too small for {n_planted} planted claims")
        cap = [self.n // n_sources + (1 if i < self.n % n_sources else 0) for i in range(n_sources)]
        per_source: list[list[dict]] = [[] for _ in range(n_sources)]
        for g in groups:
            free = [i for i in range(1, n_sources) if len(per_source[i]) < cap[i]] or [0]
            picks = rng.sample(free, len(g)) if len(free) >= len(g) else [rng.choice(free) for _ in g]
            for c, i in zip(g, picks, strict=True):
                per_source[i].append(c)
        if out.exists():
            shutil.rmtree(out)
        (out / "claims").mkdir(parents=True)
        (out / "sources").mkdir()
        (out / "roles.ttl").write_text(self.roles_ttl, encoding="utf-8")
        copyable: list[list[dict]] = []
        edit = None
        for si in range(n_sources):
            sid = f"s{si:06d}"
            claims = per_source[si]
            keys = {claim_key(c) for c in claims}
            body: list[dict] = []
            if si == 0:  # the claim the benchmark edits: definite -> generally, both keys reserved
                while True:
                    first = self.background()
                    if (
                        first["relation"] in ("above", "oversees", "below", "reports_to")
                        and first["hedge"] == "definite"
                    ):
                        break
                keys |= {claim_key(first), claim_key({**first, "hedge": "generally"})}
                body.append(first)
            if si > 0 and rng.random() < 0.3:
                donor = copyable[rng.randrange(si)]
                for c in rng.sample(donor, min(len(donor), rng.randint(1, 3))):
                    if len(claims) + len(body) < cap[si] and claim_key(c) not in keys:
                        keys.add(claim_key(c))
                        body.append(dict(c))
            while len(claims) + len(body) < cap[si]:
                c = self.background()
                if claim_key(c) in keys:
                    continue
                keys.add(claim_key(c))
                body.append(c)
            mine = body + claims
            if si:
                rng.shuffle(mine)
            copyable.append([c for c in body])
            # snapshot: the claims' sentences in order with filler between, no duplicates
            lines, seen = [f"Synthetic source {sid}: how roles rank."], set()
            for c in mine:
                if c["sentence"] and c["sentence"] not in seen:
                    seen.add(c["sentence"])
                    lines.append(c["sentence"])
                if rng.random() < 0.3:
                    lines.append(rng.choice(FILLER))
            snap = " ".join(lines) + "\n"
            data = snap.encode("utf-8")
            (out / "sources" / f"{sid}.txt").write_bytes(data)
            y = [
                f"# Synthetic claims (bench/generate.py) for source {sid}.",
                "source:",
                f"  id: {sid}",
                f'  title: "Synthetic source {si} on role rank"',
                f'  url: "https://example.org/bench/{sid}"',
                "  retrieved: 2026-11-01",
                f"  snapshot: sources/{sid}.txt",
                f"  sha256: {hashlib.sha256(data).hexdigest()}",
                "claims:",
            ]
            for j, c in enumerate(mine):
                y.append(f"  - id: c{j:03d}")
                y.append(f"    subject: {json.dumps(c['subject'])}")
                y.append(f"    relation: {c['relation']}")
                if c["object"] is not None:
                    y.append(f"    object: {json.dumps(c['object'])}")
                y.append(f"    quote: {json.dumps(c['quote'])}")
                if c["scope"] != "any" or rng.random() < 0.3:
                    y.append(f"    scope: {c['scope']}")
                if c["hedge"] != "definite" or (si == 0 and j == 0) or rng.random() < 0.3:
                    y.append(f"    hedge: {c['hedge']}")
            (out / "claims" / f"{sid}.yaml").write_text("\n".join(y) + "\n", encoding="utf-8")
            if si == 0:
                edit = {"file": f"claims/{sid}.yaml", "old": "    hedge: definite\n", "new": "    hedge: generally\n"}
        meta = {
            "n_claims": self.n,
            "n_sources": n_sources,
            "planted_per_kind": k,
            "planted_claims": n_planted,
            "synthetic_roles": len(FAMILIES) * sum(PER_TIER),
            "expected": sorted(self.expected, key=lambda e: (e["code"], e["roles"])),
            "edit": edit,
        }
        (out / "expected.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
        return meta


def generate(n: int, out: Path, seed: int = 0) -> dict:
    return Gen(n, seed).run(Path(out))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int, help="number of claims")
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)
    meta = generate(a.n, a.outdir, a.seed)
    print(f"wrote {meta['n_claims']} claims over {meta['n_sources']} sources to {a.outdir}; "
          f"{len(meta['expected'])} planted findings ({meta['planted_per_kind']} per kind)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
