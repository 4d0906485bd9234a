"""Add articles: upload files, check and correct the preview, save, read the report.

Editors (or everybody when access control is off) can add and delete; viewers get a note.
Article text is shown only through elements that escape it (data editor, st.text, ui.esc).
"""

import hashlib
import math

import streamlit as st

from dashboard import config
from dashboard.ingest import uploads as upload_logic
from dashboard.web import auth, ui

# Session-state keys of this page.
UPLOADER_ROUND = "upload_round"  # bumped after a save so the uploader starts empty
REPORT = "upload_report"
READ_CACHE = "upload_read"
DELETED = "upload_deleted"  # message shown after the rerun that follows a deletion
BEGINNINGS_SHOWN = 50  # articles listed with the beginning of their text
ERRORS_SHOWN = 20  # correction messages listed after a refused Save
auth.require_editor(
    "Only editors can add or delete articles. You are signed in as a viewer; "
    "ask the administrator for an editor account."
)
store, f = ui.page_context()
st.title("Add articles")
st.caption(
    "Upload articles as .txt (headline on the first line), .html, .json, .jsonl or .csv "
    "(columns title, text, outlet, published_at, ...). A manifest.csv uploaded together "
    "with .txt/.html files gives them outlet, date and language."
)

report = st.session_state.get(REPORT)
if report is not None:
    st.subheader("Result of the last save")
    msg = f"{report.summary()}."
    (st.success if report.added else st.warning)(msg)
    st.dataframe(upload_logic.file_summary(report), hide_index=True, width="stretch")
    st.dataframe(upload_logic.report_frame(report), hide_index=True, width="stretch")
    if st.button("Clear this report"):
        st.session_state.pop(REPORT, None)
        st.rerun()

files = st.file_uploader(
    "Files to add",
    type=upload_logic.ALLOWED_TYPES,
    accept_multiple_files=True,
    # The readers' limit (DASHBOARD_MAX_FILE_MB), so the uploader states the real one
    # (whole megabytes: the widget takes no fractions).
    max_upload_size=max(1, math.ceil(float(config.get("max_file_mb")))),
    key=f"upload_files_{st.session_state.get(UPLOADER_ROUND, 0)}",
)

if files:
    uploads = [(u.name, u.getvalue()) for u in files]
    signature = hashlib.sha256(
        b"".join(hashlib.sha256(name.encode() + b"\0" + data).digest() for name, data in uploads)
    ).hexdigest()[:16]
    cached = st.session_state.get(READ_CACHE)
    if cached is None or cached[0] != signature:
        with st.spinner("Reading the files…"):
            cached = (signature, upload_logic.read_uploaded(uploads))
        st.session_state[READ_CACHE] = cached
    result = cached[1]

    for problem in result.problems:
        show = st.error if problem.severity == "error" else st.warning
        show(f"{ui.esc(problem.file)}: {ui.esc(problem.reason)}")

    if not result.articles:
        st.info("No article could be read from these files; see the reasons above.")
    else:
        st.subheader(f"Preview: {len(result.articles)} article(s)")
        st.caption(
            "Correct the outlet and the publication date here before saving; the other "
            "columns come from the files."
        )
        preview = upload_logic.preview_frame(result, store)
        edited = st.data_editor(
            preview,
            key=f"upload_preview_{signature}",
            hide_index=True,
            width="stretch",
            num_rows="fixed",
            disabled=[c for c in preview.columns if c not in upload_logic.EDITABLE_COLUMNS],
            column_config={
                "outlet": st.column_config.TextColumn(
                    "outlet", max_chars=upload_logic.MAX_OUTLET_CHARS
                ),
                "published_at": st.column_config.DateColumn("published", format="YYYY-MM-DD"),
                "beginning": st.column_config.TextColumn("beginning of the text", width="large"),
            },
        )
        if st.button("Save", type="primary", key="upload_save"):
            articles, errors = upload_logic.apply_edits(result.articles, edited)
            if errors:
                for e in errors[:ERRORS_SHOWN]:
                    st.error(ui.esc(e))
                if len(errors) > ERRORS_SHOWN:
                    st.error(f"… and {len(errors) - ERRORS_SHOWN} more rows to correct.")
            else:
                bar = st.progress(0.0, text="Analysing…")

                def progress(done: int, total: int, title: str) -> None:
                    bar.progress(done / max(total, 1), text=f"Analysing {done}/{total}")

                try:
                    saved = upload_logic.save_articles(store, result, articles, progress)
                except Exception as exc:  # the store refused; nothing half-saved (transaction)
                    bar.empty()
                    st.error(
                        f"Saving failed, nothing was added: {type(exc).__name__}: {ui.esc(exc)}"
                    )
                else:
                    bar.empty()
                    st.session_state[REPORT] = saved
                    st.session_state.pop(READ_CACHE, None)
                    st.session_state[UPLOADER_ROUND] = st.session_state.get(UPLOADER_ROUND, 0) + 1
                    st.rerun()

        # After Save, and only the first few: two elements per article made a file of
        # 20,000 rows send 40,000 elements before the Save button, which never arrived.
        shown = result.articles[:BEGINNINGS_SHOWN]
        more = len(result.articles) - len(shown)
        title = "Beginning of each article" + (
            f" (the first {len(shown)} of {len(result.articles)})" if more else ""
        )
        with st.expander(title):
            for raw in shown:
                st.markdown(
                    f"**{ui.esc(raw.source_file)}** — "
                    + ui.text_block(raw.title, raw.language, tag="span"),
                    unsafe_allow_html=True,
                )
                st.text(upload_logic.beginning(raw.body))
            if more:
                st.caption(f"… and {more} more; every one is in the preview table above.")

st.divider()
st.subheader("Delete an article")
if DELETED in st.session_state:
    st.success(st.session_state.pop(DELETED))
choices = dict(upload_logic.article_choices(store))
if not choices:
    st.caption("The store holds no article.")
else:
    doomed = st.selectbox(
        "Article", list(choices), format_func=lambda i: choices[i], key="delete_choice"
    )
    sure = st.checkbox("Yes, delete this article and everything derived from it", key="delete_ok")
    if st.button("Delete", disabled=not sure, key="delete_button"):
        gone = store.delete_article(doomed)
        if gone:
            # Copies of a deleted first publisher were released from their cluster: regroup
            # them now so "count each cluster once" stays right.
            from dashboard.storage import syndication

            syndication.update_clusters(store)
            from dashboard.storage import aggregates

            aggregates.refresh(store)
        st.session_state[DELETED] = (
            f"Deleted: {ui.esc(choices[doomed])}" if gone else "That article was already gone."
        )
        st.session_state.pop("delete_ok", None)
        st.rerun()
