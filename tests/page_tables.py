"""The HTML tables a page drew (ui.html_table) as DataFrames of the text a browser shows."""

from __future__ import annotations

import pandas as pd
from lxml import html as lxml_html
from streamlit.testing.v1 import AppTest

from dashboard.escaping import WORD_JOINER


def html_tables(at: AppTest) -> list[pd.DataFrame]:
    out: list[pd.DataFrame] = []
    for m in at.markdown:
        if '<table class="data">' not in m.value:
            continue
        for table in lxml_html.fromstring(m.value).iter("table"):
            head = [th.text_content() for th in table.iter("th")]
            rows = [
                [td.text_content().replace(WORD_JOINER, "") for td in tr.iter("td")]
                for tr in table.iter("tr")
                if tr.find("td") is not None
            ]
            out.append(pd.DataFrame(rows, columns=head))
    return out


def table_with(at: AppTest, *columns: str) -> pd.DataFrame:
    """The first table that has all these columns."""
    for t in html_tables(at):
        if set(columns) <= set(t.columns):
            return t
    raise AssertionError(f"no table with columns {columns}")
