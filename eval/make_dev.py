"""Write the development set eval/dev/ (a rolegraph corpus) from the pages and curated claims
below: ten pages written for this project in the styles of career pages, HR frameworks and blog
posts, each with the claims a careful reader would record. Run after editing a page:

    python eval/make_dev.py
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent / "dev"

# (id, title, text, [(subject, relation, object, quote, scope, hedge)])
PAGES = [
    (
        "dev01-careers-acme",
        "Careers at a payments company: the product track",
        """Careers at Northwind Pay: the product track

We hire product people at every level. Our product career path, from entry level to leadership:

1. Associate Product Manager
2. Product Manager
3. Senior Product Manager
4. Group Product Manager
5. Director of Product

Every Product Manager reports to a Group Product Manager. Group Product Managers manage two to four product managers each.

At our size the Director of Product answers to the CPO, who sits on the executive team.
""",
        [
            (
                "Product Manager",
                "above",
                "Associate Product Manager",
                "Associate Product Manager\n2. Product Manager",
                "any",
                "definite",
            ),
            (
                "Senior Product Manager",
                "above",
                "Product Manager",
                "Product Manager\n3. Senior Product Manager",
                "any",
                "definite",
            ),
            (
                "Group Product Manager",
                "above",
                "Senior Product Manager",
                "Senior Product Manager\n4. Group Product Manager",
                "any",
                "definite",
            ),
            (
                "Director of Product",
                "above",
                "Group Product Manager",
                "Group Product Manager\n5. Director of Product",
                "any",
                "definite",
            ),
            (
                "Product Manager",
                "reports_to",
                "Group Product Manager",
                "Every Product Manager reports to a Group Product Manager",
                "any",
                "definite",
            ),
            (
                "Group Product Manager",
                "oversees",
                "Product Manager",
                "Group Product Managers manage two to four product managers each",
                "any",
                "definite",
            ),
            (
                "Director of Product",
                "reports_to",
                "Chief Product Officer",
                "At our size the Director of Product answers to the CPO",
                "any",
                "definite",
            ),
        ],
    ),
    (
        "dev02-hr-framework",
        "Job architecture framework: product management family",
        """Job architecture framework - Product Management family

Purpose. This framework sets out the levels of the product management job family and how they relate.

Level structure. The Principal Product Manager is an individual contributor level that ranks above the Senior Product Manager. The Principal Product Manager is not above the Group Product Manager; the two are parallel tracks at the same grade.

Management line. The Group Product Manager reports to the Director of Product. The Director of Product reports to the VP of Product.

Small business units. In small business units the Group Product Manager may act as the Director of Product.

Titles. Product Owner and Product Manager are not the same role in this framework: the Product Owner is a delivery role within a scrum team.
""",
        [
            (
                "Principal Product Manager",
                "above",
                "Senior Product Manager",
                "The Principal Product Manager is an individual contributor level that ranks above the Senior Product Manager",
                "any",
                "definite",
            ),
            (
                "Principal Product Manager",
                "not_above",
                "Group Product Manager",
                "The Principal Product Manager is not above the Group Product Manager",
                "any",
                "definite",
            ),
            (
                "Group Product Manager",
                "reports_to",
                "Director of Product",
                "The Group Product Manager reports to the Director of Product",
                "any",
                "definite",
            ),
            (
                "Director of Product",
                "reports_to",
                "VP of Product",
                "The Director of Product reports to the VP of Product",
                "any",
                "definite",
            ),
            (
                "Group Product Manager",
                "may_be",
                "Director of Product",
                "In small business units the Group Product Manager may act as the Director of Product",
                "startup..small",
                "may",
            ),
        ],
    ),
    (
        "dev03-blog-startup",
        "What a product leader looks like at a seed-stage startup",
        """What a product leader looks like at a seed-stage startup

I have joined three startups as the first product hire, and the titles never mean what they mean at a big company.

In a startup, the Head of Product is often the most senior product person, and they report directly to the CEO. Sometimes one of the founders acts as the Head of Product until the team grows.

