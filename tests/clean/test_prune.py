"""prune: the DOM pass drops elements whose role is plain, and never the content."""

from __future__ import annotations

import pytest

from lire.clean.dom import prune
from lire.clean.dom_rules import load_dom_rules, words
from lire.extract.tree import parse_html
from lire.model import Removal

ARTICLE = (
    "<p>The harbour authority said on Tuesday that the new quay would open next spring, after "
    "three years of works that closed the old fish market and moved the ferries north.</p>"
    "<p>Passengers waited in temporary sheds through two winters, and the ferry company said "
    "it would keep the sheds until the last of the works on the pier are finished.</p>"
)
RULE_CATEGORIES = {
    "subscription", "paywall", "meter", "login", "newsletter", "donation", "follow", "related",
    "share", "comment", "consent", "app", "ad", "credit", "author", "tags", "repeat", "learned",
    "site", "user", "hidden", "dialog", "form", "nav",
}  # fmt: skip


def pruned(extra: str) -> tuple[str, tuple[Removal, ...]]:
    """Prune a page holding the article and ``extra``; return the text left and the removals."""
    root = parse_html(
        f"<html><body><article>{ARTICLE}</article>{extra}</body></html>", location="t"
    )
    removals = prune(root)
    return " ".join(root.text_content().split()), removals


@pytest.mark.parametrize(
    ("extra", "rule"),
    [
        ("<div hidden>Hidden offer</div>", "hidden/dom-attribute"),
        ("<div aria-hidden='true'>Invisible label</div>", "hidden/dom-attribute"),
        ("<div style='color: red; display: none'>Display none</div>", "hidden/dom-style"),
        ("<div style='visibility:hidden'>Visibility hidden</div>", "hidden/dom-style"),
        ("<span class='sr-only'>Screen reader only</span>", "hidden/dom-class-sr-only"),
        ("<dialog>Dialog text</dialog>", "dialog/dom-dialog"),
        ("<div role='dialog'>Role dialog</div>", "dialog/dom-role-dialog"),
        ("<div class='modal'>A modal box</div>", "dialog/dom-class-modal"),
        ("<form><label>Your email</label></form>", "form/dom-form"),
        ("<nav>Home News Sport</nav>", "nav/dom-nav"),
        ("<aside>Most read today</aside>", "nav/dom-aside"),
        ("<footer>Contact us</footer>", "nav/dom-footer"),
        ("<div class='cookie-banner'>We use cookies</div>", "consent/dom-class-cookie"),
        ("<div id='gdpr'>Accept all</div>", "consent/dom-class-gdpr"),
        ("<div class='shareBar'>Share on Facebook</div>", "share/dom-class-share"),
        ("<ul aria-label='Share this article'><li>X</li></ul>", "share/dom-label-share"),
        ("<div class='newsletter-box'>Sign up</div>", "newsletter/dom-class-newsletter"),
        ("<div class='paywall'>Subscribe to read</div>", "paywall/dom-class-paywall"),
        ("<div class='subscribe-cta'>Only 1 euro</div>", "subscription/dom-class-subscribe"),
        ("<section class='related-articles'>Read also</section>", "related/dom-class-related"),
        ("<div class='read-more'>Read more</div>", "related/dom-class-read-more"),
        ("<div id='recommended'>You may like</div>", "related/dom-class-recommended"),
        ("<div id='comments'>12 comments</div>", "comment/dom-class-comments"),
        ("<div class='ad-slot'>Advertisement</div>", "ad/dom-class-ad"),
        ("<div class='author-bio'>Ann writes about ports</div>", "author/dom-class-author-bio"),
        ("<div class='photo-credit'>Photo: Ann Lee</div>", "credit/dom-class-credit"),
        ("<div class='signature'>Currently playing: Hades</div>", "author/dom-class-signature"),
        ("<div class='ipsSignature'>My rig: 32 GB</div>", "author/dom-class-signature"),
        ("<div id='qc-cmp2-container'>We value your privacy</div>", "consent/dom-class-cmp2"),
        ("<div class='cmplz-cookiebanner'>Manage consent</div>", "consent/dom-class-cmplz"),
        ("<div class='donate'>Support us</div>", "donation/dom-class-donate"),
        ("<div class='post-tags'>Ports Ferries</div>", "tags/dom-class-tags"),
        ("<div class='tooltip'>Ann Lee: 12 articles</div>", "dialog/dom-class-tooltip"),
        ("<div class='byline'>By Ann Lee</div>", "author/dom-class-byline"),
        ("<div data-component='consent'>Accept</div>", "consent/dom-class-consent"),
        ("<div class='iubenda-cs-container'>Cookie</div>", "consent/dom-class-iubenda"),
        ("<div class='partilhar'>Partilhar</div>", "share/dom-class-partilhar"),
        ("<aside class='related'>Sur le même sujet</aside>", "related/dom-class-related"),
        ("<span class='publish-date'>Nov 19, 2019</span>", "author/dom-class-publish-date"),
        ("<p><a href='/x'><b>READ MORE ON PORTS</b></a></p>", "related/dom-link-paragraph"),
    ],
)
def test_each_concept_is_removed_and_recorded(extra: str, rule: str) -> None:
    text, removals = pruned(extra)
    assert len(removals) == 1
    (removal,) = removals
    assert removal.rule == rule
    assert removal.text and removal.text not in text
    assert removal.index is None
    assert "The harbour authority said" in text


