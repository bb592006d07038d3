"""The agency's region (province / city), from its name and the report's addresses.

Best effort: a region is returned only when a place name in the package's region table is found.
"""

from __future__ import annotations

from typing import Iterable, Optional


def detect_region(agency: Optional[str], texts: Iterable[str] = ()) -> Optional[dict]:
    """``{"province", "city", "area_codes"}`` for the agency, or None when nothing is certain."""
    return None
