"""The block cleaner: every category of boilerplate in every language goes, articles stay.

The tables below are the behaviour: each ``PITCHES`` row is a block planted after a short
article, which the cleaner must remove under a rule of that category; each ``MENTIONS`` row is
an article paragraph that only *talks about* the topic, which must survive untouched.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lire.clean import clean as clean_stage
from lire.clean import restore_removals
from lire.clean.rules import RuleSet, load_rules
from lire.model import Article, Block, BlockKind, Link, Removal, site_key
from lire.pipeline import read_html
from lire.store import SiteMemoryStore
from lire.text.language import detect_language

# Two article paragraphs per language: the context every planted block is read in.
ARTICLE = {
    "en": (
        "The city council voted on Tuesday to rebuild the old harbour bridge, closed since a "
        "storm damaged its pillars two winters ago, at a cost of about 40 million dollars.",
        "Engineers expect the work to start in the spring and to last three years, during which "
        "ferries will carry commuters across the bay twice an hour instead of once.",
    ),
    "fr": (
        "Le conseil municipal a voté mardi la reconstruction du vieux pont du port, fermé "
        "depuis qu'une tempête a endommagé ses piles il y a deux hivers, pour 40 millions d'euros.",
        "Les ingénieurs prévoient de commencer les travaux au printemps pour trois ans, pendant "
        "lesquels des navettes traverseront la baie deux fois par heure au lieu d'une.",
    ),
    "de": (
        "Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke neu zu bauen, die seit "
        "einem Sturm vor zwei Wintern gesperrt ist, für rund 40 Millionen Euro.",
        "Die Ingenieure rechnen mit einem Baubeginn im Frühjahr und drei Jahren Bauzeit, in denen "
        "Fähren die Pendler zweimal statt einmal pro Stunde über die Bucht bringen.",
    ),
    "es": (
        "El pleno municipal aprobó el martes reconstruir el viejo puente del puerto, cerrado "
        "desde que un temporal dañó sus pilares hace dos inviernos, por unos 40 millones de euros.",
        "Los ingenieros prevén empezar las obras en primavera y terminarlas en tres años, durante "
        "los cuales los ferris cruzarán la bahía dos veces por hora en lugar de una.",
    ),
    "it": (
        "Il consiglio comunale ha approvato martedì la ricostruzione del vecchio ponte del porto, "
        "chiuso da quando una tempesta ne ha danneggiato i piloni due inverni fa, per 40 milioni.",
        "Gli ingegneri prevedono di iniziare i lavori in primavera e di finirli in tre anni, "
        "durante i quali i traghetti attraverseranno la baia due volte l'ora invece di una.",
    ),
    "pt": (
        "A câmara municipal aprovou na terça-feira a reconstrução da velha ponte do porto, "
        "fechada desde que uma tempestade danificou os pilares há dois invernos, por 40 milhões.",
        "Os engenheiros preveem começar as obras na primavera e terminá-las em três anos, durante "
        "os quais os barcos vão atravessar a baía duas vezes por hora em vez de uma.",
    ),
    "nl": (
        "De gemeenteraad heeft dinsdag besloten de oude havenbrug te herbouwen, die dicht is sinds "
        "een storm twee winters geleden de pijlers beschadigde, voor ongeveer 40 miljoen euro.",
        "De ingenieurs verwachten in het voorjaar te beginnen en drie jaar bezig te zijn, waarin "
        "veerboten forenzen twee keer per uur in plaats van één keer over de baai brengen.",
    ),
}

# (language, category, a block of that category) planted at the tail of the article.
PITCHES = [
    ("en", "subscription", "Subscribe now for unlimited access. Cancel anytime."),
    ("en", "paywall", "This article is reserved for subscribers."),
    ("en", "meter", "You have read 3 of your 5 free articles this month."),
    ("en", "login", "Already a subscriber? Log in"),
    ("en", "newsletter", "Sign up for our daily newsletter, delivered straight to your inbox."),
    ("en", "donation", "If you value our journalism, please consider supporting us today."),
    ("en", "follow", "Follow us on Google News to get our latest stories."),
    ("en", "related", "Read more: Harbour ferries to run all night this summer"),
    ("en", "share", "Share this article"),
    ("en", "comment", "Leave a comment"),
    ("en", "consent", "We use cookies to personalise content and analyse our traffic."),
    ("en", "app", "Download our app to read on the go."),
    ("en", "ad", "Advertisement"),
    ("en", "credit", "Photo: John Smith / Reuters"),
    ("en", "author", "Jane Doe is a senior reporter at the Herald covering transport."),
    ("en", "tags", "Tags: bridges, harbour, city council"),
    ("fr", "subscription", "Abonnez-vous pour lire sans limite, sans engagement."),
    ("fr", "paywall", "La suite de cet article est réservée aux abonnés."),
    ("fr", "meter", "Vous avez lu 3 articles sur notre site ce mois-ci."),
    ("fr", "login", "Déjà abonné ? Connectez-vous"),
    ("fr", "newsletter", "Inscrivez-vous à notre newsletter pour recevoir l'essentiel de l'actu."),
    ("fr", "donation", "Voici trois bonnes raisons de soutenir notre travail :"),
    ("fr", "follow", "Suivez-nous sur Google Actualités pour ne rien manquer."),
    ("fr", "related", "À lire aussi : Le port va accueillir des navettes électriques"),
    ("fr", "share", "Partager cet article"),
    ("fr", "comment", "Laisser un commentaire"),
    ("fr", "consent", "Nous utilisons des cookies pour améliorer votre expérience."),
    ("fr", "app", "Téléchargez l'application pour lire hors ligne."),
    ("fr", "ad", "Publicité"),
    ("fr", "credit", "Crédit photo : AFP"),
    ("fr", "author", "Marie Dupont est journaliste au service économie du journal."),
    ("fr", "tags", "Mots-clés : ponts, port, conseil municipal"),
    ("de", "subscription", "Jetzt abonnieren: 4 Wochen für 0,99 €, jederzeit kündbar."),
    ("de", "paywall", "Dieser Artikel ist nur für Abonnenten verfügbar."),
    ("de", "meter", "Sie haben bereits 3 von 5 kostenlosen Artikeln in diesem Monat gelesen."),
    ("de", "login", "Sie sind bereits Abonnent? Hier anmelden."),
    ("de", "newsletter", "Jetzt für den Newsletter anmelden und nichts verpassen."),
    ("de", "donation", "Unterstützen Sie unseren unabhängigen Journalismus mit einem Beitrag."),
    ("de", "follow", "Folgen Sie uns auf WhatsApp für die wichtigsten Nachrichten."),
    ("de", "related", "Mehr zum Thema: Fähren fahren im Sommer auch nachts"),
    ("de", "share", "Artikel teilen"),
    ("de", "comment", "Kommentar schreiben"),
    ("de", "consent", "Wir verwenden Cookies, um Inhalte zu personalisieren."),
    ("de", "app", "Laden Sie jetzt unsere App herunter."),
    ("de", "ad", "Anzeige"),
    ("de", "credit", "Foto: dpa"),
    ("de", "author", "Max Mustermann ist Redakteur im Ressort Wirtschaft."),
    ("de", "tags", "Schlagwörter: Brücken, Hafen, Stadtrat"),
    ("es", "subscription", "Suscríbete por 1 € el primer mes."),
    ("es", "paywall", "Este contenido es exclusivo para suscriptores."),
    ("es", "meter", "Has leído 3 de tus 5 artículos gratuitos este mes."),
    ("es", "login", "¿Ya eres suscriptor? Inicia sesión"),
    ("es", "newsletter", "Apúntate a nuestro boletín y recibe las noticias cada mañana."),
    ("es", "donation", "Apoya el periodismo independiente con una aportación."),
    ("es", "follow", "Síguenos en Google News para no perderte nada."),
    ("es", "related", "Lee también: Los ferris funcionarán toda la noche en verano"),
    ("es", "share", "Compartir en redes"),
    ("es", "comment", "Deja un comentario"),
    ("es", "consent", "Utilizamos cookies propias y de terceros para mejorar tu experiencia."),
    ("es", "app", "Descarga la app para leer sin conexión."),
    ("es", "ad", "Publicidad"),
    ("es", "credit", "Foto: EFE"),
    ("es", "author", "Ana García es periodista de la sección de economía."),
    ("es", "tags", "Etiquetas: puentes, puerto, ayuntamiento"),
    ("it", "subscription", "Abbonati ora a 1 € al mese per il primo anno."),
    ("it", "paywall", "Il resto dell'articolo è riservato agli abbonati."),
    ("it", "meter", "Hai letto 3 dei 5 articoli gratuiti di questo mese."),
    ("it", "login", "Sei già abbonato? Accedi"),
    ("it", "newsletter", "Iscriviti alla nostra newsletter per ricevere le notizie del giorno."),
    ("it", "donation", "Sostieni il nostro giornalismo con un contributo."),
    ("it", "follow", "Seguici su Google News per restare aggiornato."),
    ("it", "related", "Leggi anche: I traghetti viaggeranno tutta la notte in estate"),
    ("it", "share", "Condividi su Facebook"),
    ("it", "comment", "Lascia un commento"),
    ("it", "consent", "Questo sito utilizza cookie tecnici e di profilazione."),
    ("it", "app", "Scarica l'app per leggere offline."),
    ("it", "ad", "Pubblicità"),
    ("it", "credit", "Foto: Ansa"),
    ("it", "author", "Mario Rossi è giornalista della redazione economia."),
    ("it", "tags", "Argomenti: ponti, porto, consiglio comunale"),
    ("pt", "subscription", "Assine já por 1 € no primeiro mês."),
    ("pt", "paywall", "Este conteúdo é exclusivo para assinantes."),
    ("pt", "meter", "Você já leu 3 de 5 matérias gratuitas este mês."),
    ("pt", "login", "Já é assinante? Entrar"),
    ("pt", "newsletter", "Inscreva-se na nossa newsletter e receba as notícias do dia."),
    ("pt", "donation", "Apoie o jornalismo independente com uma contribuição."),
    ("pt", "follow", "Siga-nos no WhatsApp e receba as principais notícias."),
    ("pt", "related", "Leia também: Barcos vão circular toda a noite no verão"),
    ("pt", "share", "Compartilhe esta notícia"),
    ("pt", "comment", "Deixe um comentário"),
    ("pt", "consent", "Utilizamos cookies para melhorar a sua experiência."),
    ("pt", "app", "Baixe o nosso aplicativo para ler offline."),
    ("pt", "ad", "Publicidade"),
    ("pt", "credit", "Foto: Lusa"),
    ("pt", "author", "João Silva é jornalista da secção de economia."),
    ("pt", "tags", "Temas: pontes, porto, câmara municipal"),
    ("nl", "subscription", "Word abonnee en lees onbeperkt voor € 1 per maand."),
    ("nl", "paywall", "Dit artikel is alleen voor abonnees."),
    ("nl", "meter", "Je hebt 3 van de 5 gratis artikelen gelezen deze maand."),
    ("nl", "login", "Al abonnee? Log in"),
    ("nl", "newsletter", "Schrijf je in voor onze nieuwsbrief en mis niets."),
    ("nl", "donation", "Steun onafhankelijke journalistiek met een bijdrage."),
    ("nl", "follow", "Volg ons op WhatsApp voor het laatste nieuws."),
    ("nl", "related", "Lees ook: Veerboten varen deze zomer de hele nacht"),
    ("nl", "share", "Deel dit artikel"),
    ("nl", "comment", "Plaats een reactie"),
    ("nl", "consent", "Wij gebruiken cookies om de website te verbeteren."),
    ("nl", "app", "Download onze app om offline te lezen."),
    ("nl", "ad", "Advertentie"),
    ("nl", "credit", "Foto: ANP"),
    ("nl", "author", "Jan de Vries is verslaggever bij de economieredactie."),
    ("nl", "tags", "Onderwerpen: bruggen, haven, gemeenteraad"),
]

# An article paragraph per language and category that only *mentions* the topic: always kept.
# One row is "<lang> <category>" then the paragraph on indented lines.
MENTIONS_TABLE = """
en subscription
    Netflix said subscribers who pay for the basic plan will see the price rise to $9.99 a
    month, the third increase in two years.
