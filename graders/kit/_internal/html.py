"""Progress pages in HTML: one learner's (``nox -s report``) and a class's (``gradebook``).

Each page is one self-contained file: inline CSS and SVG, no script, no network, so it opens
from disk in any browser and prints cleanly. Accessibility basics: one ``h1``, an ``h2`` per
section, status in words (never colour alone), a ``<title>`` and ``<desc>`` in every SVG, text
colours of at least 4.5:1 contrast on white. Counts carry ``data-`` attributes, so tests
read exactly what a person sees.
"""

from __future__ import annotations

import argparse
import html
import os
import sys
import time
import urllib.parse
from collections.abc import Iterable
from pathlib import Path

from .data import KataResult, Status, TimelineData, TimelineRow
from .manifest import Catalogue, KataInfo, catalogue
from .paths import REPO, STATE, display, resolve_target
from .timeline import MAX_ROWS, Lane, expected_line, lanes

REPORT = STATE / "report.html"
WORDS = {Status.PASS: "passed", Status.FAIL: "failing", Status.NOT_STARTED: "not started"}
MARKS = {Status.PASS: "✓", Status.FAIL: "✗", Status.NOT_STARTED: "·"}
# Colours with at least 4.5:1 contrast on white (WCAG AA for text).
INK, PASS_INK, FAIL_INK, IDLE_INK, YOURS, IDEAL = (
    "#1f2328",
    "#1a7f37",
    "#b3261e",
    "#57606a",
    "#9a6700",
    "#1a7f37",
)

CSS = f"""
:root {{ color: {INK}; background: #fff; font: 15px/1.45 system-ui, sans-serif; }}
body {{ max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; }}
h1 {{ font-size: 1.6rem; margin: 0 0 .3rem; }}
h2 {{ font-size: 1.2rem; margin: 1.6rem 0 .4rem; border-bottom: 1px solid #d0d7de; }}
.summary {{ font-size: 1.05rem; }}
.meter {{ display: inline-block; width: 12rem; height: .8rem; border: 1px solid {INK};
  vertical-align: middle; margin: 0 .4rem; }}
.meter span {{ display: block; height: 100%; background: {PASS_INK}; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #d0d7de;
  vertical-align: top; }}
th {{ font-weight: 600; }}
td.points {{ text-align: right; white-space: nowrap; }}
.pass {{ color: {PASS_INK}; }} .fail {{ color: {FAIL_INK}; }} .idle {{ color: {IDLE_INK}; }}
.status {{ white-space: nowrap; font-weight: 600; }}
.message {{ color: {INK}; }}
figure {{ margin: .5rem 0 1rem; }}
.charts {{ display: flex; flex-wrap: wrap; gap: 1rem; }}
.panel {{ flex: 1 1 22rem; max-width: 29rem; }}
.panel p {{ margin: 0; font-weight: 600; font-size: .9rem; }}
.panel svg {{ width: 100%; height: auto; }}
figcaption {{ font-style: italic; }}
code {{ font-family: ui-monospace, monospace; font-size: .92em; }}
@media print {{
  :root {{ font-size: 11pt; }}
  body {{ max-width: none; margin: 0; }}
  a {{ color: {INK}; text-decoration: underline; }}
  tr, figure {{ break-inside: avoid; }}
  .meter, .meter span, svg rect {{ print-color-adjust: exact; -webkit-print-color-adjust: exact; }}
}}
"""


def e(text: object) -> str:
    """HTML-escaped text."""
    return html.escape(str(text), quote=True)


def report_link(folder: str) -> str:
    """The link from the class page to a student's page in ``folder``: relative, whatever the
    folder is named (``javascript:alert(1)`` was a link that ran script, ``a#b`` one that
    went nowhere)."""
    return f"./{urllib.parse.quote(folder, safe='')}/report.html"


