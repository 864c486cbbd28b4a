"""kg's spaCy components, registered with spaCy when this module is imported (by `kg.nlp.load`)."""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from kg.gazetteer import load_gazetteer
from kg.nlp import name_key

SENTENCE_END = frozenset(".!?:;")
QUOTES = frozenset('"\'“”„«»‚‘’›‹)')


@Language.component("kg_paragraphs", assigns=["token.is_sent_start"])
def paragraphs(doc: Doc) -> Doc:
    """Sentence starts the parser must respect: after a line break always (headlines and subheads
    carry no full stop), and never after a token that cannot end a sentence ("Biden und Putin |
    hatten sich …" is one sentence)."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if before.is_space and "\n" in before.text:
            token.is_sent_start = True
        elif token.is_space and "\n" in token.text:
            token.is_sent_start = False  # the line break belongs to the sentence it ends
        elif not _may_end(doc, token.i - 1):
            token.is_sent_start = False
    return doc


def _may_end(doc: Doc, i: int) -> bool:
    """Can a sentence end with token i (a full stop, or a quote or bracket right after one)?"""
    while i >= 0 and doc[i].text in QUOTES:
        if i > 0 and (doc[i - 1].whitespace_ or doc[i - 1].is_space):
            return False  # '. "Wenn': an opening quote, the sentence starts before it
        i -= 1
    return i >= 0 and (doc[i].text[-1:] in SENTENCE_END or (doc[i].is_space and "\n" in doc[i].text))


@Language.component("kg_entity_vote", assigns=["doc.ents"], requires=["doc.ents"])
def entity_vote(doc: Doc) -> Doc:
    """One name, one label per article: a name keeps the label most of its mentions got.

    A single name that ends a longer person name ("Biden" after "Joe Biden") votes with it.
    Gazetteer hits (with an entity id) are fixed and never relabelled.
    """
    lines = [e for e in _split_lines(doc, list(doc.ents)) if not _lower_adjective(e)]
    places = _places(lines)
    lines = [_place_run(doc, e, places) for e in lines]
    persons = {e.text.split()[-1] for e in lines if e.label_ == "PER" and " " in e.text} - places
    keys = [name_key(e.text) for e in lines]
    votes: dict[str, Counter] = {}
    for ent, key in zip(lines, keys):
        votes.setdefault(key, Counter())[ent.label_] += 3 if ent.ent_id_ else 1
        if key in persons:
            votes[key]["PER"] += 2
    ents = []
    for ent, key in zip(lines, keys):
        label = votes[key].most_common(1)[0][0]
        if ent.ent_id_ or label == ent.label_:
            ents.append(ent)
        else:
            ents.append(doc.char_span(ent.start_char, ent.end_char, label=label) or ent)
    doc.ents = _propagate_surnames(doc, ents, places)
    return doc


def _places(ents: list) -> set[str]:
    """The last words of longer person names that are places on their own: tagged by the gazetteer as a
    place or country, or tagged LOC alone more often than PER alone and as the end of a person name
    together. They make no surname ("Neckar Mannheim" tagged PER once, "Mannheim" LOC three times:
    "Mannheim" stays the city; "Xanana Gusmão" once and "Gusmão" LOC once: he stays a person)."""
    alone: dict[str, Counter] = {}
    for e in ents:
        if len(e) == 1:
            alone.setdefault(name_key(e.text), Counter())[e.label_] += 1
    last = Counter(e[-1].text for e in ents if e.label_ == "PER" and len(e) > 1)
    gaz = load_gazetteer()
    return {
        word for word, persons in last.items()
        if (c := alone.get(name_key(word))) and c["LOC"] > c["PER"] + persons
        or (entry := gaz.name(word)) is not None and entry.type in ("Place", "Country") and not entry.link_only
    }


def _place_run(doc: Doc, ent, places: set[str]):
    """"Rhein und Neckar Mannheim protestierte" (a headline) tagged PER: a longer "person" whose last word
    is a place on its own and whose first word is no first name is a run of place names, no person."""
    if ent.label_ != "PER" or len(ent) < 2 or ent.ent_id_ or ent[-1].text not in places:
        return ent
    if load_gazetteer().is_first_name(ent[0].text):
        return ent  # "Anna Berlin": a first name makes her a person whatever her surname
    return doc.char_span(ent.start_char, ent.end_char, label="LOC") or ent


def _lower_adjective(ent) -> bool:
    """"französische", "deutschen" tagged as a name: a lower-case adjective alone names nothing."""
    return (len(ent) == 1 and not ent.ent_id_ and ent[0].is_lower
            and (ent[0].pos_ == "ADJ" or ent[0].tag_ in ("ADJA", "ADJD", "JJ")))


def _split_lines(doc: Doc, ents: list) -> list:
    """No name runs over a line break: a headline's last word and the next line's first ("Neckar" /
    "Mannheim", "Ray" / "Dalio") are two names."""
    out = []
    for ent in ents:
        start = ent.start
        for t in ent:
            if t.is_space and "\n" in t.text or t.i == ent.end - 1:
                end = t.i if t.is_space else t.i + 1
                if end > start:
                    span = doc[start:end]
                    span.label_, span.id_ = ent.label_, ent.id_
                    out.append(span)
                start = t.i + 1
    return out


def _propagate_surnames(doc: Doc, ents: list, places: set[str]) -> list:
    """Once "Joe Biden" is a person, every "Biden" or "Bidens" of the article is a mention of him
    (but "Mannheims" stays the city where "Mannheim" is a place on its own)."""
    surnames = {e[-1].text for e in ents if e.label_ == "PER" and len(e) > 1 and e[-1].text[:1].isupper()} - places
    if not surnames:
        return ents
    covered = {i for e in ents for i in range(e.start, e.end)}
    extra = [
        doc[t.i : t.i + 1]
        for t in doc
        if t.i not in covered and (t.text in surnames or (t.text.endswith("s") and t.text[:-1] in surnames))
    ]
    for span in extra:
        span.label_ = "PER"
    return sorted([*ents, *extra], key=lambda e: e.start)
