"""The report as a person sees it: headless Chromium (Debian's package) driven by Playwright.

No browser is downloaded: Playwright launches the system's ``chromium``. The tests skip, saying
what is missing, only when Chromium, Playwright or axe-core cannot be installed here;
``.ci/install-browser.sh`` installs them (``.ci/run`` calls it). Every request the page makes is
recorded, and every dialog and console error is counted.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from report_helpers import EVIL_ROLE, EVIL_TITLE, MARKERS, hostile_corpus, poison

import rolegraph
from rolegraph.cli import main

ROOT = Path(__file__).resolve().parent.parent
AXE = Path(os.environ.get("ROLEGRAPH_AXE_JS", ROOT / ".ci" / "tools" / "node_modules" / "axe-core" / "axe.min.js"))
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
SIZES = ("startup", "small", "mid", "large", "enterprise")


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright for Python is not installed (pip install -e '.[test]' installs it)")
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (.ci/install-browser.sh installs it when run as root)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Watched:
    """A page with every request, dialog and console error recorded."""

    def __init__(self, browser, width: int = 1280, height: int = 900, **context) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": height}, **context)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def open(self, path: Path) -> Watched:
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)
        self.page.wait_for_load_state("load")
        return self

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def bundled_page(tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "report.html"
    r = CliRunner().invoke(main, ["report", "-o", str(out)])
    assert r.exit_code == 0, r.output
    return out


@pytest.fixture
def watched(browser):
    made: list[Watched] = []

    def make(**kw) -> Watched:
        w = Watched(browser, **kw)
        made.append(w)
        return w

    yield make
    for w in made:
        w.close()


def visible_findings(page) -> int:
    return page.locator("article.finding:visible").count()


def test_ladders_for_all_five_sizes_are_visible(watched, bundled_page):
    w = watched().open(bundled_page)
    for size in SIZES:
        section = w.page.locator(f"#size-{size}")
        assert section.is_visible()
        ladder = section.locator("svg, table.tiers").first
        assert ladder.is_visible()
        box = ladder.bounding_box()
        assert box and box["width"] > 100 and box["height"] > 100, (size, box)
    assert w.page.locator(".ladder-svg svg").count() in (0, 5)
    assert w.errors == [] and w.dialogs == []


def test_one_entry_per_lint_finding(watched, bundled_page):
    r = CliRunner().invoke(main, ["lint", "--format", "json"])
    findings = json.loads(r.stdout)["findings"]
    w = watched().open(bundled_page)
    assert w.page.locator("article.finding").count() == len(findings) == visible_findings(w.page)
    shown = sorted(w.page.locator("article.finding").evaluate_all("els => els.map(e => e.dataset.code)"))
    assert shown == sorted(f["code"] for f in findings)


def test_filter_hides_unrelated_entries_and_clearing_restores_them(watched, bundled_page):
    w = watched().open(bundled_page)
    page = w.page
    total = visible_findings(page)
    claims = page.locator("#sources li.claim:visible").count()
    page.get_by_label("Filter by role").fill("director of product")
    roles = page.locator("article.finding:visible").evaluate_all("els => els.map(e => e.dataset.roles)")
    assert 0 < len(roles) < total
    assert all("director of product" in r.split("\n") for r in roles)
    hidden = page.locator("article.finding:not(:visible)").evaluate_all("els => els.map(e => e.dataset.roles)")
    assert hidden and not any("director of product" in r for r in hidden)
    assert 0 < page.locator("#sources li.claim:visible").count() < claims
    assert "Showing" in page.locator("#filter-status").inner_text()
    page.get_by_label("Filter by role").fill("")
    assert visible_findings(page) == total
    assert page.locator("#sources li.claim:visible").count() == claims
    page.get_by_label("Filter by role").fill("no such role at all")
    assert visible_findings(page) == 0
    page.get_by_label("Filter by role").fill("cpo")  # an alias finds its role
    roles = page.locator("article.finding:visible").evaluate_all("els => els.map(e => e.dataset.roles)")
    assert roles and all("chief product officer" in r.split("\n") for r in roles)
    page.get_by_label("Filter by role").fill("")
    assert visible_findings(page) == total
    page.get_by_label("Company size", exact=True).select_option("large")
    assert [s for s in SIZES if page.locator(f"#size-{s}").is_visible()] == ["large"]
    page.get_by_label("Company size", exact=True).select_option("all")
    assert all(page.locator(f"#size-{s}").is_visible() for s in SIZES)
    assert w.errors == []


def test_everything_is_readable_with_javascript_off(watched, bundled_page):
    w = watched(java_script_enabled=False).open(bundled_page)
    assert not w.page.locator("#toolbar").is_visible()  # the filter needs JavaScript; it stays out of the way
    assert visible_findings(w.page) == w.page.locator("article.finding").count() > 0
    assert all(w.page.locator(f"#size-{s}").is_visible() for s in SIZES)


def test_no_request_leaves_the_page(watched, bundled_page):
    w = watched()
    w.page.route("**/*", lambda route: route.continue_() if route.request.url == w.url else route.abort())
    w.open(bundled_page)
    w.page.get_by_label("Filter by role").fill("vp")
    w.page.mouse.wheel(0, 20000)
    w.page.wait_for_timeout(200)
    assert w.requests == [w.url]


def test_hostile_corpus_shows_text_and_runs_nothing(watched, tmp_path):
    corpus = rolegraph.load_corpus(hostile_corpus(tmp_path / "evil"))
    poison(corpus)
    out = tmp_path / "evil.html"
    out.write_text(rolegraph.report(corpus), encoding="utf-8")
    w = watched()
    w.page.add_init_script("window.__ran = []; window.alert = (m) => window.__ran.push(String(m));")
    w.open(out)
    w.page.get_by_label("Filter by role").fill("chief")  # the filter reads labels too
    w.page.get_by_label("Filter by role").fill("")
    for link in w.page.locator("main a").all():  # hovering is enough for an onmouseover
        link.hover()
    text = w.page.locator("body").inner_text()
    for marker in MARKERS:
        assert marker in text, marker
    assert EVIL_TITLE in text and EVIL_ROLE in text
    assert w.page.evaluate("window.__ran") == []
    assert w.dialogs == [] and w.errors == []
    assert w.page.locator("img, iframe, object, embed").count() == 0
    assert w.page.locator("script").count() == 1
    links = w.page.locator("a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert links and all(h.startswith(("http://", "https://", "#")) for h in links), links


def test_csp_blocks_an_injected_inline_script(watched, bundled_page, tmp_path):
    html = bundled_page.read_text(encoding="utf-8")
    injected = html.replace("</main>", "<script>window.__pwned = 1; alert('injected')</script></main>", 1)
    assert injected != html
    out = tmp_path / "injected.html"
    out.write_text(injected, encoding="utf-8")
    w = watched().open(out)
    assert w.page.evaluate("typeof window.__pwned") == "undefined"
    assert w.dialogs == []
    assert any("Content Security Policy" in e for e in w.errors), w.errors
    # the page's own script, allowed by its hash, still runs
    assert w.page.locator("#toolbar").is_visible()


def test_no_serious_or_critical_accessibility_violations(watched, bundled_page):
    if not AXE.exists():
        pytest.skip(f"axe-core is not installed at {AXE} (.ci/install-browser.sh installs it with npm)")
    for width in (1280, 390):
        w = watched(width=width, bypass_csp=True).open(bundled_page)  # the CSP would block axe itself
        w.page.add_script_tag(path=str(AXE))
        result = w.page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        bad = [
            (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert bad == [], bad
        assert result["passes"] or result["violations"] is not None


def test_screenshots_at_desktop_and_phone_width(watched, bundled_page, tmp_path):
    """Screenshots for the record: $ROLEGRAPH_SCREENSHOTS (a folder) when set, else a temporary one.
    ``ROLEGRAPH_SCREENSHOTS=docs pytest tests/test_report_browser.py -k screenshots`` makes docs/report.png."""
    folder = Path(os.environ.get("ROLEGRAPH_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    for name, width, height in (("report.png", 1200, 1500), ("report-phone.png", 390, 844)):
        w = watched(width=width, height=height).open(bundled_page)
        path = folder / name
        w.page.screenshot(path=str(path))
        data = path.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
        # nothing wider than the screen: the page reflows on a phone
        assert w.page.evaluate("document.documentElement.scrollWidth") <= width
