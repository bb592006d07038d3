"""Inline suppressions in Markdown and HTML reports: ``<!-- gxlint: disable GX501 -->``."""

from __future__ import annotations


def apply_suppressions(document, diagnostics, settings):
    """Drop diagnostics silenced by inline comments (the full syntax lands with the integrations)."""
    return diagnostics
