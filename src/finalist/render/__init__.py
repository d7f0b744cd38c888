"""Shells that show results: terminal (Rich), Markdown; later HTML, PDF, ICS and email."""
