"""Write the held-out set eval/holdout/ (a rolegraph corpus) from the pages and curated claims
below: eight pages written for this project in styles the dev set does not have (a job posting,
a social-media post, a consulting levels table, a forum thread, a wiki entry, an internal ladder
doc, a podcast transcript and a comparison listicle), with navigation and other noise, each with
the claims a careful reader would record. The pages and claims were committed before extract was
ever run on them; the first-run score is in /work/brief/report-extract2.md. Run after editing:

    python eval/make_holdout.py
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent / "holdout"

A, G, OF, M, S, D = "any", "generally", "often", "may", "some", "definite"
SMALL, LARGE = "startup..small", "large..enterprise"

# (id, title, text, [(subject, relation, object, quote, scope, hedge)])
PAGES = [
    (
        "h01-job-posting-em",
        "Engineering Manager, Payments Platform (job posting)",
        """Jobs > Engineering > Engineering Manager, Payments Platform

Engineering Manager, Payments Platform
Lisbon or remote (EU time zones) · Full-time · Posted 3 days ago

Save job | Share | Report this listing

About Quillpay
Quillpay builds the billing and payouts layer for marketplaces in eleven countries. We are about 240 people, half of them in engineering, and we closed our Series C in the spring.

About the role
As an Engineering Manager on the Payments Platform group you will lead one of our two ledger teams. You will report to the Director of Engineering for Platform, and you will work side by side with a Senior Product Manager and a Product Designer who share your roadmap.

You will manage five Software Engineers and one Senior Software Engineer today, and we plan to grow the team to eight people by the end of next year. You will run their performance reviews and own their growth plans.

What you will do
- Hire, coach and grow the engineers on your team
- Own delivery for the ledger and reconciliation services
- Partner with the Staff Engineer who sets technical direction across both ledger teams; the Staff Engineer does not report to you, and you do not report to them
- Join the on-call rotation for escalations (roughly one week in six)

What we are looking for
- At least two years managing software engineers, or a strong record as a tech lead
- You have shipped and operated distributed systems with real money flowing through them
- Clear written communication; most of our decisions happen in documents

How we think about levels
Our Engineering Managers sit at the same grade as our Staff Engineers, and the two tracks are paid on one band. Moving from Senior Software Engineer to Engineering Manager is a change of track, not a promotion. The Director of Engineering oversees three to five Engineering Managers, and reports to our VP of Engineering, who in turn reports to the CTO.

Benefits
- 27 days of paid holiday plus local public holidays
- Learning budget of 1,500 euros a year
- Home office allowance
- Parental leave of 20 weeks at full pay

Quillpay is an equal opportunity employer. We welcome applications from people of every background and will make reasonable adjustments at any stage of the process.

Apply now · Questions? Write to jobs@quillpay.example

Similar jobs: Senior Software Engineer, Ledger · Staff Engineer, Risk · Product Designer, Merchant Tools
""",
        [
            (
                "Engineering Manager",
                "reports_to",
                "Director of Engineering",
                "You will report to the Director of Engineering for Platform",
                A,
                D,
            ),
            (
                "Engineering Manager",
                "oversees",
                "Software Engineer",
                "You will manage five Software Engineers and one Senior Software Engineer today",
                A,
                D,
            ),
            (
                "Engineering Manager",
                "oversees",
                "Senior Software Engineer",
                "You will manage five Software Engineers and one Senior Software Engineer today",
                A,
                D,
            ),
            (
                "Director of Engineering",
                "oversees",
                "Engineering Manager",
                "The Director of Engineering oversees three to five Engineering Managers",
                A,
                D,
            ),
            (
                "Director of Engineering",
                "reports_to",
                "VP of Engineering",
                "The Director of Engineering oversees three to five Engineering Managers, and reports to our VP of Engineering",
                A,
                D,
            ),  # noqa: E501
            ("VP of Engineering", "reports_to", "CTO", "who in turn reports to the CTO", A, D),
        ],
    ),
    (
        "h02-social-post-ladder",
        "A product leader's post: the product ladder explained",
        """Priya Raman • 2nd
Product leader | ex-fintech | writing about product careers
4h • Edited

