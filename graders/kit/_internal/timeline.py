"""A check's timeline as text: one row per call, a scale in seconds, the expected shape.

    yours, in loop seconds:
      call('c') │████████████████████████████████████████████████████████████│ 0 → 4
      call('a') │                                                  ████████  │ 4 → 7
    ideal:
      call('c') │██████████████████████████                                  │ 0 → 4
              0                        2.5                       5                 10
    expected: all 4 start at 0 s; the last ends at 4 s (yours ended at 10 s).

At most ``MAX_WIDTH`` columns and ``MAX_ROWS`` rows a chart: more calls of one probe share
lanes (a worker's calls one after another), and what still does not fit is counted
("... 20 more"). Unicode blocks where the output takes them, ASCII otherwise; colour only
through the caller's ``paint`` (the scoreboard's: a terminal, never with NO_COLOR).
Standard library only.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .data import TimelineData, TimelineRow

MAX_WIDTH = 100
MAX_ROWS = 12
LABEL_WIDTH = 18
Paint = Callable[[str, str], str]


@dataclass(frozen=True)
class Glyphs:
    """The characters a chart is drawn with."""

    full: str
    alt: str  # the next call in the same lane
    cancelled: str
    running: str  # still running when the call returned
    instant: str  # a call that took no time
    edge: str
    arrow: str
    cut: str  # a label cut short


UNICODE = Glyphs("█", "▓", "░", "▒", "▏", "│", "→", "…")
ASCII = Glyphs("#", "=", ".", "~", "!", "|", "->", "~")


def can_draw_unicode(stream: Any) -> bool:
    """True when ``stream`` encodes to UTF (a UTF-8 terminal or file)."""
    encoding = str(getattr(stream, "encoding", "") or "").lower().replace("-", "")
    return encoding.startswith("utf")


def _plain(text: str, _code: str) -> str:
    return text


def _num(value: float, real: bool) -> str:
    return f"{value:.2f}" if real else f"{round(value, 6):g}"


def _nice_step(span: float, most: int) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving at most ``most`` steps."""
    if span <= 0:
        return 1.0
    raw = span / most
    power = 10.0 ** math.floor(math.log10(raw))
    for factor in (1.0, 2.0, 2.5, 5.0, 10.0):
        if factor * power >= raw - 1e-12:
            return factor * power
    return 10.0 * power


@dataclass
class Lane:
    """One drawn row: a label and the calls on it."""

    label: str
    calls: list[TimelineRow]
    note: str = ""  # replaces the start → end column


def lanes(rows: list[TimelineRow]) -> list[Lane]:
    """One lane per call, or, when that is too many, the calls of each group packed into as
    few lanes as their overlaps allow (the workers of a pipeline stage)."""
    if len(rows) <= MAX_ROWS:
        return [Lane(r["label"], [r]) for r in rows]
    packed: list[Lane] = []
    ends: list[float] = []
    by_group: dict[str, list[int]] = {}
    for row in rows:  # rows come sorted by start
        group = row["group"] or row["label"]
        end = row["end"] if row["end"] is not None else math.inf
        for index in by_group.get(group, []):
            if ends[index] <= row["start"] + 1e-9:
                packed[index].calls.append(row)
                ends[index] = end
                break
        else:
            by_group.setdefault(group, []).append(len(packed))
            packed.append(Lane(group, [row]))
            ends.append(end)
    if len(packed) >= len(rows):
        return [Lane(r["label"], [r]) for r in rows]
    for lane in packed:
        lane.note = f"{len(lane.calls)} call{'s' if len(lane.calls) != 1 else ''}"
    return packed


def _same(rows: list[TimelineRow], ideal: list[TimelineRow]) -> bool:
    """True when the learner's calls ran exactly as the ideal has them."""
    key = sorted((r["start"], r["end"]) for r in rows)
    return key == sorted((r["start"], r["end"]) for r in ideal)


def expected_line(data: TimelineData, ideal: list[TimelineRow]) -> str:
    """The expected shape in one line, and when the learner's call ended if it differs."""
    real = data["clock"] == "real"
    shape = data["shape"]
    if not shape and ideal:
        last = max(float(r["end"] if r["end"] is not None else r["start"]) for r in ideal)
        every = f"all {len(ideal)}" if len(ideal) > 2 else "both"
        shape = (
            f"{every} start at 0 s; the last ends at {_num(last, real)} s"
            if all(r["start"] == 0 for r in ideal)
            else f"the last ends at {_num(last, real)} s"
        )
    if not shape and data["expected"] is not None:
        shape = f"the whole call takes {_num(data['expected'], real)} s"
    if not shape:
        return ""
    took, expected = data["took"], data["expected"]
    if expected is None and ideal:
        expected = max(float(r["end"] if r["end"] is not None else r["start"]) for r in ideal)
    if took is not None and expected is not None and abs(took - expected) > 1e-6:
        shape += f" (yours ended at {_num(took, real)} s)"
    return f"expected: {shape}."


