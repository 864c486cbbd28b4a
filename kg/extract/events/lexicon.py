"""The event type inventory (kg/data/event_types.jsonl) and the status and frame cues
(kg/data/event_cues.json), with the German word forms each trigger matches.

Only irregular forms are written in the data: regular (weak) verb forms and noun endings are
generated (kg.extract.german), so a newcomer adds a trigger with one lemma.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache

from kg.errors import KgError
from kg.extract import german
from kg.lexicon import DATA_DIR, word_lists

CUES = "event_cues.json"  # word lists; its "support_verbs" are verbs with forms


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    label: str  # German noun for the type ("Telefonat")
    plover: str | None
    plover_mode: str | None
    cameo: str | None
    specificity: int = 1  # the more specific type wins when mentions merge
    absorbs: frozenset[str] = frozenset()  # types whose mentions may refer to an event of this type
    state_actors: bool = False  # persons act for their country ("Putin" -> Russia) in this type
    directional: bool = False  # "in die Ukraine" names a participant (target), not the place


@dataclass(frozen=True, slots=True)
class VerbTrigger:
    type: EventType
    lemma: str
    particle: str | None = None  # separable prefix that must follow in the clause ("kam … zusammen")
    light: bool = False  # a noun trigger in the same clause names the event ("zu Beratungen zusammenkommen")
    needs: tuple[str, ...] = ()  # one of these words in the clause; "mit>" = "mit" then a name, ">" = a name next
    unless: tuple[str, ...] = ()  # none of these words in the clause ("sich übergeben": no handover)


@dataclass(frozen=True, slots=True)
class NounTrigger:
    type: EventType
    lemma: str
    compound: bool = True  # may head a compound ("NATO-Osterweiterung", "Friedensgespräche")
    exceptions: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()  # "keine andere Wahl": a choice, not an election
    channel: bool = False  # "sagte er im Gespräch mit der Zeitung": how a claim was made, no event
    state_after: frozenset[str] = frozenset()  # "ist als Partner im Gespräch": with a copula, a state
    needs: tuple[str, ...] = ()  # one of these words (or a compound ending in it) in the sentence
    unless: tuple[str, ...] = ()  # none of these words in the sentence ("Tornados" of an air force)


@dataclass(frozen=True)
class EventLexicon:
    types: dict[str, EventType]
    nouns: dict[str, NounTrigger]  # lower-case form -> trigger
    verbs: dict[str, tuple[VerbTrigger, ...]]  # lower-case form, joined or separated -> its senses, in file order
    cues: dict[str, frozenset[str]]
    support_verbs: frozenset[str]
    participles: frozenset[str]  # of trigger and support verbs, for tenses the tagger misses
    max_noun_form: int = field(default=0)

    def noun(self, word: str) -> NounTrigger | None:
        """The trigger a noun is or ends in: the longest matching form wins ("Videotelefonat" > "Telefonat")."""
        match = self._match(word)
        return match[0] if match else None

    def compound(self, word: str) -> bool:
        """The noun is a trigger only as the head of a compound ("Waldbrand"), not as itself
        ("Brand"): a name that merely ends like a trigger ("Gillibrand") is no event."""
        match = self._match(word)
        return bool(match and match[1])

    def _match(self, word: str) -> tuple[NounTrigger, bool] | None:
        """The trigger and whether it is only the head of the word."""
        lower = word.lower()
        head = lower.rsplit("-", 1)[-1]
        for size in range(min(len(head), self.max_noun_form), 2, -1):
            trigger = self.nouns.get(head[-size:])
            if trigger is None:
                continue
            if size < len(head) and not trigger.compound:
                continue
            if any(lower.endswith(x) for x in trigger.exceptions):
                return None
            return trigger, size < len(head)
        return None

    def cue(self, name: str) -> frozenset[str]:
        return self.cues.get(name, frozenset())


def verb_forms(lemma: str, particle: str | None, irregular: list[str] | None) -> tuple[set[str], set[str], set[str]]:
    """(forms that need the particle later in the clause, forms that stand alone, participles)."""
    base = lemma[len(particle):] if particle and lemma.startswith(particle) else lemma
    forms = set(irregular) if irregular else german.weak_forms(base)
    forms.add(base)
    if irregular:
        participles = {f for f in forms if f.startswith("ge") and f != base}
    else:
        participles = {german.weak_participle(base)}
    if not particle:
        return set(), forms, participles
    joined = {particle + f for f in forms} | {particle + "zu" + base}
    return forms, joined, {particle + p for p in participles}


def _noun_forms(lemma: str, plural: list[str]) -> set[str]:
    """Lower-case forms: the regular ones and the irregular plurals the data names."""
    return {form.lower() for form in german.noun_forms(lemma)} | {p.lower() for p in plural}


def _rows(name: str) -> list[dict]:
    """The lines of a JSONL data file; a broken line is a KgError naming file and line."""
    path = DATA_DIR / name
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise KgError(f"{path}: line {n}: not JSON ({e.msg})") from None
        if not isinstance(row, dict) or "type" not in row:
            raise KgError(f"{path}: line {n}: an event type needs a \"type\"")
        rows.append(row)
    return rows


@cache
def event_lexicon() -> EventLexicon:
    """The inventory and cues, loaded once; see docs/events.md for the fields."""
    types: dict[str, EventType] = {}
    nouns: dict[str, NounTrigger] = {}
    verbs: dict[str, tuple[VerbTrigger, ...]] = {}
    participles: set[str] = set()
    for row in _rows("event_types.jsonl"):
        etype = types[row["type"]] = _event_type(row)
        for entry in row.get("nouns", []):
            _add_noun(nouns, etype, {"lemma": entry} if isinstance(entry, str) else entry)
        for entry in row.get("verbs", []):
            participles |= _add_verb(verbs, etype, entry)
    support: set[str] = set()
    for entry in json.loads((DATA_DIR / CUES).read_text(encoding="utf-8"))["support_verbs"]:
        separated, alone, parts = verb_forms(entry["lemma"], entry.get("particle"), entry.get("forms"))
        support |= alone | separated
        participles |= parts
    return EventLexicon(types, nouns, verbs, word_lists(CUES), frozenset(support), frozenset(participles),
                        max(map(len, nouns)))


def _event_type(row: dict) -> EventType:
    """The type a line of event_types.jsonl describes (its triggers are indexed apart)."""
    return EventType(
        row["type"], row.get("label_de", row["type"]), row.get("plover"), row.get("plover_mode"), row.get("cameo"),
        row.get("specificity", 1), frozenset(row.get("absorbs", [])), row.get("actors") == "state",
        row.get("directional", False),
    )


def _add_noun(nouns: dict[str, NounTrigger], etype: EventType, entry: dict) -> None:
    """Index a noun trigger by its forms; a form an earlier line has keeps that line's trigger."""
    trigger = NounTrigger(etype, entry["lemma"], entry.get("compound", True),
                          frozenset(x.lower() for x in entry.get("except", [])),
                          frozenset(x.lower() for x in entry.get("not_after", [])),
                          entry.get("channel", False),
                          frozenset(x.lower() for x in entry.get("state_after", [])),
                          tuple(x.lower() for x in entry.get("needs", [])),
                          tuple(x.lower() for x in entry.get("unless", [])))
    for form in _noun_forms(entry["lemma"], entry.get("plural", [])):
        nouns.setdefault(form, trigger)


def _add_verb(verbs: dict[str, tuple[VerbTrigger, ...]], etype: EventType, entry: dict) -> set[str]:
    """Index a verb sense by its forms ("|" marks a form that needs its particle later in the
    clause); returns its participles. A form may have several senses ("verurteilen": a verdict
    with "zu … Haft", else a condemnation), kept in file order: the first whose needs the clause
    meets wins."""
    trigger = VerbTrigger(etype, entry["lemma"], entry.get("particle"), entry.get("light", False),
                          tuple(entry.get("needs", [])), tuple(entry.get("unless", [])))
    separated, alone, parts = verb_forms(entry["lemma"], entry.get("particle"), entry.get("forms"))
    for form in alone:
        verbs[form] = verbs.get(form, ()) + (trigger,)
    for form in separated:
        verbs["|" + form] = verbs.get("|" + form, ()) + (trigger,)
    return parts
