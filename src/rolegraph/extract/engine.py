"""The rules of extract: from a snapshot's text to proposed claims. Each sentence is split into
clauses; in each clause the words between consecutive role mentions (or a pronoun resolved to a
role) are matched against the relation cues of :mod:`.cues`; negation and contrast cancel a cue;
coordinated objects ("beneath X or even Y") share it; ordered sequences, career-ladder lists and
"from X to Y" transitions give adjacent pairs; scope, hedge and condition come from the clause.

Imports the standard library, the model and the other extract modules; it must not import the CLI,
the corpus loader, the writer or the API module.
"""

from __future__ import annotations

from ..model import ANY
from . import cues as C
from .ladders import inline_ladders, list_ladders, sequence_down
from .mentions import Mention, MentionFinder
from .proposal import Proposal
from .short_titles import ShortTitles, drop_degree_phrases, posting_you
from .singles import Slot, low, plural_same, singles
from .text import Span, clauses, lines, sentences, trim


class _Sentence:
    def __init__(self, span: Span, mentions: list[Mention], text: str = ""):
        self.span = span
        self.mentions = mentions
        # roles the sentence says are absent ("there's no CPO"): a pronoun never stands for them
        self.denied = {m.role for m in mentions if C.DENIED_BEFORE.search(text, max(0, m.start - 30), m.start)}

    def roles(self) -> list[str]:
        out: list[str] = []
        for m in self.mentions:
            if m.role not in out:
                out.append(m.role)
        return out


class Extractor:
    """Proposes claims from snapshot text with one vocabulary (build once, run on many texts)."""

    def __init__(self, vocabulary) -> None:
        self.finder = MentionFinder(vocabulary)
        self.short = ShortTitles(vocabulary)

    def run(self, text: str) -> tuple[list[Proposal], list[str]]:
        """(proposals in text order, unknown title-like mentions)."""
        from .mentions import unknown_titles

        all_mentions = drop_degree_phrases(text, self.finder.find(text))
        short = self.short.find(text, all_mentions) + posting_you(text, all_mentions)
        if short:  # bare "Director", "VP" in a text about one family
            all_mentions = sorted(all_mentions + short, key=lambda m: m.start)
        unknown = unknown_titles(text, all_mentions)
        out: list[Proposal] = []
        prev: _Sentence | None = None
        mi = 0
        for line in lines(text):
            self.line_scope = None
            for sp in sentences(text, line):
                while mi < len(all_mentions) and all_mentions[mi].start < sp.start:
                    mi += 1
                j = mi
                while j < len(all_mentions) and all_mentions[j].end <= sp.end:
                    j += 1
                sent = _Sentence(sp, all_mentions[mi:j], text)
                out.extend(self._sentence(text, sent, prev))
                out.extend(inline_ladders(text, sp, sent.mentions))
                prev = sent
        out.extend(list_ladders(text, lines(text), all_mentions))
        return out, unknown

    # ------------------------------------------------------------------ one sentence
    def _sentence(self, text: str, sent: _Sentence, prev: _Sentence | None) -> list[Proposal]:
        out: list[Proposal] = []
        lead_scope, _ = C.scope_of(text[sent.span.start : sent.span.end].split(",")[0])
        if not sent.mentions and lead_scope is not None:
            self.line_scope = lead_scope  # "At enterprise scale, things look different."
        lead_scope = lead_scope or getattr(self, "line_scope", None)
        earlier: list[str] = []
        body = text[sent.span.start : sent.span.end]
        if body.rstrip().endswith("?") and C.QUESTION.match(C.SPEAKER.sub("", body, count=1)):
            return out  # a question asks; it states no claim
        carry: str | None = None  # the subject of the clause before: "X is senior to Y but junior to Z"
        for cl in clauses(text, sent.span):
            ms = [m for m in sent.mentions if cl.start <= m.start and m.end <= cl.end]
            if not ms and not C.ANAPHOR.search(text, cl.start, cl.end):
                continue  # no role and nothing that could refer to one: nothing to propose
            ctx = _Clause(self, text, cl, ms, sent, prev, earlier, lead_scope)
            out.extend(ctx.run(carry))
            opens = ms and C.DET_ONLY.fullmatch(text, sent.span.start, ms[0].start)
            carry = ctx.last_subject or (ms[0].role if opens else carry)
            earlier.extend(m.role for m in ms)  # a title opening the sentence is the subject after ";"
        return out