At enterprise scale, things look different. The Head of Product typically sits under a VP of Product, who in turn reports to the Chief Product Officer.

My advice: don't obsess over titles. A Senior PM at a startup may carry more responsibility than a Director of Product at a bank.
""",
        [
            (
                "Head of Product",
                "top",
                None,
                "In a startup, the Head of Product is often the most senior product person",
                "startup",
                "often",
            ),
            ("Head of Product", "reports_to", "CEO", "they report directly to the CEO", "startup", "definite"),
            (
                "Founder",
                "may_be",
                "Head of Product",
                "Sometimes one of the founders acts as the Head of Product until the team grows",
                "any",
                "some",
            ),
            (
                "Head of Product",
                "below",
                "VP of Product",
                "The Head of Product typically sits under a VP of Product",
                "enterprise",
                "generally",
            ),
            (
                "VP of Product",
                "reports_to",
                "Chief Product Officer",
                "who in turn reports to the Chief Product Officer",
                "enterprise",
                "generally",
            ),
        ],
    ),
    (
        "dev04-blog-vp-vs-director",
        "VP of Product vs Director of Product: which is higher?",
        """VP of Product vs Director of Product: which is higher?

Readers ask this every week, so here is the short answer.

The VP of Product is higher than the Director of Product in nearly every company we surveyed. A Director of Product usually manages several product managers, while a VP of Product manages the directors.

Vice Presidents of Product generally report to the CPO or, where there is no CPO, to the CEO.

The Director of Product is not the same as the Head of Product, although smaller companies sometimes use the two titles interchangeably.

Unlike the Director of Product, the VP of Product owns the product budget.
""",
        [
            (
                "VP of Product",
                "above",
                "Director of Product",
                "The VP of Product is higher than the Director of Product in nearly every company we surveyed",
                "any",
                "definite",
            ),
            (
                "Director of Product",
                "oversees",
                "Product Manager",
                "A Director of Product usually manages several product managers",
                "any",
                "generally",
            ),
            (
                "VP of Product",
                "oversees",
                "Director of Product",
                "while a VP of Product manages the directors",
                "any",
                "definite",
            ),
            (
                "VP of Product",
                "reports_to",
                "Chief Product Officer",
                "Vice Presidents of Product generally report to the CPO",
                "any",
                "generally",
            ),
            ("VP of Product", "reports_to", "CEO", "where there is no CPO, to the CEO", "any", "generally"),
            (
                "Director of Product",
                "same",
                "Head of Product",
                "smaller companies sometimes use the two titles interchangeably",
                "startup..small",
                "some",
            ),
        ],
    ),
    (
        "dev05-careers-ladder-desc",
        "Product organisation at Fabrikam",
        """Product organisation at Fabrikam

Our product hierarchy, from the top down:

- Chief Product Officer: owns product strategy for the group
- VP of Product: one per business line
- Director of Product: leads a product area
- Product Lead: leads a squad of product managers
- Product Manager

The Product Lead is also called Lead Product Manager in older job adverts.

Product Marketing Managers work alongside product managers and do not report to them.
""",
        [
            (
                "Chief Product Officer",
                "above",
                "VP of Product",
                "Chief Product Officer: owns product strategy for the group\n- VP of Product",
                "any",
                "definite",
            ),
            (
                "VP of Product",
                "above",
                "Director of Product",
                "VP of Product: one per business line\n- Director of Product",
                "any",
                "definite",
            ),
            (
                "Director of Product",
                "above",
                "Product Lead",
                "Director of Product: leads a product area\n- Product Lead",
                "any",
                "definite",
            ),
            (
                "Product Lead",
                "above",
                "Product Manager",
                "Product Lead: leads a squad of product managers\n- Product Manager",
                "any",
                "definite",
            ),
            (
                "Product Lead",
                "oversees",
                "Product Manager",
                "Product Lead: leads a squad of product managers",
                "any",
                "definite",
            ),
            # Lead Product Manager became a role of its own in the vocabulary's alias review (issue 18)
            (
                "Product Lead",
                "same",
                "Lead Product Manager",
                "The Product Lead is also called Lead Product Manager in older job adverts",
                "any",
                "definite",
            ),
        ],
    ),
    (
        "dev06-hr-levels-enterprise",
        "Enterprise grading guide: product roles",
        """Enterprise grading guide: product roles

