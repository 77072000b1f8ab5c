"""Who said each quotation, and how: speaker, cue and confidence.

The rules, in order of trust:
1. « selon X » / « d’après X » around the quotation;
2. a colon introduction, « X : « … » »;
3. a reporting verb (``resources/lexicons/reporting_verbs.txt``) in the quotation's sentence:
   its subject is the person or organisation named just before it; after the quotation,
   « « … », a déclaré X » names the speaker just after it; a gerund or participle (« en
   notant », « considérant ») speaks with the subject of the sentence;
4. a pronoun (« Il a déclaré ») or a description (« Le président américain a partagé ») is
   resolved to the previous speaker, else to the most mentioned person so far;
5. with no cue at all, the first person named in the sentence, with a low confidence.
Nested quotations take their outer quotation's speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from reader.analysis.entity_rules import fold_key
from reader.analysis.model import Cue, Entity, Label, Mention, Quote
from reader.resources import read_lexicon
from reader.text import Layout

SPEAKING = (Label.PER, Label.ORG)
PRONOUNS = ("il", "elle", "celui-ci", "celle-ci", "ce dernier", "cette dernière")
ADVERBS = (
    "également|aussi|encore|déjà|alors|ensuite|notamment|même|pourtant|toutefois|"
    "d['’]ailleurs|ainsi|enfin|aujourd['’]hui|hier|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
    "dimanche|récemment|publiquement|clairement|fermement|plusieurs fois|lui-même|elle-même"
)
AUXILIARIES = r"(?:a|ont|avait|avaient|aurait|auraient|aura|est|sont|s['’]est|se sont|l['’]a|lui a)"
SUBJECT_WINDOW = 90
"""How far before a verb its subject may be named, in characters."""

CONFIDENCE = {
    "selon": 0.95,
    "colon": 0.9,
    "verb": 0.9,
    "inverted": 0.9,
    "gerund": 0.8,
    "pronoun": 0.75,
    "description": 0.6,
    "nested": 0.85,
    "sentence": 0.35,
}


def _forms(line: str) -> tuple[list[str], list[str]]:
    """(participles and finite forms, present participles) of one lexicon line."""
    if ":" in line:
        _infinitive, listed = line.split(":", 1)
        forms = [form.strip() for form in listed.split(",") if form.strip()]
        return [f for f in forms if not f.endswith("ant")], [f for f in forms if f.endswith("ant")]
    stem = line[:-2]
    soft = stem + ("e" if stem.endswith("g") else "")
    cedilla = stem[:-1] + "ç" if stem.endswith("c") else stem
    open_e = re.sub(r"é([^aeiouyé]+)$", r"è\1", stem)
    finite = [
        stem + "é",
        stem + "ée",
        stem + "és",
        open_e + "e",
        open_e + "ent",
        soft + "ait",
        soft + "aient",
        cedilla + "a",
        stem + "èrent",
        stem + "era",
        stem + "erait",
    ]
    return finite, [soft + "ant" if not stem.endswith("c") else cedilla + "ant"]


@cache
def _cue_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    finite: set[str] = set()
    gerunds: set[str] = set()
    for line in read_lexicon("reporting_verbs.txt"):
        found, present = _forms(line)
        finite.update(found)
        gerunds.update(present)
    finite_alternation = "|".join(sorted(map(re.escape, finite), key=len, reverse=True))
    gerund_alternation = "|".join(sorted(map(re.escape, gerunds), key=len, reverse=True))
    verb = re.compile(
        rf"(?i)(?<![\w’'-])(?:{AUXILIARIES}(?:\s+(?:{ADVERBS}))*\s+)?(?:{finite_alternation})(?![\w-])"
    )
    gerund = re.compile(
        rf"(?i)(?<![\w’'-])(?:en\s+)?(?:{gerund_alternation})(?:\s+comme)?(?![\w-])"
    )
    according = re.compile(r"(?i)(?<![\w’'-])(?:selon|d['’]après)(?![\w-])")
    return verb, gerund, according


@dataclass(frozen=True, slots=True)
class SpeakerFix:
    """The reader's answer to « who said this? » (``name`` None: nobody)."""

    quote_start: int
    quote_end: int
    quote_text: str
    name: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "quote_start": self.quote_start,
            "quote_end": self.quote_end,
            "quote_text": self.quote_text,
            "name": self.name,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SpeakerFix:
        name = data.get("name")
        return cls(
            int(data["quote_start"]),
            int(data["quote_end"]),
            str(data["quote_text"]),
            str(name) if name else None,
        )