I've now hired for every product title from APM to VP. Here's the ladder as I'd explain it to my younger self 👇

APM → PM → Senior PM → Group PM → Director → VP → CPO

A few things nobody told me:

1/ A Group PM is a manager of managers-in-training. They usually have 3–5 PMs reporting to them, and they still own a slice of the roadmap.

2/ "Director" and "Head of Product" get mixed up all the time. At a 40-person startup the Head of Product is often the most senior product person. At enterprise scale, the Head of Product title usually sits under a VP.

3/ Principal PM is NOT a management role. A Principal PM outranks a Senior PM but manages nobody.

4/ Product Owner ≠ Product Manager. Don't let anyone tell you they're the same job.

5/ The CPO is the top of the product org, full stop. If your company has one, everyone in product rolls up to them.

Hot take: titles matter less than scope. I've seen Senior PMs with more impact than Directors.

What would you add? 👇

#productmanagement #careers #hiring #leadership

👍❤️ 1,284 · 212 comments · 37 reposts

Like · Comment · Repost · Send

Most relevant comments

Daniel Okafor · Head of Product at a Series B startup
Great list. At our stage I report straight to the CEO and there's no CPO yet, so point 5 is a while off for us. Saving this for the next time a candidate asks me about levels.

Mei Lin · Recruiter
The arrow line is going straight into my intake call notes. Candidates ask me about this every single week, and most career pages don't explain it nearly this clearly.

Sam Rivera · Senior Product Designer
Would love the same thing for design. Our ladder has more steps than yours and nobody can explain why.
""",
        [
            ("Product Manager", "above", "Associate Product Manager", "APM → PM", A, D),
            ("Senior Product Manager", "above", "Product Manager", "PM → Senior PM", A, D),
            ("Group Product Manager", "above", "Senior Product Manager", "Senior PM → Group PM", A, D),
            ("Director of Product", "above", "Group Product Manager", "Group PM → Director", A, D),
            ("VP of Product", "above", "Director of Product", "Director → VP", A, D),
            ("Chief Product Officer", "above", "VP of Product", "VP → CPO", A, D),
            (
                "Group Product Manager",
                "oversees",
                "Product Manager",
                "They usually have 3–5 PMs reporting to them",
                A,
                G,
            ),
            (
                "Head of Product",
                "top",
                None,
                "At a 40-person startup the Head of Product is often the most senior product person",
                "startup",
                OF,
            ),
            (
                "Head of Product",
                "below",
                "VP of Product",
                "At enterprise scale, the Head of Product title usually sits under a VP",
                "enterprise",
                G,
            ),
            (
                "Principal Product Manager",
                "above",
                "Senior Product Manager",
                "A Principal PM outranks a Senior PM but manages nobody",
                A,
                D,
            ),
            ("Chief Product Officer", "top", None, "The CPO is the top of the product org, full stop", A, D),
            (
                "Head of Product",
                "reports_to",
                "CEO",
                "At our stage I report straight to the CEO and there's no CPO yet",
                "startup",
                D,
            ),
        ],
    ),
    (
        "h03-consulting-design-levels",
        "Career architecture toolkit: design job family (excerpt)",
        """Meridian People Advisory — Career Architecture Toolkit, v3.2
Section 4.3: Design job family (excerpt)

Contents: 4.1 Principles · 4.2 Grading method · 4.3 Design job family · 4.4 Pay ranges

4.3.1 How to read this table

Each row is one level of the design job family, from the entry level at the top of the table to the most senior level at the bottom. Grades are comparable across families: a P4 designer is graded like a P4 engineer. The table describes the typical case; clients adapt titles to their own context.

| Grade | Title | Typical scope | Manages people? |
|---|---|---|---|
| P1 | Junior Product Designer | Well-defined tasks with close guidance | No |
| P2 | Product Designer | Owns features end to end | No |
| P3 | Senior Product Designer | Owns a product area; mentors others | No |
| P4 | Staff Product Designer | Sets direction across several teams | No |
| P5 | Principal Product Designer | Shapes design strategy for the company | No |

