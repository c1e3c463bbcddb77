"""The HTML report in a real browser (headless Chromium, see tests/browser.py): the DOM the page
builds, what a reader sees at a glance, that nothing from a source runs, and no console errors.
Saves the shipped story's page at 1280 px as build/report-1280.png (CI keeps it as an artifact)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .browser import chromium, console_errors, screenshot
from .conftest import REPO
from .test_html import conflicting, hostile_story, page, report_json

pytestmark = pytest.mark.browser


def _open(driver: Any, html: str, folder: Path) -> None:
    path = folder / "report.html"
    path.write_text(html, encoding="utf-8")
    driver.get(path.as_uri())


def test_the_shipped_story_in_chromium(tmp_path: Path) -> None:
    document = report_json()
    with chromium() as driver:
        _open(driver, page(), tmp_path)
        lanes = driver.execute_script(
            "return [...document.querySelectorAll('svg.timeline g.lane')].map(g => g.dataset.claim)")
        assert sorted(lanes) == sorted(c["id"] for c in document["claims"] if c["kind"] == "date")  # type: ignore[union-attr]
        marks = driver.execute_script(
            "return [...document.querySelectorAll('svg.timeline g.point[data-verdict=conflicts]')]"
            ".map(g => [g.dataset.claim, g.dataset.findings])")
        assert {(claim, where) for claim, found in marks for where in found.split()} == \
            conflicting(document, "date")
        # At a glance: a date out of the story's order is drawn left of the canonical date of a claim
        # that comes before it — R2's "August 2023" and V4's "April 2024" left of the V3 report's line.
        placed = driver.execute_script("""
            const x = el => el.getBoundingClientRect().x;
            const lanes = [...document.querySelectorAll('svg.timeline g.lane')];
            const canon = lanes.map(l => l.querySelector('.canonical line')).map(l => l ? x(l) : null);
            return lanes.flatMap((lane, i) => [...lane.querySelectorAll('g.point[data-order=broken]')].map(
                g => [lane.dataset.claim, g.dataset.date,
                      canon.slice(0, i).some(c => c !== null && c > x(g.querySelector('.glyph')) + 20)]));""")
        assert sorted(placed) == [["r2-ascend-failure-date", "2023-08", True], ["v4-release-date", "2024-04", True]]
        # The figure a card is about is highlighted; the rest of the claims fold away.
        assert driver.execute_script(
            "return document.querySelector('#claim-r2-ascend-failure-date li.conflicts mark').textContent") \
            == "August 2023"
        assert driver.execute_script("return document.querySelector('details.rest').open") is False
        # The filter (no script: a checkbox and a style rule) hides every card but the conflicts.
        driver.find_element("id", "only-conflicts").click()
        shown = driver.execute_script(
            "return [...document.querySelectorAll('article.card')].filter(a => a.offsetParent !== null)"
            ".map(a => a.dataset.verdict)")
        assert set(shown) == {"conflict"}
        driver.find_element("id", "only-conflicts").click()
        assert console_errors(driver) == []
        screenshot(driver, REPO / "build" / "report-1280.png")
        assert (REPO / "build" / "report-1280.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        width = driver.execute_script("return document.documentElement.scrollWidth")
        assert width <= 1280  # nothing runs off the side at 1280 px


def test_nothing_in_a_source_runs(tmp_path: Path) -> None:
    with chromium() as driver:
        _open(driver, page(*hostile_story(tmp_path)), tmp_path)
        assert driver.title == "factcheck report: 2 claims, 1 sources"  # no payload set it
        assert driver.execute_script("return document.querySelectorAll('script, img, iframe, object').length") == 0
        text = driver.execute_script("return document.body.innerText")
        assert "<script>document.title='pwned'</script>" in text and "onerror=" in text
        assert console_errors(driver) == []
        # … and the console is read: the same payload, unescaped, is refused by the browser, loudly.
        _open(driver, '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'">'
              "<img src=missing.png><script>document.title='pwned'</script>", tmp_path)
        assert driver.title != "pwned" and len(console_errors(driver)) >= 1


def test_dark_mode_and_print(tmp_path: Path) -> None:
    with chromium() as driver:
        _open(driver, page(), tmp_path)
        background = "return getComputedStyle(document.body).backgroundColor"
        light = driver.execute_script(background)
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                               {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
        assert (light, driver.execute_script(background)) == ("rgb(255, 255, 255)", "rgb(13, 17, 23)")
        folded = "return document.querySelector('details.rest article.card').checkVisibility()"
        assert driver.execute_script(folded) is False  # on screen the consistent claims are folded away
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        assert driver.execute_script(folded) is True  # on paper nothing is hidden behind a click
        assert driver.execute_script(
            "return getComputedStyle(document.querySelector('label.filter')).display") == "none"