Grades apply to the whole enterprise.

Grade mapping. A Senior Product Manager is one grade below a Group Product Manager. A Group Product Manager is two grades below a Director of Product.

Reporting. Product Owners report to a Product Manager in the same value stream. In large organisations, the Head of Product Management is the same role as the Director of Product.

Exceptions. In some teams a Principal Product Manager may lead other product managers without formal reporting lines.
""",
        [
            (
                "Senior Product Manager",
                "below",
                "Group Product Manager",
                "A Senior Product Manager is one grade below a Group Product Manager",
                "any",
                "definite",
            ),
            (
                "Group Product Manager",
                "below",
                "Director of Product",
                "A Group Product Manager is two grades below a Director of Product",
                "any",
                "definite",
            ),
            (
                "Product Owner",
                "reports_to",
                "Product Manager",
                "Product Owners report to a Product Manager in the same value stream",
                "any",
                "definite",
            ),
            (
                "Head of Product",
                "same",
                "Director of Product",
                "In large organisations, the Head of Product Management is the same role as the Director of Product",
                "large..enterprise",
                "definite",
            ),
            (
                "Principal Product Manager",
                "oversees",
                "Product Manager",
                "In some teams a Principal Product Manager may lead other product managers without formal reporting lines",
                "any",
                "some",
            ),
        ],
    ),
    (
        "dev07-blog-cpo",
        "Do you need a Chief Product Officer?",
        """Do you need a Chief Product Officer?

Founders ask me when to hire a CPO. The honest answer is: later than you think.

The Chief Product Officer is the highest-ranking product role, and it only makes sense once you have several product teams. Before that, a Head of Product who reports to the CEO is enough.

When a CPO arrives, the Head of Product usually moves to VP of Product or leaves. The CPO oversees the VP of Product and, through them, every product manager.

In mid-size companies the CPO and the CTO are peers; neither reports to the other.

Rather than reporting to the CTO, the CPO should report to the CEO.
""",
        [
            (
                "Chief Product Officer",
                "top",
                None,
                "The Chief Product Officer is the highest-ranking product role",
                "any",
                "definite",
            ),
            (
                "Head of Product",
                "reports_to",
                "CEO",
                "a Head of Product who reports to the CEO is enough",
                "any",
                "definite",
            ),
            (
                "Chief Product Officer",
                "oversees",
                "VP of Product",
                "The CPO oversees the VP of Product",
                "any",
                "definite",
            ),
            (
                "Chief Product Officer",
                "reports_to",
                "CEO",
                "Rather than reporting to the CTO, the CPO should report to the CEO",
                "any",
                "definite",
            ),
        ],
    ),
    (
        "dev08-blog-apm",
        "From APM to PM: a first promotion",
        """From APM to PM: a first promotion

Most people start as an Associate Product Manager. After twelve to eighteen months, an Associate Product Manager is typically promoted to Product Manager.

The next step after that is Senior Product Manager. Senior Product Managers mentor associate product managers and review their specs.

Junior Product Manager is another name for Associate Product Manager at many companies.

At large tech companies, the move from Product Manager to Senior Product Manager can take three years or more.
""",
        [
            (
                "Product Manager",
                "above",
                "Associate Product Manager",
                "an Associate Product Manager is typically promoted to Product Manager",
                "any",
                "generally",
            ),
            (
                "Senior Product Manager",
                "oversees",
                "Associate Product Manager",
                "Senior Product Managers mentor associate product managers and review their specs",
                "any",
                "definite",
            ),
            # Junior Product Manager became a role of its own in the vocabulary's alias review (issue 18)
            (
                "Junior Product Manager",
                "same",
                "Associate Product Manager",
                "Junior Product Manager is another name for Associate Product Manager at many companies",
                "any",
                "often",
            ),
            (
                "Senior Product Manager",
                "above",
                "Product Manager",
                "the move from Product Manager to Senior Product Manager can take three years or more",
                "large..enterprise",
                "may",
            ),
        ],
    ),
    (
        "dev09-hr-matrix",
        "Competency matrix for product managers",
        """Competency matrix for product managers