| Grade | Title | Typical scope | Manages people? |
|---|---|---|---|
| M3 | Design Manager | Leads a team of 4–8 designers | Yes |
| M4 | Director of Design | Leads several design teams through managers | Yes |
| M5 | VP of Design | Accountable for design across the organisation | Yes |

4.3.2 Notes for practitioners

The manager track starts at M3. A Design Manager is typically graded alongside a Staff Product Designer, and we advise against treating the move into management as a promotion.

Design Managers report to the Director of Design. In smaller organisations there is rarely a Director of Design, and the Design Manager reports to the Head of Design instead.

The Head of Design title is used in two quite different ways. In small companies the Head of Design is usually the most senior designer and may be the only manager in the discipline. In large companies it is often a title given to a Director of Design who leads a single business unit.

Where a Chief Design Officer exists, the role sits above the VP of Design and reports to the CEO. This is uncommon outside enterprise-scale consumer businesses.

4.3.3 Common pitfalls
- Paying Staff designers less than Design Managers at the same grade
- Creating Principal roles with no clear remit
- Using "Lead Designer" as a grade rather than a role on a project

© Meridian People Advisory. For client use only. Do not distribute.
""",
        [
            (
                "Product Designer",
                "above",
                "Junior Product Designer",
                "| P1 | Junior Product Designer | Well-defined tasks with close guidance | No |\n| P2 | Product Designer",
                A,
                D,
            ),  # noqa: E501
            (
                "Senior Product Designer",
                "above",
                "Product Designer",
                "| P2 | Product Designer | Owns features end to end | No |\n| P3 | Senior Product Designer",
                A,
                D,
            ),
            (
                "Staff Product Designer",
                "above",
                "Senior Product Designer",
                "| P3 | Senior Product Designer | Owns a product area; mentors others | No |\n| P4 | Staff Product Designer",
                A,
                D,
            ),  # noqa: E501
            (
                "Principal Product Designer",
                "above",
                "Staff Product Designer",
                "| P4 | Staff Product Designer | Sets direction across several teams | No |\n| P5 | Principal Product Designer",
                A,
                D,
            ),  # noqa: E501
            (
                "Director of Design",
                "above",
                "Design Manager",
                "| M3 | Design Manager | Leads a team of 4–8 designers | Yes |\n| M4 | Director of Design",
                A,
                D,
            ),
            (
                "VP of Design",
                "above",
                "Director of Design",
                "| M4 | Director of Design | Leads several design teams through managers | Yes |\n| M5 | VP of Design",
                A,
                D,
            ),
            (
                "Design Manager",
                "reports_to",
                "Director of Design",
                "Design Managers report to the Director of Design",
                A,
                D,
            ),
            (
                "Design Manager",
                "reports_to",
                "Head of Design",
                "In smaller organisations there is rarely a Director of Design, and the Design Manager reports to the Head of Design instead",
                SMALL,
                D,
            ),  # noqa: E501
            (
                "Head of Design",
                "top",
                None,
                "In small companies the Head of Design is usually the most senior designer",
                SMALL,
                G,
            ),
            (
                "Head of Design",
                "same",
                "Director of Design",
                "In large companies it is often a title given to a Director of Design who leads a single business unit",
                LARGE,
                OF,
            ),  # noqa: E501
            (
                "Chief Design Officer",
                "above",
                "VP of Design",
                "Where a Chief Design Officer exists, the role sits above the VP of Design",
                A,
                D,
            ),
            (
                "Chief Design Officer",
                "reports_to",
                "CEO",
                "Where a Chief Design Officer exists, the role sits above the VP of Design and reports to the CEO",
                A,
                D,
            ),
        ],
    ),
    (
        "h04-forum-staff-vs-em",
        "Forum thread: is Staff Engineer above Engineering Manager?",
        """r/cscareers · Posted by u/tabs_not_spaces · 2y

Is Staff Engineer above Engineering Manager?

I'm a Senior Software Engineer at a mid-size SaaS company (about 600 people) and I've been offered two paths: Staff Engineer or Engineering Manager. My manager says they're "equivalent" but the EM role pays a bit more. Which one is actually higher?

Sort by: Best

