"""parse_article(): one RawArticle in, one analysed Article out (no I/O)."""

from __future__ import annotations

import datetime as dt
from itertools import starmap
from operator import itemgetter

from dashboard import config
from dashboard.analysis.dates import extract_dates
from dashboard.analysis.frames import score_frames
from dashboard.analysis.keywords import article_terms, outlet_words, top_keywords
from dashboard.analysis.langid import ANALYSED_LANGUAGES, article_language
from dashboard.analysis.naming import event_names
from dashboard.analysis.published import is_issue_banner, publication_date
from dashboard.analysis.speakers import attribute_quotes, summarize_speakers
from dashboard.analysis.speakers.span_model import propose_voices
from dashboard.analysis.speakers.voice_model import keep_voices
from dashboard.analysis.textproc import clean_invisible, split_paragraphs
from dashboard.model import Article, Keyword, RawArticle

# The article's own keyword list (shown per article); corpus views use `terms`.
KEYWORDS_PER_ARTICLE = 30
_COUNT = itemgetter(1)


def parse_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def parse_article(raw: RawArticle, *, max_chars: int | None = None) -> Article:
    warnings: list[str] = []
    limit = max_chars if max_chars is not None else config.get_int("max_article_chars")
    body = raw.body
    if len(body) > limit:
        # Bounded time and memory for huge inputs: analyse the first `limit` characters.
        warnings.append(f"body truncated from {len(body)} to {limit} characters for analysis")
        body = body[:limit]
    title = clean_invisible(raw.title).strip()
    paragraphs = split_paragraphs(body)
    # The body decides the language, manifest or not (langid.py says why).
    language, language_warnings = article_language(title, body, raw.language)
    warnings.extend(language_warnings)
    published = parse_date(raw.published_at)
    date_source = raw.date_source or ("manifest" if published else "")
    if published is None and language in ANALYSED_LANGUAGES:
        # No date came with the article: the page's own stamp, URL or dateline.
        stated = publication_date([title, *paragraphs], language, raw.url)
        if stated:
            published, date_source = stated.date, stated.source
    date_source = date_source or "unknown"
    if language not in ANALYSED_LANGUAGES:
        # Stored with its code and shown as "not analysed": no analysis of another
        # language's rules is better than a wrong one.
        return Article(
            id=raw.content_hash()[:16],
            title=title,
            outlet=raw.outlet or "(unknown outlet)",
            published_at=published.isoformat() if published else "",
            date_source=date_source,
            language=language,
            paragraphs=paragraphs,
            outlet_domain=raw.outlet_domain,
            url=raw.url,
            country=raw.country,
            source_file=raw.source_file,
            warnings=warnings,
            analysed=False,
        )
    # Rules propose the statements; a learned span tagger adds the voices of cue sentences
    # the rules left without one (span_model.py); the learned voice check drops non-voices
    # (voice_model.py).
    quotes = attribute_quotes(paragraphs, language)
    quotes = propose_voices(quotes, paragraphs, language)
    quotes = keep_voices(quotes, paragraphs, language)
    frames, evidence = score_frames(paragraphs, language)
    speakers = summarize_speakers(quotes)
    counts = article_terms([title, *paragraphs], language)
    # counts.most_common() less its single bigrams, dropped before the sort: a stable sort
    # by count (descending) keeps the other terms in the same order.
    kept = [(t, n) for t, n in counts.items() if n >= 2 or " " not in t]
    kept.sort(key=_COUNT, reverse=True)
    terms = list(starmap(Keyword, kept))
    return Article(
        id=raw.content_hash()[:16],
        title=title,
        outlet=raw.outlet or "(unknown outlet)",
        published_at=published.isoformat() if published else "",
        date_source=date_source,
        language=language,
        paragraphs=paragraphs,
        quotes=quotes,
        speakers=speakers,
        dates=[
            d
            for d in extract_dates(paragraphs, published, language)
            if not is_issue_banner(paragraphs[d.paragraph])  # page furniture
        ],
        keywords=top_keywords(
            [title, *paragraphs],
            language,
            n=KEYWORDS_PER_ARTICLE,
            terms=counts,
            exclude=outlet_words(raw.outlet, raw.outlet_domain),
            names=[s.name for s in speakers],
        ),
        event_names=event_names(paragraphs, language, title=title),
        frames=frames,
        outlet_domain=raw.outlet_domain,
        url=raw.url,
        country=raw.country,
        source_file=raw.source_file,
        frame_evidence=evidence,
        terms=terms,
        warnings=warnings,
    )
