"""Who is quoted or cited in an article, how, and what kind of voice they are.

`attribute_quotes()` finds attributed statements (direct quotes and reported speech) with
rules and lexicons: there is no Arabic NER that works offline, so a speaker is the token span
in subject position of a reporting verb or after a source phrase, split into role and name
with the role/institution lexicons.

- `engine.py`: what every language shares (tokens and quote spans, speaker noun phrases,
  role and side lookup, the article context resolving later mentions, aggregation).
- `dashboard/analysis/languages/<code>/speakers.py`: the language's reporting constructions,
  reached through its pack (`attribute_paragraph`).
"""

from dashboard.analysis.speakers.engine import (
    attribute_quotes,
    is_cited_source,
    summarize_speakers,
)

__all__ = ["attribute_quotes", "is_cited_source", "summarize_speakers"]