top comment · u/grumpy_sre · 412 points
Neither, in theory. At most companies with a proper dual ladder, Staff Engineer and Engineering Manager sit at the same level, and a Staff Engineer is not below an EM just because the EM has reports. In practice, the EM usually has more pull in planning meetings.

  reply · u/tabs_not_spaces · 38 points
  So who does the Staff Engineer report to?

    reply · u/grumpy_sre · 97 points
    Usually to an Engineering Manager or a Director of Engineering, depending on the org. That reporting line doesn't make them junior, it's just admin.

u/kafka_on_the_shore · 156 points
Counterpoint from a startup: at my last company (30 engineers) there was no Staff level at all. Senior Software Engineers reported to the CTO directly, and the CTO was also the only manager.

u/ladder_nerd · 88 points
The ladder I've seen most often goes Software Engineer, Senior Software Engineer, Staff Engineer, Principal Engineer on the IC side. A Principal Engineer generally ranks above a Staff Engineer, and at the really big companies a Principal is roughly peer to a Director of Engineering.

  reply · u/grumpy_sre · 21 points
  +1. Also, a Director of Engineering manages Engineering Managers, not individual engineers.

u/deleted · [removed]

u/pm_me_your_dashboards · 12 points
Not an engineer but in my org the VP of Engineering reports to the CTO, and Directors of Engineering report to the VP.

More posts you may like
- Is it weird to go back from EM to IC?
- Principal vs Staff: what actually changes?
""",
        [
            (
                "Engineering Manager",
                "not_above",
                "Staff Software Engineer",
                "a Staff Engineer is not below an EM just because the EM has reports",
                A,
                G,
            ),
            (
                "Staff Software Engineer",
                "reports_to",
                "Engineering Manager",
                "Usually to an Engineering Manager or a Director of Engineering, depending on the org",
                A,
                M,
            ),
            (
                "Staff Software Engineer",
                "reports_to",
                "Director of Engineering",
                "Usually to an Engineering Manager or a Director of Engineering, depending on the org",
                A,
                M,
            ),
            (
                "Senior Software Engineer",
                "reports_to",
                "CTO",
                "Senior Software Engineers reported to the CTO directly",
                "startup",
                D,
            ),
            (
                "Senior Software Engineer",
                "above",
                "Software Engineer",
                "The ladder I've seen most often goes Software Engineer, Senior Software Engineer",
                A,
                G,
            ),
            (
                "Staff Software Engineer",
                "above",
                "Senior Software Engineer",
                "Senior Software Engineer, Staff Engineer",
                A,
                G,
            ),
            (
                "Principal Software Engineer",
                "above",
                "Staff Software Engineer",
                "A Principal Engineer generally ranks above a Staff Engineer",
                A,
                G,
            ),
            (
                "Director of Engineering",
                "oversees",
                "Engineering Manager",
                "a Director of Engineering manages Engineering Managers, not individual engineers",
                A,
                D,
            ),
            ("VP of Engineering", "reports_to", "CTO", "the VP of Engineering reports to the CTO", A, D),
            (
                "Director of Engineering",
                "reports_to",
                "VP of Engineering",
                "Directors of Engineering report to the VP",
                A,
                D,
            ),
        ],
    ),
    (
        "h05-wiki-product-owner",
        "Product Owner (wiki entry)",
        """Product Owner

From the Delivery Handbook wiki, the free handbook for agile teams
Jump to: navigation, search

This article is about the role in agile product teams. For the owner of a product line in manufacturing, see Product line owner.

A Product Owner (PO) is the member of a Scrum team who is accountable for the product backlog: deciding what goes into it, ordering it, and making sure the team understands each item. The term comes from the Scrum framework, where it is one of three accountabilities alongside the developers and the Scrum Master.

Contents
1 Role
2 Relationship to other roles
3 Titles
4 See also

Role

The Product Owner is a single person, not a committee. Stakeholders may influence the backlog, but only through the Product Owner. In most teams the Product Owner attends the planning and review events and is available to the developers during the sprint to answer questions about scope.

Relationship to other roles

The Product Owner is not the same as the Product Manager, although the two are often confused. In organisations that use both titles, the Product Manager usually owns discovery and strategy for a product, and Product Owners typically report to a Product Manager or work under one. In smaller companies, a Product Manager often also acts as the Product Owner for their team.