class _Clause:
    def __init__(self, ex, text, span, mentions, sent, prev, earlier, lead_scope):
        self.text, self.span, self.mentions, self.sent, self.prev = text, span, mentions, sent, prev
        self.earlier = earlier
        self.low = low(text[span.start : span.end])
        # clause-wide cues, searched once per clause so that the work stays linear in its length
        self.no_promotion = bool(C.NO_PROMOTION.search(self.low))
        self.rank_context = bool(C.RANK_CONTEXT.search(self.low))
        self._down: tuple[bool | None] | None = None
        self.lead_scope = lead_scope
        self.context: tuple | None = None  # (scope, hedge, condition), found when a claim is emitted
        self.out: list[Proposal] = []
        self.seen: set[tuple] = set()
        self.last_subject: str | None = None
        self.cut: int | None = None  # where the object of the claim being emitted ends

    def _context(self) -> tuple:
        if self.context is None:
            body = self.text[self.span.start : self.span.end]
            scope, _ = C.scope_of(body)
            hedge, _ = C.hedge_of(body)
            self.context = (scope or self.lead_scope or ANY, hedge, C.condition_of(body), trim(self.text, self.span))
        if self.cut is not None:  # a size named in a later conjunct ("..., and at big companies X") is its own
            m = C.NEXT_CONJUNCT.search(self.text, self.cut, self.span.end)
            if m:  # a hedge or size in a later conjunct ("..., and in big firms there's often X") is its own
                first = self.text[self.span.start : m.start()]
                scope = self.context[0]
                if C.scope_of(self.text[m.start() : self.span.end])[0] is not None:
                    scope = C.scope_of(first)[0] or self.lead_scope or ANY
                return (scope, C.hedge_of(first)[0], *self.context[2:])
        return self.context

    def emit(self, subj: str | None, rel: str, obj: str | None, cue: str, *, hedge: str | None = None) -> None:
        if not subj or subj == obj or (rel != "top" and not obj):
            return
        key = (subj, rel, obj)
        if key in self.seen:
            return
        self.seen.add(key)
        scope, found_hedge, condition, q = self._context()
        self.out.append(Proposal(subj, rel, obj, q.start, q.end, scope, hedge or found_hedge, condition, cue))

    def between(self, a, b) -> str:
        return low(C.ASIDE.sub(" ", self.text[a.end : b.start]))  # "(L5)", "(see below)": asides

    def before(self, a) -> str:
        """The words just before slot ``a`` in its clause (the cues before a mention are short)."""
        return low(self.text[max(self.span.start, a.start - 80) : a.start])

    def context_roles(self, exclude: set[str]) -> list[str]:
        """Distinct roles this text is about just now: the previous sentence and this one so far."""
        roles: list[str] = []
        exclude = exclude | self.sent.denied | (self.prev.denied if self.prev else set())
        for r in (self.prev.roles() if self.prev else []) + self.earlier:
            if r not in roles and r not in exclude:
                roles.append(r)
        return roles

    def resolve_pronoun(self, exclude: set[str]) -> str | None:
        cands = self.context_roles(exclude)
        return cands[0] if len(cands) == 1 else None

    def slots(self) -> list[Slot]:
        slots = [Slot(m.start, m.end, m.role) for m in self.mentions]
        body = self.text[self.span.start : self.span.end]
        for m in C.PRONOUN_SUBJ.finditer(body):
            s, e = self.span.start + m.start(), self.span.start + m.end()
            if not any(x.start <= s < x.end for x in slots):
                slots.append(Slot(s, e, None, m.group(0).lower()))
        slots.sort(key=lambda x: x.start)
        return slots

    def run(self, carry: str | None = None) -> list[Proposal]:
        slots = self.slots()
        if carry and slots and slots[0].role:  # a clause that opens with its predicate keeps the subject
            lead = low(self.text[self.span.start : slots[0].start])
            m = C.PREDICATE_LEAD.match(lead) or C.VERB_LEAD.match(lead)
            found = self._cue(lead[m.end() :], slots[0], bool(C.NEGATION.search(lead))) if m else None
            if found and not found[2]:
                self.emit(carry, found[0], slots[0].role, found[1] + " (subject of the clause before)")
        contrasted = {i for i, s in enumerate(slots) if C.CONTRAST_BEFORE.search(self.before(s))}
        objects: set[int] = set()  # slots that are the object of a relation found
        plural_same(self, slots)
        for i in range(len(slots) - 1):
            a, b = slots[i], slots[i + 1]
            if b.role is None or i + 1 in contrasted or C.POSSESSIVE.search(self.text, b.start, b.end):
                continue  # "reports to the CPO's deputy": a possessive names someone else
            subj = a
            if i in contrasted:  # "unlike X, Y ..." or "X, unlike Y, ...": the subject is before it
                earlier = [s for k, s in enumerate(slots[:i]) if k not in contrasted and s.role]
                if not earlier:
                    continue
                subj = earlier[-1]
            btw = self.between(a, b)
            rels = self._pair(subj, a, b, btw, slots, i)
            if not rels:
                continue
            objects.add(i + 1)
            # coordinated objects share the relation: "beneath X or even Y"
            for k in range(i + 2, len(slots)):
                c = slots[k]
                if c.role is None or not C.COORD.match(self.between(slots[k - 1], c)):
                    break
                if C.OWN_PREDICATE.match(self._after(c, slots, k)):
                    break  # "X reports to Y, and Z reports to W": Z starts a clause of its own
                objects.add(k)
                self.cut = c.end
                for s_role, rel, cue in rels:
                    self.emit(s_role, rel, c.role, cue)
            self._co_subjects(slots, i, rels, objects)
        self.cut = None
        singles(self, slots)
        return self.out

    def _co_subjects(self, slots, i: int, rels, objects: set[int]) -> None:
        """Coordinated subjects share the relation: "The CPO and the CTO report to the CEO". Only a
        chain that opens the clause counts, so "X reports to Y and Z manages W" gives Y nothing."""
        a = slots[i]
        if not a.role or not any(s_role == a.role for s_role, _, _ in rels):
            return
        k = i
        chain = []
        while k > 0 and slots[k - 1].role and k - 1 not in objects:
            link = self.between(slots[k - 1], slots[k])
            if not (C.AND_LINK.match(link) or (chain and C.COMMA_LINK.match(link))) or (
                not chain and link.startswith(",") and not self._comma_before(slots, k - 1)
            ):  # ", and" joins two subjects only after a list: "X, Y, and Z report" (not "there is X, and Y reports")
                break  # the link next to the verb's subject is "and": "X, Y and Z report to W"
            k -= 1
            chain.append(slots[k].role)
        if k != 0 or not chain:
            return
        for s_role, rel, cue in rels:
            if s_role == a.role:
                for other in chain:
                    self.emit(other, rel, self._last_object, cue + " (coordinated subjects)")

    def _comma_before(self, slots, k: int) -> bool:
        return k > 0 and bool(slots[k - 1].role) and bool(C.COMMA_LINK.match(self.between(slots[k - 1], slots[k])))

    def _subject_role(self, subj: Slot, obj: str) -> str | None:
        if subj.role is not None:
            return subj.role
        here = [m.role for m in self.mentions if m.end <= subj.start and m.role not in (obj, *self.sent.denied)]
        if here:  # "the Head of Product is ..., and they report to the CEO"
            return here[-1] if len(set(here)) == 1 else None
        return self.resolve_pronoun({obj})

    def _pair(self, subj, a, b, btw: str, slots, i) -> list[tuple[str, str, str]]:
        """Relations between slot ``subj`` (or ``a``) and mention ``b``, given the words between."""
        done: list[tuple[str, str, str]] = []

        def add(s, rel, o, cue):
            if s and o and s != o:
                self.cut = max(a.end, b.end)
                self.emit(s, rel, o, cue)
                done.append((s, rel, cue))
                self.last_subject = s
                self._last_object = o

        # coordination: "X or Y is the person in charge", "X and Y are two terms for the same role"
        if a.role and C.OR_COORD.match(btw) and C.SAME_AFTER_OR.match(self._after(b, slots, i + 1)):
            add(a.role, "same", b.role, "'X or Y is the person in charge' (alternative titles)")
            return done
        if a.role and C.AND.fullmatch(btw):
            after = self._after(b, slots, i + 1)
            if C.NEGATION.search(after.split(",")[0]):
                pass
            elif C.SAME_AFTER_AND.match(after):
                add(a.role, "same", b.role, "'X and Y are the same role / interchangeable'")
            elif C.OVERLAP_AND.match(after):
                add(a.role, "overlaps", b.role, "'X and Y share / overlap'")
            return done
        if a.role and C.PAREN_OR.match(btw) and self.text[b.end : b.end + 2].lstrip().startswith(")"):
            add(a.role, "same", b.role, "'X (or Y)': two titles for one role")
            return done
        if a.role and C.DIRECT_REPORTS.match(btw) and self._possessive(a, btw):
            self._direct_reports(a, slots, i)
            return done
        inv = C.INVERTED_BEFORE.search(self.before(a)) if a.role else None
        if inv and C.INVERTED_BETWEEN.match(btw):  # "Above the PM sits the Senior PM"
            rel = "above" if inv.group("dir") == "above" else "below"
            add(b.role, rel, a.role, "'above X sits Y' (inverted order)")
            return done
        if C.HAS_BEFORE.match(btw) and C.REPORTING_AFTER.match(self._after(b, slots, i + 1)):
            add(a.role or self._subject_role(subj, b.role), "oversees", b.role, "'X has Y reporting to them'")
            return done  # "They have three PMs reporting to them": the pronoun resolved as a subject
        if C.ARROW_UP.match(btw) and a.role:
            add(b.role, "above", a.role, "ladder arrow (next is higher)")
            return done
        if C.ARROW_DOWN.match(btw) and a.role:
            add(a.role, "above", b.role, "'X > Y'")
            return done
        if self.no_promotion:
            pass  # "moving from X to Y is a lateral move / not a promotion": no rank
        elif a.role and C.FROM_TO.match(btw) and C.FROM_BEFORE.search(self.before(a)):
            add(b.role, "above", a.role, "'from X to Y' (career step)")
            return done
        if a.role and C.SEQ.match(btw) and self.rank_context:
            down = True if C.SEQ_BELOW.search(btw) else self._sequence_down()
            if down is not None:  # one direction per sentence: the one its ladder words say
                hi, lo = (a, b) if down else (b, a)
                add(hi.role, "above", lo.role, "ordered sequence ('followed by', 'then')")
            return done
        neg = bool(C.NEGATION.search(btw))
        obj = b.role
        if subj.pronoun == "both":  # "Both sit above the Senior PM": the two roles just named
            here = list(dict.fromkeys(m.role for m in self.mentions if m.end <= subj.start))
            pair = here if len(here) == 2 else self.context_roles({obj})
            subjects = pair if len(pair) == 2 else []
        else:
            subjects = [self._subject_role(subj, obj)]
        if C.CONJOINED.match(btw):  # "X reports to Y and leads Z": the subject of "leads" is X
            opener = self.last_subject or (slots[0].role if slots[0].start < a.start else None)
            # "Nair will lead a team of designers and report to W": a is an object; the subject is no role
            is_object = C.VERB_BEFORE.search(self.text, max(self.span.start, a.start - 120), a.start)
            subjects = [opener or (None if is_object else a.role)]
        found = self._cue(btw, a, neg)
        if found and C.WIDE_NEG.search(self.text, max(self.span.start, a.start - 160), a.start):
            # "Nothing here makes X senior to Y", "this does not mean X reports to Y"
            rel, cue, inverted = found
            if rel not in ("above", "below"):
                return done
            inverted = inverted != (rel == "below")
            found = ("not_above", "negated 'above' (wide negation: 'nothing makes X senior to Y')", inverted)
        if found:
            rel, cue, inverted = found
            for s in subjects:
                if inverted:
                    add(obj, rel, s, cue)
                else:
                    add(s, rel, obj, cue)
        return done

    def _possessive(self, a, btw: str) -> bool:
        return bool(C.POSSESSIVE.search(self.text, a.start, a.end)) or btw.lstrip().startswith(("'", "’"))

    def _direct_reports(self, a, slots, i: int) -> None:
        """ "The CPO's direct reports are X, Y and Z": each reports to the possessor."""
        cue = "'X's direct reports are Y' (possessive)"
        self.emit(slots[i + 1].role, "reports_to", a.role, cue)
        for k in range(i + 2, len(slots)):
            c = slots[k]
            if c.role is None or not C.COORD.match(self.between(slots[k - 1], c)):
                break
            self.emit(c.role, "reports_to", a.role, cue)

    def _sequence_down(self) -> bool | None:
        """One direction for every sequence pair of the sentence (computed once)."""
        if self._down is None:
            ms = self.sent.mentions
            body = self.text[self.sent.span.start : self.sent.span.end]
            self._down = (sequence_down(body, ms[0].text, ms[-1].text) if ms else None,)
        return self._down[0]

    def _cue(self, btw: str, a: Slot, neg: bool) -> tuple[str, str, bool] | None:
        """(relation, cue, object-is-subject) of the words between two mentions, or None."""
        if C.NOT_ABOVE.match(btw):
            return "not_above", "negated 'above' ('is not above', 'isn't in a higher position than')", False
        if C.NOT_BELOW.match(btw):
            return "not_above", "negated 'below' ('is not below': the other is not above it)", True
        if neg:
            return None
        if a.role and C.THINK_AS.match(btw) and C.THINK_BEFORE.search(self.before(a)):
            return "may_be", "'think of X as Y'", False
        if C.SAME.match(btw):
            return "same", "'is the same role as' / 'also known as'", False
        if C.PROMOTED.match(btw) and not self.no_promotion:
            return "above", "'X is promoted to / becomes Y' (career step)", True
        if C.REPORTS_TO.match(btw):
            return ("below" if "present" in btw else "reports_to"), "'reports to' / 'answers to'", False
        if C.BELOW.match(btw):
            return "below", "'is below / beneath / under'", False
        if C.ABOVE.match(btw):
            return "above", "'is above / higher than / senior to'", False
        if C.OVERLAPS.match(btw):
            return "overlaps", "'overlaps with'", False
        if C.MAY_BE.match(btw):
            return "may_be", "'may be / may act as / is a'", False
        if C.OVERSEES.match(btw):
            return "oversees", "'oversees / manages / leads'", False
        return None

    def _after(self, b, slots, k) -> str:
        end = slots[k + 1].start if k + 1 < len(slots) else self.span.end
        return low(self.text[b.end : end])