def test_rule_names_follow_the_naming_convention() -> None:
    rules = load_dom_rules()
    categories = {rule.split("/")[0] for rule in (*rules.tags.values(), *rules.words.values())}
    assert categories <= RULE_CATEGORIES
    _text, removals = pruned("<nav>Menu</nav><div class='share'>Share</div>")
    for removal in removals:
        category, detail = removal.rule.split("/")
        assert category in RULE_CATEGORIES and detail.startswith("dom-")


def test_scripts_and_styles_go_without_a_removal_record() -> None:
    text, removals = pruned("<script>var x = 'secret';</script><style>p {}</style>")
    assert "secret" not in text and removals == ()


@pytest.mark.parametrize(
    "extra",
    [
        "<div class='shareholder-letter'>Shareholders met</div>",
        "<div class='header badge'>Header badge</div>",
        "<div class='download'>Download the report</div>",
        "<div id='thread-head'>Heading</div>",
        "<div class='subscriber-count'>3 subscribers</div>",
        # Adobe AEM names its components cmp-*: a consent manager is named in full.
        "<div class='cmp-text'>The quay reopens</div>",
        # A figure's caption is the article's.
        "<figure><figcaption>The quay in May</figcaption></figure>",
        "<div class='feature-gallery'>Twelve berths</div>",
    ],
)
def test_tokens_match_whole_class_words_only(extra: str) -> None:
    text, removals = pruned(extra)
    assert removals == ()
    assert extra.split(">")[1].split("<")[0] in text


def test_an_element_holding_most_of_the_text_is_kept_whatever_its_class() -> None:
    root = parse_html(
        f"<html><body><div class='content-sidebar-wrap'>{ARTICLE}</div>"
        "<div class='sidebar'>Popular</div></body></html>",
        location="t",
    )
    removals = prune(root)
    assert [removal.rule for removal in removals] == ["nav/dom-class-sidebar"]
    assert "The harbour authority said" in root.text_content()


def test_a_players_fallback_text_goes_without_a_record() -> None:
    # Browsers show what a <video> or <audio> holds only when they cannot play it.
    text, removals = pruned(
        "<video src='a.mp4'>Your browser does not support the video tag.</video>"
        "<audio src='a.mp3'><p>Your user agent does not support HTML5 audio.</p></audio>"
    )
    assert "support" not in text
    assert "The harbour authority said" in text
    assert removals == ()


def test_a_forms_choices_go_however_much_of_the_page_they_hold() -> None:
    options = "".join(
        f"<option value='{n}'>{n} - Research team number {n}</option>" for n in range(80)
    )
    root = parse_html(
        f"<html><body><form-wrap><label>Team</label><select name='team'>{options}</select>"
        f"</form-wrap><article>{ARTICLE}</article></body></html>",
        location="t",
    )
    removals = prune(root)
    assert [removal.rule for removal in removals] == ["hidden/dom-select"]
    assert "Research team" not in root.text_content()
    assert "The harbour authority said" in root.text_content()


