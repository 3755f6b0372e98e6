"""Teasers and layout residue in pasted text: removed by their form, whatever the language.

Each text is an article pasted with what followed it on the page: the titles and excerpts of
other articles (cut off mid-sentence, all ending with the same word, or listed under a related
header with an excerpt and a time under each title), or lines no one wrote ("***", "1.jpg").
The same forms inside an article (paragraphs ending with an ellipsis, a "Read also" line in the
middle of the text, a table's rule row) stay.
"""

from __future__ import annotations

from lire.clean import clean
from lire.extract import extract_text
from lire.model import Article

ARTICLE_EN = (
    "The city council voted on Tuesday to rebuild the old harbour bridge, closed since a storm "
    "damaged its pillars two winters ago, at a cost of about 40 million dollars.",
    "Engineers expect the work to start in the spring and to last three years, during which "
    "ferries will carry commuters across the bay twice an hour instead of once.",
    "The mayor said the first lane would reopen before the end of next year.",
)
ARTICLE_PT = (
    "A câmara municipal aprovou na terça-feira a reconstrução da velha ponte do porto, fechada "
    "desde que uma tempestade danificou os pilares há dois invernos, por 40 milhões de euros.",
    "Os engenheiros contam começar as obras na primavera e terminar dentro de três anos, "
    "enquanto barcos levarão os passageiros de um lado ao outro da baía.",
)
ARTICLE_ES = (
    "El ayuntamiento aprobó el martes la reconstrucción del viejo puente del puerto, cerrado "
    "desde que una tormenta dañó sus pilares hace dos inviernos, por 40 millones de euros.",
    "Los ingenieros prevén empezar las obras en primavera y terminarlas en tres años, mientras "
    "los transbordadores cruzarán la bahía dos veces por hora en lugar de una.",
)
ARTICLE_NL = (
    "De gemeenteraad heeft dinsdag besloten de oude havenbrug te herbouwen, die sinds een storm "
    "twee winters geleden de pijlers beschadigde gesloten is, voor zo'n 40 miljoen euro.",
    "De ingenieurs verwachten in het voorjaar te beginnen en na drie jaar klaar te zijn; "
    "intussen varen veerboten twee keer per uur over de baai in plaats van één keer.",
    "Volgens de wethouder is de brug van groot belang voor de haven en voor de duizenden "
    "forensen die er elke dag overheen reden. Bewoners van de kade vrezen wel jaren van lawaai "
    "en stof, en vragen de gemeente om geluidsschermen en een vast aanspreekpunt.",
)
ARTICLE_FR = (
    "Le conseil municipal a voté mardi la reconstruction du vieux pont du port, fermé depuis "
    "qu'une tempête a endommagé ses piles il y a deux hivers, pour 40 millions d'euros.",
    "Les ingénieurs prévoient de commencer les travaux au printemps pour trois ans, pendant "
    "lesquels des navettes traverseront la baie deux fois par heure au lieu d'une.",
)


def cleaned(*lines: str) -> Article:
    """The article lire reads from ``lines`` pasted as text, cleaned."""
    return clean(extract_text("\n".join(lines))).article


def removed_by(article: Article) -> dict[str, str]:
    return {removal.text: removal.rule for removal in article.removed}


def kept(article: Article) -> list[str]:
    return [block.text for block in article.blocks]


def test_excerpts_cut_off_mid_sentence_that_end_the_text_go() -> None:
    excerpts = (
        "The regional airport has announced a new direct route to Lisbon starting in…",
        "Residents of the old quarter have complained about the noise of the night…",
        "The football club confirmed on Monday that its new stadium will not open before…",
        "Heavy rain is expected across the region this weekend, with the weather service…",
    )
    article = cleaned(*ARTICLE_EN, *excerpts)
    assert kept(article) == list(ARTICLE_EN)
    assert [removed_by(article)[text] for text in excerpts] == ["related/cut-off-excerpts"] * 4


def test_excerpts_cut_off_with_three_dots_go_in_portuguese() -> None:
    excerpts = (
        "O governo anunciou esta manhã um novo pacote de medidas para apoiar as famílias...",
        "A seleção nacional venceu ontem à noite o jogo decisivo frente à equipa da...",
        "Os professores marcaram uma nova greve para a próxima semana depois de o...",
    )
    article = cleaned(*ARTICLE_PT, *excerpts)
    assert kept(article) == list(ARTICLE_PT)
    assert {removed_by(article)[text] for text in excerpts} == {"related/cut-off-excerpts"}