In scaled frameworks a Chief Product Owner coordinates several Product Owners; this title is rarely used outside those frameworks.

The Product Owner does not manage the developers on the team, and the Scrum Master is not the Product Owner's manager either.

Titles

Some companies use Product Owner as their entry-level product title: a new hire starts as a Product Owner and is promoted to Product Manager after one or two years. Others use the two titles for the same job, which the Scrum community generally discourages.

See also
Product Manager · Scrum Master · Business analyst · Agile coach

Categories: Agile software development | Job titles | Scrum
This page was last edited on 14 March 2025. Text is available under a Creative Commons licence unless otherwise noted.
""",
        [
            (
                "Product Owner",
                "reports_to",
                "Product Manager",
                "Product Owners typically report to a Product Manager or work under one",
                A,
                G,
            ),
            (
                "Product Manager",
                "may_be",
                "Product Owner",
                "In smaller companies, a Product Manager often also acts as the Product Owner for their team",
                SMALL,
                OF,
            ),
            (
                "Product Manager",
                "above",
                "Product Owner",
                "a new hire starts as a Product Owner and is promoted to Product Manager after one or two years",
                A,
                S,
            ),
        ],
    ),
    (
        "h06-internal-career-framework",
        "Engineering and product career framework (internal)",
        """Engineering & Product Career Framework
Last updated by People Ops · Internal — do not share outside Harbor

On this page: Why levels · IC track · Management track · Product track · FAQ

Why levels

Levels give everyone a shared language for scope and impact. They are not a measure of worth, and nobody should be surprised by their level at review time. Each level has expectations for craft, collaboration and ownership; the detailed rubric lives in the linked spreadsheet.

IC track (engineering)

L3 Software Engineer
L4 Senior Software Engineer
L5 Staff Software Engineer
L6 Principal Software Engineer

Management track (engineering)

Engineering Managers are hired at L5 and lead one team. A Director of Engineering leads a group of teams and has Engineering Managers as direct reports. Our VP of Engineering leads the whole engineering organisation and reports to the CTO.

Product track

Product Managers start at L4. Senior Product Managers (L5) report to a Group Product Manager, and every Group Product Manager reports to our Head of Product. The Head of Product is the most senior product person at Harbor and reports to the CEO.

We do not have a Director of Product or VP of Product today. If we hire one, this page will change.

FAQ

Is a Staff Software Engineer more senior than an Engineering Manager?
No. Both are L5. An Engineering Manager is not above a Staff Software Engineer, and the two collaborate as peers.

Can I move between tracks?
Yes. Moving from an L5 IC role to Engineering Manager is a lateral move, and you keep your level.

Who approves promotions?
A calibration group led by the Director of Engineering or the Head of Product, depending on the track.

Where do contractors fit?
Contractors are not levelled. They work with a team lead for the length of their engagement and are not part of calibration.

Questions about this page? Ask in #people-ops. Changes to this framework are announced in the monthly all-hands and logged in the changelog at the bottom of the page.
""",
        [
            (
                "Senior Software Engineer",
                "above",
                "Software Engineer",
                "L3 Software Engineer\nL4 Senior Software Engineer",
                A,
                D,
            ),
            (
                "Staff Software Engineer",
                "above",
                "Senior Software Engineer",
                "L4 Senior Software Engineer\nL5 Staff Software Engineer",
                A,
                D,
            ),
            (
                "Principal Software Engineer",
                "above",
                "Staff Software Engineer",
                "L5 Staff Software Engineer\nL6 Principal Software Engineer",
                A,
                D,
            ),
            (
                "Director of Engineering",
                "oversees",
                "Engineering Manager",
                "A Director of Engineering leads a group of teams and has Engineering Managers as direct reports",
                A,
                D,
            ),
            ("VP of Engineering", "top", None, "Our VP of Engineering leads the whole engineering organisation", A, D),
            (
                "VP of Engineering",
                "reports_to",
                "CTO",
                "Our VP of Engineering leads the whole engineering organisation and reports to the CTO",
                A,
                D,
            ),
            (
                "Senior Product Manager",
                "reports_to",
                "Group Product Manager",
                "Senior Product Managers (L5) report to a Group Product Manager",
                A,
                D,
            ),
            (
                "Group Product Manager",
                "reports_to",
                "Head of Product",
                "every Group Product Manager reports to our Head of Product",
                A,
                D,
            ),
            ("Head of Product", "top", None, "The Head of Product is the most senior product person at Harbor", A, D),
            (
                "Head of Product",
                "reports_to",
                "CEO",
                "The Head of Product is the most senior product person at Harbor and reports to the CEO",
                A,
                D,
            ),
            (
                "Engineering Manager",
                "not_above",
                "Staff Software Engineer",
                "An Engineering Manager is not above a Staff Software Engineer",
                A,
                D,
            ),
        ],
    ),
    (
        "h07-podcast-design-leadership",
        "Podcast transcript excerpt: from designer to design leader",
        """The Build Log — Episode 87: "From designer to design leader" (transcript excerpt)