POLICY = "".join(
    f"<p>{n}. We process the personal information you give us to fulfil your orders, answer "
    "your questions and, with your consent, send you news of our products and offers.</p>"
    for n in range(1, 30)
)


@pytest.mark.parametrize(
    "modal",
    [
        f"<div role='dialog' aria-modal='true' id='modal-privacy'>{POLICY}</div>",
        f"<dialog><h2>Privacy policy</h2>{POLICY}</dialog>",
    ],
    ids=["aria-modal", "closed-dialog"],
)
def test_a_modal_goes_however_much_of_the_page_it_holds(modal: str) -> None:
    root = parse_html(
        f"<html><body><article>{ARTICLE}</article><footer-wrap>{modal}</footer-wrap></body></html>",
        location="t",
    )
    removals = prune(root)
    assert [removal.rule.partition("/")[0] for removal in removals] == ["dialog"]
    assert "personal information" not in root.text_content()
    assert "The harbour authority said" in root.text_content()


def test_an_open_dialog_that_holds_the_page_is_kept() -> None:
    root = parse_html(
        f"<html><body><dialog open><article>{ARTICLE}</article></dialog></body></html>",
        location="t",
    )
    prune(root)
    assert "The harbour authority said" in root.text_content()


ANSWER = (
    "<div class='answer'><p>Parcels leave our warehouse within two working days and reach "
    "most addresses in Europe within a week.</p></div>"
)


@pytest.mark.parametrize(
    "question",
    [
        "<button aria-expanded='false'>How long does delivery take?</button>",
        "<h3><button class='faq-question'><span>¿Cuánto tarda el envío a Canarias?</span>"
        "</button></h3>",
        "<button class='acc'>Wie lange dauert der Versand?</button>",
    ],
)
def test_a_faqs_question_on_a_button_is_kept_with_its_answer(question: str) -> None:
    text, removals = pruned(f"<section><div class='item'>{question}{ANSWER}</div></section>")
    assert _text_of(question) in text and "Parcels leave" in text
    assert not [removal for removal in removals if removal.rule == "hidden/dom-button"]


@pytest.mark.parametrize(
    "button",
    [
        "<button>Need help?</button>",  # too short to be a question of the page
        "<button>Can't scan the QR code?</button><p>Scan it.</p>",  # no answer after it
        "<button aria-expanded='false'>Menu</button>",  # a toggle, no question
    ],
)
def test_other_buttons_still_go(button: str) -> None:
    _, removals = pruned(button)
    assert "hidden/dom-button" in [removal.rule for removal in removals]


def _text_of(html: str) -> str:
    return str(parse_html(f"<html><body>{html}</body></html>", location="t").text_content())


def test_utility_classes_with_a_variant_name_no_concept() -> None:
    text, removals = pruned(
        "<div class='grid [html.sidebar-filled_&]:bg-tint md:menu-open print:hidden'>"
        "<pre><code>$ npm install harbour-tools</code></pre></div>"
        "<div class='sidebar'>Popular</div>"
    )
    assert "npm install harbour-tools" in text
    assert [removal.rule for removal in removals] == ["nav/dom-class-sidebar"]


def test_a_headings_anchor_and_a_negated_class_name_no_concept() -> None:
    text, removals = pruned(
        "<h2 id='toc-heading-7'>Why the quay matters</h2>"
        "<div class='no_toc_section'><p>Fishers land their catch there.</p></div>"
        "<h3 class='_titleNoCredit_1doy9'>Ferries moved north</h3>"
        "<div class='items hide-read-more-ad'><h3>The old market closes</h3></div>"
        "<h2 class='newsletter-title'>Get our newsletter</h2>"
    )
    assert "Why the quay matters" in text and "Fishers land" in text and "Ferries moved" in text
    assert "The old market closes" in text
    assert [removal.rule for removal in removals] == ["newsletter/dom-class-newsletter"]


