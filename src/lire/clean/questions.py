"""A FAQ's question written on a button: the DOM pass keeps it with the answer it opens.

Accordions put each question on a ``<button>`` and collapse its answer until it is opened; the
DOM pass drops buttons (calls to action, menus) but keeps collapsed prose, so without this the
answers stood without their questions. A button is a question when its text asks one in a few
words (``QUESTION_WORDS`` to ``MAX_QUESTION_WORDS``) and it opens a panel (``aria-expanded``,
``aria-controls``) or has an answer's worth of words after it (``ANSWER_WORDS``).
"""

from __future__ import annotations

from lxml.html import HtmlElement

__all__ = ["ANSWER_WORDS", "MAX_QUESTION_WORDS", "QUESTION_WORDS", "is_question_toggle"]

QUESTION_WORDS, MAX_QUESTION_WORDS = 3, 40
ANSWER_WORDS = 12
_FRAME = frozenset({"html", "body", "main", "head"})


def is_question_toggle(button: HtmlElement, text: str) -> bool:
    """A button with the text ``text`` (spaces collapsed) that asks a question of a few words
    and opens its answer: a FAQ's question, whose answer the page collapses until it is opened
    ("How long does delivery take?")."""
    if not text.endswith("?") or not QUESTION_WORDS <= len(text.split()) <= MAX_QUESTION_WORDS:
        return False
    return "aria-expanded" in button.attrib or "aria-controls" in button.attrib or _answered(button)


def _answered(button: HtmlElement) -> bool:
    """Whether the element after ``button`` (or after the heading it stands alone in) holds a
    few sentences' worth of words: the answer it opens. Words are counted only as far as
    ``ANSWER_WORDS``: a long page after a button is not read once per button."""
    element, parent = button, button.getparent()
    if (
        parent is not None
        and button.getprevious() is None
        and button.getnext() is None
        and parent.tag not in _FRAME
        and not (parent.text or "").strip()
    ):
        element = parent  # the question's heading or wrapper
    after = element.getnext()
    if after is None:
        return False
    count = 0
    for text in after.itertext():
        count += len(str(text).split())
        if count >= ANSWER_WORDS:
            return True
    return False
