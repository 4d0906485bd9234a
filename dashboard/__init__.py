"""Arabic-first comparative news-coverage dashboard: analysis core (no Streamlit here)."""

__version__ = "0.1.0"
