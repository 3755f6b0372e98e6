"""Language detection: metadata first, else stop-word and letter statistics."""

from __future__ import annotations

import pytest

from lire.text.language import detect_language, normalize_lang, resolve_language

TEXTS = {
    "en": "The minister said on Monday that the new law would be passed before the summer, "
    "and that it was not a question of money but of time for the people who have waited.",
    "fr": "Le ministre a déclaré lundi que la nouvelle loi serait votée avant l'été, et que "
    "ce n'était pas une question d'argent mais de temps pour les gens qui attendent.",
    "de": "Der Minister sagte am Montag, dass das neue Gesetz vor dem Sommer verabschiedet "
    "wird und dass es nicht um Geld, sondern um Zeit für die Menschen geht, die warten.",
    "es": "El ministro dijo el lunes que la nueva ley se aprobará antes del verano, y que no "
    "es una cuestión de dinero sino de tiempo para las personas que esperan.",
    "it": "Il ministro ha detto lunedì che la nuova legge sarà approvata prima dell'estate, e "
    "che non è una questione di soldi ma di tempo per le persone che aspettano.",
    "pt": "O ministro disse na segunda-feira que a nova lei será aprovada antes do verão, e "
    "que não é uma questão de dinheiro mas de tempo para as pessoas que esperam.",
    "nl": "De minister zei maandag dat de nieuwe wet voor de zomer wordt aangenomen, en dat "
    "het niet om geld gaat maar om tijd voor de mensen die al lang wachten.",
}


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_detects_each_supported_language(lang: str) -> None:
    assert detect_language(TEXTS[lang]) == lang


@pytest.mark.parametrize(
    "text",
    [
        "",
        "12 345 67.8",
        "Ministeri sanoi maanantaina, että uusi laki hyväksytään ennen kesää.",  # Finnish
        "Министр заявил в понедельник, что новый закон будет принят до лета.",  # Russian
    ],
)
def test_unknown_or_empty_text_is_none(text: str) -> None:
    assert detect_language(text) is None


def test_declared_language_wins_over_detection() -> None:
    assert resolve_language("fr-FR", TEXTS["en"]) == "fr"
    assert resolve_language("ja", TEXTS["en"]) == "ja"


def test_missing_or_malformed_declaration_falls_back_to_detection() -> None:
    assert resolve_language(None, TEXTS["de"]) == "de"
    assert resolve_language("not a tag!", TEXTS["nl"]) == "nl"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("en", "en"), ("EN_us", "en"), ("pt-BR", "pt"), (" de ", "de"), ("", None), ("x", None)],
)
def test_normalize_lang_keeps_the_primary_subtag(tag: str, expected: str | None) -> None:
    assert normalize_lang(tag) == expected