[00:00] Intro music

[00:14] MAYA (host): Welcome back to The Build Log. Today I'm talking with Tomás Oyelaran, who has led design teams at two startups and, more recently, at a very large bank. Tomás, welcome.

[00:22] TOMÁS: Thanks, Maya. Happy to be here.

[00:25] MAYA: Let's start with titles, because our listeners always ask. What's the difference between a Design Manager and a Director of Design?

[00:31] TOMÁS: So, um, the short version is that a Design Manager manages designers and a Director of Design manages managers. In a big organisation like the bank, I had four Design Managers reporting to me when I was Director of Design, and each of them had a team of Product Designers and Senior Product Designers.

[00:58] MAYA: And at the startups?

[01:01] TOMÁS: Totally different. At a startup you're the Head of Design, and honestly you're the most senior design person in the building, but you might have two designers. I reported to the CEO at both startups. There was no VP of Design above me, there was nobody.

[01:20] MAYA: Is Head of Design above or below Director?

[01:24] TOMÁS: [laughs] It depends who you ask. In big companies, I'd say the Head of Design usually sits below the VP of Design, and sometimes it's just another name for a Director of Design. In a startup the Head of Design is the top of the ladder.

[01:45] MAYA: We have to take a quick break. This episode is brought to you by Framewise — prototyping that keeps up with your ideas. Try it free for 30 days at framewise.example/buildlog.

[02:02] MAYA: And we're back. What about the IC path? Do designers have to become managers to progress?

[02:08] TOMÁS: No, and I feel strongly about that. At the bank a Principal Product Designer ranked above a Design Manager in pay band, and nobody reported to them. The Staff Product Designer sits just below Principal, and above Senior.

[02:30] MAYA: That's really helpful. Where can people find you?

[02:33] TOMÁS: I'm on most of the usual places, and I write a newsletter about design leadership.

[02:40] MAYA: Thanks, Tomás. Next week: pricing pages that don't lie.
""",
        [
            (
                "Design Manager",
                "reports_to",
                "Director of Design",
                "I had four Design Managers reporting to me when I was Director of Design",
                LARGE,
                D,
            ),
            (
                "Design Manager",
                "oversees",
                "Product Designer",
                "each of them had a team of Product Designers and Senior Product Designers",
                LARGE,
                D,
            ),
            (
                "Design Manager",
                "oversees",
                "Senior Product Designer",
                "each of them had a team of Product Designers and Senior Product Designers",
                LARGE,
                D,
            ),
            (
                "Head of Design",
                "top",
                None,
                "At a startup you're the Head of Design, and honestly you're the most senior design person in the building",
                "startup",
                D,
            ),  # noqa: E501
            ("Head of Design", "reports_to", "CEO", "I reported to the CEO at both startups", "startup", D),
            (
                "Head of Design",
                "below",
                "VP of Design",
                "In big companies, I'd say the Head of Design usually sits below the VP of Design",
                LARGE,
                G,
            ),
            (
                "Head of Design",
                "same",
                "Director of Design",
                "sometimes it's just another name for a Director of Design",
                LARGE,
                M,
            ),
            (
                "Principal Product Designer",
                "above",
                "Design Manager",
                "At the bank a Principal Product Designer ranked above a Design Manager in pay band",
                A,
                D,
            ),
            (
                "Staff Product Designer",
                "below",
                "Principal Product Designer",
                "The Staff Product Designer sits just below Principal",
                A,
                D,
            ),
            (
                "Staff Product Designer",
                "above",
                "Senior Product Designer",
                "The Staff Product Designer sits just below Principal, and above Senior",
                A,
                D,
            ),
        ],
    ),
    (
        "h08-listicle-vp-vs-director",
        "VP of Product vs. Director of Product: 7 differences",
        """Home / Blog / Careers