def page(title: str, body: Iterable[str]) -> str:
    """A whole self-contained HTML document."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def meter(share: float, label: str) -> str:
    """A progress bar that says its value in words too."""
    share = max(0.0, min(1.0, share))
    return (
        f'<span class="meter" role="img" aria-label="{e(label)}">'
        f'<span style="width:{share * 100:.1f}%"></span></span>'
    )


def counts(results: list[KataResult]) -> dict[Status, int]:
    """How many katas have each status."""
    return {s: sum(1 for r in results if r.status is s) for s in WORDS}


# --- timelines as SVG ---------------------------------------------------------------------


def _svg_chart(
    name: str, title: str, drawn: list[Lane], horizon: float, colour: str, real: bool
) -> str:
    """One panel: a bar per lane, a scale in seconds, a <title> and a <desc>."""
    label_w, bar_w, row_h, top = 130, 330, 20, 6
    shown = drawn[: MAX_ROWS - 1] if len(drawn) > MAX_ROWS else drawn
    height = top + row_h * (len(shown) + (1 if len(drawn) > len(shown) else 0)) + 30
    unit = "measured real seconds" if real else "loop seconds"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {label_w + bar_w + 20} {height}" '
        f'role="img" aria-labelledby="{name}-t {name}-d" class="timeline" '
        f'data-rows="{len(drawn)}">',
        f'<title id="{name}-t">{e(title)}</title>',
    ]
    described: list[str] = []
    for i, lane in enumerate(shown):
        y = top + i * row_h
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end" font-size="12" '
            f'font-family="monospace" fill="{INK}">{e(lane.label)}</text>'
        )
        for n, call in enumerate(lane.calls):
            start, end = call["start"], call["end"]
            x = label_w + start / horizon * bar_w
            w = max(1.5, ((end if end is not None else horizon) - start) / horizon * bar_w)
            style = (
                f'fill="none" stroke="{colour}" stroke-dasharray="3 2"'
                if call["cancelled"] or end is None
                else f'fill="{colour}" fill-opacity="{0.75 if n % 2 else 1}"'
            )
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" {style}/>'
            )
            shown_end = "still running" if end is None else f"{end:g} s"
            described.append(f"{call['label']} {start:g} s to {shown_end}")
    if len(drawn) > len(shown):
        y = top + len(shown) * row_h
        parts.append(
            f'<text x="{label_w}" y="{y + 14}" font-size="12" fill="{INK}">'
            f"... {len(drawn) - len(shown)} more</text>"
        )
    base = height - 24
    parts.append(
        f'<line x1="{label_w}" y1="{base}" x2="{label_w + bar_w}" y2="{base}" stroke="{INK}"/>'
    )
    for tick in (0.0, horizon / 2, horizon):
        x = label_w + tick / horizon * bar_w
        parts.append(
            f'<text x="{x:.1f}" y="{base + 15}" font-size="11" text-anchor="middle" '
            f'fill="{INK}">{tick:.2f}</text>'
            if real
            else f'<text x="{x:.1f}" y="{base + 15}" font-size="11" text-anchor="middle" '
            f'fill="{INK}">{round(tick, 3):g}</text>'
        )
    parts.insert(2, f'<desc id="{name}-d">In {unit}: {e("; ".join(described[:40]))}</desc>')
    parts.append("</svg>")
    return "".join(parts)


def svg_timeline(data: TimelineData, name: str, what: str) -> str:
    """A figure: the learner's bars beside the ideal (when known), the expected shape below."""
    real = data["clock"] == "real"
    rows = sorted(data["rows"], key=lambda r: r["start"])
    ideal: list[TimelineRow] = list(data["ideal"])
    ends = [float(r["end"] if r["end"] is not None else r["start"]) for r in rows + ideal]
    horizon = max([*ends, data["took"] or 0.0, data["expected"] or 0.0, 1e-9])
    unit = "measured real seconds" if real else "loop seconds"
    charts = [
        '<div class="panel"><p>Your calls</p>'
        + _svg_chart(
            f"{name}-yours", f"{what}: your calls, in {unit}", lanes(rows), horizon, YOURS, real
        )
        + "</div>"
    ]
    if ideal:
        charts.append(
            '<div class="panel"><p>The ideal schedule</p>'
            + _svg_chart(
                f"{name}-ideal",
                f"{what}: the ideal schedule, in {unit}",
                lanes(ideal),
                horizon,
                IDEAL,
                real,
            )
            + "</div>"
        )
    caption = expected_line(data, ideal) or f"Your calls, in {unit}."
    return (
        f'<figure class="timeline-figure"><div class="charts">{"".join(charts)}</div>'
        f"<figcaption>{e(caption)}</figcaption></figure>"
    )


# --- one learner's page ---------------------------------------------------------------------


