"""Words per language: stop words, the Snowball stemmer that fits, and the terms of a text.

The stop-word lists are compact and hand-written (function words: articles, pronouns,
prepositions, conjunctions, auxiliaries and the commonest adverbs). They are data, kept as one
space-separated string per language and turned into sets on first use.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

__all__ = ["SNOWBALL", "STOP_WORDS", "content_words", "stem_map", "stop_words", "terms"]

_LONG_WORD = re.compile(r"\w{2,}")  # the words longer than one letter

STOP_WORDS: dict[str, str] = {
    "en": """
        a about above after again against all also am an and any are as at be because been
        before being below between both but by can could did do does doing down during each
        even ever few for from further had has have having he her here hers herself him himself
        his how i if in into is it its itself just may me might more most much must my myself no
        nor not now of off on once one only or other our ours ourselves out over own said same
        says she should since so some such than that the their theirs them themselves then there
        these they this those through to too under until up upon us very was we were what when
        where whether which while who whom whose why will with would yet you your yours
        yourself yourselves also another many new two three like get got still
    """,
    "fr": """
        a à afin ai aie aient ait alors as au aucun aucune aussi autre autres aux avait avaient
        avant avec avoir avons ayant c ça car ce ceci cela celle celles celui cependant certains
        ces cet cette ceux chaque chez comme comment d dans de des deux devant dont donc du elle
        elles en encore entre es est et étaient était été être eu eux fait faire fois font il ils
        j je jusqu l la le les leur leurs lors lui m ma mais me même mes moi moins mon n ne ni
        nos notre nous on ont or ou où par parce pas peu peut plus plusieurs pour pourquoi
        qu quand que quel quelle quelles quels qui s sa sans se selon ses si son sont sous sur
        t ta tandis te tes toi ton tous tout toute toutes très tu un une vers vos votre vous y
        déjà ainsi après aujourd hui bien cas depuis dit doit été lorsque mêmes sera seront
        serait avoir
    """,
    "de": """
        aber alle allem allen aller alles als also am an andere anderen auch auf aus bei beim
        bin bis bist da dabei damit dann das dass dem den denn der des dessen die dies diese
        diesem diesen dieser dieses doch dort du durch ein eine einem einen einer eines er es
        etwa euch euer für gegen gewesen hat hatte hatten hier hin ich ihm ihn ihnen ihr ihre
        ihrem ihren ihrer im in ist ja jede jedem jeden jeder jedes jetzt kann kein keine
        können man manche mehr mein meine mich mir mit muss nach nicht nichts noch nun nur ob
        oder ohne schon sehr sein seine seinem seinen seiner sich sie sind so soll sollen
        sondern um und uns unser unter viel vom von vor war waren warum was weil welche wenn
        wer werden wie wieder will wir wird wo wurde wurden zu zum zur zwei über sowie bereits
        immer sei seit habe haben hatte worden wäre
    """,
    "es": """
        a al algo algunos ante antes así aun aunque bien cada como con contra cual cuando de
        del desde donde dos e el él ella ellas ellos en entre era eran es esa esas ese eso esos
        esta está están estaba estas este esto estos fue fueron ha había han hasta hay la las
        le les lo los más me mi mientras mismo muy nada ni no nos nosotros o otra otras otro
        otros para pero poco por porque puede que quien se según ser si sí sido sin sobre son
        su sus también tan tanto te tiene tienen todo todos tras tu un una uno unos y ya yo
        sus sea ser será sería además después dijo
    """,
    "it": """
        a abbiamo ad agli ai al alla alle allo anche ancora avere aveva c che chi ci come con
        contro cui da dai dal dalla dalle degli dei del della delle dello di dopo dove e è ed
        era erano essere fa fino gli ha hanno ho i il in io l la le lei lo loro lui ma mi molto
        ne negli nei nel nella nelle nello noi non nostro o oltre per perché più poi proprio
        qua quale quando quanto quella quelle quelli quello questa queste questi questo se sia
        siamo si sono sta stato stata su sua sue sui sul sulla suo suoi tra tutti tutto un una
        uno voi già stati sempre ecco essere mentre secondo
    """,
    "pt": """
        a à ao aos as às até com como da das de dela dele deles depois do dos e é ela elas ele
        eles em entre era eram essa essas esse esses esta está estão este estes eu foi foram há
        isso isto já la lhe lhes mais mas me mesmo meu minha muito na nas não nem no nos nós
        num numa o os ou para pela pelas pelo pelos por porque qual quando que quem se sem ser
        seu seus si só sobre sua suas também te tem têm ter um uma umas uns você vocês vai
        segundo ainda sido sendo onde após disse
    """,
    "nl": """
        aan al alle als alles ben bij binnen dan dat de deze die dit doch door dus een eens en
        er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik
        in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu
        of om omdat ons onze ook op over reeds te tegen toch toen tot u uit uw van veel voor
        want waren was wat we wel werd wie wij wil worden wordt zal ze zelf zich zij zijn zo
        zonder zou volgens nadat tussen
    """,
}

# ISO 639-1 code -> the Snowball algorithm name (all ship inside the snowballstemmer wheel).
SNOWBALL: dict[str, str] = {
    "ar": "arabic",
    "ca": "catalan",
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "eu": "basque",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hu": "hungarian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "nb": "norwegian",
    "nl": "dutch",
    "nn": "norwegian",
    "no": "norwegian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
}


@cache
def stop_words(lang: str | None) -> frozenset[str]:
    """The stop words of ``lang`` (an ISO 639-1 code); empty for a language without a list."""
    if lang is None or lang not in STOP_WORDS:
        return frozenset()
    return frozenset(STOP_WORDS[lang].split())


def terms(text: str, lang: str | None) -> tuple[str, ...]:
    """The content words of ``text``: lower-cased, stop words dropped, stemmed when possible."""
    words = content_words(text, lang)
    stems = stem_map(set(words), lang)
    return tuple(stems.get(word, word) for word in words)


def content_words(text: str, lang: str | None) -> list[str]:
    """The words of ``text``, lower-cased, without stop words and one-letter words."""
    stops = stop_words(lang)
    return [word for word in _LONG_WORD.findall(text.lower()) if word not in stops]


def stem_map(words: set[str], lang: str | None) -> dict[str, str]:
    """Each word and its stem, from one call to the stemmer ({} for a language without one)."""
    stemmer = _stemmer(lang)
    if stemmer is None or not words:
        return {}
    unique = sorted(words)
    return dict(zip(unique, stemmer(unique), strict=True))


@cache
def _stemmer(lang: str | None) -> Callable[[list[str]], list[str]] | None:
    import snowballstemmer  # about 2 ms with PyStemmer, 15 ms without: only when summarizing

    name = SNOWBALL.get(lang or "")
    if name is None or name not in snowballstemmer.algorithms():
        return None
    stemmer = snowballstemmer.stemmer(name)

    def stem(words: list[str]) -> list[str]:
        return list(stemmer.stemWords(words))

    return stem
