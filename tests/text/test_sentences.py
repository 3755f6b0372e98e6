"""The sentence splitter on hand-written sentences in en fr de es it pt nl."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lire.text.sentences import split_sentences

CASES = [
    (
        "en",
        "Dr. Venter met Mr. Smith in St. Louis. They talked for 3.5 hours! Was it worth it? "
        "J. Craig Venter thinks so, e.g. for funding, i.e. money.",
        [
            "Dr. Venter met Mr. Smith in St. Louis.",
            "They talked for 3.5 hours!",
            "Was it worth it?",
            "J. Craig Venter thinks so, e.g. for funding, i.e. money.",
        ],
    ),
    (
        "en",
        'He said "stop." Then he left... The rest followed, etc. Nobody knew why?! It ended.',
        [
            'He said "stop."',
            "Then he left...",
            "The rest followed, etc.",
            "Nobody knew why?!",
            "It ended.",
        ],
    ),
    (
        "fr",
        "M. Macron a reçu Mme. Dupont à l'Élysée. « C'est fini. » Le taux est de 3,5 %. "
        "Il attend… et rien ne vient. On mange des pommes, des poires, p.ex. en hiver.",
        [
            "M. Macron a reçu Mme. Dupont à l'Élysée.",
            "« C'est fini. »",
            "Le taux est de 3,5 %.",
            "Il attend… et rien ne vient.",
            "On mange des pommes, des poires, p.ex. en hiver.",
        ],
    ),
    (
        "de",
        "Das ist z.B. ein Test. Am 3. Oktober kam er bzw. seine Frau. „Hallo.“ Er ging "
        "nach Hause. Dr. Müller blieb.",
        [
            "Das ist z.B. ein Test.",
            "Am 3. Oktober kam er bzw. seine Frau.",
            "„Hallo.“",
            "Er ging nach Hause.",
            "Dr. Müller blieb.",
        ],
    ),
    (
        "es",
        "El Sr. García llegó con la Sra. López. ¿Qué pasa? ¡Nada! Telefónica S.A. anunció "
        "ganancias de 3,5 millones.",
        [
            "El Sr. García llegó con la Sra. López.",
            "¿Qué pasa?",
            "¡Nada!",
            "Telefónica S.A. anunció ganancias de 3,5 millones.",
        ],
    ),
    (
        "it",
        "Il dott. Rossi è arrivato. Ha comprato pane, latte, ecc. e poi è uscito. «Basta!» "
        "Disse il sindaco. Era il 2024.",
        [
            "Il dott. Rossi è arrivato.",
            "Ha comprato pane, latte, ecc. e poi è uscito.",
            "«Basta!»",
            "Disse il sindaco.",
            "Era il 2024.",
        ],
    ),
    (
        "pt",
        "O Sr. Silva mora na casa n.º 5. A inflação subiu 3,5 por cento. ‘Não sei’, disse "
        "ele. Foi embora.",
        [
            "O Sr. Silva mora na casa n.º 5.",
            "A inflação subiu 3,5 por cento.",
            "‘Não sei’, disse ele.",
            "Foi embora.",
        ],
    ),
    (
        "nl",
        "Dhr. Jansen woont in Amsterdam. Hij werkt bijv. bij de bank. 'Waarom?' vroeg ze. "
        "Niemand wist het.",
        [
            "Dhr. Jansen woont in Amsterdam.",
            "Hij werkt bijv. bij de bank.",
            "'Waarom?' vroeg ze.",
            "Niemand wist het.",
        ],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_splits_hand_written_sentences(lang: str, text: str, expected: list[str]) -> None:
    assert [sentence.text for sentence in split_sentences(text, lang=lang)] == expected


def test_number_abbreviations_only_hold_before_a_number() -> None:
    text = "He lives at No. 10 Downing Street. She said no. Art. 5 applies."
    assert [s.text for s in split_sentences(text, lang="en")] == [
        "He lives at No. 10 Downing Street.",
        "She said no.",
        "Art. 5 applies.",
    ]


def test_dotted_acronyms_end_a_sentence_only_before_a_function_word() -> None:
    text = "The U.S. Senate voted. It moved to the U.S. The vote was close. Ils vont aux É.-U."
    assert [s.text for s in split_sentences(text, lang="en")] == [
        "The U.S. Senate voted.",
        "It moved to the U.S.",
        "The vote was close.",
        "Ils vont aux É.-U.",
    ]


def test_line_breaks_end_sentences_even_without_punctuation() -> None:
    text = "A title without a point\nFirst line. Second line\n\n  Third line  "
    assert [s.text for s in split_sentences(text)] == [
        "A title without a point",
        "First line.",
        "Second line",
        "Third line",
    ]


def test_offsets_point_into_the_source() -> None:
    text = "  One sentence here.   Another one!\nA third? "
    sentences = split_sentences(text)
    assert [(s.start, s.end) for s in sentences] == [(2, 20), (23, 35), (36, 44)]


def test_german_ordinals_do_not_end_a_sentence() -> None:
    text = "Sie kam am 3. Oktober. Im 20. Jahrhundert war es anders."
    assert len(split_sentences(text, lang="de")) == 2


def test_empty_and_blank_text_have_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\t \n") == []


@settings(deadline=None)  # a busy CI machine must not turn slowness into a failure
@given(st.text(alphabet=st.sampled_from("ab .!?…»«\"'\n3,AZé"), max_size=80))
def test_sentences_are_ordered_stripped_slices_of_the_text(text: str) -> None:
    previous_end = 0
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and sentence.text
        assert sentence.start >= previous_end
        previous_end = sentence.end
    covered = "".join(s.text for s in split_sentences(text))
    assert "".join(covered.split()) == "".join(text.split())  # nothing but whitespace is lost
