"""A cookie notice of several sentences goes whole in every language: its first sentence names
the cookies, the others (what clicking does, how to change one's choice) only go on with it."""

from __future__ import annotations

import pytest

from lire import Reading, read_text

ARTICLES = {
    "en": (
        "The council approved the new harbour plan on Tuesday after a long debate about the "
        "costs and the future of the fishing fleet.\n\n"
        "The mayor said the works would start in spring and last two years, with the quay "
        "closed in stages so that the boats can still land their catch."
    ),
    "fr": (
        "Le conseil municipal a approuvé mardi le nouveau plan du port après un long débat sur "
        "les coûts et l'avenir de la flotte de pêche.\n\n"
        "Le maire a indiqué que les travaux commenceraient au printemps et dureraient deux ans, "
        "avec une fermeture du quai par étapes pour que les bateaux puissent débarquer."
    ),
    "de": (
        "Der Stadtrat hat am Dienstag den neuen Hafenplan beschlossen, nach einer langen "
        "Debatte über die Kosten und die Zukunft der Fischereiflotte.\n\n"
        "Der Bürgermeister sagte, die Arbeiten würden im Frühjahr beginnen und zwei Jahre "
        "dauern, der Kai werde schrittweise gesperrt, damit die Boote weiter anlegen können."
    ),
    "es": (
        "El ayuntamiento aprobó el martes el nuevo plan del puerto tras un largo debate sobre "
        "los costes y el futuro de la flota pesquera.\n\n"
        "El alcalde dijo que las obras empezarían en primavera y durarían dos años, con el "
        "muelle cerrado por fases para que los barcos puedan seguir descargando."
    ),
    "it": (
        "Il consiglio comunale ha approvato martedì il nuovo piano del porto dopo un lungo "
        "dibattito sui costi e sul futuro della flotta peschereccia.\n\n"
        "Il sindaco ha detto che i lavori inizieranno in primavera e dureranno due anni, con la "
        "banchina chiusa a tappe perché le barche possano continuare a sbarcare il pescato."
    ),
    "pt": (
        "A câmara municipal aprovou na terça-feira o novo plano do porto, depois de um longo "
        "debate sobre os custos e o futuro da frota pesqueira.\n\n"
        "O presidente da câmara disse que as obras começariam na primavera e durariam dois "
        "anos, com o cais fechado por fases para que os barcos possam continuar a descarregar."
    ),
    "nl": (
        "De gemeenteraad heeft dinsdag het nieuwe havenplan goedgekeurd, na een lang debat "
        "over de kosten en de toekomst van de vissersvloot.\n\n"
        "De burgemeester zei dat de werken in het voorjaar beginnen en twee jaar duren, met de "
        "kade in fasen gesloten zodat de boten hun vangst kunnen blijven lossen."
    ),
}
NOTICES = {
    "en": (
        "We use cookies to improve your experience and to measure our audience. By clicking "
        "Accept, you consent to the use of these technologies by us and our many partners. "
        "You can change your preferences at any time from the link at the bottom of the page."
    ),
    "fr": (
        "Nous utilisons des cookies pour améliorer votre expérience et mesurer l'audience. En "
        "cliquant sur « Tout accepter », vous consentez à l'utilisation de ces cookies. Vous "
        "pouvez modifier vos choix à tout moment depuis le lien en bas de page."
    ),
    "de": (
        "Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten und die Nutzung zu "
        "messen. Durch Klicken auf „Alle akzeptieren“ willigen Sie in die Verwendung ein. Sie "
        "können Ihre Einwilligung jederzeit über den Link am Ende der Seite widerrufen."
    ),
    "es": (
        "Utilizamos cookies para mejorar su experiencia y medir la audiencia del sitio. Al hacer "
        "clic en «Aceptar» usted da su permiso para todas estas tecnologías de medición. Puede "
        "cambiar su configuración en cualquier momento desde el enlace al pie de la página."
    ),
    "it": (
        "Utilizziamo i cookie per migliorare la tua esperienza e misurare il pubblico del sito. "
        "Cliccando su «Accetta» dai il permesso a tutte queste tecnologie di misura. Puoi "
        "modificare le tue preferenze in qualsiasi momento dal link in fondo alla pagina."
    ),
    "pt": (
        "Utilizamos cookies para melhorar a sua experiência e medir a audiência do site. Ao "
        "clicar em «Aceitar», dá permissão a todas estas tecnologias de medição. Pode alterar "
        "as suas preferências a qualquer momento a partir da ligação no fundo da página."
    ),
    "nl": (
        "Wij gebruiken cookies om je ervaring te verbeteren en het bereik van de site te meten. "
        "Door op „Accepteren” te klikken geef je toestemming voor al deze meettechnieken. Je "
        "kunt je voorkeuren op elk moment wijzigen via de link onderaan de pagina."
    ),
}
# The same subjects in an article's own words: reported, not addressed to the reader.
REPORTS = {
    "en": "The regulator said users can change their preferences at any time, and the site agreed.",
    "fr": "Selon la Cnil, les internautes peuvent modifier leurs choix à tout moment sur ces sites",
    "de": "Laut der Behörde können Nutzer ihre Einwilligung jederzeit widerrufen, so die Richter.",
}