en paywall
    Many newspapers now put their investigations behind a paywall, while breaking news and
    short items remain free to read for everyone.
en meter
    Publishers that count how many free articles a visitor has read found that a limit of five
    stories a month converted best.
en login
    Users complained that they had to log in again after the update, and the company promised
    a fix within the week.
en newsletter
    Her weekly newsletter about local politics now has 40,000 readers, and about a tenth of
    them pay five dollars a month for it.
en donation
    The hospital said donations from local residents paid for half of the new wing, and that
    fundraising will continue next year.
en follow
    The minister announced the decision on X and in a WhatsApp message to party members before
    any press release was sent.
en related
    Officials said related projects, including a new tram line and wider pavements, would be
    decided after the bridge opens.
en share
    Shares in the construction company rose 4 percent after it won the contract, its largest
    since the tunnel was finished.
en comment
    The mayor declined to comment on the cost overrun, but a spokesman said the budget had
    been approved by the council.
en consent
    The regulator fined the retailer for setting cookies before visitors gave their consent, a
    practice banned under European rules.
en app
    The transit app will show ferry times in real time, and the operator said it had been
    downloaded 20,000 times already.
en ad
    The advertising campaign for the new ferries cost 300,000 dollars and ran on buses and at
    stations for six weeks.
en credit
    Credit unions in the region said they would offer cheaper loans to the small businesses
    hurt by the bridge closure.