This matrix describes what we expect at each level. It is not a promotion checklist.

Product Manager: owns a feature area end to end and works with one engineering team.

Senior Product Manager: owns a product and coaches Product Managers. A Senior Product Manager sits one level above a Product Manager.

Group Product Manager: manages a team of Senior Product Managers. In smaller teams, the Group Product Manager may also be the Head of Product.

Head of Product: the most senior product role in a company without a CPO; reports to the CEO.

The Head of Product oversees all product managers, while the Product Marketing Manager reports to the marketing lead.
""",
        [
            (
                "Senior Product Manager",
                "oversees",
                "Product Manager",
                "Senior Product Manager: owns a product and coaches Product Managers",
                "any",
                "definite",
            ),
            (
                "Senior Product Manager",
                "above",
                "Product Manager",
                "A Senior Product Manager sits one level above a Product Manager",
                "any",
                "definite",
            ),
            (
                "Group Product Manager",
                "oversees",
                "Senior Product Manager",
                "Group Product Manager: manages a team of Senior Product Managers",
                "any",
                "definite",
            ),
            (
                "Group Product Manager",
                "may_be",
                "Head of Product",
                "In smaller teams, the Group Product Manager may also be the Head of Product",
                "startup..small",
                "may",
            ),
            (
                "Head of Product",
                "top",
                None,
                "Head of Product: the most senior product role in a company without a CPO",
                "any",
                "definite",
            ),
            (
                "Head of Product",
                "reports_to",
                "CEO",
                "Head of Product: the most senior product role in a company without a CPO; reports to the CEO",
                "any",
                "definite",
            ),
            (
                "Head of Product",
                "oversees",
                "Product Manager",
                "The Head of Product oversees all product managers",
                "any",
                "definite",
            ),
        ],
    ),
    (
        "dev10-blog-titles",
        "Product titles decoded",
        """Product titles decoded

Title inflation makes product careers confusing, so here is a plain-language guide.

A VP of Product ranks above a Director of Product, followed by the Group Product Manager, then the Senior Product Manager. In bigger companies there may be a Head of Product between the VP and the Director.

A Product Owner is not a Product Manager, although in some teams the Product Manager may also be the Product Owner.

The Principal PM is a senior individual contributor; a Principal PM does not manage a Group PM.

In startups and small companies the CEO often acts as the Chief Product Officer.

Unlike a Product Lead, a Product Owner rarely manages anyone.
""",
        [
            (
                "VP of Product",
                "above",
                "Director of Product",
                "A VP of Product ranks above a Director of Product",
                "any",
                "definite",
            ),
            (
                "Director of Product",
                "above",
                "Group Product Manager",
                "followed by the Group Product Manager",
                "any",
                "definite",
            ),
            (
                "Group Product Manager",
                "above",
                "Senior Product Manager",
                "followed by the Group Product Manager, then the Senior Product Manager",
                "any",
                "definite",
            ),
            (
                "Product Manager",
                "may_be",
                "Product Owner",
                "in some teams the Product Manager may also be the Product Owner",
                "any",
                "some",
            ),
            (
                "CEO",
                "may_be",
                "Chief Product Officer",
                "In startups and small companies the CEO often acts as the Chief Product Officer",
                "startup..small",
                "often",
            ),
        ],
    ),
    (
        "dev11-heldout-careers",
        "Growing as a product manager at Contoso",
        """Growing as a product manager at Contoso

Our levels, from junior to senior:

- Associate PM
- Product Manager
- Senior PM
- Principal PM

A Principal PM is a senior individual contributor and does not manage people. Senior PMs report to a Group Product Manager, who reports to the Director of Product.

