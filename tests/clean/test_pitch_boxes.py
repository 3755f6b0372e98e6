"""A sign-up or offer box of several sentences goes in every language: its lead ("Enjoyed this
article?", "straight to your inbox") and its terms ("unsubscribe at any time", "no commitment")
go on with the sentence that asks."""

from __future__ import annotations

import pytest
from test_consent_notices import ARTICLES

from lire import read_text

BOXES = {
    "en": [
        (
            "Get the best of our journalism in your inbox. Sign up for our free daily "
            "newsletter. You can unsubscribe at any time and we will never share your "
            "address."
        ),
        (
            "Enjoyed this article? Subscribe today for unlimited access to all our stories. "
            "Cancel anytime. Your first month is free."
        ),
    ],
    "fr": [
        (
            "Recevez chaque matin l'essentiel de l'actualité. Inscrivez-vous à notre "
            "newsletter gratuite. Vous pouvez vous désinscrire à tout moment."
        ),
        (
            "Cet article vous a plu ? Abonnez-vous pour lire la suite et accéder à tous nos "
            "contenus. Sans engagement, résiliable à tout moment."
        ),
    ],
    "de": [
        (
            "Die wichtigsten Nachrichten des Tages direkt in Ihr Postfach. Melden Sie sich "
            "jetzt für unseren kostenlosen Newsletter an. Die Abmeldung ist jederzeit "
            "möglich."
        ),
        (
            "Lesen Sie jetzt weiter mit unserem Digital-Abo. Alle Artikel, alle Hintergründe,"
            " jederzeit kündbar. Der erste Monat ist kostenlos."
        ),
    ],
    "es": [
        (
            "Recibe cada mañana lo más importante de la actualidad. Suscríbete a nuestro "
            "boletín gratuito. Puedes darte de baja en cualquier momento."
        ),
        (
            "¿Te ha gustado este artículo? Suscríbete para seguir leyendo y acceder a todos "
            "nuestros contenidos. Cancela cuando quieras."
        ),
    ],
    "it": [
        (
            "Ricevi ogni mattina le notizie più importanti. Iscriviti alla nostra newsletter "
            "gratuita. Puoi annullare l'iscrizione in qualsiasi momento."
        ),
        (
            "Ti è piaciuto questo articolo? Abbonati per continuare a leggere e accedere a "
            "tutti i contenuti. Disdici quando vuoi."
        ),
    ],
    "pt": [
        (
            "Receba todas as manhãs as notícias mais importantes. Subscreva a nossa "
            "newsletter gratuita. Pode cancelar a subscrição a qualquer momento."
        ),
        (
            "Gostou deste artigo? Assine para continuar a ler e aceder a todos os conteúdos. "
            "Cancele quando quiser."
        ),
    ],
    "nl": [
        (
            "Ontvang elke ochtend het belangrijkste nieuws in je mailbox. Schrijf je in voor "
            "onze gratis nieuwsbrief. Je kunt je op elk moment afmelden."
        ),
        (
            "Vond je dit artikel interessant? Neem een abonnement om verder te lezen en "
            "toegang te krijgen tot al onze artikelen. Maandelijks opzegbaar."
        ),
    ],
}
# The same words in an article's own sentences: reported, not addressed to the reader.
REPORTS = {
    "en": "The company said readers could cancel at any time, but few of them ever did so.",
    "de": "Die Abmeldung ist laut Verbraucherzentrale jederzeit möglich, sagte die Sprecherin.",
    "es": "Según la empresa, los clientes pueden darse de baja en cualquier momento del año.",
}
# Boxes whose lead sentence reads as running text: the rules cut the box from its ask on.
# ("Recibe cada mañana..." is also how an article says "she receives every morning"; Italian's
# "Ricevi ogni mattina..." speaks to the reader only, and goes with its box.)
LEADS = {"es": 0}


@pytest.mark.parametrize(
    ("lang", "box"), [(lang, box) for lang, boxes in sorted(BOXES.items()) for box in boxes]
)
def test_a_pitch_box_of_several_sentences_goes(lang: str, box: str) -> None:
    first, second = ARTICLES[lang].split("\n\n")
    reading = read_text(f"{first}\n\n{second}\n\n{box}")
    left = reading.article.blocks[2:]
    if lang in LEADS and box == BOXES[lang][LEADS[lang]]:
        assert [block.text for block in left] == [box.split(". ")[0] + "."]
    else:
        assert left == (), left
    assert reading.article.removed


@pytest.mark.parametrize("lang", sorted(REPORTS))
def test_an_article_that_reports_those_terms_keeps_the_sentence(lang: str) -> None:
    first, second = ARTICLES[lang].split("\n\n")
    reading = read_text(f"{first}\n\n{REPORTS[lang]}\n\n{second}")
    assert REPORTS[lang] in reading.article.text