def test_an_article_body_with_a_share_class_word_is_kept() -> None:
    root = parse_html(
        f"<html><body><div class='article-body share-enabled'>{ARTICLE}</div>"
        "<nav>Menu</nav></body></html>",
        location="t",
    )
    assert [removal.rule for removal in prune(root)] == ["nav/dom-nav"]
    assert "Passengers waited" in root.text_content()


def test_main_and_body_are_never_removed() -> None:
    root = parse_html(
        "<html><body class='modal-open' hidden>"
        f"<main class='related'>{ARTICLE}</main></body></html>",
        location="t",
    )
    assert prune(root) == ()
    assert "Passengers waited" in root.text_content()


def test_a_paragraph_that_mentions_subscribing_is_kept() -> None:
    mention = "<p>Readers who subscribe to the ferry newsletter were told first.</p>"
    text, removals = pruned(mention)
    assert removals == ()
    assert "Readers who subscribe to the ferry newsletter were told first." in text


@pytest.mark.parametrize(
    "paragraph",
    [
        "<p>See <a href='/plans'>the plans</a> published on Monday.</p>",
        "<p><a href='https://harbour.example/plans'>https://harbour.example/plans</a></p>",
        "<p><a href='mailto:ann@harbour.example'>ann@harbour.example</a></p>",
    ],
)
def test_paragraphs_with_text_besides_links_or_showing_an_address_are_kept(
    paragraph: str,
) -> None:
    text, removals = pruned(paragraph)
    assert removals == ()
    assert " ".join(parse_html(paragraph, location="t").text_content().split()) in text


def test_teaser_articles_nested_in_the_article_are_removed() -> None:
    teasers = "".join(f"<article><p>Teaser {n} about another story</p></article>" for n in (1, 2))
    root = parse_html(
        f"<html><body><article>{ARTICLE}{teasers}</article></body></html>", location="t"
    )
    removals = prune(root)
    assert [r.rule for r in removals] == ["related/dom-nested-article"] * 2
    assert "Teaser" not in root.text_content()
    assert "Passengers waited" in root.text_content()


def test_on_a_listing_the_articles_inside_another_are_its_items() -> None:
    items = "".join(f"<article><p>Guide {n}: the best chargers</p></article>" for n in (1, 2, 3))
    root = parse_html(f"<html><body><article>{items}</article></body></html>", location="t")
    assert prune(root, listing=True) == ()
    assert all(f"Guide {n}" in root.text_content() for n in (1, 2, 3))


def test_embedded_posts_get_a_class_readability_keeps() -> None:
    root = parse_html(
        "<html><body><blockquote class='twitter-tweet'><p>A tweet</p></blockquote></body></html>",
        location="t",
    )
    prune(root)
    quote = root.find(".//blockquote")
    assert quote is not None and "twitter" not in (quote.get("class") or "")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("shareBar_top", ("share", "bar", "top")),
        ("ad-slot", ("ad", "slot")),
        ("shareholder", ("shareholder",)),
        ("HTMLContent", ("htmlcontent",)),
    ],
)
def test_class_names_split_into_words(name: str, expected: tuple[str, ...]) -> None:
    assert words(name) == expected


def test_a_removal_shows_the_pieces_of_its_element_spaced() -> None:
    _text, removals = pruned("<ul class='related'><li>First story</li><li>Second story</li></ul>")
    assert [removal.text for removal in removals] == ["First story Second story"]


# --- prose pitches: small containers judged by the block cleaner's phrase rules ---------------