In enterprise divisions, the Director of Product reports to a VP of Product. The VP of Product is the most senior product leader in each division.

Product Owners sit below Product Managers in our delivery teams.
""",
        [
            (
                "Product Manager",
                "above",
                "Associate Product Manager",
                "Associate PM\n- Product Manager",
                "any",
                "definite",
            ),
            ("Senior Product Manager", "above", "Product Manager", "Product Manager\n- Senior PM", "any", "definite"),
            (
                "Principal Product Manager",
                "above",
                "Senior Product Manager",
                "Senior PM\n- Principal PM",
                "any",
                "definite",
            ),
            (
                "Senior Product Manager",
                "reports_to",
                "Group Product Manager",
                "Senior PMs report to a Group Product Manager",
                "any",
                "definite",
            ),
            (
                "Group Product Manager",
                "reports_to",
                "Director of Product",
                "who reports to the Director of Product",
                "any",
                "definite",
            ),
            (
                "Director of Product",
                "reports_to",
                "VP of Product",
                "In enterprise divisions, the Director of Product reports to a VP of Product",
                "enterprise",
                "definite",
            ),
            (
                "VP of Product",
                "top",
                None,
                "The VP of Product is the most senior product leader in each division",
                "enterprise",
                "definite",
            ),
            (
                "Product Owner",
                "below",
                "Product Manager",
                "Product Owners sit below Product Managers in our delivery teams",
                "any",
                "definite",
            ),
        ],
    ),
    (
        "dev12-heldout-blog",
        "Head of Product or VP of Product? Notes from a hiring manager",
        """Head of Product or VP of Product? Notes from a hiring manager

When we opened our first senior product role, we argued for weeks about the title.

In my experience the VP of Product usually outranks the Head of Product, but at small companies the two titles are often interchangeable. A Head of Product typically manages product managers directly, whereas a VP of Product manages other product leaders.

Mid-size companies may hire a Director of Product first and promote them to VP of Product later.

Whatever the title, this person should report to the CEO, not to the CTO.
""",
        [
            (
                "VP of Product",
                "above",
                "Head of Product",
                "In my experience the VP of Product usually outranks the Head of Product",
                "any",
                "generally",
            ),
            (
                "VP of Product",
                "same",
                "Head of Product",
                "at small companies the two titles are often interchangeable",
                "startup..small",
                "often",
            ),
            (
                "Head of Product",
                "oversees",
                "Product Manager",
                "A Head of Product typically manages product managers directly",
                "any",
                "generally",
            ),
            (
                "VP of Product",
                "above",
                "Director of Product",
                "Mid-size companies may hire a Director of Product first and promote them to VP of Product later",
                "mid",
                "may",
            ),
        ],
    ),
    (
        "dev13-heldout-forum",
        "Q&A: where does a Group PM fit?",
        """Q&A: where does a Group PM fit?

Question: I just got an offer as a Group Product Manager. Is that above or below a Principal PM?

Answer: It depends on the company, but in most big tech companies a GPM is a people manager and a Principal PM is not. Both sit above the Senior Product Manager. A GPM usually has three to six product managers reporting to them.

At smaller companies you will rarely see either title; there the Head of Product manages every PM directly.

For what it is worth, at my last employer the Director of Product was only one step above the GPM.
""",
        [
            (
                "Group Product Manager",
                "above",
                "Senior Product Manager",
                "Both sit above the Senior Product Manager",
                "any",
                "definite",
            ),
            (
                "Principal Product Manager",
                "above",
                "Senior Product Manager",
                "Both sit above the Senior Product Manager",
                "any",
                "definite",
            ),
            (
                "Group Product Manager",
                "oversees",
                "Product Manager",
                "A GPM usually has three to six product managers reporting to them",
                "any",
                "generally",
            ),
            (
                "Head of Product",
                "oversees",
                "Product Manager",
                "there the Head of Product manages every PM directly",
                "startup..small",
                "definite",
            ),
            (
                "Director of Product",
                "above",
                "Group Product Manager",
                "at my last employer the Director of Product was only one step above the GPM",
                "any",
                "definite",
            ),
        ],
    ),
    (
        "dev14-heldout-policy",
        "Role profile: Product Owner",
        """Role profile: Product Owner