def learner_page(results: list[KataResult], cat: Catalogue, heading: str, *, when: str = "") -> str:
    """The progress page of one learner (or one student): tracks, katas, messages, timelines."""
    from .scoreboard import timeline_of  # the same choice of timeline as the scoreboard

    earned = sum(r.score for r in results)
    possible = sum(r.info.points for r in results)
    n = counts(results)
    share = earned / possible if possible else 0.0
    body = [
        f"<h1>{e(heading)}</h1>",
        f'<p class="summary" id="total" data-earned="{earned}" data-possible="{possible}" '
        f'data-passed="{n[Status.PASS]}" data-failing="{n[Status.FAIL]}" '
        f'data-not-started="{n[Status.NOT_STARTED]}">'
        f"<strong>Total {earned}/{possible}</strong>"
        f"{meter(share, f'{share:.0%} of the points')}{share:.0%} · "
        f"{n[Status.PASS]} passed, {n[Status.FAIL]} failing, "
        f"{n[Status.NOT_STARTED]} not started</p>",
    ]
    if when:
        body.append(f"<p>Graded {e(when)}.</p>")
    tracks: dict[str, list[KataResult]] = {}
    for result in results:
        tracks.setdefault(result.info.track, []).append(result)
    for track, group in tracks.items():
        got = sum(r.score for r in group)
        out_of = sum(r.info.points for r in group)
        passed = sum(1 for r in group if r.status is Status.PASS)
        body.append(
            f'<section class="track" data-track="{e(track)}"><h2>{e(track[:2])} '
            f"{e(cat.tracks.get(track, track))}</h2>"
            f"<p>{meter(got / out_of if out_of else 0, f'{passed} of {len(group)} katas pass')}"
            f"{got}/{out_of} points · {passed} of {len(group)} katas pass</p>"
            '<table><thead><tr><th scope="col">Status</th><th scope="col">Kata</th>'
            '<th scope="col">Last message</th><th scope="col">Points</th></tr></thead><tbody>'
        )
        figures: list[str] = []
        for r in group:
            css = {Status.PASS: "pass", Status.FAIL: "fail", Status.NOT_STARTED: "idle"}[r.status]
            drawn = timeline_of(r, passing=True)
            name = r.info.id.replace("/", "-")
            message = e(r.message) if r.message else ""
            if drawn is not None:
                message += f' <a href="#tl-{name}">timeline</a>'
                figures.append(
                    f'<div id="tl-{name}"><h3>{e(r.info.name)}: timeline</h3>'
                    + svg_timeline(drawn, f"tl-{name}", r.info.name)
                    + "</div>"
                )
            body.append(
                f'<tr class="kata" data-status="{r.status.value}" data-kata="{e(r.info.id)}">'
                f'<td class="status {css}">{MARKS[r.status]} {WORDS[r.status]}</td>'
                f"<td><strong>{e(r.info.name)}</strong><br>{e(r.info.title)}</td>"
                f'<td class="message">{message}</td>'
                f'<td class="points">{r.score}/{r.info.points}</td></tr>'
            )
        body.append("</tbody></table>" + "".join(figures) + "</section>")
    return page(heading, body)


# --- a class's page -------------------------------------------------------------------------


