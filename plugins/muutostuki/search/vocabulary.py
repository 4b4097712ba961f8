"""The words of the site, written at build time for the search page's "did you mean" (haku/sanasto.json).

When a query has a word the site does not contain, the browser compares it with these by edit distance and
offers the closest one the site does contain ("hyvinvontialue" -> "hyvinvointialue"). Words are counted
from what the search indexes (the Markdown and title of every searchable page, plus the summaries, places
and names that pages show from front matter), once per build, as the pages pass by: no second read of
any file. A word counts once per text it appears in, and of a long page only the first PAGE_SAMPLE
characters are read: the ranking needs how widely a word is used, not every occurrence, and this keeps
the cost near 1 % of a 3,000-post build (bench/search_cost.py). The most frequent MAX_WORDS words
are kept, most frequent first, so a reader downloads a bounded file (about 100 KB gzip at most), and only
on the results page.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from typing import Iterable

from ..event_text import location_text

VOCABULARY_PATH = "haku/sanasto.json"
MAX_WORDS = 20_000
PAGE_SAMPLE = 1_500  # characters read of each text (about 200 words)
# Letters only (Finnish and Swedish included), 4-30 of them: shorter words are not worth correcting,
# longer ones are URLs or compounds nobody types wrong in the same way.
WORD = re.compile(r"[a-zåäöéüšž]{4,30}")


class Vocabulary:
    """Counts words across pages; `to_json` gives the file the search page reads."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def add(self, text: str | None) -> None:
        if text:
            self.counts.update(set(WORD.findall(text[:PAGE_SAMPLE].lower())))

    def add_all(self, texts: Iterable[str | None]) -> None:
        for text in texts:
            self.add(text)

    def words(self, limit: int = MAX_WORDS) -> list[str]:
        """Most frequent first; equal counts in alphabetical order, so two builds write the same bytes."""
        ranked = sorted(self.counts.items(), key=lambda item: (-item[1], item[0]))
        return [word for word, _ in ranked[:limit]]

    def to_json(self, limit: int = MAX_WORDS) -> bytes:
        return json.dumps({"sanat": self.words(limit)}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def site_texts(site) -> Iterable[str]:
    """Front-matter strings that pages show but their Markdown does not hold."""
    for post in site.posts:
        yield post.summary
        yield " ".join(post.tags)
        yield " ".join(post.categories)
    for event in site.events:
        yield event.title
        yield event.summary
        yield location_text(event)
    for region in site.regions.values():
        yield " ".join(filter(None, (region.name, region.short_name, region.brand, region.city)))
