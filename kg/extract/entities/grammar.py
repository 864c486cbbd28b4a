"""German word forms the entity jobs read: attributive adjectives, the article before them, and
names in the nominative (labels are given so, whatever case the text uses)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.entities.lexicon import FEMININE, MASCULINE, NEUTER, QUANTIFIERS
from kg.extract.german import DETERMINERS, INDEFINITE_ARTICLES, adjective_stem

ARTICLES = DETERMINERS | INDEFINITE_ARTICLES  # never an adjective nor part of a name


def is_adjective(token: Token, names: bool = False) -> bool:
    """An attributive adjective ("außenpolitische"; with `names` also a capitalised one inside a name,
    "Nationaler"): by the tagger where there is one, else by its ending."""
    if not (token.text[:1].islower() or names) or not token.is_alpha or token.lower_ in ARTICLES:
        return False
    if token.pos_:
        return token.pos_ == "ADJ"
    return token.text.endswith(("e", "en", "er", "es", "em"))


def article_before(doc: Doc, i: int) -> str:
    """The word before the adjectives before token i: "dem" in "dem französischen Politiker"."""
    while i > 0 and is_adjective(doc[i - 1]):
        i -= 1
    return doc[i - 1].lower_ if i else ""


def weak_singular(doc: Doc, i: int) -> bool:
    """"der britische Fernsehsender", "die neue Regierungssprecherin": after a definite article an
    adjective in "-e" shows the singular (the plural is "die britischen Fernsehsender")."""
    before = doc[i - 1] if i > 1 else None
    return bool(before and is_adjective(before) and before.lower_.endswith("e")
                and article_before(doc, i) in ("der", "die", "das"))


def attributes(doc: Doc, i: int) -> list[Token]:
    """The descriptive adjectives right before token i ("politischer" Beobachter), without
    quantities ("weitere", "viele") and country adjectives (kept in the label already)."""
    j = i
    while j > 0 and _is_attribute(doc[j - 1]):
        j -= 1
    return list(doc[j:i])


def _is_attribute(token: Token) -> bool:
    """A describing adjective: not a quantity ("zehntausende") nor a participle ("protestierende")."""
    stem = adjective_stem(token.lower_)
    adjective = is_adjective(token) or token.is_sent_start and token.pos_ == "ADJ"
    return adjective and stem not in QUANTIFIERS and not stem.endswith("end")


def plural(adjective: str) -> str:
    """An attributive adjective in the nominative plural: "politischer", "staatlichen" -> "politische"."""
    return adjective_stem(adjective.lower()) + "e"


def nominative(name: str, said: set[str]) -> str:
    """"Kremls" -> "Kreml" where the article also says "Kreml"; "Hamas" and "Texas" stay as they are;
    "Süddeutschen Zeitung" -> "Süddeutsche Zeitung", "Freiwilligen Feuerwehr Mölschbach" -> "Freiwillige
    Feuerwehr Mölschbach" (a feminine head shows the case of its adjectives: "-en" is never nominative)."""
    words = name.split()
    cut = next((i for i, w in enumerate(words) if w[:1].islower()), len(words))  # "der Universität …" is a complement
    head = next((i for i, w in enumerate(words[:cut]) if i and w.lower().endswith(FEMININE)), 0)
    weak = _leading_weak(words[:head])
    if weak:
        return " ".join([*(w[:-1] for w in words[:weak]), *words[weak:]])
    return name[:-1] if name.endswith("s") and name[:-1] in said else name


def _leading_weak(words: list[str]) -> int:
    """How many words before a feminine head are weak adjectives to cut to "-e": all of them when
    all end in "-en" ("Freiwilligen Feuerwehr"), else the adjectives ("-schen", "-lichen", "-igen", "-alen") that open
    the name before nouns of its own ("Deutschen Fußball Liga", "Europäischen Fußball Union": an
    adjective's suffix, never a noun's, so "Bremen Liga" keeps its city)."""
    if words and all(w.endswith("en") for w in words):
        return len(words)
    n = 0
    while n < len(words) and words[n].endswith(("schen", "lichen", "igen", "alen")):
        n += 1
    return n


def said_uninflected(genitive: Token) -> bool:
    """Is "Salvinis" the genitive of a name the article also gives uninflected ("Salvini", "die
    Verdi-Oper")? Then in "Matteo Salvinis Lega" or "Verdis Oper" the word after it is what the person
    owns, no part of the name, and the name's label drops the "-s"."""
    stem = genitive.text.rstrip("s'’")
    return len(stem) > 1 and genitive.text != stem and any(
        t.text.partition("-")[0] == stem for t in genitive.doc if t.i != genitive.i)


def head_gender(noun: str) -> str | None:
    """"m" or "n" where the noun ends in a head of known gender ("Handballbund", "Rotes Kreuz"), else None."""
    low = noun.lower()
    if low.endswith(MASCULINE):
        return "m"
    return "n" if low.endswith(NEUTER) else None


def strong_adjective(adjective: str, gender: str) -> str:
    """"Deutschen", "Deutsche" -> "Deutscher" before a masculine head ("m"), "Deutsches" before a neuter
    one ("n"): the strong nominative a name's label takes when said without an article."""
    stem = adjective[:-2] if adjective.endswith("en") else adjective[:-1]
    return stem + ("er" if gender == "m" else "es")


def weak_nominative(name: str) -> str:
    """"Vereinigten Arabischen Emiraten" -> "Vereinigte Arabische Emirate": every "-en" cut to "-e", the
    nominative of a name in the dative plural or after an article, for a look-up in the gazetteer."""
    return " ".join(w[:-1] if w.endswith("en") else w for w in name.split())


def city_stems(adjective: str) -> list[str]:
    """The city names a city adjective in "-er" may come from: "Berliner" -> "Berlin", "Münchner" and
    "Dresdner" -> "München", "Dresden" (the "e" of the "-en" ending falls before "-er"), "Bremer" ->
    "Bremen" (the "-en" falls)."""
    if not adjective.endswith("er"):
        return []
    stem = adjective[:-2]
    return [stem, stem[:-1] + "en", stem + "en"] if stem.endswith("n") else [stem, stem + "en"]


def strong_forms(name: str) -> list[str]:
    """"Internationalem Währungsfonds", "Europäischer Zentralbank" (dative without article) -> the
    name with every capitalised adjective before the head in "-e", "-er" and "-es", for a look-up in
    the gazetteer, which lists names in the nominative ("Internationaler Währungsfonds",
    "Europäische Zentralbank")."""
    words = name.split()
    if len(words) < 2 or not all(w[:1].isupper() and w.endswith(("em", "er", "en", "es", "e")) for w in words[:-1]):
        return []
    stems = [w[:-1] if w.endswith("e") else w[:-2] for w in words[:-1]]
    return [" ".join([*(s + ending for s in stems), words[-1]]) for ending in ("e", "er", "es")]