def apply_speaker_fixes(quotes: Sequence[Quote], fixes: Sequence[SpeakerFix]) -> list[Quote]:
    """Quotes with the reader's speakers; a fix finds its quote by text, then by position."""
    result = list(quotes)
    for fix in fixes:
        matching = [i for i, q in enumerate(result) if q.text == fix.quote_text]
        if not matching:
            continue
        index = min(matching, key=lambda i: abs(result[i].start - fix.quote_start))
        quote = result[index]
        speaker = Mention(fix.name, quote.start, quote.start) if fix.name else None
        result[index] = replace(quote, speaker=speaker, confidence=1.0)
        for child_index, child in enumerate(result):
            if child.parent == index:
                result[child_index] = replace(child, speaker=speaker, confidence=1.0)
    return result


class _Article:
    """The text with quotations masked, so their words and full stops are not read as
    the sentence around them."""

    def __init__(
        self, text: str, layout: Layout, quotes: Sequence[Quote], entities: Sequence[Entity]
    ):
        self.text = text
        chars = list(text)
        for quote in quotes:
            if quote.parent is None:
                for i in range(quote.start, quote.end):
                    if chars[i] != "\n":
                        chars[i] = "□"
        self.masked = "".join(chars)
        self.paragraphs = [(p.start, p.end) for p in layout.paragraphs if p.analysed]
        self.speakers = [e for e in entities if e.label in SPEAKING]

    def sentence(self, position: int) -> tuple[int, int]:
        start, end = next(
            ((s, e) for s, e in self.paragraphs if s <= position < e), (0, len(self.text))
        )
        before = self.masked[start:position]
        stops = [m.end() for m in re.finditer(r"[.!?…](?=\s+[A-ZÀ-Ö«□])", before)]
        sentence_start = start + stops[-1] if stops else start
        after = re.search(r"[.!?…](?=\s|$)", self.masked[position:end])
        return sentence_start, position + after.end() if after else end

    def speaker_before(self, position: int, floor: int) -> Entity | None:
        candidates = [
            e
            for e in self.speakers
            if floor <= e.start and e.end <= position and position - e.end <= SUBJECT_WINDOW
        ]
        return max(candidates, key=lambda e: e.end) if candidates else None

    def speaker_after(self, position: int, ceiling: int) -> Entity | None:
        candidates = [e for e in self.speakers if position <= e.start < min(ceiling, position + 40)]
        return min(candidates, key=lambda e: e.start) if candidates else None


def attribute_speakers(
    text: str, layout: Layout, quotes: Sequence[Quote], entities: Sequence[Entity]
) -> list[Quote]:
    """``quotes`` with speaker, cue and confidence, in the same order."""
    article = _Article(text, layout, quotes, entities)
    verb, gerund, according = _cue_patterns()
    result: list[Quote] = []
    previous: Mention | None = None
    for quote in quotes:
        if quote.parent is not None:
            outer = result[quote.parent]
            result.append(
                replace(
                    quote,
                    speaker=outer.speaker,
                    cue=outer.cue,
                    confidence=min(outer.confidence, CONFIDENCE["nested"]),
                )
            )
            continue
        found = _attribute(article, quote, verb, gerund, according, previous)
        result.append(found)
        if found.speaker is not None and found.confidence >= 0.5:
            previous = found.speaker
    return result


def _mention(entity: Entity) -> Mention:
    return Mention(entity.canonical, entity.start, entity.end)


def _cue(match: re.Match[str]) -> Cue:
    return Cue(match.group().strip(), match.start(), match.end())


