"""html_blocks: an element becomes typed blocks (code in list items, captions)."""

from __future__ import annotations

from lxml.html import fragment_fromstring

from lire.extract.html_blocks import element_blocks
from lire.model import Block, BlockKind


def blocks(html: str) -> list[tuple[BlockKind, str]]:
    return [(block.kind, block.text) for block in element_blocks(fragment_fromstring(html))]


def test_a_code_block_in_a_list_item_stays_a_code_block_between_its_step_and_the_rest() -> None:
    found = element_blocks(
        fragment_fromstring(
            "<div><ol><li>Create <b>send.py</b> and paste: <div class='box'><pre><code>"
            "import os\nprint(os.getcwd())</code></pre></div> then run it.</li>"
            "<li>Zweiter Schritt: <code>python send.py</code> starten.</li></ol></div>"
        )
    )
    assert [(b.kind, b.text, b.ordinal) for b in found] == [
        (BlockKind.LIST_ITEM, "Create send.py and paste:", 1),
        (BlockKind.CODE, "import os\nprint(os.getcwd())", None),
        (BlockKind.PARAGRAPH, "then run it.", None),
        (BlockKind.LIST_ITEM, "Zweiter Schritt: python send.py starten.", 2),
    ]


def test_a_table_in_a_list_item_stays_a_table() -> None:
    found = element_blocks(
        fragment_fromstring(
            "<ul><li>Tarifs :<table><tr><th>Zone</th><th>Prix</th></tr>"
            "<tr><td>A</td><td>2 €</td></tr></table></li></ul>"
        )
    )
    assert [b.kind for b in found] == [BlockKind.LIST_ITEM, BlockKind.TABLE]
    assert found[1].rows == (("Zone", "Prix"), ("A", "2 €"))


def test_a_caption_named_by_its_class_is_a_caption() -> None:
    assert blocks(
        "<div><div class='wp-caption'><img src='q.jpg' alt='x'>"
        "<p class='wp-caption-text'>El muelle norte en mayo</p></div>"
        "<p>El puerto abrió el muelle.</p></div>"
    ) == [
        (BlockKind.CAPTION, "El muelle norte en mayo"),
        (BlockKind.PARAGRAPH, "El puerto abrió el muelle."),
    ]


def test_a_caption_repeated_under_each_photo_or_as_its_alt_text_is_given_once() -> None:
    figure = (
        "<figure><img src='{0}.jpg' alt='De kade bij nacht, gezien vanaf de pier'>"
        "<figcaption>De kade bij nacht, gezien vanaf de pier</figcaption></figure>"
        "<figure><img src='{0}b.jpg' alt=''><figcaption>6</figcaption></figure>"
    )
    found = blocks(f"<div>{figure.format('a')}<p>Tekst.</p>{figure.format('b')}</div>")
    assert found == [
        (BlockKind.IMAGE, "De kade bij nacht, gezien vanaf de pier"),
        (BlockKind.PARAGRAPH, "Tekst."),
    ]
    assert Block(BlockKind.CAPTION, "6") not in element_blocks(
        fragment_fromstring(f"<div>{figure.format('c')}</div>")
    )


def test_line_breaks_written_as_br_in_a_code_block_are_kept() -> None:
    # A page's code with <br> between its lines (no newline characters): text_content() ran
    # them together ("python3import subprocessimport time").
    assert blocks(
        "<div><pre>#!/usr/bin/env python3<br><br>import subprocess<br>import time<br>"
        'CONFIG = {<br> "delay": 300,<br>}</pre></div>'
    ) == [
        (
            BlockKind.PREFORMATTED,
            "#!/usr/bin/env python3\n\nimport subprocess\nimport time\n"
            'CONFIG = {\n "delay": 300,\n}',
        )
    ]


def test_a_br_followed_by_a_newline_in_a_code_block_is_one_line_break() -> None:
    assert blocks("<div><pre><code>x = 1<br>\ny = 2<br>\r\nz = <b>3</b></code></pre></div>") == [
        (BlockKind.CODE, "x = 1\ny = 2\nz = 3")
    ]


def test_pieces_written_side_by_side_whose_words_would_run_together_stay_apart() -> None:
    # Two badges, a brand and a product name: "PartLifetime", "OspreyAether" without a space.
    # A word styled in two pieces inside a sentence stays one word.
    assert blocks(
        "<div><div><span>Genuine Steam Deck Part</span><span>Lifetime Guarantee</span></div>"
        "<ul><li><span class='brand'>Osprey</span><span>Aether 65 Pack</span></li></ul>"
        "<p>The i<b>Phone</b> and <em>sea</em>side, <span>lower</span><span>case</span>.</p></div>"
    ) == [
        (BlockKind.PARAGRAPH, "Genuine Steam Deck Part Lifetime Guarantee"),
        (BlockKind.LIST_ITEM, "Osprey Aether 65 Pack"),
        (BlockKind.PARAGRAPH, "The iPhone and seaside, lowercase."),
    ]


def test_links_written_side_by_side_stay_two_words() -> None:
    # Two buttons with no space between them in the markup read "free trialRequest Demo".
    assert blocks(
        "<div><div><a href='/signup'>Sign up for free trial</a><a href='/demo'>Request Demo</a>"
        "</div><p>See <a href='/a'>page</a>s and <a href='/b'>notes</a> <a href='/c'>here</a>."
        "</p><h3><a href='/d'>One</a><a href='/e'>Two</a></h3></div>"
    ) == [
        (BlockKind.PARAGRAPH, "Sign up for free trial Request Demo"),
        (BlockKind.PARAGRAPH, "See pages and notes here."),
        (BlockKind.HEADING, "One Two"),
    ]


def test_an_alt_text_that_is_a_files_name_is_no_image_block() -> None:
    names = [
        "Mission Slider 5 2880x1120px",
        "If02 19 1920x1080 8dbf5645555a879b82c877a7e59d66d4",
        "2022 10 13 16.40.26",
        "IMG 2041",
        "Icon By Design Web 16 Copy 2 1",
    ]
    images = "".join(
        f"<figure><img src='{n}.jpg' alt='{name}'></figure>" for n, name in enumerate(names)
    )
    found = blocks(
        f"<div>{images}<figure><img src='q.jpg' alt='A 4x4 truck on the harbour road'></figure>"
        "<p>Text.</p></div>"
    )
    assert found == [
        (BlockKind.IMAGE, "A 4x4 truck on the harbour road"),
        (BlockKind.PARAGRAPH, "Text."),
    ]