def render(
    data: TimelineData,
    *,
    width: int = MAX_WIDTH,
    unicode: bool = True,
    paint: Paint = _plain,
    indent: int = 0,
) -> list[str]:
    """The timeline as lines of at most ``min(width, MAX_WIDTH)`` columns."""
    glyphs = UNICODE if unicode else ASCII
    real = data["clock"] == "real"
    rows = sorted(data["rows"], key=lambda r: r["start"])  # ties keep the order of the calls
    ideal = list(data["ideal"])
    pad = " " * indent
    width = max(40, min(width, MAX_WIDTH)) - indent
    ends = [float(r["end"]) if r["end"] is not None else float(r["start"]) for r in rows + ideal]
    horizon = max([*ends, data["took"] or 0.0, data["expected"] or 0.0, 1e-9 if not real else 0.01])
    charts = [("yours", lanes(rows), "33")]
    if ideal and not _same(rows, ideal):
        charts.append(("ideal", lanes(ideal), "32"))

    def times(lane: Lane) -> str:
        if lane.note:
            return lane.note
        call = lane.calls[0]
        end = "still running" if call["end"] is None else _num(call["end"], real)
        text = f"{_num(call['start'], real)} {glyphs.arrow} {end}"
        return text + (" cancelled" if call["cancelled"] else "")

    shown = {
        name: drawn[: MAX_ROWS - 1] if len(drawn) > MAX_ROWS else drawn for name, drawn, _ in charts
    }
    label_w = min(LABEL_WIDTH, max(len(lane.label) for some in shown.values() for lane in some))
    time_w = max(len(times(lane)) for some in shown.values() for lane in some)
    bar_w = max(10, width - 2 - label_w - 1 - 2 - 1 - time_w)

    def cells(t: float) -> int:
        return min(bar_w, max(0, round(t / horizon * bar_w)))

    def bar(lane: Lane, colour: str) -> str:
        line = [" "] * bar_w
        kinds = [""] * bar_w
        for n, call in enumerate(lane.calls):
            start = cells(call["start"])
            if call["end"] is None:
                stop, char = bar_w, glyphs.running
            else:
                stop = cells(call["end"])
                char = (
                    glyphs.cancelled
                    if call["cancelled"]
                    else (glyphs.alt if n % 2 else glyphs.full)
                )
                if stop <= start:
                    start, stop, char = (
                        min(start, bar_w - 1),
                        min(start, bar_w - 1) + 1,
                        glyphs.instant,
                    )
            for i in range(start, min(stop, bar_w)):
                line[i], kinds[i] = char, "2" if call["cancelled"] else colour
        out, i = "", 0
        while i < bar_w:  # paint runs of one colour at once
            j = i
            while j < bar_w and kinds[j] == kinds[i]:
                j += 1
            chunk = "".join(line[i:j])
            out += paint(chunk, kinds[i]) if kinds[i] else chunk
            i = j
        return out

    def label(text: str) -> str:
        return text if len(text) <= label_w else text[: label_w - 1] + glyphs.cut

    unit = "measured real seconds" if real else "loop seconds"
    lines: list[str] = []
    for name, drawn, colour in charts:
        title = f"yours, in {unit}:" if name == "yours" else "ideal:"
        lines.append(pad + title)
        for lane in shown[name]:
            lines.append(
                f"{pad}  {label(lane.label):>{label_w}} {glyphs.edge}{bar(lane, colour)}"
                f"{glyphs.edge} {times(lane)}"
            )
        if len(drawn) > len(shown[name]):
            lines.append(f"{pad}  ... {len(drawn) - len(shown[name])} more")
    lines.append(pad + " " * (2 + label_w + 1) + _scale(horizon, bar_w, real))
    expected = expected_line(data, ideal)
    if expected:
        lines.extend(pad + part for part in textwrap.wrap(expected, width, subsequent_indent="  "))
    return [line.rstrip() for line in lines]


def _scale(horizon: float, bar_w: int, real: bool) -> str:
    """Tick labels under the bars (index 0 is the left edge), the last one at the right edge."""
    out = [" "] * (bar_w + 2)
    last = _num(horizon, real) + " s"
    last_col = max(0, bar_w + 2 - len(last))
    step = _nice_step(horizon, max(2, min(8, bar_w // 10)))
    taken, n = -1, 0
    while n * step < horizon - 1e-9:
        text = _num(n * step, real)
        col = round(n * step / horizon * bar_w) + 1
        if col > taken and col + len(text) < last_col:
            out[col : col + len(text)] = text
            taken = col + len(text)
        n += 1
    out[last_col : last_col + len(last)] = last
    return "".join(out).rstrip()