def _attribute(
    article: _Article,
    quote: Quote,
    verb: re.Pattern[str],
    gerund: re.Pattern[str],
    according: re.Pattern[str],
    previous: Mention | None,
) -> Quote:
    start, end = article.sentence(quote.start)
    masked = article.masked

    for match in according.finditer(masked, start, end):
        named = article.speaker_after(match.end(), end)
        if named is not None:
            return replace(
                quote, speaker=_mention(named), cue=_cue(match), confidence=CONFIDENCE["selon"]
            )
        phrase = re.match(
            r"\s+((?:le|la|les|l['’])\s*[A-ZÀ-Ö][\w-]*(?:\s+[A-ZÀ-Ö][\w-]*)*)",
            masked[match.end() : end],
        )
        if phrase:
            name = phrase.group(1)
            offset = match.end() + phrase.start(1)
            return replace(
                quote,
                speaker=Mention(name, offset, offset + len(name)),
                cue=_cue(match),
                confidence=CONFIDENCE["selon"] - 0.1,
            )

    colon = re.search(r":\s*$", masked[start : quote.start])
    if colon:
        named = article.speaker_before(start + colon.start(), start)
        if named is not None:
            said = list(verb.finditer(masked, named.end, start + colon.start()))
            return replace(
                quote,
                speaker=_mention(named),
                cue=_cue(said[0]) if said else None,
                confidence=CONFIDENCE["colon"],
            )

    before = [m for m in verb.finditer(masked, start, quote.start)]
    if before:
        cue_match = before[0]
        subject = _subject(article, cue_match.start(), start, previous)
        if subject is not None:
            speaker, how = subject
            nearest = before[-1]
            gerunds = [m for m in gerund.finditer(masked, cue_match.end(), quote.start)]
            cue = _cue(gerunds[-1]) if gerunds else _cue(nearest)
            return replace(quote, speaker=speaker, cue=cue, confidence=CONFIDENCE[how])

    after = verb.search(masked, quote.end, min(end, quote.end + 40))
    if after and re.fullmatch(r"[\s,—–-]*", masked[quote.end : after.start()]):
        named = article.speaker_after(after.end(), end)
        if named is not None:
            return replace(
                quote, speaker=_mention(named), cue=_cue(after), confidence=CONFIDENCE["inverted"]
            )

    sentence_subject = _sentence_subject(article, start, quote.start, previous)
    gerunds = [m for m in gerund.finditer(masked, start, quote.start)]
    if gerunds and sentence_subject is not None:
        return replace(
            quote,
            speaker=sentence_subject,
            cue=_cue(gerunds[-1]),
            confidence=CONFIDENCE["gerund"],
        )
    if sentence_subject is not None:
        return replace(quote, speaker=sentence_subject, cue=None, confidence=CONFIDENCE["sentence"])
    return replace(quote, speaker=None, cue=None, confidence=0.0)


def _subject(
    article: _Article, verb_start: int, sentence_start: int, previous: Mention | None
) -> tuple[Mention, str] | None:
    """Who does the reporting verb at ``verb_start``: a name, a pronoun or a description."""
    lead = article.masked[sentence_start:verb_start]
    words = fold_key(lead).replace(",", " ").split()
    tail = " ".join(words[-2:])
    if words and (words[-1] in PRONOUNS or tail in PRONOUNS):
        resolved = previous or _most_mentioned(article, verb_start)
        return (resolved, "pronoun") if resolved else None
    named = article.speaker_before(verb_start, sentence_start)
    if named is not None:
        return _mention(named), "verb"
    titles = {fold_key(t) for t in read_lexicon("titles.txt")}
    if any(word in titles for word in words[-4:]):
        resolved = _most_mentioned(article, verb_start)
        return (resolved, "description") if resolved else None
    return None


def _sentence_subject(
    article: _Article, start: int, stop: int, previous: Mention | None
) -> Mention | None:
    words = fold_key(article.masked[start:stop]).split()
    if words and words[0] in PRONOUNS:
        return previous or _most_mentioned(article, start)
    people = [e for e in article.speakers if start <= e.start and e.end <= stop]
    return _mention(people[0]) if people else None


def _most_mentioned(article: _Article, before: int) -> Mention | None:
    """The person named most often so far (the earliest first on ties)."""
    counts: dict[str, list[Entity]] = {}
    for entity in article.speakers:
        if entity.end <= before and entity.label is Label.PER:
            counts.setdefault(entity.canonical, []).append(entity)
    if not counts:
        return None
    name = max(counts, key=lambda n: (len(counts[n]), -counts[n][0].start))
    return _mention(counts[name][-1])