STORY = {
    "en": ARTICLE,
    "fr": (
        "<p>La mairie a annoncé mardi que le nouveau quai ouvrira au printemps prochain, après "
        "trois années de travaux qui ont fermé l'ancienne criée et déplacé les ferries au nord.</p>"
        "<p>Les passagers ont attendu dans des hangars provisoires pendant deux hivers, et la "
        "compagnie a promis de les garder jusqu'à la fin des travaux sur la jetée.</p>"
    ),
    "de": (
        "<p>Die Hafenbehörde teilte am Dienstag mit, dass der neue Kai im nächsten Frühjahr "
        "öffnet, nach drei Jahren Bauzeit, in denen der alte Fischmarkt geschlossen wurde.</p>"
        "<p>Die Fahrgäste warteten zwei Winter lang in provisorischen Hallen, und die Reederei "
        "will die Hallen behalten, bis die Arbeiten an der Mole abgeschlossen sind.</p>"
    ),
    "nl": (
        "<p>Het havenbedrijf heeft dinsdag laten weten dat de nieuwe kade volgend voorjaar "
        "opengaat, na drie jaar werk waarvoor de oude vismarkt dicht moest en de veerboten "
        "verhuisden.</p>"
        "<p>Reizigers wachtten twee winters lang in tijdelijke loodsen, en de rederij houdt die "
        "loodsen aan tot de laatste werkzaamheden aan de pier klaar zijn.</p>"
    ),
    "pt": (
        "<p>A administração do porto anunciou na terça-feira que o novo cais abre na próxima "
        "primavera, depois de três anos de obras que fecharam a antiga lota e mudaram os "
        "barcos.</p>"
        "<p>Os passageiros esperaram em pavilhões provisórios durante dois invernos, e a empresa "
        "vai mantê-los até ao fim das obras no molhe, segundo o comunicado.</p>"
    ),
}
PITCHES = [
    (
        "en",
        "<p>Subscribe to The Harbour Times for unlimited access to every article. "
        "Cancel anytime.</p><p>Already a subscriber? Sign in</p>",
        "subscription/en-imperative",
    ),
    (
        "en",
        "<p>Support our journalism. Become a member today and help keep our reporting free "
        "for everyone.</p>",
        "donation/en-support-us",
    ),
    (
        "fr",
        "<p>Abonnez-vous pour lire la suite et accéder à tous nos articles en illimité.</p>"
        "<p>Déjà abonné ? Se connecter</p>",
        "paywall/fr-reserve",
    ),
    (
        "de",
        "<p>Jetzt abonnieren und alle Artikel unbegrenzt lesen. Die ersten vier Wochen "
        "kostenlos.</p><p>Bereits Abonnent? Hier anmelden</p>",
        "subscription/de-abonnieren",
    ),
    (
        "nl",
        "<p>Word abonnee van De Avondkrant en lees onbeperkt al onze artikelen. Nu het eerste "
        "jaar 50% korting.</p><p>Al abonnee? Log in</p>",
        "subscription/nl-word-abonnee",
    ),
    (
        "pt",
        "<p>Este artigo é exclusivo para assinantes. Assine o Jornal do Norte e apoie o "
        "jornalismo regional: 1 € por mês durante três meses.</p>",
        "paywall/pt-exclusivo",
    ),
]


def page(lang: str | None, body: str) -> str:
    declared = f" lang='{lang}'" if lang else ""
    return f"<html{declared}><body>{body}</body></html>"


def pruned_page(html: str) -> tuple[str, tuple[Removal, ...]]:
    """Prune ``html``; return the text left, its pieces spaced, and the removals."""
    root = parse_html(html, location="t")
    removals = prune(root)
    return " ".join(" ".join(root.itertext()).split()), removals


def pruned_beside(extra: str) -> tuple[str, tuple[Removal, ...]]:
    """Prune an English page holding the article and ``extra``."""
    return pruned_page(page("en", f"<article>{ARTICLE}</article>{extra}"))


def words_of(html: str) -> str:
    """The text of ``html`` with its pieces spaced, as a removal records it."""
    return " ".join(" ".join(parse_html(html, location="t").itertext()).split())


@pytest.mark.parametrize(
    ("lang", "box", "rule"), PITCHES, ids=[f"{lang}-{rule}" for lang, _b, rule in PITCHES]
)
def test_a_prose_pitch_in_a_neutral_div_is_removed_under_the_block_rule_that_names_it(
    lang: str, box: str, rule: str
) -> None:
    html = page(lang, f"<div class='story'>{STORY[lang]}</div><div class='box-7'>{box}</div>")
    text, removals = pruned_page(html)
    assert [(r.rule, r.text, r.index) for r in removals] == [(rule, words_of(box), None)]
    assert words_of(box)[:40] not in text
    assert words_of(STORY[lang]) in text