en author
    The author of the report, a former port engineer, is a reporter's dream: she keeps every
    memo and remembers every meeting.
en tags
    Price tags on new housing near the harbour have doubled since the bridge closed, according
    to local estate agents.
fr subscription
    Le nombre d'abonnés à l'offre sans publicité a doublé en un an, selon la plateforme, qui
    facture désormais 9,99 euros par mois.
fr paywall
    Un bandeau « Cet article est réservé aux abonnés » remplace alors la suite du texte,
    souvent accompagné d'une offre d'essai.
fr meter
    D'autres sites affichent un compteur du type « Vous avez lu 3 articles ce mois-ci » pour
    créer un sentiment d'urgence chez le lecteur.
fr login
    Les usagers ont dû se connecter à nouveau après la mise à jour, et l'opérateur a promis
    une correction dans la semaine.
fr newsletter
    Sa newsletter hebdomadaire sur la politique locale compte désormais 40 000 lecteurs, dont
    un dixième paie cinq euros par mois.
fr donation
    Le classique « Soutenez-nous » cède la place à des messages plus explicites sur ce que
    financent les dons des lecteurs.
fr follow
    Le ministre a annoncé sa décision sur X et dans un message WhatsApp aux militants, avant
    même le communiqué officiel.
fr related
    Les projets liés au pont, dont une ligne de tramway, seront tranchés après sa réouverture,
    a précisé la mairie.
fr share
    Le partage des coûts entre la ville et la région a fait l'objet de longues négociations
    pendant tout l'été dernier.
fr comment
    Le maire n'a pas souhaité commenter le dépassement du budget, mais son cabinet assure que
    le conseil l'avait approuvé.
fr consent
    La CNIL a sanctionné le site pour avoir déposé des cookies avant le consentement des
    visiteurs, une pratique interdite.
fr app
    L'application de transport affichera les horaires des navettes en temps réel et a déjà été
    téléchargée 20 000 fois.
fr ad
    La campagne de publicité pour les navettes a coûté 300 000 euros et a été affichée dans
    les bus pendant six semaines.
fr credit
    Les banques de la région proposeront des crédits à taux réduit aux commerçants touchés par
    la fermeture du pont.
fr author
    L'auteur du rapport, un ancien ingénieur du port, a conservé chaque note et se souvient de
    chaque réunion de chantier.
fr tags
    Les étiquettes énergétiques des logements proches du port se sont améliorées depuis la
    rénovation du quartier.
de subscription
    Das günstigste Digital-Abo kostet 12,90 Euro im Monat, und die Zahl der Abonnenten ist im
    vergangenen Jahr um ein Fünftel gestiegen.
de paywall
    Viele Zeitungen stellen ihre Recherchen inzwischen hinter eine Bezahlschranke, während
    Kurzmeldungen für alle frei bleiben.
de meter
    Verlage, die zählen, wie viele Artikel ein Besucher gelesen hat, setzen die Grenze meist
    bei fünf Texten im Monat.
de login
    Nach dem Update mussten sich viele Nutzer erneut anmelden, der Anbieter versprach eine
    Lösung innerhalb einer Woche.
de newsletter
    Ihr wöchentlicher Newsletter zur Lokalpolitik hat inzwischen 40.000 Leser, ein Zehntel
    davon zahlt fünf Euro im Monat.
de donation
    Ein Knopf mit der Aufschrift „Jetzt abonnieren“ schnitt schlechter ab als der Satz
    „Unterstützen Sie uns“, sagt die Studie.
de follow
    Der Minister verkündete die Entscheidung auf X und in einer WhatsApp-Nachricht an die
    Parteimitglieder, noch vor der Pressemitteilung.
de related
    Weitere Projekte rund um die Brücke, darunter eine neue Straßenbahnlinie, sollen erst nach
    der Eröffnung entschieden werden.
de share
    Der Anteil der Stadt an den Kosten war monatelang umstritten, bevor sich Stadt und Land im
    Sommer einigten.
de comment
    Der Bürgermeister wollte die Mehrkosten nicht kommentieren, ein Sprecher verwies aber auf
    den Beschluss des Stadtrats.
de consent
    Das Gericht entschied, dass Cookies erst nach einer ausdrücklichen Einwilligung der
    Besucher gesetzt werden dürfen.
de app
    Die Verkehrs-App zeigt die Fährzeiten künftig in Echtzeit an und wurde nach Angaben des
    Betreibers schon 20.000 Mal geladen.
de ad
    Die Werbekampagne für die neuen Fähren kostete 300.000 Euro und lief sechs Wochen lang in
    Bussen und an Haltestellen.
de credit
    Die Fotografin begleitete die Bauarbeiten zwei Jahre lang und zeigt ihre Bilder nun im
    Stadtmuseum am Hafen.
de author
    Der Autor des Berichts, ein früherer Hafeningenieur, hat jede Notiz aufbewahrt und
    erinnert sich an jede Sitzung.
de tags
    Die Themen der Bürgerversammlung reichten von den Kosten der Brücke bis zu den Fahrplänen
    der Fähren im Winter.
es subscription
    La plataforma asegura que sus suscriptores del plan básico pagarán 9,99 euros al mes, la
    tercera subida en dos años.
es paywall
    Los mensajes del tipo "Suscríbete para seguir leyendo" se han vuelto habituales para los
    lectores de la prensa digital española.
es meter
    Los editores que cuentan cuántos artículos gratuitos ha leído un visitante fijan el límite
    en cinco textos al mes.
es login
    Tras la actualización, muchos usuarios tuvieron que iniciar sesión de nuevo y la empresa
    prometió una solución en una semana.
es newsletter
    Su boletín semanal sobre política local tiene ya 40.000 lectores, y una décima parte paga
    cinco euros al mes.
es donation
    El hospital explicó que las donaciones de los vecinos pagaron la mitad del nuevo edificio
    y que la campaña seguirá.
es follow
    El ministro anunció la decisión en X y en un mensaje de WhatsApp a los militantes, antes
    del comunicado oficial.
es related
    Los proyectos relacionados con el puente, como una nueva línea de tranvía, se decidirán
    después de su apertura.
es share
    El reparto de los costes entre el ayuntamiento y la comunidad fue objeto de largas
    negociaciones durante el verano.
es comment
    El alcalde no quiso comentar el sobrecoste, pero su gabinete recordó que el pleno había
    aprobado el presupuesto.
es consent
    La agencia multó a la tienda por instalar cookies antes del consentimiento de los
    visitantes, algo prohibido por la ley.
