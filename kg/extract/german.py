"""German grammar on a parsed spaCy Doc, shared by the extractors (events, claims).

Nothing here knows about events or claims: these are the facts of German a news reader needs —
where a sentence, its comma-delimited segments and a verb's clause end, whether a line is a headline,
the regular forms of a verb or noun, where a noun phrase ends, which verb forms make a past, perfect,
future or passive, what a "zu"-infinitive or a directional phrase ("in die Ukraine") looks like. The tagger is trusted
where it is reliable (morphology, STTS tags) and helped by word lists where it is not; the lists
are data, kg/data/german.json, so a newcomer adds a word by editing one line.

Tokens come from kg's pipeline (kg/nlp): UD part-of-speech, STTS tags, German morphology.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Container, Iterator, Mapping, Sequence
from operator import attrgetter

from spacy.tokens import Doc, Span, Token

from kg.extract.text import doc_text
from kg.lexicon import word_lists

_WORDS = word_lists("german.json")
COORDINATORS = _WORDS["coordinators"]  # "und", "oder": join names or clauses
GENITIVE_ARTICLES = _WORDS["genitive_articles"]  # "des", "einer": a genitive attribute follows
PARTICLES = _WORDS["particles"]  # separable verb prefixes ("kam … zusammen", "anzugreifen")
PERFECT_AUX = _WORDS["perfect_aux"]  # "hat", "ist" … with a participle: Perfekt
PLUPERFECT_AUX = _WORDS["pluperfect_aux"]  # "hatte", "war" … with a participle: Plusquamperfekt
FUTURE_AUX = _WORDS["future_aux"]  # "wird" … with an infinitive: Futur (with a participle: passive)
RELATIVE_PRONOUNS = _WORDS["relative_pronouns"]
DIRECTIONAL_PREPS = _WORDS["directional_preps"]  # "in"/"auf" + accusative: a direction
DIRECTIONAL_CONTRACTIONS = _WORDS["directional_contractions"]  # "ins": always a direction
DIRECTIONAL_ARTICLES = _WORDS["directional_articles"]  # accusative-only articles after those
INSEPARABLE_PREFIXES = tuple(sorted(_WORDS["inseparable_prefixes"]))  # "vereinbart", not "gevereinbart"
NOUN_ENDINGS = _WORDS["noun_endings"]  # case and plural endings of regular nouns ("Gipfels", "Gesprächen")
WERDEN_FORMS = _WORDS["werden_forms"]  # "wurde", "worden" with a participle: a passive
CLAUSE_AUXILIARIES = _WORDS["clause_auxiliaries"]  # "hat … gewarnt", "soll … warnen": finite before the verb
NOT_NOMINATIVE = _WORDS["not_nominative"]  # "den", "ihm": a phrase opening so is no subject
NAME_PARTICLES = _WORDS["name_particles"]  # "von der Leyen", "de Mistura": lower case inside a name
GENITIVE_STARTS = _WORDS["genitive_starts"]  # "des", "seiner", "von": a phrase after a noun naming whose it is
AGENT_PREPS = _WORDS["agent_preps"]  # "von", "durch": the agent of a passive
VERB_COORDINATORS = _WORDS["verb_coordinators"]  # "… zurück und wirft …": join verb phrases
MASCULINE_PRONOUNS = _WORDS["masculine_pronouns"]  # "er", "ihm", "ihn": a man or a masculine noun
SUBJECT_PRONOUNS = _WORDS["subject_pronouns"]  # "er", "sie" right by the verb: its subject
MUTUAL_PRONOUNS = _WORDS["mutual_pronouns"]  # "beide": the two named before
DASS_FORMS = _WORDS["dass_forms"]  # "dass", old spelling "daß"
NOT_MAIN_CLAUSE_OPENERS = _WORDS["not_main_clause_openers"]  # "was", "wenn" … before a verb: a subordinate clause
RESUMING_CONJUNCTIONS = _WORDS["resuming_conjunctions"]  # ", und fügte hinzu": the main clause resumes
GENITIVE_DETERMINERS = _WORDS["genitive_determiners"]  # "des", "der" inside a noun phrase: a genitive attribute
VON_FORMS = _WORDS["von_forms"]  # "von", "vom": a genitive or agent phrase
DEFINITE_ARTICLES = _WORDS["definite_articles"]  # nominative singular
PERSONAL_ARTICLES = _WORDS["personal_articles"]  # "der", "die": the articles of a person noun
IN_FORMS = _WORDS["in_forms"]  # "in", "im": where a document says something
DETERMINERS = _WORDS["determiners"]  # definite articles in every case
INDEFINITE_ARTICLES = _WORDS["indefinite_articles"]  # "ein", "einer": an unnamed one
POSSESSIVES = _WORDS["possessives"]  # "ihre", "dessen": owned by someone named before
LOCATIVE_PREPS = _WORDS["locative_preps"]  # "in", "bei", "nahe": a place as location, not as actor
ABSTRACT_SUFFIXES = tuple(_WORDS["abstract_suffixes"])  # "-ung", "-heit": a noun for an act or a state
KONJUNKTIV_IDIOMS = [p.split() for p in _WORDS["konjunktiv_idioms"]]  # "es sei denn": frozen, reports nothing
_PARTICIPLE = re.compile(rf"^({'|'.join(sorted(_WORDS['participle_prefixes']))})?ge\w{{3,}}(t|en)$")  # "zurückgesagt"
_ZU_INFIX = re.compile(rf"^({'|'.join(sorted(_WORDS['zu_infix_prefixes']))})zu\w{{3,}}en$")  # "zurückzuweisen"

SEGMENT_BOUNDARIES = frozenset({",", ";", ":", "–", "—"})
CLAUSE_MARKS = (",", ";", ":", ".", "!", "?")  # punctuation that bounds a clause (a dash may stand inside one);
# a full stop inside a parsed sentence ends a quoted sentence the parser joined to the next
SENTENCE_END = frozenset(".!?:\"“”»«')")  # a parser's sentence ending in one of these ends a sentence
HEADLINE_END = (".", "!", "?", '"', "“", "”", "«", "»")  # a line ending otherwise is a headline
TITLE_END = ("?", "!")  # a first line ending so, set apart by a blank line, is a headline too
NP_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"})  # what a plain noun phrase is made of
PARTICIPLE_TAGS = ("VVPP", "VAPP", "VMPP")
ZU_TAGS = ("PTKZU", "VVIZU")
SUBJECT_DEPS = frozenset({"nsubj", "sb", "nsubj:pass"})  # the parser mixes UD and TIGER labels
FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN", "VBD", "VBZ", "VBP"})  # the tagger mixes STTS and PTB tags


def sentences(doc: Doc) -> Iterator[Span]:
    """The parser's sentences, re-joined where it split inside one ("Biden und Putin | hatten sich …"):
    a sentence ends at . ! ? : (or a closing quote after them) or at a line break."""
    start = None
    for sent in doc.sents:
        start = sent.start if start is None else start
        text = sent.text
        stripped = text.rstrip()
        following = doc[sent.end].text if sent.end < len(doc) else "\n"
        if not stripped or stripped[-1] in SENTENCE_END or "\n" in text[len(stripped):] or "\n" in following:
            yield doc[start : sent.end]
            start = None
    if start is not None:
        yield doc[start:]


def segments(sent: Span) -> list[tuple[int, int]]:
    """The token ranges of a sentence between , ; : and dashes: its clauses and phrases as
    punctuation marks them (German sets off every subordinate clause with commas)."""
    out, start = [], sent.start
    for t in sent:
        if t.text in SEGMENT_BOUNDARIES:
            if t.i > start:
                out.append((start, t.i))
            start = t.i + 1
    if start < sent.end:
        out.append((start, sent.end))
    return out


def is_heading_line(text: str, start: int, end: int) -> bool:
    """The sentence at text[start:end] is a title or subhead: a line of its own without closing
    punctuation. Stricter than `is_headline` (the line must hold nothing else; ":" and ";" close it)."""
    line_start = start == 0 or text[start - 1] == "\n"
    line_end = end >= len(text) or text[end : end + 1] == "\n"
    return line_start and line_end and not text[start:end].rstrip().endswith(tuple(".!?:;"))


def is_headline(doc: Doc, start: int) -> bool:
    """The line from token `start` has no final full stop: a headline or subhead, which names things
    in short (the whole line counts: "Unruhen im Westen Chinas: Dutzende Tote" is one, though a
    sentence ends at its colon)."""
    text = doc_text(doc)
    first = doc[start].idx
    end = text.find("\n", first)
    line = text[first:end if end >= 0 else len(text)]
    if text.startswith("\n", end) and text.startswith("\n", end + 1) and "\n" not in text[:first] \
            and line.rstrip().endswith(TITLE_END):
        return True  # the title asks or exclaims: "Droht nach der Übernahme ein Streik?"
    return not line.rstrip().endswith(HEADLINE_END)


def noun_phrase_end(doc: Doc, i: int, limit: int, *, names: Mapping[int, int] | None = None,
                    stops: Container[int] = (), clause_pronouns: Collection[str] = (),
                    pos: Callable[[Token], str] = attrgetter("pos_")) -> int:
    """End of a plain noun phrase starting at token i (at most `limit`): articles, adjectives, nouns,
    numbers and pronouns; "und" joins phrases; parentheses are skipped. A name is atomic (`names`:
    a token of a name -> the end of that name). The phrase ends before a token in `stops` (a date),
    before an adjective after its noun ("Angaben Uschakows vereinbarten": a verb the tagger took for
    an adjective) and before a pronoun that opens a clause (`clause_pronouns`: "der", "welche").
    `pos` may stand in for the tagger (kg's extractors guess for untagged Docs)."""
    names = names or {}
    end = i
    head = False  # a noun or name has been read since the last "und"
    while end < limit:
        t = doc[end]
        if end in names:
            end = max(end + 1, names[end])
            head = True
            continue
        if end in stops:
            break
        p = pos(t)
        if p == "ADJ" and head:
            break
        if p in NP_POS and not (p == "PRON" and t.lower_ in clause_pronouns):
            end += 1
            head = head or p in ("NOUN", "PROPN")
            continue
        if t.lower_ in COORDINATORS and end + 1 < limit and pos(doc[end + 1]) in NP_POS:
            end += 1
            head = False
            continue
        if t.text in ("(", ")"):
            end += 1
            continue
        break
    return end


def is_verb(t: Token) -> bool:
    """A full or auxiliary verb by the tagger."""
    return t.pos_ in ("VERB", "AUX")


def is_finite_form(t: Token) -> bool:
    """Finite by its morphology (verb form, mood, or person on a non-pronoun), whatever part of speech
    the tagger gave it ("warnte" as an adjective)."""
    morph = t.morph
    return "Fin" in morph.get("VerbForm") or bool(morph.get("Mood")) or (bool(morph.get("Person")) and t.pos_ != "PRON")


def is_abstract_noun(word: str) -> bool:
    """A noun whose ending makes it an act, a state or a quality ("Anwendung", "Zuversicht",
    "Uninformiertheit"): such a noun names no one who could speak, unless a lexicon says otherwise
    ("Regierung", "Kommission")."""
    return word[:1].isupper() and word.lower().endswith(ABSTRACT_SUFFIXES)


def is_finite_verb(t: Token) -> bool:
    """A finite form the tagger did not call a noun, pronoun, determiner or number: a verb, even where
    it was tagged an adjective."""
    return is_finite_form(t) and t.pos_ not in ("NOUN", "PROPN", "PRON", "DET", "NUM")


def looks_like_participle(t: Token) -> bool:
    """A participle by morphology or tag, or by its shape where the tagger missed it: "-iert",
    "ge…t"/"ge…en" after an optional separable prefix ("zurückgewiesen"). Wider than
    `is_participle`: the shape test also takes some nouns and adjectives, harmless where a verb is expected."""
    return ("Part" in t.morph.get("VerbForm") or t.tag_ == "VVPP" or t.lower_.endswith("iert")
            or bool(_PARTICIPLE.match(t.lower_)))


def has_zu_infix(word: str) -> bool:
    """"zurückzuweisen", "anzukündigen": a separable verb's zu-infinitive by its shape (lower case word);
    unlike `is_separable_zu_infinitive` it wants three letters of stem between "zu" and "-en"."""
    return bool(_ZU_INFIX.match(word))


def joins_verb_phrases(doc: Doc, i: int) -> bool:
    """"… zurück und wirft …": token i is a conjunction with a finite verb right after it, so it joins two
    verb phrases and bounds a clause (not "Biden und Putin")."""
    if doc[i].lower_ not in VERB_COORDINATORS:
        return False
    return any(is_finite_verb(x) for x in doc[i + 1 : i + 4][:2])


def clause_bounds(sent: Span, token: Token) -> tuple[int, int]:
    """Token range of the clause around a verb: between the commas, semicolons, colons or verb-joining
    conjunctions next to it within the sentence. Coarser than the parse, and sturdier where it errs."""
    doc = sent.doc
    lo = token.i
    while lo > sent.start and doc[lo - 1].text not in CLAUSE_MARKS and not joins_verb_phrases(doc, lo - 1):
        lo -= 1
    hi = token.i + 1
    while hi < sent.end and doc[hi].text not in CLAUSE_MARKS and not joins_verb_phrases(doc, hi):
        hi += 1
    return lo, hi


def clause_finite(sent: Span, token: Token) -> Token:
    """The finite verb of a verb's clause: the verb itself, or the first auxiliary or modal before it
    ("hat … gewarnt", "will … warnen"): a verb after an auxiliary of its clause is non-finite."""
    lo, _ = clause_bounds(sent, token)
    aux = [t for t in sent.doc[lo : token.i] if t.pos_ == "AUX" or t.lower_ in CLAUSE_AUXILIARIES]
    return aux[0] if aux else token


def is_passive(sent: Span, token: Token) -> bool:
    """"wurden … zurückgewiesen", "wird … gefordert": a participle with a form of "werden" in its clause
    ("sei davon ausgegangen" is a perfect with "sein", whatever the parse calls it)."""
    if any(c.dep_ == "aux:pass" and (c.lemma_ == "werden" or c.lower_ in WERDEN_FORMS) for c in token.children):
        return True
    if not looks_like_participle(token) and not any(c.dep_ == "nsubj:pass" for c in token.children):
        return False
    lo, hi = clause_bounds(sent, token)
    return any(t.lemma_ == "werden" or t.lower_ in WERDEN_FORMS for t in sent.doc[lo:hi] if t.i != token.i)


def has_zu_infinitive_words(tokens: Sequence[Token]) -> bool:
    """"…, schwere Sanktionen zu verhängen", "…, die Euphorie auszunutzen": "zu" before a verb, the
    VVIZU tag or a zu-infix. Stricter than `has_zu_infinitive`, which also trusts a lone PTKZU tag."""
    return any(t.lower_ == "zu" and i + 1 < len(tokens) and tokens[i + 1].pos_ in ("VERB", "AUX")
               for i, t in enumerate(tokens)) or any(has_zu_infix(t.lower_) or t.tag_ == "VVIZU" for t in tokens)


def after_object_pronouns(doc: Doc, j: int, hi: int) -> int:
    """The token after the reflexive and object pronouns from j (at most hi): "äußerte sich der
    Präsident", "beschrieb ihn X" — the subject follows them."""
    while j < hi and doc[j].pos_ == "PRON" and ("Yes" in doc[j].morph.get("Reflex") or doc[j].lower_ in NOT_NOMINATIVE):
        j += 1
    return j


def is_oblique(doc: Doc, char: int) -> bool:
    """The phrase at a character offset is visibly not in the nominative: after "den"/"dem"/"einem"
    (adjectives between) or a preposition."""
    first = doc.char_span(char, char + 1, alignment_mode="expand")
    j = first.start - 1 if first is not None else -1
    while j >= 0 and doc[j].pos_ == "ADJ":
        j -= 1
    return j >= 0 and (doc[j].lower_ in NOT_NOMINATIVE or doc[j].pos_ == "ADP")


def pronoun_features(pronoun: Token) -> tuple[str, str] | None:
    """Gender and number of "er"/"sie"/"ihm"/"ihnen", for finding what it refers to: "sie" is plural
    when its verb is ("sie erklärten"), else feminine singular; "" is any gender. None for other
    words and for "Sie" inside a sentence, which addresses someone."""
    low = pronoun.lower_
    if low in MASCULINE_PRONOUNS:
        return "Masc", "Sing"
    if low == "ihnen":
        return "", "Plur"
    if low != "sie" or (pronoun.text == "Sie" and not pronoun.is_sent_start):
        return None
    verb = pronoun.head if pronoun.dep_ in SUBJECT_DEPS else None
    aux = [c for c in verb.children if c.dep_.startswith("aux") and is_finite_form(c)] if verb is not None else []
    number = next((t.morph.get("Number")[0] for t in [*aux, verb] if t is not None and is_finite_form(t)
                   and t.morph.get("Number")), None)
    number = number or (pronoun.morph.get("Number") or ["Sing"])[0]
    return ("Fem", "Sing") if number == "Sing" else ("", "Plur")


def looks_genitive(word: str) -> bool:
    """"Putins", "Uschakows": a name in the genitive -s, not one ending so anyway ("Markus", "Reuters" aside)."""
    return word.endswith("s") and not word.endswith(("us", "os", "as", "is", "es"))


def is_finite_present(t: Token) -> bool:
    """A finite verb in the present tense by morphology ("trifft", "streiken")."""
    return is_verb(t) and "Pres" in t.morph.get("Tense") and "Fin" in t.morph.get("VerbForm")


def is_finite_past(t: Token) -> bool:
    """A verb in the Präteritum by morphology ("traf"); participles carry Tense=Past too and do not count."""
    return "Past" in t.morph.get("Tense") and "Part" not in t.morph.get("VerbForm") and is_verb(t)


def is_participle(t: Token, known: Collection[str] = ()) -> bool:
    """"telefoniert", "getroffen": by morphology, tag (VVPP …) or a list of `known` participles
    (the tagger misses many of the verbs a caller cares about)."""
    return "Part" in t.morph.get("VerbForm") or t.tag_ in PARTICIPLE_TAGS or t.lower_ in known


def is_perfect(tokens: Sequence[Token], known: Collection[str] = ()) -> bool:
    """Perfekt or Plusquamperfekt among the tokens: an auxiliary "haben"/"sein" and a participle."""
    return _compound_tense(tokens, PERFECT_AUX | PLUPERFECT_AUX, known)


def is_pluperfect(tokens: Sequence[Token], known: Collection[str] = ()) -> bool:
    """Plusquamperfekt among the tokens ("hatte … getroffen"): what happened before the story's time."""
    return _compound_tense(tokens, PLUPERFECT_AUX, known)


def _compound_tense(tokens: Sequence[Token], auxiliaries: Collection[str], known: Collection[str]) -> bool:
    return any(t.lower_ in auxiliaries for t in tokens) and any(is_participle(t, known) for t in tokens)


def is_future(tokens: Sequence[Token]) -> bool:
    """Futur I among the tokens ("werden … zusammenkommen"): a form of "werden" with an infinitive
    (not with a participle: that is the passive)."""
    return any(t.lower_ in FUTURE_AUX for t in tokens) and any(
        "Inf" in t.morph.get("VerbForm") and t.lower_ not in FUTURE_AUX for t in tokens)


def is_separable_zu_infinitive(t: Token) -> bool:
    """"auszurufen", "anzugreifen": a separable verb's zu-infinitive, whatever the tagger says."""
    return t.text.islower() and t.lower_.endswith("en") and any(
        t.lower_.startswith(p + "zu") and len(t.lower_) > len(p) + 4 for p in PARTICLES)


def has_zu_infinitive(doc: Doc, span: tuple[int, int]) -> bool:
    """A "zu"-infinitive in the token range: a clause whose subject is in the clause it depends on
    ("kündigte an, den Notstand auszurufen")."""
    return any(doc[i].tag_ in ZU_TAGS or (doc[i].lower_ == "zu" and i + 1 < span[1] and is_verb(doc[i + 1]))
               or is_separable_zu_infinitive(doc[i]) for i in range(*span))


def is_relative_pronoun(t: Token) -> bool:
    """"der", "die", "welche" … tagged as a pronoun (not as an article)."""
    return t.pos_ == "PRON" and t.lower_ in RELATIVE_PRONOUNS


def is_directional(prep: Token) -> bool:
    """"in die Ukraine", "ins Baltikum", "auf das Konsulat", "in den Irak" (but "in den USA": dative
    plural) name a direction or target, not a place."""
    doc = prep.doc
    if prep.lower_ in DIRECTIONAL_CONTRACTIONS:
        return True
    if prep.lower_ not in DIRECTIONAL_PREPS or prep.i + 1 >= len(doc):
        return False
    article = doc[prep.i + 1]
    if article.lower_ in DIRECTIONAL_ARTICLES:
        return True
    if article.lower_ == "den" and prep.i + 2 < len(doc):  # accusative singular or dative plural
        return "Plur" not in doc[prep.i + 2].morph.get("Number")
    return False


def is_word_or_head(t: Token, word: str) -> bool:
    """The word itself, or a compound noun that ends in it ("Bodentruppen" for "truppen",
    "Landgericht" for "gericht"): German writes compounds as one word."""
    lower = t.lower_
    return lower == word or (len(word) > 4 and t.text[:1].isupper() and lower.endswith(word))


def noun_forms(lemma: str) -> set[str]:
    """A regular noun's case and plural forms ("Gipfel" -> "Gipfels", "Gipfeln" …); umlaut plurals
    ("Gespräche" is regular, "Anschläge" is not) are the caller's."""
    return {lemma + ending for ending in NOUN_ENDINGS}


def _weak_stem(base: str) -> tuple[str, str]:
    """A regular verb's stem and the "e" its endings need ("red-e-t", "vereinbar-t")."""
    stem = base[:-1] if base.endswith(("eln", "ern")) else base[:-2]
    return stem, "e" if stem.endswith(("t", "d", "chn", "ffn", "gn")) else ""


def weak_participle(base: str) -> str:
    """"vereinbaren" -> "vereinbart", "telefonieren" -> "telefoniert", "töten" -> "getötet"."""
    stem, e = _weak_stem(base)
    prefix = "" if base.endswith("ieren") or base.startswith(INSEPARABLE_PREFIXES) else "ge"
    return prefix + stem + e + "t"


def weak_forms(base: str) -> set[str]:
    """Present, past, subjunctive and participle of a regular verb ("vereinbaren" -> "vereinbarten", "vereinbart")."""
    stem, e = _weak_stem(base)
    return {base, stem + "e", stem + e + "st", stem + e + "t", stem + e + "te", stem + e + "ten", stem + e + "test",
            weak_participle(base)}


def word_before(text: str, char: int) -> str:
    """The word (lower case) before a character offset, "" at the start: the preposition of a phrase."""
    words = text[max(0, char - 40):char].split()
    return words[-1].lower() if words else ""


def adjective_stem(adjective: str) -> str:
    """An adjective without its inflection: "politischer" -> "politisch"."""
    for ending in ("en", "em", "er", "es", "e"):
        if adjective.endswith(ending):
            return adjective[: -len(ending)]
    return adjective


def inflect_adjective(adjective: str, gender: str) -> str:
    """"außenpolitische" before "Berater" -> "außenpolitischer": an adjective in the nominative
    singular of a noun's gender ("m", "f", "n"), as a name or label is given."""
    return adjective_stem(adjective) + {"m": "er", "f": "e", "n": "es"}.get(gender, "er")