@pytest.mark.parametrize(("lang", "box", "rule"), PITCHES[2:], ids=["fr", "de", "nl", "pt"])
def test_a_page_that_does_not_declare_its_language_is_judged_in_the_detected_one(
    lang: str, box: str, rule: str
) -> None:
    text, removals = pruned_page(page(None, f"<section>{STORY[lang]}</section><div>{box}</div>"))
    assert [r.rule for r in removals] == [rule]
    assert words_of(STORY[lang]) in text


def test_read_html_reports_the_prose_pitch_readability_would_drop_silently() -> None:
    import lire

    box = PITCHES[4][1]
    html = page("nl", f"<div class='story'><h1>De kade</h1>{STORY['nl']}</div><div>{box}</div>")
    article = lire.read_html(html).article
    assert [(r.rule, r.text) for r in article.removed] == [
        ("subscription/nl-word-abonnee", words_of(box))
    ]
    assert "abonnee" not in article.text.lower()
    assert "Reizigers wachtten twee winters lang" in article.text


@pytest.mark.parametrize(
    "extra",
    [
        # mentions of subscribing, paywalls, newsletters, cookies and donations: news, no pitch
        "<div class='note'><p>The newspaper said its subscriptions rose by four percent last "
        "year, to 120,000 readers, and that the paywall would stay.</p></div>",
        "<div><p>Readers who signed up for the port's newsletter were told about the delay "
        "a week before the council.</p></div>",
        "<div class='fact'><p>Cookies on the council's website track fewer visitors than "
        "before, the regulator found.</p></div>",
        "<div><p>Donations to the lifeboat charity doubled after the storm, its director "
        "said.</p></div>",
        # a pitch quoted by the article
        "<div><p>The banner read “Subscribe now for unlimited access”, which the union called "
        "misleading in a statement on Monday.</p></div>",
    ],
)
def test_a_small_container_that_only_mentions_a_pitch_is_kept(extra: str) -> None:
    text, removals = pruned_beside(extra)
    assert removals == ()
    assert words_of(extra) in text


def test_a_container_holding_an_article_paragraph_keeps_it_and_loses_only_its_pitch() -> None:
    pitch = "<p>Subscribe now for unlimited access.</p>"
    paragraph = (
        "<p>The quay's opening was delayed twice, first by a strike of the crane drivers and "
        "then by a storm that flooded the new ticket hall in the last week of January.</p>"
    )
    text, removals = pruned_beside(f"<div class='col'>{pitch}{paragraph}</div>")
    assert [(r.rule, r.text) for r in removals] == [("subscription/en-now", words_of(pitch))]
    assert words_of(paragraph) in text


def test_a_pitch_among_the_articles_paragraphs_is_left_to_the_block_cleaner() -> None:
    pitch = "<p>Subscribe to The Harbour Times for unlimited access to every article.</p>"
    html = page("en", f"<div class='story'>{ARTICLE}{pitch}</div>")
    text, removals = pruned_page(html)
    assert removals == ()
    assert words_of(pitch) in text


def test_a_pitch_inside_an_article_paragraph_is_not_cut_out_of_it() -> None:
    paragraph = (
        "<p>The ferries moved north in March. <span>Subscribe now for unlimited access.</span></p>"
    )
    html = page("en", f"<div class='story'>{paragraph}</div><div class='x'>{ARTICLE}</div>")
    text, removals = pruned_page(html)
    assert removals == ()
    assert words_of(paragraph) in text


def test_a_long_container_is_not_judged_as_a_whole() -> None:
    long_pitch = " ".join(["Subscribe now for unlimited access to all our articles."] * 12)
    text, removals = pruned_beside(f"<div class='x'>{long_pitch}</div>")
    assert removals == ()
    assert long_pitch in text