def _bar_chart(rows: list[tuple[str, float, str]], title: str, name: str) -> str:
    """Horizontal bars (label, share 0..1, text): an SVG with a <title> and a <desc>."""
    label_w, bar_w, row_h = 170, 360, 20
    height = row_h * len(rows) + 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {label_w + bar_w + 70} {height}" '
        f'role="img" aria-labelledby="{name}-t {name}-d" class="bars" data-bars="{len(rows)}">',
        f'<title id="{name}-t">{e(title)}</title>',
        f'<desc id="{name}-d">{e("; ".join(f"{label}: {text}" for label, _, text in rows))}</desc>',
    ]
    for i, (label, share, text) in enumerate(rows):
        y = 4 + i * row_h
        parts.append(
            f'<g class="bar" data-label="{e(label)}" data-share="{share:.4f}">'
            f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end" font-size="12" '
            f'fill="{INK}">{e(label)}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{max(0.0, share) * bar_w:.1f}" '
            f'height="{row_h - 6}" fill="{PASS_INK}"/>'
            f'<text x="{label_w + max(0.0, share) * bar_w + 6:.1f}" y="{y + 14}" font-size="12" '
            f'fill="{INK}">{e(text)}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def class_page(
    graded: dict[str, list[KataResult]],
    entries: list[KataInfo],
    links: dict[str, str],
    heading: str = "asyncio-katas: the class",
) -> str:
    """Pass rates per kata (hardest first), the distribution of totals, each student's link."""
    students = len(graded)
    possible = sum(e.points for e in entries)
    rates: list[tuple[str, float, str]] = []
    for entry in entries:
        passed = sum(
            1
            for rs in graded.values()
            for r in rs
            if r.info.id == entry.id and r.status is Status.PASS
        )
        share = passed / students if students else 0.0
        rates.append((entry.name, share, f"{passed}/{students} ({share:.0%})"))
    rates.sort(key=lambda row: (row[1], row[0]))
    totals = {name: sum(r.score for r in rs) for name, rs in graded.items()}
    bins = 10
    histogram = [0] * bins
    for total in totals.values():
        histogram[min(bins - 1, int(total / possible * bins)) if possible else 0] += 1
    most = max(histogram) or 1
    spread = [
        (
            f"{i * 10}–{(i + 1) * 10}%" if i < bins - 1 else "90–100%",
            count / most,
            f"{count} student{'s' if count != 1 else ''}",
        )
        for i, count in enumerate(histogram)
    ]
    mean = sum(totals.values()) / students if students else 0.0
    body = [
        f"<h1>{e(heading)}</h1>",
        f'<p class="summary" id="class" data-students="{students}" data-possible="{possible}">'
        f"{students} submission{'s' if students != 1 else ''}, {len(entries)} katas, "
        f"{possible} points; mean total {mean:.1f}.</p>",
        "<h2>Pass rate per kata, hardest first</h2>",
        _bar_chart(rates, "Share of students whose kata passes, hardest first", "rates"),
        "<h2>Distribution of totals</h2>",
        _bar_chart(spread, "How many students reached each share of the points", "totals"),
        "<h2>Students</h2>",
        '<table><thead><tr><th scope="col">Student</th><th scope="col">Total</th>'
        '<th scope="col">Katas passed</th></tr></thead><tbody>',
    ]
    for name, results in graded.items():
        passed = sum(1 for r in results if r.status is Status.PASS)
        link = links.get(name)
        shown = f'<a href="{e(link)}">{e(name)}</a>' if link else e(name)
        body.append(
            f'<tr class="student" data-total="{totals[name]}"><td>{shown}</td>'
            f'<td class="points">{totals[name]}/{possible}</td>'
            f"<td>{passed}/{len(results)}</td></tr>"
        )
    body.append("</tbody></table>")
    return page(heading, body)


def write_class(
    out: Path,
    graded: dict[str, list[KataResult]],
    entries: list[KataInfo],
    folder_of: dict[str, str],
) -> Path:
    """Write each student's page (``<folder>/report.html``) and the class page ``index.html``.
    Students are shown by their folder's name (``folder_of``: safe to show, as the CSV shows
    it); one student's page that cannot be written stops neither another's nor the class
    page (a folder name too long once made safe stopped them all)."""
    cat = catalogue()
    links: dict[str, str] = {}
    shown: dict[str, list[KataResult]] = {}
    for student, results in sorted(
        graded.items(), key=lambda item: folder_of.get(item[0], item[0])
    ):
        folder = folder_of.get(student, student)
        shown[folder] = results
        try:
            path = out / folder / "report.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(
                learner_page(results, cat, f"asyncio-katas: {folder}"), encoding="utf-8"
            )
        except (OSError, ValueError) as exc:
            print(f"could not write the page of {folder}: {exc}", file=sys.stderr)
            continue
        links[folder] = report_link(folder)
    index = out / "index.html"
    index.write_text(class_page(shown, entries, links), encoding="utf-8")
    return index


def command(args: argparse.Namespace) -> int:
    """``python -m kit report``: grade, then write the progress page."""
    from . import learn, trace
    from .orchestrate import grade

    cat = catalogue()
    try:
        infos = cat.select(args.names)
    except LookupError as exc:
        print(cat.unknown(str(exc.args[0])), file=sys.stderr)
        return 2
    target = resolve_target(args.target)
    os.environ[trace.ALWAYS] = "1"  # passing katas show their timelines too
    results = grade(infos, target)
    if target == REPO / "exercises":
        learn.record_statuses({r.info.id: r.status for r in results})
    out = Path(args.out).resolve() if args.out else REPORT
    out.parent.mkdir(parents=True, exist_ok=True)
    heading = f"asyncio-katas: {display(target)}/"
    out.write_text(
        learner_page(results, cat, heading, when=time.strftime("%Y-%m-%d %H:%M")),
        encoding="utf-8",
    )
    n = counts(results)
    print(
        f"wrote {display(out)}: {n[Status.PASS]} passed, {n[Status.FAIL]} failing, "
        f"{n[Status.NOT_STARTED]} not started (open it in a browser)"
    )
    return 0