def test_article_paragraphs_ending_with_an_ellipsis_stay() -> None:
    paragraphs = (
        "Il sindaco ha parlato a lungo. Poi ha guardato il porto e ha detto che forse...",
        "I lavori sono cominciati. Nessuno sa quando finiranno, e intanto si aspetta...",
        "I pescatori ridono. Hanno visto tanti progetti, tante promesse, tante inaugurazioni...",
    )
    opening = (
        "Il consiglio comunale ha votato martedì la ricostruzione del vecchio ponte del porto, "
        "chiuso da quando una tempesta ne ha danneggiato i piloni due inverni fa."
    )
    article = cleaned(opening, *paragraphs)
    assert kept(article) == [opening, *paragraphs]


def test_lines_that_all_end_with_the_same_word_at_the_end_go() -> None:
    teasers = (
        "Aprobado el nuevo plan de movilidad para el centro de la ciudad Editar",
        "Cierran la playa norte por la llegada de algas durante el fin de semana Editar",
        "El equipo local ficha a un delantero argentino para la próxima temporada Editar",
        "DEPORTES",
    )
    article = cleaned(*ARTICLE_ES, *teasers)
    assert kept(article) == list(ARTICLE_ES)
    assert {removed_by(article)[text] for text in teasers} == {"related/same-last-word"}


def test_sentences_that_end_with_the_same_word_stay() -> None:
    closing = (
        "The bridge will carry trams and bicycles, the mayor said on Tuesday",
        "It will also carry a new water main, the engineers said on Tuesday",
        "And it will be lit at night by solar lamps, the council said on Tuesday",
    )
    article = cleaned(*ARTICLE_EN[:2], *closing[:2])
    assert kept(article) == [*ARTICLE_EN[:2], *closing[:2]]  # two such lines are no run
    article = cleaned(*(f"{line}." for line in closing), *ARTICLE_EN)
    assert kept(article) == [*(f"{line}." for line in closing), *ARTICLE_EN]


def test_a_related_header_takes_the_titles_excerpts_and_times_to_the_end() -> None:
    teasers = (
        "Meer uit Binnenland",
        "Vakbonden kondigen nieuwe staking aan op het spoor",
        "UTRECHT (ANP) - De vakbonden hebben voor volgende week een nieuwe staking "
        "aangekondigd op het spoor, omdat het overleg over de cao opnieuw is vastgelopen.",
        "35 minuten geleden",
        "Zware regen verwacht in het zuiden van het land",
        "DE BILT (ANP) - Het KNMI verwacht zaterdag veel regen in Limburg en Brabant.",
        "1 uur geleden",
        "Nieuw record aantal bezoekers in Rijksmuseum",
    )
    article = cleaned(*ARTICLE_NL, *teasers)
    assert kept(article) == list(ARTICLE_NL)
    assert {removed_by(article)[text] for text in teasers} == {"related/nl-vorig-volgend"}


def test_a_related_header_at_the_top_takes_title_and_cut_off_excerpt_pairs() -> None:
    """A "Derniers articles" line above the article, each title with its excerpt cut off: the pairs
    go, the first title is not taken for the article's headline, and the article's own
    headline after the last pair (no excerpt under it) stays."""
    teasers = (
        "Derniers articles",
        "Marché de Noël : les chalets reviennent place de la Gare",
        "Après deux ans d'absence, les artisans retrouvent leur place au...",
        "Cyclisme : la course des Flandres passera par le centre",
        "Le peloton traversera la ville le 4 avril, et la circulation sera… coupée...",
    )
    headline = "Le vieux pont du port sera reconstruit d'ici trois ans"
    article = cleaned(*teasers, headline, *ARTICLE_FR)
    assert kept(article) == [headline, *ARTICLE_FR]
    assert {removed_by(article)[text] for text in teasers[1:]} == {removed_by(article)[teasers[0]]}


