"""The clause rules of extract that need one role mention or none: "the top / most senior role",
a comparative whose object is the other role just named, "reports to them", "acts as both X and Y",
"both ... involved in", "these titles are interchangeable". Each function takes the engine's clause
(``self``: its text, mentions, context and ``emit``). Also holds :class:`Slot` and :func:`low`.

Imports the standard library and :mod:`.cues`; it must not import :mod:`.engine` (which imports it),
the CLI, the corpus loader, the writer or the API module.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import cues as C


@dataclass(slots=True)
class Slot:
    start: int
    end: int
    role: str | None  # None: a pronoun, resolved later
    pronoun: str = ""


def low(text: str) -> str:
    return " ".join(text.lower().split()).rstrip(".!?:; ")


def singles(self, slots) -> None:
    low_clause = self.low
    roles = [s for s in slots if s.role]
    # "acts as both X and Y": one position, two titles
    if len(roles) >= 2 and " as both" in low_clause and C.ACTS_BOTH.search(low_clause):
        self.emit(roles[-1].role, "may_be", roles[-2].role, "'acts as both X and Y'")
    # "Both may also be involved in ...": the two roles just named share a duty
    if not roles and C.BOTH_SHARE.match(low_clause):
        cands = self.context_roles(set())
        if len(cands) == 2:
            self.emit(cands[0], "overlaps", cands[1], "'both ... involved in' (shared duty)")
    for k, s in enumerate(slots):
        nxt = slots[k + 1].start if k + 1 < len(slots) else self.span.end
        after = low(self.text[s.end : nxt])
        if not after or not C.SINGLE_GATE.search(after):
            continue
        role = s.role
        if C.TOP_GATE.search(after) and C.TOP.match(after):
            neg_after = bool(C.NEGATION.search(after.split(",")[0])) and not C.ISNT_LEAD.match(after)
            if role is None and s.pronoun in ("they", "he", "she", "this role"):
                role = self.resolve_pronoun(set())
            if role and not neg_after:
                self.emit(role, "top", None, "'the highest-ranking / top / most senior role'")
            role = s.role
        if not role or (k + 1 < len(slots) and slots[k + 1].role is not None):
            continue
        m2 = C.COMPARATIVE_END.match(after)
        if m2 and not C.NEGATION.search(after):
            others = self.context_roles({role})
            if len(others) == 1 and self.prev and role in self.prev.roles():
                rel = "above" if m2.group("dir") in ("higher", "above") else "below"
                self.emit(role, rel, others[0], "comparative with the other role just named")
        m3 = C.PRONOUN_OBJECT.search(after)
        verb = C.VERB.search(after) if m3 else None
        if m3 and verb and verb.start() < m3.start() and not C.REPORTS_TO_THEM.search(after):
            conj = C.CONJOINED_ANYWHERE.search(after[: m3.start()])
            if conj and roles and roles[0].role != role:  # "X differs from Y and answers to them"
                role, after = roles[0].role, after[conj.end() - 1 :]
                m3 = C.PRONOUN_OBJECT.search(after)
            cands = [r for r in self.earlier + [x.role for x in roles] if r and r != role]
            cands = list(dict.fromkeys(cands)) or self.context_roles({role})
            if len(cands) == 1:
                btw = after[: m3.start() + len(m3.group(1))].rstrip() + " "
                pair_pronoun_obj(self, Slot(s.end, s.end, role), Slot(s.end, s.end, cands[0]), btw)


def pair_pronoun_obj(self, subj, obj, btw) -> None:
    if C.NOT_ABOVE.match(btw):
        self.emit(subj.role, "not_above", obj.role, "negated 'above' with 'them' = the other role named")
    elif C.NEGATION.search(btw):
        return
    elif C.REPORTS_TO.match(btw):
        self.emit(subj.role, "reports_to", obj.role, "'reports to them' = the other role named")
    elif C.BELOW.match(btw):
        self.emit(subj.role, "below", obj.role, "'below them' = the other role named")
    elif C.ABOVE.match(btw):
        self.emit(subj.role, "above", obj.role, "'above them' = the other role named")


def plural_same(self, slots) -> None:
    """'these titles are used interchangeably': the two roles just named are one role."""
    if [s for s in slots if s.role]:
        return
    if not C.PLURAL_SAME.search(self.low) or C.NEGATION.search(self.low.split("interchangeab")[0][-40:]):
        return
    cands = list(dict.fromkeys(self.earlier)) or (self.prev.roles() if self.prev else [])
    if len(cands) == 2:
        self.emit(cands[0], "same", cands[1], "'these titles are used interchangeably'")