es app
    La aplicación de transporte mostrará los horarios de los ferris en tiempo real y ya se ha
    descargado 20.000 veces.
es ad
    La campaña de publicidad de los nuevos ferris costó 300.000 euros y se mostró en autobuses
    y estaciones durante seis semanas.
es credit
    Los bancos de la región ofrecerán créditos baratos a los comercios afectados por el cierre
    del puente.
es author
    El autor del informe, un antiguo ingeniero del puerto, guardó cada nota y recuerda cada
    reunión de obra.
es tags
    Las etiquetas energéticas de las viviendas cercanas al puerto han mejorado desde la
    rehabilitación del barrio.
it subscription
    Gli abbonati a Netflix del piano base pagheranno 9,99 euro al mese, il terzo aumento in
    due anni, secondo la società.
it paywall
    Il messaggio "Abbonati per continuare" è ormai presente sotto quasi tutti gli articoli dei
    quotidiani italiani online.
it meter
    Gli editori che contano quanti articoli gratuiti ha letto un visitatore fissano il limite
    a cinque testi al mese.
it login
    Dopo l'aggiornamento molti utenti hanno dovuto accedere di nuovo e l'azienda ha promesso
    una soluzione entro una settimana.
it newsletter
    Il messaggio "Iscriviti alla newsletter" è ormai presente in fondo a quasi tutti gli
    articoli dei giornali locali.
it donation
    L'ospedale ha spiegato che le donazioni dei cittadini hanno pagato metà del nuovo
    padiglione e che la raccolta continuerà.
it follow
    Il ministro ha annunciato la decisione su X e in un messaggio WhatsApp ai militanti, prima
    del comunicato ufficiale.
it related
    I progetti legati al ponte, tra cui una nuova linea di tram, saranno decisi dopo la sua
    riapertura, ha detto il comune.
it share
    La ripartizione dei costi tra comune e regione è stata oggetto di lunghe trattative per
    tutta l'estate scorsa.
it comment
    Il sindaco non ha voluto commentare l'aumento dei costi, ma il suo staff ricorda che il
    consiglio aveva approvato il bilancio.
it consent
    Il Garante ha multato il negozio per aver installato cookie prima del consenso dei
    visitatori, una pratica vietata.
it app
    L'app dei trasporti mostrerà gli orari dei traghetti in tempo reale ed è già stata
    scaricata 20.000 volte.
it ad
    La campagna pubblicitaria per i nuovi traghetti è costata 300.000 euro ed è stata esposta
    su autobus e stazioni.
it credit
    Le banche della regione offriranno crediti agevolati ai negozi colpiti dalla chiusura del
    ponte sul porto.
it author
    L'autore del rapporto, un ex ingegnere del porto, ha conservato ogni nota e ricorda ogni
    riunione di cantiere.
it tags
    Le etichette energetiche delle case vicine al porto sono migliorate dopo la
    ristrutturazione del quartiere.
pt subscription
    A plataforma diz que os assinantes do plano básico vão pagar 9,99 euros por mês, o
    terceiro aumento em dois anos.
pt paywall
    Muitos jornais colocam as suas investigações atrás de um muro de pagamento, enquanto as
    notícias breves continuam gratuitas.
pt meter
    Os editores que contam quantos artigos gratuitos um visitante leu fixam o limite em cinco
    textos por mês.
pt login
    Depois da atualização, muitos utilizadores tiveram de iniciar sessão de novo e a empresa
    prometeu uma solução.
pt newsletter
    A sua newsletter semanal sobre política local já tem 40 mil leitores, e um décimo paga
    cinco euros por mês.
pt donation
    O hospital explicou que as doações dos moradores pagaram metade da nova ala e que a
    campanha vai continuar.
pt follow
    O ministro anunciou a decisão no X e numa mensagem de WhatsApp aos militantes, antes do
    comunicado oficial.
pt related
    Os projetos relacionados com a ponte, como uma nova linha de elétrico, serão decididos
    depois da reabertura.
pt share
    A partilha dos custos entre a câmara e o governo foi objeto de longas negociações durante
    todo o verão passado.
pt comment
    O presidente da câmara não quis comentar a derrapagem, mas o gabinete lembrou que a
    assembleia aprovou o orçamento.
pt consent
    A autoridade multou a loja por instalar cookies antes do consentimento dos visitantes, uma
    prática proibida por lei.
pt app
    O aplicativo de transportes vai mostrar os horários dos barcos em tempo real e já foi
    descarregado 20 mil vezes.
pt ad
    A campanha de publicidade dos novos barcos custou 300 mil euros e foi exibida em
    autocarros e estações.
pt credit
    Os bancos da região vão oferecer crédito mais barato ao comércio afetado pelo encerramento
    da ponte.
pt author
    O autor do relatório, um antigo engenheiro do porto, guardou todas as notas e lembra-se de
    todas as reuniões.
pt tags
    Os temas da assembleia foram do custo da ponte aos horários dos barcos durante o inverno
    que vem.
nl subscription
    Het aantal abonnees van de krant steeg vorig jaar met een vijfde, en een digitaal
    abonnement kost nu 12 euro per maand.
nl paywall
    Veel kranten zetten hun onderzoeksverhalen achter een betaalmuur, terwijl korte berichten
    voor iedereen gratis blijven.
nl meter
    Uitgevers die tellen hoeveel gratis artikelen een bezoeker heeft gelezen, leggen de grens
    meestal bij vijf per maand.
nl login
    Na de update moesten veel gebruikers opnieuw inloggen, en het bedrijf beloofde binnen een
    week een oplossing.
nl newsletter
    Haar wekelijkse nieuwsbrief over lokale politiek heeft nu 40.000 lezers, van wie een
    tiende vijf euro per maand betaalt.
nl donation
    Het ziekenhuis zei dat giften van buurtbewoners de helft van de nieuwe vleugel betaalden
    en dat de inzameling doorgaat.
nl follow
    De minister maakte het besluit bekend op X en in een WhatsApp-bericht aan partijleden, nog
    voor het persbericht.
nl related
    Projecten die met de brug samenhangen, zoals een nieuwe tramlijn, worden pas na de opening
    besloten, zegt de gemeente.
nl share
    De verdeling van de kosten tussen gemeente en provincie was de hele zomer onderwerp van
    lange onderhandelingen.
nl comment
    De burgemeester wilde niet reageren op de kostenoverschrijding, maar een woordvoerder wees
    op het raadsbesluit.
nl consent
    De toezichthouder beboette de winkel omdat die cookies plaatste voordat bezoekers
    toestemming gaven, wat verboden is.
nl app
    De reisapp toont de vaartijden van de veerboten straks in realtime en is volgens de
    vervoerder al 20.000 keer gedownload.