VP of Product vs. Director of Product: 7 differences that actually matter
By the Roadmapper team · 9 min read · Updated for 2025

Subscribe to our newsletter for weekly product career tips. [Subscribe]

Job boards are full of both titles, and recruiters use them loosely. We compared 120 job descriptions from companies of every size. Here is what we found.

1. Seniority
The VP of Product is the more senior of the two. In nine out of ten of the postings we read, the Director of Product reports to the VP of Product, not the other way round.

2. Who they manage
A Director of Product typically manages Group Product Managers or senior product managers directly. A VP of Product manages the directors.

3. Company size
In early-stage startups you will rarely see either title: the first product leader is usually called Head of Product and reports to a founder. In mid-size companies the Head of Product and the VP of Product are often the same role with a different name.

4. Strategy vs execution
Directors translate strategy into roadmaps; VPs set the strategy with the executive team. Neither title tells you much about how hands-on the person is.

5. Pay
Base salaries overlap more than you might think. In our sample, the top quarter of Director salaries was higher than the bottom quarter of VP salaries.

6. Path to CPO
The VP of Product is the usual stepping stone to Chief Product Officer. Unlike the Director, a VP often sits in executive meetings. At enterprise scale, the CPO oversees several VPs of Product, one per business line.

7. Interview loop
Expect a case study for both. For VP roles, expect a session with the board and at least one founder.

Bottom line
If you are choosing between two offers, look at scope and reporting line rather than the title. A Director of Product at a 5,000-person company can have a bigger remit than a VP of Product at a 50-person startup.

Related reading: What does a Group Product Manager do? · Product Owner vs Product Manager · How to negotiate a product offer

Was this article helpful? Yes / No
""",
        [
            ("VP of Product", "above", "Director of Product", "The VP of Product is the more senior of the two", A, D),
            (
                "Director of Product",
                "reports_to",
                "VP of Product",
                "In nine out of ten of the postings we read, the Director of Product reports to the VP of Product",
                A,
                G,
            ),
            (
                "Director of Product",
                "oversees",
                "Group Product Manager",
                "A Director of Product typically manages Group Product Managers or senior product managers directly",
                A,
                G,
            ),
            (
                "Director of Product",
                "oversees",
                "Senior Product Manager",
                "A Director of Product typically manages Group Product Managers or senior product managers directly",
                A,
                G,
            ),
            ("VP of Product", "oversees", "Director of Product", "A VP of Product manages the directors", A, D),
            (
                "Head of Product",
                "reports_to",
                "Founder",
                "the first product leader is usually called Head of Product and reports to a founder",
                "startup",
                G,
            ),
            (
                "Head of Product",
                "same",
                "VP of Product",
                "In mid-size companies the Head of Product and the VP of Product are often the same role with a different name",
                "mid",
                OF,
            ),  # noqa: E501
            (
                "Chief Product Officer",
                "above",
                "VP of Product",
                "The VP of Product is the usual stepping stone to Chief Product Officer",
                A,
                G,
            ),
            (
                "Chief Product Officer",
                "oversees",
                "VP of Product",
                "At enterprise scale, the CPO oversees several VPs of Product",
                "enterprise",
                D,
            ),
        ],
    ),
]


def _words(sid: str, text: str) -> None:
    words = len(text.split())
    assert 300 <= words <= 1200, (sid, words)


def main() -> None:
    from make_dev import write_pages  # eval/ is the script's folder, so its neighbour imports

    write_pages(HERE, PAGES, "Held-out page", check=_words)


if __name__ == "__main__":
    main()
