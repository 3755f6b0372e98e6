"""The first and last lines of a pasted page: its headline and its title line, a masthead's date,
a site's skip links, the source a wire story names, a price in a sentence of news."""

from __future__ import annotations

import dataclasses

import pytest

import lire
from lire.clean import clean
from lire.clean.learned import default_model
from lire.extract import extract_text
from lire.sanitize import sanitize

HEADLINE = "Des médias indépendants précaires, mais populaires"
STORY_FR = (
    "Tout au long de l'automne, les rédactions indépendantes ont appelé leurs lecteurs à l'aide, "
    "et la plupart ont dépassé l'objectif qu'elles s'étaient fixé pour passer l'hiver.",
    "Les journaux locaux d'enquête, souvent fragiles, comptent désormais sur des milliers de "
    "donateurs réguliers plutôt que sur la publicité, qui ne rapporte presque plus rien.",
)


def kept(text: str) -> list[str]:
    return [block.text for block in lire.read_text(text).article.blocks]


def removed(text: str) -> list[str]:
    return [removal.text for removal in lire.read_text(text).article.removed]


def test_a_headline_repeated_under_the_page_title_stays() -> None:
    # A page copied whole, a line each: its title line, the date and section, the headline again.
    text = "\n".join([HEADLINE, "Mardi 25 janvier 2022", "Économie Médias", HEADLINE, *STORY_FR])
    assert kept(text).count(HEADLINE) == 2


@pytest.mark.parametrize(
    ("top", "headline", "story"),
    [
        (  # a masthead's date is no headline
            "Sábado, 03 de Janeiro de 2026 00:04",
            "Moradores do bairro reclamam de transtorno causado por obras na avenida",
            (
                "As obras não têm placa de sinalização para orientar motoristas, pedestres e "
                "moradores sobre as vias de acesso, nem placas que digam quem executa o serviço.",
                "Outro ponto que fica no ar é o prazo para a conclusão do serviço, que a "
                "prefeitura ainda não informou aos moradores da região nem à associação do bairro.",
            ),
        ),
        (  # a headline on newsletters does not go with the menu line above it
            "Toggle Navigation",
            "Redaktionelle Newsletter als zukunftsfähiges journalistisches Format?",
            (
                "Immer häufiger erweitert sich das digitale Angebot der Medienhäuser um einen "
                "redaktionellen Newsletter, der morgens die wichtigsten Nachrichten zusammenfasst.",
                "In den meisten Fällen besteht das Format neben der Tageszeitung und anderen "
                "digitalen Angeboten, doch einige Verlage setzen ganz auf den Versand per E-Mail.",
            ),
        ),
    ],
)
def test_the_line_above_the_headline_goes_and_the_headline_stays(
    top: str, headline: str, story: tuple[str, ...]
) -> None:
    text = "\n\n".join([top, headline, *story])
    assert removed(text) == [top]
    assert kept(text) == [headline, *story]


def test_prices_in_long_sentences_are_news_and_only_the_teaser_is_cut() -> None:
    paragraph = (
        "Le site d'enquête locale, pionnier dans la dénonciation des violences policières, a "
        "reçu 74 261 euros de dons, alors qu'il en espérait 70 000 pour passer l'année. Le "
        "média lancé en 2018 par des proches d'un parti visait les 100 000 euros de dons et en "
        "a récolté 113 000. Lire aussi « Les oligarques contre l'info » : un plaidoyer"
    )
    reading = lire.read_text("\n\n".join([*STORY_FR, paragraph]))
    blocks = [block.text for block in reading.article.blocks]
    assert blocks[-1].endswith("en a récolté 113 000.")
    assert [removal.rule for removal in reading.article.removed] == ["related/fr-lire-aussi"]


@pytest.mark.parametrize(
    ("lang", "story", "line"),
    [
        (
            "it",
            (
                "La protezione civile ha diramato un'allerta arancione per temporali su tutta la "
                "regione a partire dalla mezzanotte di domani e fino a sabato sera.",
                "I sindaci dei comuni della costa hanno chiuso parchi e cimiteri e chiedono ai "
                "cittadini di limitare gli spostamenti a quelli strettamente necessari.",
            ),
            "(Fonte Dipartimento Protezione Civile)",
        ),
        (
            "pt",
            (
                "A chuva que caiu durante a madrugada deixou várias ruas alagadas na região "
                "central da cidade e obrigou a prefeitura a interditar duas avenidas.",
                "Segundo a Defesa Civil, não houve feridos, mas três famílias precisaram deixar "
                "as casas e foram levadas para um abrigo montado numa escola municipal.",
            ),
            "Com informações do jornal Correio do Estado.",
        ),
        (
            "de",
            (
                "Die Stadtwerke erhöhen zum ersten Januar die Preise für Fernwärme um "
                "durchschnittlich zwölf Prozent, wie das Unternehmen am Dienstag mitteilte.",
                "Als Grund nennt der Versorger die gestiegenen Kosten für Gas und die Abgabe auf "
                "Kohlendioxid, die seit diesem Jahr auch für Heizwerke gilt.",
            ),
            "Weiterlesen im Originalartikel.",
        ),
        (
            "es",
            (
                "El ayuntamiento aprobó anoche el presupuesto del próximo año con los votos del "
                "equipo de gobierno y la abstención de dos grupos de la oposición.",
                "Las cuentas incluyen una partida para renovar el alumbrado de los barrios del "
                "norte y otra para ampliar el horario de la biblioteca municipal.",
            ),
            "vía: Diario de la Comarca",
        ),
    ],
)
def test_the_source_line_after_a_wire_story_goes(
    lang: str, story: tuple[str, ...], line: str
) -> None:
    reading = lire.read_text("\n\n".join([*story, line]))
    assert reading.article.lang == lang
    assert [removal.text for removal in reading.article.removed] == [line]
    assert [block.text for block in reading.article.blocks] == list(story)


@pytest.mark.parametrize(
    "line",
    ["Overslaan en naar de inhoud gaan", "Zur Navigation springen", "top of page"],
)
def test_a_skip_link_above_the_headline_goes(line: str) -> None:
    headline = "Gemeente sluit de oude brug over de Vecht voor al het verkeer"
    story = (
        "De brug is volgens een inspectie van vorige maand zo verzwakt dat auto's en fietsers er "
        "niet meer veilig overheen kunnen, meldt de gemeente in een brief aan de bewoners.",
        "Een tijdelijke pontverbinding moet voor de zomer klaar zijn; tot die tijd rijdt er een "
        "pendelbus via de nieuwe brug bij het industrieterrein.",
    )
    text = "\n\n".join([line, headline, *story])
    assert removed(text) == [line]
    assert kept(text) == [headline, *story]


def test_a_paywalled_teaser_keeps_its_headline_and_paragraph() -> None:
    # Between the site's menu and the paywall notice, a headline and one paragraph: all there
    # is to read. A model that would take every block (thresholds at 0) still leaves them.
    headline = "Editorial: Help us keep the county informed"
    paragraph = (
        "Local journalism is fighting for its life. The internet took away the classified "
        "advertising that paid for reporters at council meetings, school boards and courts, and "
        "the newsroom that covers this county has shrunk to four people who do the work of ten."
    )
    notice = "This content is only available to paid subscribers. Please login below."
    text = "\n".join(["Popular Categories", headline, paragraph, notice])
    eager = dataclasses.replace(default_model(), threshold=0.0, outside=0.0, alone=0.0)
    cleaned = clean(extract_text(sanitize(text)), model=eager).article
    assert [block.text for block in cleaned.blocks] == [headline, paragraph]