def read_after(lang: str, notice: str) -> Reading:
    """The article of ``lang`` read with ``notice`` pasted after it."""
    return read_text(f"{ARTICLES[lang]}\n\n{notice}")


def read_inside(lang: str, sentence: str) -> Reading:
    """The article of ``lang`` read with ``sentence`` pasted between its two paragraphs."""
    first, second = ARTICLES[lang].split("\n\n")
    return read_text(f"{first}\n\n{sentence}\n\n{second}")


@pytest.mark.parametrize("lang", sorted(NOTICES))
def test_a_cookie_notice_of_several_sentences_goes_whole(lang: str) -> None:
    reading = read_after(lang, NOTICES[lang])
    removed = reading.article.removed
    assert removed and removed[0].rule.startswith("consent/"), removed
    assert reading.article.text == ARTICLES[lang]


@pytest.mark.parametrize("lang", sorted(REPORTS))
def test_an_article_that_reports_on_cookie_choices_keeps_the_sentence(lang: str) -> None:
    assert REPORTS[lang] in read_inside(lang, REPORTS[lang]).article.text


# A WordPress cookie plugin's notice, the same words on thousands of sites and in their
# languages: its second sentence says where the cookies are kept.
PLUGIN_NOTICES = {
    "en": (
        "This website uses cookies so that we can provide you with the best user experience "
        "possible. Cookie information is stored in your browser and performs functions such as "
        "recognising you when you return to our website."
    ),
    "es": (
        "Esta web utiliza cookies para que podamos ofrecerte la mejor experiencia de usuario "
        "posible. La información de las cookies se almacena en tu navegador y realiza funciones "
        "tales como reconocerte cuando vuelves a nuestra web."
    ),
    "de": (
        "Damit wir Ihnen ein optimales Erlebnis bieten können, verwendet diese Seite Cookies. "
        "Cookie-Informationen werden in Ihrem Browser gespeichert und erkennen Sie wieder, wenn "
        "Sie auf unsere Website zurückkehren."
    ),
}


