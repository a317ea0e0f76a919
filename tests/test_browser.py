"""The rendered sample-page reports in a real browser (Debian's chromium driven by playwright; no browser is ever
downloaded). Skipped, saying why, when chromium or playwright is missing; ``.ci/run`` installs both."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from conftest import FIXTURES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine (apt-get install -y chromium)")]

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    from newsanalysis.report import jobs as render

    root = tmp_path_factory.mktemp("browser")
    page = root / "pages" / "sample-page.txt"
    page.parent.mkdir()
    page.write_bytes((FIXTURES / "sample-page.txt").read_bytes())
    result = render.render_reports([page], out=root / "reports", processed=root / "processed", jobs=2)
    assert result.exit_code == 0
    return root / "reports"


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        # no system CJK font is installed here, and --disable-remote-fonts is not used: only embedded fonts can draw
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _open(browser, path: Path):
    page = browser.new_page()
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, requests, errors


def _html_files(reports: Path) -> list[Path]:
    # .overview.html is the exported source index.html is made from: not a page for readers
    return sorted(p for p in reports.rglob("*.html") if not p.name.startswith("."))


def test_every_report_is_offline_error_free_and_complete(browser, reports):
    files = _html_files(reports)
    assert len(files) >= 6  # top index, page index (with the overview), four articles
    for path in files:
        page, requests, errors = _open(browser, path)
        remote = [u for u in requests if not u.startswith(("file:", "data:"))]
        assert remote == [] and errors == [], path.name
        broken = page.evaluate("Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).length")
        assert broken == 0, path.name
        text = page.inner_text("body")
        assert not re.search(r"\bNaN\b|\bNone\b|\d e[+-]\d|\de\+\d", text), path.name
        for href in page.evaluate("Array.from(document.querySelectorAll('a[href]')).map(a => a.href)"):
            url = urlparse(href)
            if url.scheme == "file":
                assert Path(unquote(url.path)).exists(), (path.name, href)
        page.close()


def test_article_reports_embed_their_font_and_link_every_figure(browser, reports):
    articles = [p for p in _html_files(reports) if re.match(r"\d\d-", p.name)]
    assert len(articles) == 4
    for path in articles:
        page, _, _ = _open(browser, path)
        page.evaluate("document.fonts.ready")
        assert page.evaluate("document.fonts.check('16px \"NA Report CJK\"', '浦东')"), path.name
        # the text is drawn with the embedded font: its glyphs are wider than tofu-free fallbacks would be absent
        family = page.evaluate("getComputedStyle(document.body).fontFamily")
        assert family.startswith('"NA Report CJK"')
        targets = page.evaluate("Array.from(document.querySelectorAll('table.na-table a[href^=\"#fig-\"]'))"
                                ".map(a => a.getAttribute('href').slice(1))")
        for target in targets:
            assert page.evaluate(f"!!document.getElementById('{target}')"), (path.name, target)
        nav = page.evaluate("Array.from(document.querySelectorAll('nav.na-nav a')).map(a => a.textContent)")
        assert any("本版" in n for n in nav)
        page.close()


def test_the_footer_pairs_each_label_with_its_value(browser, reports):
    path = next(p for p in _html_files(reports) if re.match(r"\d\d-", p.name))
    page, _, _ = _open(browser, path)
    rows = page.evaluate("Array.from(document.querySelectorAll('footer.na-provenance tr'))"
                         ".map(r => [r.querySelector('th').textContent, r.querySelector('td').textContent])")
    labels = dict(rows)
    assert any("report" in k for k in labels) and all(v.strip() for v in labels.values())
    page.close()
