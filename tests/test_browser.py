"""The HTML pages in a real browser: headless Chromium, driven by selenium (``nox -s browser``).

Needs Debian's ``chromium`` and ``chromium-driver``. Where they are missing the tests skip
with one line, except in CI (``CI=true``), where a missing browser fails them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from kit._internal.paths import REPO

webdriver = pytest.importorskip(
    "selenium.webdriver", reason="selenium is in the browser group: run nox -s browser"
)

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
SEQUENTIAL = "async def fetch_all(ids, fetch):\n    return [await fetch(i) for i in ids]\n"
# WCAG relative luminance and contrast, computed by the page's own styles.
CONTRAST_JS = """
function lum(c) {
  const [r, g, b] = c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number).map(v => {
    v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const worst = [];
for (const el of document.querySelectorAll('td, th, p, h1, h2, h3, figcaption, a, strong')) {
  if (!el.textContent.trim()) continue;
  const fg = lum(getComputedStyle(el).color), bg = 1.0;  // the page is white
  const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
  if (ratio < 4.5) worst.push([el.tagName, el.textContent.slice(0, 40), ratio]);
}
return worst;
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not (CHROMIUM and DRIVER):
        message = (
            "Chromium is not installed (apt-get install chromium chromium-driver): "
            "the browser tests are skipped"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message.replace("are skipped", "cannot run in CI"))
        pytest.skip(message)
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="katas-chromium-")
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        "--window-size=1100,1400",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def kit(*args: str, cwd: Path = REPO) -> str:
    env = {**os.environ, "PYTHONPATH": str(REPO / "graders"), "COLUMNS": "100"}
    proc = subprocess.run(
        [sys.executable, "-m", "kit", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


def submission(folder: Path, passing: list[str], sequential: bool) -> Path:
    """A folder like exercises/: some katas solved, fetch_all awaited one by one, or stubs."""
    shutil.copytree(REPO / "exercises" / "02_tasks", folder / "02_tasks")
    for kata in passing:
        shutil.copy(REPO / "solutions" / f"{kata}.py", folder / f"{kata}.py")
    if sequential:
        (folder / "02_tasks" / "fetch_all.py").write_text(SEQUENTIAL, encoding="utf-8")
    return folder


def scoreboard_counts(text: str) -> tuple[int, int, int, int, int]:
    """earned, possible, passed, failing, not started: from the scoreboard's Total line."""
    total = re.search(r"Total (\d+)/(\d+)", text)
    tally = re.search(r"(\d+) passed, (\d+) failing, (\d+) not started", text)
    assert total and tally, text
    earned, possible = int(total[1]), int(total[2])
    return earned, possible, int(tally[1]), int(tally[2]), int(tally[3])


@pytest.mark.timeout(400)
def test_the_progress_page_shows_what_the_scoreboard_shows(browser: Any, tmp_path: Path) -> None:
    folder = submission(tmp_path / "exercises", ["02_tasks/two_sleepers"], sequential=True)
    page = tmp_path / "report.html"
    katas = ("two_sleepers", "fetch_all", "first_k")
    kit("report", *katas, "--target", str(folder), "--out", str(page))
    board = kit("grade", *katas, "--target", str(folder))

    browser.get(page.as_uri())
    total = browser.find_element("id", "total")
    shown = tuple(
        int(total.get_attribute(f"data-{name}"))
        for name in ("earned", "possible", "passed", "failing", "not-started")
    )
    assert shown == scoreboard_counts(board)
    assert f"Total {shown[0]}/{shown[1]}" in total.text  # what a person reads, too
    rows = browser.find_elements("css selector", "tr.kata")
    statuses = [row.get_attribute("data-status") for row in rows]
    assert statuses.count("pass") == shown[2] and statuses.count("fail") == shown[3]
    assert browser.title.startswith("asyncio-katas")

    # The failing fetch_all shows its sentence and its timeline beside the ideal, as SVG.
    fetch_all = browser.find_element("css selector", 'tr[data-kata="02_tasks/fetch_all"]')
    assert "took 10 s of loop time; expected 4 s" in fetch_all.text
    figure = browser.find_element("id", "tl-02_tasks-fetch_all")
    charts = figure.find_elements("css selector", "svg.timeline")
    assert len(charts) == 2 and all(c.size["width"] > 200 for c in charts)
    assert len(charts[0].find_elements("css selector", "rect")) == 4
    assert "all 4 start at 0 s; the last ends at 4 s" in figure.text

    # Accessibility basics: headings, a title in every SVG, text contrast, readable printed.
    assert len(browser.find_elements("tag name", "h1")) == 1
    assert browser.find_elements("tag name", "h2")
    for svg in browser.find_elements("tag name", "svg"):
        assert svg.find_elements("tag name", "title"), svg.get_attribute("outerHTML")[:200]
    assert browser.execute_script(CONTRAST_JS) == []
    sources = browser.execute_script(
        "return [...document.querySelectorAll('[src], link[href]')].map(e => e.outerHTML)"
    )
    assert sources == []  # self-contained: nothing loaded from anywhere
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert figure.is_displayed() and total.is_displayed()
        pdf = browser.execute_cdp_cmd("Page.printToPDF", {"printBackground": True})
        assert len(pdf["data"]) > 1000
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    browser.save_screenshot(str(tmp_path / "report.png"))
    assert (tmp_path / "report.png").stat().st_size > 0


@pytest.mark.timeout(400)
def test_the_class_page_counts_the_gradebook(browser: Any, tmp_path: Path) -> None:
    classroom = tmp_path / "class"
    submission(classroom / "ana", ["02_tasks/two_sleepers", "02_tasks/fetch_all"], False)
    submission(classroom / "ben", ["02_tasks/two_sleepers"], sequential=True)
    submission(classroom / "cy", [], sequential=False)
    out = tmp_path / "book"
    kit("gradebook", str(classroom), "two_sleepers", "fetch_all", "--out", str(out))
    csv_rows = (out / "gradebook.csv").read_text(encoding="utf-8").splitlines()[1:]
    totals = {row.split(",")[0]: int(row.split(",")[3]) for row in csv_rows}

    browser.get((out / "index.html").as_uri())
    assert browser.find_element("id", "class").get_attribute("data-students") == "3"
    rates = browser.find_elements("css selector", "svg.bars")[0]
    bars = rates.find_elements("css selector", "g.bar")
    assert [b.get_attribute("data-label") for b in bars] == ["fetch_all", "two_sleepers"]
    assert [b.get_attribute("data-share") for b in bars] == ["0.3333", "0.6667"]  # hardest first
    spread = browser.find_elements("css selector", "svg.bars")[1]
    assert len(spread.find_elements("css selector", "g.bar")) == 10
    students = browser.find_elements("css selector", "tr.student")
    assert {s.text.split()[0]: int(s.get_attribute("data-total")) for s in students} == totals
    for svg in browser.find_elements("tag name", "svg"):
        assert svg.find_elements("tag name", "title")
    assert browser.execute_script(CONTRAST_JS) == []
    browser.save_screenshot(str(tmp_path / "class.png"))

    browser.find_element("link text", "ben").click()  # each student's page
    total = browser.find_element("id", "total")
    assert total.get_attribute("data-earned") == str(totals["ben"])
    assert browser.find_elements("css selector", "svg.timeline")  # ben's fetch_all timeline
    browser.save_screenshot(str(tmp_path / "ben.png"))