def test_title_and_prose_pairs_under_a_related_header_need_a_cut_off_excerpt() -> None:
    """A subheading and a paragraph ending with a point under a related header are not a pair."""
    rest = (
        "Le chantier du pont en chiffres",
        "Quarante millions d'euros, trois ans de travaux et deux navettes par heure en attendant.",
    )
    article = cleaned(ARTICLE_FR[0], "Lire aussi", *rest, ARTICLE_FR[1])
    assert rest[1] in kept(article)


def test_excerpts_cut_off_with_two_dots_and_an_unfinished_last_item_go() -> None:
    """Lines cut off with ".." or "….." run to the end, where the copy cut the last one short."""
    excerpts = (
        "Minister kondigt nieuwe maatregelen aan tegen overvallen op…..",
        "Bewoners van de kade klagen over lawaai van de nachtelijke werkzaamhe…..",
        "Regering gaat het busvervoer evalueren; te weinig informatie..",
        "Politie houdt twee verdachten aan na inbraak in de winkelstra…..",
        "Burgemeester waarschuwt automobilisten: “Nie",
    )
    article = cleaned(*ARTICLE_NL, *excerpts)
    assert kept(article) == list(ARTICLE_NL)
    assert {removed_by(article)[text] for text in excerpts} == {"related/cut-off-excerpts"}


def test_an_article_whose_last_line_is_unfinished_keeps_it() -> None:
    """Without a run of cut-off lines before it, an unfinished last line is the article's."""
    last = "Volgens de wethouder moet de eerste rijstrook voor het einde van volgend jaar open"
    article = cleaned(*ARTICLE_NL, last)
    assert kept(article) == [*ARTICLE_NL, last]


def test_an_inline_read_also_does_not_take_the_article_after_its_title() -> None:
    rest = (
        "Selon le maire, les premiers bateaux électriques arriveront l'été prochain et "
        "remplaceront peu à peu les navettes diesel qui traversent la baie aujourd'hui.",
        "Les travaux du pont",
        "Les riverains pourront suivre le chantier depuis un belvédère installé sur le quai.",
    )
    article = cleaned(
        ARTICLE_FR[0], "Lire aussi :", "Le port accueillera des navettes électriques", *rest
    )
    assert kept(article) == [ARTICLE_FR[0], *rest]


def test_separator_lines_and_image_file_names_go_and_a_table_rule_row_stays() -> None:
    article = cleaned(ARTICLE_EN[0], "***", "1.jpg", ARTICLE_EN[1], "|", "-" * 40, ARTICLE_EN[2])
    assert kept(article) == list(ARTICLE_EN)
    assert removed_by(article) == {
        "***": "nav/separator-line",
        "1.jpg": "nav/image-file",
        "|": "nav/separator-line",
        "-" * 40: "nav/separator-line",
    }
    table = ("| Année | Passagers |", "|---|---|", "| 2023 | 120 000 |")
    assert kept(cleaned(ARTICLE_FR[0], *table, ARTICLE_FR[1])) == [
        ARTICLE_FR[0],
        *table,
        ARTICLE_FR[1],
    ]


def test_a_separator_at_the_end_of_a_sentence_stays_with_it() -> None:
    line = "Il a conclu ainsi... ***"
    assert kept(cleaned(*ARTICLE_FR, line)) == [*ARTICLE_FR, line]


def test_one_paragraph_after_an_inline_read_also_stays_though_boilerplate_follows_it() -> None:
    opening = (
        "Il consiglio comunale ha votato martedì la ricostruzione del vecchio ponte del porto, "
        "chiuso da quando una tempesta ne ha danneggiato i piloni due inverni fa, per una spesa "
        "di circa quaranta milioni di euro, e i lavori cominceranno in primavera.",
        "Gli ingegneri prevedono tre anni di cantiere, durante i quali i traghetti porteranno i "
        "pendolari da una parte all'altra della baia due volte all'ora invece di una.",
    )
    closing = (
        "Tornando al ponte, il sindaco ha detto che la prima corsia riaprirà entro la fine del "
        "prossimo anno e che il pedaggio resterà escluso."
    )
    article = cleaned(
        *opening,
        "Leggi anche",
        "Il porto avrà presto dei battelli elettrici",
        closing,
        "Lascia un commento",
        "marco1982",
        "Devi essere connesso per inviare un commento.",
    )
    assert kept(article) == [*opening, closing]