Reports to: Product Manager
Direct reports: none

Summary. The Product Owner maximises the value of the team's backlog. In this organisation the Product Owner is a separate role from the Product Manager and is accountable to them for backlog priorities.

Progression. A Product Owner can progress to Product Manager after demonstrating discovery skills. Senior Product Owners are sometimes promoted directly to Senior Product Manager.
""",
        [
            (
                "Product Owner",
                "reports_to",
                "Product Manager",
                "is accountable to them for backlog priorities",
                "any",
                "definite",
            ),
            (
                "Product Manager",
                "above",
                "Product Owner",
                "A Product Owner can progress to Product Manager after demonstrating discovery skills",
                "any",
                "may",
            ),
        ],
    ),
    (
        "dev15-heldout-newsletter",
        "The product leadership newsletter, issue 42",
        """The product leadership newsletter, issue 42

This week: who should the Head of Product report to?

In early-stage companies the answer is simple: the CEO. Later, many companies hire a CPO, and the Head of Product then reports to the CPO instead.

One reader wrote in to say that her company has both a VP of Product and a Head of Product, and that the VP of Product outranks the Head of Product there. Another reader, at a 5,000-person enterprise, said the Head of Product is just another name for the Director of Product.

Our take: the Chief Product Officer should be the most senior product executive, full stop.
""",
        [
            (
                "Head of Product",
                "reports_to",
                "CEO",
                "In early-stage companies the answer is simple: the CEO",
                "startup",
                "definite",
            ),
            (
                "Head of Product",
                "reports_to",
                "Chief Product Officer",
                "the Head of Product then reports to the CPO instead",
                "any",
                "often",
            ),
            (
                "VP of Product",
                "above",
                "Head of Product",
                "the VP of Product outranks the Head of Product there",
                "any",
                "definite",
            ),
            (
                "Head of Product",
                "same",
                "Director of Product",
                "the Head of Product is just another name for the Director of Product",
                "enterprise",
                "definite",
            ),
            (
                "Chief Product Officer",
                "top",
                None,
                "the Chief Product Officer should be the most senior product executive",
                "any",
                "definite",
            ),
        ],
    ),
]


def write_pages(here: Path, pages, heading: str, check=None) -> None:
    """Write each page's snapshot and curated claims file under ``here`` (shared with make_holdout.py)."""
    (here / "sources").mkdir(parents=True, exist_ok=True)
    (here / "claims").mkdir(parents=True, exist_ok=True)
    total = 0
    for sid, title, text, claims in pages:
        if check is not None:
            check(sid, text)
        data = text.encode()
        (here / "sources" / f"{sid}.txt").write_bytes(data)
        out = [
            f"# {heading} {sid}: curated by hand for eval/extract_eval.py.",
            "source:",
            f"  id: {sid}",
            f"  title: {json.dumps(title, ensure_ascii=False)}",
            "  url: null",
            "  retrieved: 2026-12-02",
            f"  snapshot: sources/{sid}.txt",
            f"  sha256: {hashlib.sha256(data).hexdigest()}",
            "claims:",
        ]
        for i, (s, r, o, q, sc, h) in enumerate(claims, 1):
            assert q in text, (sid, q)
            out.append(f"  - id: c{i:02d}")
            out.append(f"    subject: {s}")
            out.append(f"    relation: {r}")
            if o:
                out.append(f"    object: {o}")
            out.append(f"    quote: {json.dumps(q, ensure_ascii=False)}")
            if sc != "any":
                out.append(f"    scope: {sc}")
            if h != "definite":
                out.append(f"    hedge: {h}")
        (here / "claims" / f"{sid}.yaml").write_text("\n".join(out) + "\n")
        total += len(claims)
    print(f"{len(pages)} pages, {total} claims in {here}")


def main() -> None:
    write_pages(HERE, PAGES, "Development set page")


if __name__ == "__main__":
    main()
