"""One sanitiser for every untrusted string (page text, titles, links, model output).

Applied after entity decoding and before text reaches the terminal, stdout or the store:
ESC-introduced sequences (CSI, OSC, DCS, ...) are removed whole, then C0/C1 controls (except
newline and tab) and bidi embedding/override/isolate controls are dropped.
"""

from __future__ import annotations

import re

__all__ = ["sanitize", "sanitize_line", "sanitize_markup"]

# ESC sequences: CSI (ESC [ ... final), OSC/DCS/SOS/PM/APC (ESC ] ... BEL or ST), two-byte ESC x.
# A string sequence without its terminator loses only its introducer (the "ESC x" branch), so a
# stray "ESC ]" never swallows the rest of a page. Each scan stops at the next ESC: linear time.
_ESC_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"  # CSI
    r"|\x1b[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC, DCS, SOS, PM, APC ended by BEL or ST
    r"|\x9b[0-?]*[ -/]*[@-~]?"  # 8-bit CSI
    r"|\x1b[ -~]?"  # any other ESC x
)
# The same sequences inside HTML source, where they must never swallow markup: a parameter or
# intermediate byte that can be markup (< > " ' & /) ends the sequence, and a lone ESC goes alone.
_ESC_SEQUENCE_IN_MARKUP = re.compile(
    r"\x1b\[[0-;=?]*[ !#-%(-.]*[@-~]?"
    r"|\x1b[\]PX^_][^\x07\x1b<>\"]*(?:\x07|\x1b\\)"
    r"|\x9b[0-;=?]*[ !#-%(-.]*[@-~]?"
    r"|\x1b"
)
_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 (but \t \n), DEL, C1
    "\u061c\u200e\u200f"  # arabic letter mark, LRM, RLM
    "\u202a-\u202e"  # LRE, RLE, PDF, LRO, RLO
    "\u2066-\u2069"  # LRI, RLI, FSI, PDI
    "\ufff9-\ufffb"  # interlinear annotation controls
    "]"
)


def sanitize(text: str) -> str:
    """Return ``text`` without terminal escape sequences, control characters or bidi controls.

    Newlines and tabs are kept; a carriage return becomes a newline (``\\r\\n`` one newline).
    """
    return _strip(text, _ESC_SEQUENCE)


def sanitize_markup(html: str) -> str:
    """Sanitise HTML source before it is parsed, without ever eating markup around a control."""
    return _strip(html, _ESC_SEQUENCE_IN_MARKUP)


def _strip(text: str, sequences: re.Pattern[str]) -> str:
    if text.isprintable():
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub("", sequences.sub("", text))


def sanitize_line(text: str) -> str:
    """Sanitise ``text`` and fold it onto one line (for titles, link targets, messages)."""
    return " ".join(sanitize(text).split())
