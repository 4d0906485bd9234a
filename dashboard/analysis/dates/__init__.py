"""Temporal expressions in article text, resolved against the publication date.

- `engine.py`: what every language shares (offset-preserving normalisation, calendar
  arithmetic, candidates and their resolution, anchor-gated rule selection, numeric dates,
  ranges, granularity) and the public `extract_dates()`.
- `dashboard/analysis/languages/<code>/dates.py`: the language's date patterns
  (`patterns(lexicon, speed)`), reached through its pack; `date_lexicon` reads the
  pack's dates_*.txt words for it.
"""

from dashboard.analysis.dates.engine import extract_dates

__all__ = ["extract_dates"]
