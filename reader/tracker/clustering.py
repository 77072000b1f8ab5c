"""Grouping an article's quotations with the library's, incrementally, through an index.

No pair of the library is compared blindly: each quotation's content words (stemmed, hashed)
and each two of them that follow one another are its keys; the rarest of them fetch the few
quotations that share them, and only those are compared (``reader.tracker.similarity``). A
quotation joins the cluster of its best match, or starts one. Clusters never merge or split
afterwards, so that the id a verdict hangs on stays.

An article analysed again keeps its members: a quotation with the same words keeps its row
(its id, its cluster, its verdicts), one that changed a little is matched like a new one and
takes back its old row when that is its best match. So does an article deleted and put back.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from reader.store import Store
from reader.store.tracker_writes import (
    Candidate,
    Member,
    StoredQuotation,
    TrackerWriter,
    quotes_fingerprint,
)
from reader.tracker.similarity import compare
from reader.tracker.words import (
    CONTENT_WEIGHT,
    QuoteWords,
    from_stored,
    grammar_words,
    quote_words,
)

QUERY_KEYS = 4
"""The rarest keys of a quotation looked up in the index."""
POSTINGS_READ = 800
"""Index entries read at most for one quotation, past its two rarest keys: a key so common
says little about any one quotation."""
POSTINGS_PER_KEY = 400
"""Index entries read at most for one key."""
RARE = 50
"""A key indexing this few members or fewer is rare: sharing it alone makes a candidate."""
COMMON = POSTINGS_PER_KEY
"""What a key indexing more than RARE members counts as, when keys are ranked by rarity."""
CANDIDATES = 12
"""Members read at most, those sharing the most keys first."""
FEW_WORDS_SHARED = 0.4
"""Below this share of their content words in common (words, not stems), two quotations
are not compared: the comparison asks for half the stems."""
PER_CLUSTER = 2
"""Members of one cluster compared at most: a quotation like none of a cluster's two
closest members is not of that cluster."""
GOOD_ENOUGH = 0.95
"""A match this close ends the search."""


def key_of(stem: str) -> int:
    """A stem as a signed 64-bit integer, the index's key (stable across runs and machines)."""
    digest = hashlib.blake2b(stem.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def keys_of(words: QuoteWords) -> set[int]:
    """A quotation's keys in the index: each two content words that follow one another
    (grammar words between them aside), stemmed; a quotation with one content word has that
    word. A pair is far rarer than either word, so it finds a quotation's variants reading
    few entries, and it survives a cut or a changed word elsewhere; a variant that kept no
    two of its words together is not the same words anyway."""
    content = [
        key
        for key, weight in zip(words.keys, words.weights, strict=True)
        if weight == CONTENT_WEIGHT
    ]
    if len(content) < 2:
        return {key_of(stem) for stem in content}
    return {key_of(f"{first} {second}") for first, second in itertools.pairwise(content)}


@dataclass(frozen=True, slots=True)
class TrackResult:
    """What tracking an article did."""

    joined: int
    """Quotations that joined a cluster other articles (or this one) already had."""
    started: int
    """Quotations that started a cluster of their own."""
    kept: int
    """Quotations already tracked as they are."""
    removed: int
    """Quotations the article no longer has."""


def track_article(store: Store, article_id: int) -> TrackResult:
    """Bring the tracker up to date with the quotations stored for ``article_id``."""
    quotes = store.quotes_to_track(article_id)
    prepared = [(quote, quote_words(quote.text)) for quote in quotes]
    tracked = [(quote, words) for quote, words in prepared if words.trackable]
    with store.tracker_writing() as writer:
        return _Update(writer, article_id).run(tracked, quotes_fingerprint(quotes))


@dataclass
class _Pending:
    """A quotation to place, with what the index says about it."""

    quote: StoredQuotation
    words: QuoteWords
    keys: set[int]
    candidates: list[int] = field(default_factory=list)
    """Members sharing enough of them, those sharing the most first."""


class _Update:
    """One article's grouping, inside one transaction. The index is read once, for all the
    article's quotations together; what this update adds to it is compared in memory."""

    def __init__(self, writer: TrackerWriter, article_id: int) -> None:
        self.writer = writer
        self.article_id = article_id
        self.old = {member.id: member for member in writer.members_of_article(article_id)}
        self.reused: set[int] = set()
        self.touched_clusters: set[int] = set()
        self.placed: list[tuple[Candidate, QuoteWords, set[int]]] = []
        """Members this update added, for the article's later quotations."""

    def run(
        self, tracked: list[tuple[StoredQuotation, QuoteWords]], fingerprint: str
    ) -> TrackResult:
        pending = [
            _Pending(quote, words, keys_of(words)) for quote, words in self._keep_unchanged(tracked)
        ]
        known = self._look_up(pending)
        joined = started = 0
        for item in pending:
            if self._place(item, known):
                joined += 1
            else:
                started += 1
        removed = self._remove_the_rest()
        self._purge_departed()
        self.writer.drop_empty_clusters(self.touched_clusters)
        self.writer.mark_tracked(self.article_id, fingerprint)
        return TrackResult(joined, started, len(tracked) - len(pending), removed)

    def _keep_unchanged(
        self, tracked: list[tuple[StoredQuotation, QuoteWords]]
    ) -> list[tuple[StoredQuotation, QuoteWords]]:
        """Quotations whose words the article's members already have keep those members;
        the others are returned."""
        by_words: dict[str, list[Member]] = defaultdict(list)
        for member in self.old.values():
            by_words[member.words].append(member)
        pending = []
        for quote, words in tracked:
            stored = words.stored()
            same = [m for m in by_words.get(stored, []) if m.id not in self.reused]
            if not same:
                pending.append((quote, words))
                continue
            member = min(same, key=lambda m: abs(m.start - quote.start))
            self.reused.add(member.id)
            now = (self.article_id, quote.start, quote.end, quote.text, quote.speaker)
            if (member.article_id, member.start, member.end, member.text, member.speaker) != now:
                keys = keys_of(words)
                self.writer.move_member(member, self.article_id, quote, stored, keys, keys)
        return pending

    def _look_up(self, pending: list[_Pending]) -> dict[int, Candidate]:
        """Each quotation's candidates: the members sharing the most of its rarest keys.
        The index is read in one query for the whole article."""
        every_key = sorted(set().union(*(item.keys for item in pending)))
        # One read of the index for every key of the article, a few members each: they are
        # a rare key's candidates, and say which keys are rare (a key with more than RARE
        # members counts as COMMON, whatever its number).
        postings: dict[int, list[int]] = defaultdict(list)
        for key, member_id in self.writer.members_with_keys(every_key, RARE + 1):
            postings[key].append(member_id)
        counts = {
            key: len(members) if len(members) <= RARE else COMMON
            for key, members in postings.items()
        }
        chosen: dict[int, list[int]] = {}
        for index, item in enumerate(pending):
            present = sorted(
                (key for key in item.keys if counts.get(key)), key=lambda key: (counts[key], key)
            )
            # The rarest keys, as many as can be read quickly (two at least: the fewest a
            # candidate must share when there are more).
            keys: list[int] = []
            read = 0
            for key in present[:QUERY_KEYS]:
                if len(keys) >= 2 and read + counts[key] > POSTINGS_READ:
                    break
                keys.append(key)
                read += min(counts[key], POSTINGS_PER_KEY)
            chosen[index] = keys
        # The common keys a quotation has to fall back on are read further.
        common = sorted({key for keys in chosen.values() for key in keys if counts[key] == COMMON})
        if common:
            for key in common:
                postings[key].clear()
            for key, member_id in self.writer.members_with_keys(common, POSTINGS_PER_KEY):
                postings[key].append(member_id)
        for index, item in enumerate(pending):
            shared: Counter[int] = Counter()
            for key in chosen[index]:
                shared.update(postings[key])
            # One rare pair of words shared is reason enough to compare.
            needed = 1 if len(chosen[index]) <= 2 or counts[chosen[index][0]] <= RARE else 2
            item.candidates = [
                member_id for member_id, n in shared.most_common(CANDIDATES) if n >= needed
            ]
        found = self.writer.candidates(set().union(*(item.candidates for item in pending)))
        return {candidate.id: candidate for candidate in found}

    def _place(self, item: _Pending, known: dict[int, Candidate]) -> bool:
        """Put the quotation in the cluster of its best match, or in a new one; True if it
        joined one."""
        best = self._best_match(item, known)
        stored = item.words.stored()
        if best is None:
            cluster_id = self.writer.new_cluster()
            member_id = self.writer.add_member(
                cluster_id, self.article_id, item.quote, stored, item.keys
            )
            self._placed(member_id, cluster_id, item, stored)
            return False
        if best.id in self.old and best.id not in self.reused:
            # Its own earlier form (before an edit, or before the article was deleted and
            # put back): it takes that row back, verdicts and all.
            self.reused.add(best.id)
            old_keys = keys_of(from_stored(best.words))
            self.writer.move_member(best, self.article_id, item.quote, stored, old_keys, item.keys)
        else:
            member_id = self.writer.add_member(
                best.cluster_id, self.article_id, item.quote, stored, item.keys
            )
            self._placed(member_id, best.cluster_id, item, stored)
        return True

    def _placed(self, member_id: int, cluster_id: int, item: _Pending, stored: str) -> None:
        placed = Candidate(member_id, cluster_id, self.article_id, stored)
        self.placed.append((placed, item.words, item.keys))

    def _best_match(self, item: _Pending, known: dict[int, Candidate]) -> Candidate | None:
        """The closest quotation reporting the same utterance: among the index's candidates
        (two per cluster at most, the closest first), and the article's own, placed before."""
        compared: Counter[int] = Counter()
        best: Candidate | None = None
        best_score = 0.0
        mine = item.words.content_words
        for member_id in item.candidates:
            member = known.get(member_id)
            if member is None or compared[member.cluster_id] >= PER_CLUSTER:
                continue
            theirs = set(member.words.split()) - grammar_words()
            # A first look at the words themselves, before reading the stored ones again.
            if len(mine & theirs) < FEW_WORDS_SHARED * min(len(mine), len(theirs)):
                continue
            compared[member.cluster_id] += 1
            match = compare(item.words, from_stored(member.words))
            if match.same and match.score > best_score:
                best, best_score = member, match.score
                if best_score >= GOOD_ENOUGH:
                    return best
        for member, words, keys in self.placed:
            if keys & item.keys:
                match = compare(item.words, words)
                if match.same and match.score > best_score:
                    best, best_score = member, match.score
        return best

    def _remove_the_rest(self) -> int:
        """Members of quotations the article no longer has: kept without their article when a
        verdict needs them, else removed."""
        removed = 0
        for member in self.old.values():
            if member.id in self.reused:
                continue
            removed += 1
            if self.writer.has_verdict(member):
                self.writer.depart_member(member.id)
            else:
                self.writer.delete_member(member, keys_of(from_stored(member.words)))
                self.touched_clusters.add(member.cluster_id)
        return removed

    def _purge_departed(self) -> None:
        """Members whose article was deleted, now that no verdict needs them."""
        for member in self.writer.departed_without_verdict():
            self.writer.delete_member(member, keys_of(from_stored(member.words)))
            self.touched_clusters.add(member.cluster_id)


def track_articles(store: Store, article_ids: Iterable[int]) -> int:
    """Track each of ``article_ids``; returns how many were tracked."""
    count = 0
    for article_id in article_ids:
        track_article(store, article_id)
        count += 1
    return count