def test_an_article_about_subscriptions_keeps_every_paragraph() -> None:
    story = (
        "<p>Subscribe, the union says, is the word readers hear most: the paper's new "
        "offer costs 1 euro for three months, then 12 euros a month.</p>"
        "<p>Already a subscriber? That question now greets readers on every page, and the "
        "ombudsman received forty complaints about it in a single week.</p>"
        "<p>The publisher said the offer would end in June, when prices rise for everyone who "
        "joined before the summer.</p>"
    )
    text, removals = pruned_page(page("en", f"<div class='story'>{story}</div>"))
    assert removals == ()
    assert words_of(story) in text


def test_a_code_highlighters_classes_do_not_drop_code() -> None:
    code = (
        "<pre><code><span class='comment'># the berths, in order</span>\n"
        "<span class='tag'>berths</span> = sorted(quay)</code></pre>"
    )
    text, removals = pruned(code)
    assert removals == ()
    assert "# the berths, in order" in text


COLLAPSED = (
    "Der Rucksack fasst 40 Liter und wiegt 700 Gramm. Das Rückenteil ist belüftet, die Träger "
    "sind gepolstert, und der Regenschutz steckt in einem eigenen Fach am Boden."
)


@pytest.mark.parametrize(
    "panel",
    [
        f"<div class='accordion-panel' style='display: none'><p>{COLLAPSED}</p></div>",
        f"<div role='tabpanel' hidden><p>{COLLAPSED}</p></div>",
        f"<section aria-hidden='true'><p>{COLLAPSED}</p></section>",
    ],
)
def test_prose_a_page_collapses_until_it_is_opened_is_kept(panel: str) -> None:
    text, removals = pruned(panel)
    assert removals == ()
    assert COLLAPSED in text


@pytest.mark.parametrize(
    ("extra", "rule"),
    [
        ("<span style='display:none'>Sale: -20 %</span>", "hidden/dom-style"),
        # hidden and mostly links: a menu for small screens
        (
            "<div hidden>"
            + "".join(f"<a href='/{n}'>Rubrik Nummer {n}</a> " for n in range(12))
            + "</div>",
            "hidden/dom-attribute",
        ),
    ],
)
def test_hidden_chrome_still_goes(extra: str, rule: str) -> None:
    _text, removals = pruned(extra)
    assert [removal.rule for removal in removals] == [rule]


def test_hidden_prose_is_still_judged_by_its_other_names() -> None:
    modal = f"<div class='modal' style='display:none'><p>{COLLAPSED}</p></div>"
    _text, removals = pruned_page(page("de", f"<article>{ARTICLE * 3}</article>{modal}"))
    assert [removal.rule for removal in removals] == ["dialog/dom-class-modal"]


def test_a_descriptions_read_more_remainder_is_kept() -> None:
    toggle = f"<div class='content-toggle__body read-more'><p>{COLLAPSED}</p></div>"
    text, removals = pruned(toggle)
    assert removals == ()
    assert COLLAPSED in text


def test_read_more_boxes_that_repeat_or_list_links_still_go() -> None:
    reviews = "".join(
        f"<div class='review-text read-more'><p>Review {n}: {COLLAPSED}</p></div>" for n in (1, 2)
    )
    teasers = (
        "<div class='read-more'>"
        + "".join(
            f"<a href='/story/{n}'>Another story of the harbour, number {n}</a> " for n in range(4)
        )
        + "</div>"
    )
    for extra, count in ((reviews, 2), (teasers, 1)):
        _text, removals = pruned(extra)
        assert [removal.rule for removal in removals] == ["related/dom-class-read-more"] * count


def test_buttons_dropped_side_by_side_stand_between_the_same_words() -> None:
    root = parse_html(
        "<html><body><p>The ferry leaves at noon.</p>"
        + "".join(f"<button>Option {n}</button>" for n in range(5))
        + " <button>Last</button><p>Tickets are sold on board.</p></body></html>",
        location="t",
    )
    removals = prune(root)
    assert [removal.text for removal in removals] == [*(f"Option {n}" for n in range(5)), "Last"]
    assert {(removal.after, removal.before) for removal in removals} == {
        ("the ferry leaves at noon", "tickets are sold on board")
    }