nl ad
    De reclamecampagne voor de nieuwe veerboten kostte 300.000 euro en hing zes weken lang in
    bussen en op stations.
nl credit
    De banken in de regio bieden goedkopere kredieten aan winkeliers die last hebben van de
    afsluiting van de brug.
nl author
    De auteur van het rapport, een oud-havenongenieur, bewaarde elke notitie en herinnert zich
    elke vergadering.
nl tags
    De onderwerpen van de bewonersavond liepen uiteen van de kosten van de brug tot de
    dienstregeling van de veerboten.
"""


def parse_table(table: str) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, list[str]]] = []
    for line in table.strip().splitlines():
        if line.startswith(" "):
            rows[-1][2].append(line.strip())
        else:
            lang, category = line.split()
            rows.append((lang, category, []))
    return [(lang, category, " ".join(words)) for lang, category, words in rows]


MENTIONS = parse_table(MENTIONS_TABLE)

LANGS = ("en", "fr", "de", "es", "it", "pt", "nl")
CATEGORIES = sorted({category for _, category, _ in PITCHES})


def paragraphs(*texts: str) -> tuple[Block, ...]:
    return tuple(Block(BlockKind.PARAGRAPH, text) for text in texts)


def article(*texts: str, lang: str | None = None, url: str | None = None) -> Article:
    """Pasted text as extraction gives it: its language told from its text when not given."""
    lang = lang or detect_language("\n".join(texts))
    return Article(blocks=paragraphs(*texts), lang=lang, url=url, media_type="text/plain")


def clean(
    source: Article, *, rules: RuleSet | None = None, store: SiteMemoryStore | None = None
) -> Article:
    """The clean article; with ``store``, as the pipeline does it: the store's snapshot of the
    site goes in, and what the cleaner observed goes back to the store."""
    site = site_key(source.url, site=source.site)
    if store is None or site is None:
        return clean_stage(source, rules=rules).article
    memory = store.recall(site, source.url or "", (block.text for block in source.blocks))
    cleaning = clean_stage(source, rules=rules, memory=memory)
    if cleaning.observation is not None:
        store.remember(cleaning.observation)
    return cleaning.article


def kept_texts(cleaned: Article) -> list[str]:
    return [block.text for block in cleaned.blocks]


def test_tables_cover_every_category_in_every_language() -> None:
    for table in (PITCHES, MENTIONS):
        assert {(lang, category) for lang, category, _ in table} == {
            (lang, category) for lang in LANGS for category in CATEGORIES
        }


@pytest.mark.parametrize("lang", [None, "detected"], ids=["lang-unknown", "lang-known"])
@pytest.mark.parametrize(("lang_of_row", "category", "pitch"), PITCHES)
def test_pitch_after_the_article_is_removed_under_its_category(
    lang: str | None, lang_of_row: str, category: str, pitch: str
) -> None:
    source = article(*ARTICLE[lang_of_row], pitch, lang=lang_of_row if lang else None)
    cleaned = clean(source)
    assert kept_texts(cleaned) == list(ARTICLE[lang_of_row])
    assert [removal.text for removal in cleaned.removed] == [pitch]
    assert cleaned.removed[0].rule.startswith(f"{category}/"), cleaned.removed
    assert cleaned.removed[0].index == 2


@pytest.mark.parametrize(("lang", "category", "mention"), MENTIONS)
def test_article_paragraph_that_mentions_the_topic_is_kept(
    lang: str, category: str, mention: str
) -> None:
    first, last = ARTICLE[lang]
    source = article(first, mention, last)
    assert clean(source) == source
    assert clean(article(first, last, mention)) == article(first, last, mention)


# Short article lines that use a pitch's words without being one: kept wherever they stand.
SHORT_MENTIONS = [
    ("en", "Share prices fell."),
    ("en", "Users can cancel anytime, the company said."),
    ("en", "Download the app, then open its settings and turn off tracking before you sign up."),
    ("en", "Residents can subscribe to the newsletter on the council's website."),
    ("fr", "L'opérateur propose un forfait sans engagement à 10 euros."),
    ("fr", "Les lecteurs peuvent s'inscrire à la newsletter sur le site de la mairie."),
    ("de", "Die Bewohner können den Newsletter ab März abonnieren."),
    ("de", "Millionen Menschen folgen dem Sender auf WhatsApp."),
    ("de", "Das Abo ist jederzeit kündbar, sagt der Anbieter."),
    ("es", "El ministro sigue a la cantante en Instagram desde 2019."),
    ("fr", "Selon lui, le nombre d'abonnés au fil Google News a doublé."),
]


@pytest.mark.parametrize(("lang", "line"), SHORT_MENTIONS)
def test_short_article_line_with_a_pitch_word_is_kept(lang: str, line: str) -> None:
    first, last = ARTICLE[lang]
    source = article(first, line, last)
    assert clean(source) == source


NUMERAMA_STYLE_TAIL = [
    "+ rapide, + pratique, + exclusif",
    "Zéro publicité, fonctions avancées de lecture, contenus exclusifs et plus encore.",
    "Découvrez les nombreux avantages de Lecteur+.",
    "Vous avez lu 2 articles sur Lecteur ce mois-ci",
    "Tout le monde n'a pas les moyens de payer pour l'information.",
    "C'est pourquoi nous maintenons notre journalisme ouvert à tous.",
    "Mais si vous le pouvez,",
    "voici trois bonnes raisons de soutenir notre travail :",
    "- 1 Lecteur+ contribue à offrir une expérience gratuite à tous.",
    "- 2 Vous profiterez d'une lecture sans publicité.",
    "- 3 Aider Lecteur dans sa mission : informer sans jargon.",
    "Si vous croyez en une information de qualité, rejoignez Lecteur+.",
]


def test_pitch_cluster_at_the_tail_goes_whole_with_its_connective_lines() -> None:
    cleaned = clean(article(*ARTICLE["fr"], *NUMERAMA_STYLE_TAIL))
    assert kept_texts(cleaned) == list(ARTICLE["fr"])
    assert [removal.text for removal in cleaned.removed] == NUMERAMA_STYLE_TAIL
    assert [removal.index for removal in cleaned.removed] == list(range(2, 14))
    categories = {removal.rule.partition("/")[0] for removal in cleaned.removed}
    assert {"subscription", "meter", "donation"} <= categories


def test_cluster_stops_at_the_first_block_that_reads_as_article() -> None:
    later = (
        "Les travaux reprendront en janvier, après la pause hivernale, et la mairie promet une "
        "réunion publique chaque trimestre pour informer les riverains de l'avancement du chantier."
    )
    cleaned = clean(article(*ARTICLE["fr"], *NUMERAMA_STYLE_TAIL[:4], later))
    assert kept_texts(cleaned) == [*ARTICLE["fr"], later]


def test_short_article_lines_between_paragraphs_are_kept() -> None:
    lines = [ARTICLE["en"][0], "Why now?", "It is simple:", ARTICLE["en"][1], "That is all."]
    source = article(*lines)
    assert clean(source) == source


def test_the_headline_between_a_sites_skip_link_and_a_paywall_notice_is_kept() -> None:
    # a pitch box's short lines between two pitches go; between "Aller au contenu" and the
    # paywall notice under the headline stand the masthead and the headline
    headline = "La presse en ligne, ça va finir par se payer..."
    lines = ["Aller au contenu", "Libération", headline, "Article réservé aux abonnés"]
    cleaned = clean(article(*lines, *ARTICLE["fr"]))
    assert headline in kept_texts(cleaned)
    assert "Article réservé aux abonnés" not in kept_texts(cleaned)


def test_an_article_of_short_lines_keeps_them_all_before_a_pitch() -> None:
    recipe = ["Pancakes", "Ingredients:", "2 eggs", "1 cup flour", "Method:", "1 Whisk it all."]
    cleaned = clean(article(*recipe, "2 Cook in a hot pan.", "Sign up for our newsletter."))
    assert kept_texts(cleaned) == [*recipe, "2 Cook in a hot pan."]
    assert [r.text for r in cleaned.removed] == ["Sign up for our newsletter."]


def test_a_list_announced_by_a_pitch_goes_with_it() -> None:
    tail = ["If you value our journalism, here's why:", "1 We answer to readers.", "2 It costs $1."]
    cleaned = clean(article(*ARTICLE["en"], *tail))
    assert kept_texts(cleaned) == list(ARTICLE["en"])
    assert [r.text for r in cleaned.removed] == tail


def test_glued_pitch_is_cut_at_the_sentence_and_recorded() -> None:
    body = (
        "Deshalb brauche es zusätzlich eine staatliche Rückversicherung, wie es die Länder fordern."
    )
    pitch = "Lesen mit BILDplus, was die Versicherung für Hausbesitzer konkret kosten würde."
    cleaned = clean(article(ARTICLE["de"][0], f"{body} {pitch}", ARTICLE["de"][1]))
    assert kept_texts(cleaned) == [ARTICLE["de"][0], body, ARTICLE["de"][1]]
    assert cleaned.removed == (Removal("subscription/de-abonnieren", pitch, 1, cut=True),)


def test_a_pitch_glued_with_no_space_after_the_point_is_cut_off_the_article_sentence() -> None:
    body = "The first meetings are planned for next week."
    pitch = "Subscribe to keep reading."
    cleaned = clean(article(ARTICLE["en"][0], f"{body}{pitch}", ARTICLE["en"][1]))
    assert kept_texts(cleaned) == [ARTICLE["en"][0], body, ARTICLE["en"][1]]
    assert [(r.rule, r.text, r.cut) for r in cleaned.removed] == [
        ("paywall/en-continue", pitch, True)
    ]


@pytest.mark.parametrize(
    ("lang", "question", "pitch"),
    [
        (
            "fr",
            "Vous ne voulez rien rater de l'actualité tech ?",
            "Suivez Pixelis sur Google News et sur notre chaîne WhatsApp.",
        ),
        ("en", "Enjoyed this story?", "Subscribe to our newsletter for more."),
        ("de", "Sie wollen nichts verpassen?", "Abonnieren Sie unseren Newsletter."),
    ],
)
def test_a_pitch_after_one_short_question_goes_whole_mid_article(
    lang: str, question: str, pitch: str
) -> None:
    first, second = ARTICLE[lang][:2]
    cleaned = clean(article(first, f"{question} {pitch}", second, lang=lang))
    assert kept_texts(cleaned) == [first, second]
    assert [r.text for r in cleaned.removed] == [f"{question} {pitch}"]


def test_an_article_passage_with_a_question_before_a_glued_pitch_keeps_it() -> None:
    # Two sentences before the pitch: the article's, not a lead-in.
    body = "The council met on Monday. Will the ferry run again in spring?"
    pitch = "Subscribe to keep reading."
    cleaned = clean(article(ARTICLE["en"][0], f"{body} {pitch}", ARTICLE["en"][1], lang="en"))
    assert kept_texts(cleaned) == [ARTICLE["en"][0], body, ARTICLE["en"][1]]


def test_an_article_sentence_before_a_glued_paywall_notice_stays_next_to_a_login_line() -> None:
    last = "The first meetings are planned for next week."
    notice = "This article is reserved for subscribers."
    cleaned = clean(
        article(*ARTICLE["en"], f"{last} {notice}", "Already a subscriber? Log in", lang="en")
    )
    assert kept_texts(cleaned) == [*ARTICLE["en"], last]
    assert {r.text for r in cleaned.removed} == {notice, "Already a subscriber? Log in"}


def test_a_title_that_is_boilerplate_is_removed_and_restored_as_the_first_block() -> None:
    source = replace(article(*ARTICLE["en"], lang="en"), title="ADVERTISEMENT")
    cleaned = clean(source)
    assert cleaned.title is None
    assert kept_texts(cleaned) == list(ARTICLE["en"])
    assert [(r.rule, r.text, r.index) for r in cleaned.removed] == [
        ("ad/en-label", "ADVERTISEMENT", 0)
    ]
    restored = restore_removals(cleaned, range(len(cleaned.removed)))
    assert [b.text for b in restored.blocks] == ["ADVERTISEMENT", *ARTICLE["en"]]


def test_a_headline_long_title_stays_whatever_a_rule_says() -> None:
    title = "Subscribe to read: what that little button really means for newspapers"
    cleaned = clean(replace(article(*ARTICLE["en"], lang="en"), title=title))
    assert cleaned.title == title
    assert cleaned.removed == ()


def test_a_title_a_rule_speaks_of_that_ends_as_a_sentence_is_no_headline() -> None:
    # a pasted text's first line, headline-long, is a newsletter pitch ending with "!"
    pitch = "Sign up for our daily newsletter and stay up to date with all the latest news!"
    cleaned = clean(replace(article(*ARTICLE["en"], lang="en"), title=pitch))
    assert cleaned.title is None
    assert [r.text for r in cleaned.removed] == [pitch]
    assert kept_texts(cleaned) == list(ARTICLE["en"])


def test_a_title_a_rule_speaks_of_gives_way_to_a_headline_the_rules_say_nothing_of() -> None:
    pitch = "Subscribe now for unlimited access to every story"
    headline = "Council votes to rebuild the harbour bridge after two winters"
    cleaned = clean(replace(article(headline, *ARTICLE["en"], lang="en"), title=pitch))
    assert cleaned.title is None
    assert kept_texts(cleaned) == [headline, *ARTICLE["en"]]


def test_the_headline_of_a_pasted_text_stays_whatever_a_rule_says() -> None:
    headline = "Subscribe to read: what that little button really means"
    cleaned = clean(article("Sign up to read", "Ethan", headline, *ARTICLE["en"], lang="en"))
    assert headline in kept_texts(cleaned)


def test_a_blogs_bar_where_the_headline_would_be_is_no_headline() -> None:
    # Overblog's bar under the blog's name reads like a headline (ten words, no final point);
    # a rule of navigation says it is the bar, and the headline after it stays.
    bar = "Editer l'article Suivre ce blog Administration + Créer mon blog"
    headline = "Inauguration de la médiathèque : le discours du maire"
    cleaned = clean(article("Overblog", bar, headline, *ARTICLE["fr"], lang="fr"))
    assert bar not in kept_texts(cleaned)
    assert headline in kept_texts(cleaned)


def test_a_line_a_rule_speaks_of_above_the_headline_does_not_take_its_place() -> None:
    # "Follow our deals channel on WhatsApp" is headline-long and has no final point; the
    # headline under it, which the rules say nothing of, is the one kept whatever is said of
    # it, and the pitch goes by its rule.
    pitch = "Economize: siga o canal oficial de ofertas no WhatsApp Entrar"
    headline = "App Store vs Google Play | Quem ganha mais dinheiro com aplicativos"
    cleaned = clean(article("Publicidade", pitch, headline, *ARTICLE["pt"], lang="pt"))
    assert kept_texts(cleaned) == [headline, *ARTICLE["pt"]]


def test_no_line_after_the_first_paragraph_is_taken_for_the_headline() -> None:
    # A short text: the first block is running text, so a pitch of seven words or more
    # without a final point that follows is no headline, and its rule removes it.
    first = (
        "The council voted on Tuesday to rebuild the harbour bridge, which has been closed to "
        "lorries since the floods of last winter."
    )  # 22 words: running text, though no block of more than 25 words came first
    pitch = "Subscribe now for unlimited access to every story"
    cleaned = clean(article(first, pitch, *ARTICLE["en"], lang="en"))
    assert kept_texts(cleaned) == [first, *ARTICLE["en"]]


def test_a_title_repeated_as_the_headline_is_no_repeat() -> None:
    title = "Council votes to rebuild the harbour bridge"
    source = replace(article(title, *ARTICLE["en"], "Subscribe now", lang="en"), title=title)
    cleaned = clean(source)
    assert cleaned.title == title
    assert kept_texts(cleaned) == [title, *ARTICLE["en"]]


def test_quoted_pitch_inside_an_article_sentence_is_not_a_pitch() -> None:
    quoted = (
        "Ein Knopf mit der Aufschrift „Jetzt abonnieren“ schnitt schlechter ab. "
        "Der Satz „Folgen Sie uns auf WhatsApp“ brachte dagegen viele neue Leser."
    )
    source = article(ARTICLE["de"][0], quoted, ARTICLE["de"][1])
    assert clean(source) == source


def test_article_sentences_after_a_pitch_sentence_keep_the_block() -> None:
    text = (
        "Der Sprecher sagte: Jetzt abonnieren ist die falsche Botschaft. Die Zeitung verlor im "
        "vergangenen Jahr mehr als zehntausend Leser, vor allem auf dem Land, und will nun mit "
        "einem günstigeren Angebot gegensteuern, wie der Verlag am Montag mitteilte."
    )
    source = article(ARTICLE["de"][0], text, ARTICLE["de"][1])
    assert clean(source) == source


def test_related_header_takes_the_teaser_title_on_the_next_line() -> None:
    blocks = (*paragraphs(ARTICLE["de"][0]), Block(BlockKind.HEADING, "Mehr zum Thema", 3))
    teaser = Block(BlockKind.PARAGRAPH, "Marode Infrastruktur: Warum die Bahn erneut sperrt")
    source = Article(
        blocks=(*blocks, teaser, *paragraphs(ARTICLE["de"][1])), media_type="text/plain"
    )
    cleaned = clean(source)
    assert kept_texts(cleaned) == list(ARTICLE["de"])
    assert [(r.rule, r.index, r.kind) for r in cleaned.removed] == [
        ("related/de-mehr-zum-thema", 1, BlockKind.HEADING),
        ("related/de-mehr-zum-thema", 2, BlockKind.PARAGRAPH),
    ]


def test_block_with_two_kinds_of_pitch_is_recorded_per_category() -> None:
    tail = "Iscriviti alla newsletter di Bologna Sera.\nSeguici su Google News."
    cleaned = clean(article(*ARTICLE["it"], tail))
    assert kept_texts(cleaned) == list(ARTICLE["it"])
    assert [(r.rule.partition("/")[0], r.text, r.index) for r in cleaned.removed] == [
        ("newsletter", "Iscriviti alla newsletter di Bologna Sera.", 2),
        ("follow", "Seguici su Google News.", 2),
    ]


def test_link_only_lines_next_to_a_related_header_go_with_it() -> None:
    links = [
        Block(BlockKind.LIST_ITEM, title, 1, (Link(title, f"https://example.org/{n}"),))
        for n, title in enumerate(["Ferries at night", "Tram line plans", "Harbour history"])
    ]
    source = Article(
        blocks=(*paragraphs(*ARTICLE["en"]), Block(BlockKind.HEADING, "Related stories", 2), *links)
    )
    cleaned = clean(source)
    assert kept_texts(cleaned) == list(ARTICLE["en"])
    assert len(cleaned.removed) == 4


def test_from_html_only_linked_lines_after_a_related_header_are_teasers() -> None:
    features = [Block(BlockKind.LIST_ITEM, text, 1) for text in ("Noise cancelling", "USB-C")]
    source = Article(
        blocks=(
            *paragraphs(ARTICLE["en"][0], "Don't miss:"),
            *features,
            *paragraphs(ARTICLE["en"][1]),
        )
    )
    cleaned = clean(source)
    assert [(r.rule, r.index) for r in cleaned.removed] == [("related/en-read-more", 1)]


def test_a_line_repeated_in_the_article_is_kept_when_alone() -> None:
    question = "What inspired you to start cooking?"
    source = article(ARTICLE["en"][0], question, ARTICLE["en"][1], question, ARTICLE["en"][0][:60])
    assert clean(source) == source


def test_a_repeated_line_next_to_a_pitch_goes_with_it() -> None:
    box = "The Harbour Gazette, every morning."
    cleaned = clean(article(box, *ARTICLE["en"], box, "Sign up for our newsletter."))
    assert kept_texts(cleaned) == [box, *ARTICLE["en"]]
    assert [(r.rule, r.index) for r in cleaned.removed] == [
        ("repeat/in-article", 3),
        ("newsletter/en-sign-up", 4),
    ]


def test_removals_add_to_those_already_recorded_and_the_input_is_unchanged() -> None:
    earlier = Removal("consent/dom-class-cookie", "Cookie banner", None)
    source = Article(blocks=paragraphs(*ARTICLE["en"], "Advertisement"), removed=(earlier,))
    cleaned = clean(source)
    assert cleaned.removed == (earlier, Removal("ad/en-label", "Advertisement", 2))
    assert len(source.blocks) == 3


def test_site_rules_apply_only_on_their_site() -> None:
    tail = "Numerama+ vous offre une lecture sans publicité."
    on_site = clean(article(*ARTICLE["fr"], tail, url="https://www.numerama.com/tech/1.html"))
    assert [r.rule for r in on_site.removed] == ["subscription/fr-numerama-plus"]
    elsewhere = article(*ARTICLE["fr"], tail, url="https://example.org/1.html")
    assert clean(elsewhere) == elsewhere


def test_user_rules_from_the_config_remove_blocks_too() -> None:
    rules = load_rules([{"name": "user/weekly-quiz", "pattern": r"^take our weekly quiz\b"}])
    cleaned = clean(article(*ARTICLE["en"], "Take our weekly quiz!"), rules=rules)
    assert [(r.rule, r.index) for r in cleaned.removed] == [("user/weekly-quiz", 2)]


def test_blocks_seen_in_two_other_articles_of_a_site_are_learned(tmp_path: Path) -> None:
    footer = "The Harbour Gazette is owned by the Harbour Media Group."
    with SiteMemoryStore(tmp_path / "learn.sqlite3") as store:
        for n in range(3):
            url = f"https://gazette.example/{n}"
            body = [f"{text} (Report {n}.)" for text in ARTICLE["en"]]
            cleaned = clean(article(*body, footer, url=url), store=store)
            learned = [r for r in cleaned.removed if r.rule == "learned/site-repeat"]
            assert [r.text for r in learned] == ([footer] if n == 2 else [])
        other_site = clean(article(*ARTICLE["en"], footer, url="https://other.example/1"))
        assert other_site.removed == ()


def test_headings_and_short_lines_shared_by_a_sites_articles_are_not_learned(
    tmp_path: Path,
) -> None:
    shared = (Block(BlockKind.HEADING, "What happens next", 2), *paragraphs("Key facts"))
    with SiteMemoryStore(tmp_path / "learn.sqlite3") as store:
        for n in range(3):
            body = paragraphs(*(f"{text} (Report {n}.)" for text in ARTICLE["en"]))
            source = Article(blocks=(*body, *shared), url=f"https://gazette.example/{n}")
            assert clean(source, store=store) == source


def test_a_block_the_user_kept_is_never_removed_on_that_site(tmp_path: Path) -> None:
    url = "https://gazette.example/a"
    with SiteMemoryStore(tmp_path / "learn.sqlite3") as store:
        store.keep("gazette.example", "Advertisement")
        cleaned = clean(article(*ARTICLE["en"], "Advertisement", url=url), store=store)
        assert kept_texts(cleaned)[-1] == "Advertisement"
        elsewhere = clean(article(*ARTICLE["en"], "Advertisement", url="https://b.example/"))
        assert [r.rule for r in elsewhere.removed] == ["ad/en-label"]


def test_a_restored_pitch_tail_keeps_its_whole_block(tmp_path: Path) -> None:
    body = "Deshalb brauche es eine Rückversicherung, wie es die Länder fordern."
    pitch = "Lesen mit BILDplus, was die Versicherung kosten würde."
    source = article(ARTICLE["de"][0], f"{body} {pitch}", url="https://www.bild.de/a")
    with SiteMemoryStore(tmp_path / "learn.sqlite3") as store:
        assert [r.text for r in clean(source, store=store).removed] == [pitch]
        store.keep("bild.de", pitch)
        assert clean(source, store=store).removed == ()


def test_a_kept_block_inside_a_pitch_cluster_stays(tmp_path: Path) -> None:
    url = "https://gazette.example/b"
    tail = [
        *NUMERAMA_STYLE_TAIL[:4],
        "Tout le monde n'a pas les moyens de payer pour l'information.",
    ]
    with SiteMemoryStore(tmp_path / "learn.sqlite3") as store:
        store.keep("gazette.example", tail[-1])
        cleaned = clean(article(*ARTICLE["fr"], *tail, tail[-1], url=url), store=store)
    assert kept_texts(cleaned) == [*ARTICLE["fr"], tail[-1], tail[-1]]
    assert [r.text for r in cleaned.removed] == tail[:4]


ALL_TEXTS = sorted(
    {text for _, _, text in PITCHES}
    | {text for _, _, text in MENTIONS}
    | {text for pair in ARTICLE.values() for text in pair}
    | set(NUMERAMA_STYLE_TAIL)
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(ALL_TEXTS), max_size=14))
def test_every_block_is_either_kept_or_recorded_as_removed(texts: list[str]) -> None:
    source = article(*texts)
    cleaned = clean(source)
    kept = iter(cleaned.blocks)
    for index, block in enumerate(source.blocks):
        removed = [r.text for r in cleaned.removed if r.index == index]
        whole = " ".join(removed)
        if " ".join(whole.split()) != " ".join(block.text.split()):
            head = next(kept).text
            assert " ".join(f"{head} {whole}".split()) == " ".join(block.text.split())
    assert next(kept, None) is None


@pytest.mark.parametrize(
    ("url", "site", "key"),
    [
        ("https://www.numerama.com/tech/1.html", "Numerama", "numerama.com"),
        ("https://blog.example.org/a", None, "blog.example.org"),
        (None, "  De Avondkrant ", "de avondkrant"),
        (None, None, None),
    ],
)
def test_site_key_is_the_host_without_www_else_the_site_name_in_lower_case(
    url: str | None, site: str | None, key: str | None
) -> None:
    assert site_key(url, site=site) == key


def test_a_code_block_is_never_judged_by_the_phrase_rules() -> None:
    body = (
        "<p>The command line client sends each new issue to the readers who asked for it; the "
        "queue keeps the ones that failed and tries them again an hour later.</p>"
        '<pre><code>subscribe now --list weekly\n[cache]\nengine = "memory"</code></pre>'
        "<p>Run it once by hand before adding it to the scheduler, so that the first errors "
        "show up in the terminal rather than in the log nobody reads.</p>"
    )
    heading = "<h1>Sending the weekly issue</h1>"
    page = f"<html lang='en'><body><article>{heading}{body}</article></body></html>"
    reading = read_html(page, url="https://docs.example.org/send")
    assert "subscribe now --list weekly" in reading.article.text
    assert not reading.article.removed