# A consent dialog of the ad industry's framework, pasted with the article: its heading and its
# purposes, the same words on every site that uses it, in each language's official wording.
FRAMEWORK_DIALOGS = {
    "en": (
        "We value your privacy",
        "Store and/or access information on a device",
        "Personalised advertising and content, advertising and content measurement, audience "
        "research and services development",
        "List of Partners (vendors)",
    ),
    "fr": (
        "Nous nous soucions de votre vie privée",
        "Stocker et/ou accéder à des informations sur un appareil",
        "Utiliser des données de géolocalisation précises",
        "Liste des partenaires (fournisseurs)",
    ),
    "de": (
        "Ihre Privatsphäre ist uns wichtig",
        "Informationen auf einem Gerät speichern und/oder abrufen",
        "Gerätemerkmale zur Identifikation aktiv abfragen",
        "Liste der Partner (Anbieter)",
    ),
    "es": (
        "Valoramos tu privacidad",
        "Almacenar la información en un dispositivo y/o acceder a ella",
        "Analizar activamente las características del dispositivo para su identificación",
        "Lista de socios (proveedores)",
    ),
    "it": (
        "Rispettiamo la tua privacy",
        "Archiviare e/o accedere a informazioni su un dispositivo",
        "Utilizzare dati di geolocalizzazione precisi",
        "Elenco dei partner (fornitori)",
    ),
    "pt": (
        "Valorizamos a sua privacidade",
        "Armazenar e/ou aceder a informações num dispositivo",
        "Anúncios e conteúdos personalizados, medição de anúncios e conteúdos, perceções do "
        "público e desenvolvimento de produtos",
        "Lista de parceiros (fornecedores)",
    ),
    "nl": (
        "Wij hechten waarde aan je privacy",
        "Informatie op een apparaat opslaan en/of openen",
        "Precieze geolocatiegegevens gebruiken",
        "Lijst met partners (leveranciers)",
    ),
}
# An article that quotes a purpose inside its own sentence keeps the sentence.
FRAMEWORK_REPORTS = {
    "en": "The regulator said the purpose to store and/or access information on a device "
    "was shown to readers without any real choice.",
    "fr": "Selon la CNIL, la finalité « stocker et/ou accéder à des informations sur un "
    "appareil » était présentée sans véritable choix.",
    "de": "Die Behörde bemängelte, dass der Zweck, Informationen auf einem Gerät speichern "
    "und/oder abrufen zu dürfen, ohne echte Wahl angezeigt wurde.",
}


@pytest.mark.parametrize("lang", sorted(FRAMEWORK_DIALOGS))
def test_a_consent_frameworks_dialog_goes_line_by_line(lang: str) -> None:
    reading = read_after(lang, "\n\n".join(FRAMEWORK_DIALOGS[lang]))
    assert reading.article.text == ARTICLES[lang]
    assert {removal.rule for removal in reading.article.removed} == {"consent/tcf-purposes"}


@pytest.mark.parametrize("lang", sorted(FRAMEWORK_REPORTS))
def test_an_article_that_quotes_a_consent_purpose_keeps_the_sentence(lang: str) -> None:
    assert FRAMEWORK_REPORTS[lang] in read_inside(lang, FRAMEWORK_REPORTS[lang]).article.text


# The same notices in the other words sites use: "benutzt Cookies", "maakt gebruik van
# cookies", "fa uso di cookie", "Este website utiliza cookies", "des témoins" (Quebec), and a
# cookie plugin's "necessary cookies are absolutely essential".
OTHER_WORDINGS = {
    "en": "Necessary cookies are absolutely essential for the website to function properly.",
    "fr": "Ce site utilise des témoins pour améliorer votre expérience de navigation.",
    "de": "Diese Website benutzt Cookies. Wenn du die Website weiter nutzt, gehen wir von "
    "deinem Einverständnis aus.",
    "es": "Las cookies necesarias son absolutamente esenciales para que el sitio web funcione "
    "correctamente.",
    "it": "Questo sito fa uso di cookie per migliorare l'esperienza di navigazione degli utenti.",
    "pt": "Este website utiliza cookies para melhorar a sua experiência.",
    "nl": "Deze website maakt gebruik van cookies om de website goed te laten werken.",
}


@pytest.mark.parametrize(
    ("lang", "notice"),
    [*PLUGIN_NOTICES.items(), *OTHER_WORDINGS.items()],
    ids=[*(f"plugin-{lang}" for lang in PLUGIN_NOTICES), *OTHER_WORDINGS],
)
def test_a_cookie_plugins_notice_or_another_wording_goes_whole(lang: str, notice: str) -> None:
    reading = read_after(lang, notice)
    assert reading.article.text == ARTICLES[lang]
    assert reading.article.removed[0].rule.startswith("consent/")
