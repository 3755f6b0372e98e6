"""One sanitiser for every untrusted string (page text, titles, links, model output).

Applied after entity decoding and before text reaches the terminal, stdout, the store or a
model: ESC-introduced sequences (CSI, OSC, DCS, ...) are removed whole, then C0/C1 controls
(except newline and tab) and bidi embedding/override/isolate controls are dropped, and so are the
invisible characters that carry no meaning in a text but can hide words from a reader or smuggle
instructions to a model: Unicode tag characters (outside an emoji flag sequence), byte order
marks, soft hyphens, zero-width spaces and word joiners, invisible operators, and zero-width
(non-)joiners outside the scripts and emoji sequences that need them. A lone surrogate (which no
encoder can write) becomes U+FFFD.
"""

from __future__ import annotations

import re

__all__ = ["UNSAFE", "sanitize", "sanitize_line", "sanitize_markup"]

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
# An emoji flag tag sequence (England, Scotland, Wales: the black flag, tag letters, cancel tag)
# is kept (group 1); any other tag character, and the invisible characters below, go. A zero-width
# (non-)joiner is kept only between two characters of the scripts that join or ligate with it
# (Hebrew onwards: Arabic, Persian, Indic scripts) or emoji, never around Latin, Greek or Cyrillic.
# One character class after the flag: the scan costs no more than a search for one character.
_INVISIBLE = re.compile(
    "(\U0001f3f4[\U000e0020-\U000e007e]{1,32}\U000e007f)"
    "|[\U000e0000-\U000e007f"  # tag characters
    "\u00ad\u180e\u200b\u2060-\u2064\u206a-\u206f\ufeff"  # SHY, MVS, ZWSP, WJ, invisible
    # operators, deprecated format controls, BOM / zero-width no-break space
    "\u200c\u200d]"  # ZWNJ, ZWJ: kept or not by their neighbours (_kept)
)
_JOINERS = frozenset("\u200c\u200d")
_JOINING_FROM = "\u0590"  # the scripts from Hebrew on, and emoji, may need a (non-)joiner
_SURROGATE = re.compile("[\ud800-\udfff]")
# Every character ``sanitize`` may remove or change, but carriage returns: a text without one
# needs no sanitising.
UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\ufff9-\ufffb\U000e0000-\U000e007f\u00ad\u180e\u200b-\u200d\u2060-\u2064\u206a-\u206f\ufeff"
    "\ud800-\udfff]"
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
    text = _CONTROLS.sub("", sequences.sub("", text))
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    return _INVISIBLE.sub(_kept, text)


def _kept(match: re.Match[str]) -> str:
    """What stays of an invisible character: a flag sequence, a joiner between two characters
    of the scripts that use it; nothing else."""
    found = match.group()
    if match.group(1) or found not in _JOINERS:
        return match.group(1) or ""
    text, start = match.string, match.start()
    before = text[start - 1] if start > 0 else ""
    after = text[start + 1] if start + 1 < len(text) else ""
    return found if before >= _JOINING_FROM and after >= _JOINING_FROM else ""


def sanitize_line(text: str) -> str:
    """Sanitise ``text`` and fold it onto one line (for titles, link targets, messages)."""
    return " ".join(sanitize(text).split())
