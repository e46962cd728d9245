"""Submission strings made safe for terminals, XML, CSV and JSON (kit._internal.hygiene)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from kit._internal import hygiene


def test_terminal_shows_escapes_visibly() -> None:
    fake = "\x1b[2J\x1b[1mTotal 500/500\x1b[0m\rEvery kata here passes\x07"
    shown = hygiene.for_terminal(fake)
    assert "\x1b" not in shown and "\r" not in shown and "\x07" not in shown
    assert shown.startswith("\\x1b[2J\\x1b[1mTotal 500/500")
    assert "\\x0d" in shown and shown.endswith("\\x07")


def test_terminal_keeps_newlines_and_tabs_only_when_allowed() -> None:
    assert hygiene.for_terminal("a\nb\tc") == "a\\x0ab\\x09c"
    assert hygiene.for_terminal("a\nb\tc", newlines=True, tabs=True) == "a\nb\tc"
    assert hygiene.for_terminal("a\nb", newlines=True) == "a\nb"


def test_terminal_shows_c1_controls_and_bidi_overrides() -> None:
    assert hygiene.for_terminal("\x9b31m") == "\\x9b31m"
    assert hygiene.for_terminal("abc\u202edcba") == "abc\\u202edcba"
    assert hygiene.for_terminal("ünïcödé ✓ 日本") == "ünïcödé ✓ 日本"


def test_terminal_shows_what_draws_nothing() -> None:
    """A folder named ``alice`` and a zero-width space (or a bidi mark, a tag character) was
    a second row "alice" in the gradebook: what draws nothing is shown as its escape."""
    from kit._internal.gradebook import safe_name

    for invisible in ("\u200b", "\u200f", "\u2060", "\ufeff", "\xad", "\u2028", "\U000e0061"):
        shown = hygiene.for_terminal(f"alice{invisible}")
        assert shown != "alice" and shown.startswith("alice\\") and invisible not in shown
        assert safe_name(f"alice{invisible}") not in ("alice", f"alice{invisible}")
    assert hygiene.for_terminal("\U000e0061") == "\\U000e0061"


@pytest.mark.parametrize("fn", [hygiene.for_terminal, hygiene.for_json, hygiene.for_csv_cell])
def test_lone_surrogates_are_replaced(fn: object) -> None:
    assert callable(fn)
    out = fn("a\ud800b\udfffc")
    assert out == "a\ufffdb\ufffdc"
    out.encode("utf-8")


def test_a_surrogate_pair_becomes_its_character() -> None:
    assert hygiene.for_json("\ud83d\ude00") == "😀"


def test_json_never_fails_to_write() -> None:
    data = hygiene.json_safe({"msg\ud800": ["x\udc00", 1, None, {"k": "\ud800"}]})
    text = json.dumps(data, ensure_ascii=False)
    text.encode("utf-8")
    assert json.loads(text) == {"msg\ufffd": ["x\ufffd", 1, None, {"k": "\ufffd"}]}


def test_xml_escapes_what_xml_cannot_hold() -> None:
    text = hygiene.for_xml("nul\x00 esc\x1b tab\t nl\n sur\ud800 ok✓ \ufffe")
    assert text == "nul#x00 esc#x1B tab\t nl\n sur#xD800 ok✓ #xFFFE"
    root = ET.Element("failure", message=text)
    root.text = text
    ET.fromstring(ET.tostring(root, encoding="unicode"))  # well-formed


@pytest.mark.parametrize(
    "cell", ['=HYPERLINK("http://x","y")', "+1", "-1+2", "@SUM(A1)", "\tx", "\rx"]
)
def test_formula_cells_are_neutralised(cell: str) -> None:
    safe = hygiene.for_csv_cell(cell)
    assert safe == "'" + cell
    buf = io.StringIO()
    csv.writer(buf).writerow([safe])
    assert next(csv.reader(io.StringIO(buf.getvalue())))[0].startswith("'")


def test_plain_cells_are_unchanged() -> None:
    assert hygiene.for_csv_cell("alice") == "alice"
    assert hygiene.for_csv_cell("a=b") == "a=b"
    assert hygiene.for_csv_cell("") == ""
