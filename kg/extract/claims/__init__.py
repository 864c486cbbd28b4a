"""Claims of one article (issue 5): who said what, to whom, reported by whom, in which words.

German attribution comes in a few shapes, each handled by a module of this package:

- a speech, thought or writing verb from `kg/data/cue_verbs.jsonl` ("sagte", "wies … zurück") whose
  content is a clause after it ("betonte, dass …", "befürchtet, Russland könnte …", "sagte: „…“") or
  before it ("„…“, sagte X"; "Das sei …, sagte X"), or, for speech acts, its object ("dementiert
  jegliche Angriffspläne"): direct, mixed, indirect or reported;
- attribution frames from `kg/data/attribution_frames.jsonl` ("nach Angaben des Kremls", "laut X",
  "X zufolge", "„…“, so X", "X: …"): the frame's source speaks, or is the channel (`via`) or the
  reporter (`reported_by`) when a verb in the same sentence names another speaker;
- message nouns from `kg/data/message_nouns.jsonl` before a clause ("die Forderung der EU, die Zölle
  zu senken") and relative frames (", wonach …", ", laut dem …"): the noun's source speaks;
- sentences in Konjunktiv (or with hearsay "soll") without a cue that follow a report continue it
  ("Russland müsse …"), and quotations without a cue continue the previous speaker's quotation;
- headline claims that restate a body claim are merged into it as further evidence.

The speaker is the grammatical subject of the cue (the agent "von X" of a passive, the antecedent of a
pronoun or relative pronoun), mapped to an entity of the article and through metonymy to the actor it
stands for ("Moskau" → Russland). The text span naming the speaker is kept too (`speaker_mention`),
so benchmarks can score attribution even where no entity was recognised.

The modules by job: lexicon (the data files), quotes (quotation marks), view (the article as the
jobs read it), cues (cue verbs), messages (where a cue's message is), mood (Konjunktiv), speakers,
adopted (speaker nouns as entities), actors (entities and antecedents), documents ("In einer Erklärung
… heißt es"), phrases (noun phrases), roles (addressees, channels, types), frames, nouns (message
nouns), discourse (continuations, headlines), extractor (runs the jobs). German grammar they share
with the other extractors is kg/extract/german.py.
"""

from kg.extract.claims.extractor import ClaimExtractor
from kg.extract.claims.lexicon import Cue, Frame, Lexicon, lexicon
from kg.extract.claims.quotes import Quote, find_quotes

__all__ = ["ClaimExtractor", "Cue", "Frame", "Lexicon", "Quote", "find_quotes", "lexicon"]
