"""Make a string that came from a submission safe for where it goes (stdlib only).

A submission decides the text of its own failure messages and output: a folder name, an
exception's message, what it printed. Before such text reaches an instructor's terminal, a
report file or a spreadsheet, it goes through one of these:

- ``for_terminal``: control characters, escape sequences and bidi overrides shown visibly
  (ESC as ``\\x1b``), so no colour, cursor move or fake line can be drawn; newlines and tabs
  kept only where the caller allows.
- ``for_xml``: characters XML 1.0 cannot hold written as ``#xNN``, as pytest's --junitxml does.
- ``for_csv_cell``: a cell a spreadsheet would read as a formula gets a leading apostrophe.
- ``for_json``: lone surrogates replaced, so UTF-8 output never fails (``json_safe`` does a
  whole JSON value).

Each also replaces lone surrogates (``"\\ud800"``) with U+FFFD: they cannot be written as UTF-8.
"""

from __future__ import annotations

import re
from typing import Any

REPLACEMENT = "\ufffd"
_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 controls, DEL, C1 controls, and the bidi overrides and isolates (text that reads
# differently from how it is stored); and what draws nothing at all: the other format
# characters of Unicode (category Cf: zero-width spaces and joiners, bidi marks, the soft
# hyphen, tags) and the line and paragraph separators. A folder named ``alice`` and a
# zero-width space was a second row "alice" in the gradebook, its terminal and its CSV.
_CONTROL = re.compile(
    "[\x00-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)
_XML_INVALID = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def no_surrogates(text: str) -> str:
    """``text`` with surrogate pairs joined into their character and lone ones replaced."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _visible(char: str) -> str:
    code = ord(char)
    if code > 0xFFFF:
        return f"\\U{code:08x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def surrogates_shown(text: str) -> str:
    """``text`` with each surrogate shown as its escape (``\\udcff``), not replaced: a file
    name that is not UTF-8 (``os.fsdecode`` keeps its bytes as surrogates) stays apart from
    one that holds U+FFFD itself."""
    return _SURROGATE.sub(lambda match: _visible(match.group()), text)


def for_terminal(text: str, *, newlines: bool = False, tabs: bool = False) -> str:
    """``text`` safe to print: every control character (ESC, CR, BEL, NUL, C1, bidi
    overrides) shown as an escape such as ``\\x1b``; ``\\n`` and ``\\t`` kept only if allowed."""
    keep = ("\n" if newlines else "") + ("\t" if tabs else "")

    def show(match: re.Match[str]) -> str:
        char = match.group()
        return char if char in keep else _visible(char)

    return _CONTROL.sub(show, no_surrogates(text))


def for_xml(text: str) -> str:
    """``text`` holding only characters XML 1.0 allows; others written as ``#xNN``
    (as pytest's --junitxml does). Lone surrogates become ``#xD800``-style text too."""

    def show(match: re.Match[str]) -> str:
        code = ord(match.group())
        return f"#x{code:02X}" if code <= 0xFF else f"#x{code:04X}"

    return _XML_INVALID.sub(show, text)


def for_csv_cell(text: str) -> str:
    """``text`` that a spreadsheet shows as text: a leading ``= + - @``, tab or CR gets a
    leading apostrophe (OWASP's advice against CSV injection); lone surrogates replaced."""
    text = no_surrogates(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def for_json(text: str) -> str:
    """``text`` that ``json.dumps(..., ensure_ascii=False)`` can write as UTF-8."""
    return no_surrogates(text)


def json_safe(value: Any) -> Any:
    """A JSON value (dicts, lists, strings...) with ``for_json`` applied to every string,
    keys included."""
    if isinstance(value, str):
        return for_json(value)
    if isinstance(value, dict):
        return {json_safe(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    return value
