"""The per-file memory cap, enforced as a cap on input size per format.

Memory use grows linearly with the size of the input, at a rate that depends on the format: a
text report costs a few bytes of memory per byte of input, an HTML tree or a PDF layout tens to
hundreds. Refusing a file by its size before it is read is the one memory cap that is safe in
every process — an address-space limit would make Python fail at random places, and a file that
is refused costs nothing. The caps are generous: real annual reports are well under a megabyte
of text and a few megabytes as PDF or DOCX.

The time cap (``max_seconds``) is enforced around each file by :mod:`gxlint.runner`.
"""

from __future__ import annotations

import os
from typing import Optional

from .readers import kind_for_path

MB = 1024 * 1024

# Per format, in MB; "text" also covers unknown suffixes (the text reader is the fallback).
DEFAULT_CAPS_MB = {"text": 20.0, "markdown": 20.0, "html": 20.0, "docx": 30.0, "pdf": 30.0}


def size_cap(path: str, max_file_mb: Optional[float]) -> Optional[float]:
    """The cap in MB for ``path``: ``max_file_mb`` when set (0 = none), else the format's default."""
    if max_file_mb is not None:
        return max_file_mb or None
    return DEFAULT_CAPS_MB.get(kind_for_path(path) or "text", DEFAULT_CAPS_MB["text"])


def oversize(path: str, max_file_mb: Optional[float], size: Optional[int] = None) -> Optional[str]:
    """A GX004 message when the file (or ``size`` bytes read from stdin) exceeds its cap, else None.

    A file that cannot be stat-ed is not refused here: reading it will say what is wrong with it.
    """
    cap = size_cap(path, max_file_mb)
    if cap is None:
        return None
    if size is None:
        try:
            size = os.stat(path).st_size
        except OSError:
            return None
    if size <= cap * MB:
        return None
    return f"文件大小 {size / MB:.3g} MB 超过上限 {cap:g} MB，未检查此文件（max-file-mb）"
