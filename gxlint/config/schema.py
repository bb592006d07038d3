"""What each configuration key accepts. The command line uses the same converters, so that a value
means the same thing in ``gxlint.toml`` and after ``--option``."""

from __future__ import annotations

import os
from typing import Any, Callable

from .. import regexes
from ..diagnostics import Severity

PREFIX = regexes.compile(r"^(ALL|GX\d{0,3})$")
FULL_CODE = regexes.compile(r"^GX\d{3}$")


def _strings(value: Any) -> list[str]:
    """A TOML list of strings, or one comma-separated string (as typed on the command line)."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, (list, tuple)) and all(isinstance(item, str) for item in value):
        return [item.strip() for item in value if item.strip()]
    raise ValueError(f"expected a list of strings, got {value!r}")


def codes(value: Any) -> list[str]:
    found = [code.upper() for code in _strings(value)]
    for code in found:
        if not PREFIX.match(code):
            raise ValueError(f"{code!r} is not a gxlint code or prefix (GX followed by up to three digits, or ALL)")
    return found


def globs(value: Any) -> list[str]:
    return _strings(value)


def per_file_ignores(value: Any) -> dict[str, list[str]]:
    """A table ``glob = [codes]``, or flake8's ``"glob:CODES glob:CODES"`` string."""
    if isinstance(value, str):
        table: dict[str, Any] = {}
        for item in value.split():
            pattern, sep, listed = item.rpartition(":")
            if not sep or not pattern or not listed:
                raise ValueError(f"expected 'GLOB:CODE,CODE' items separated by spaces, got {item!r}")
            table.setdefault(pattern, []).extend(codes(listed))
        return table
    if not isinstance(value, dict):
        raise ValueError(f"expected a table of glob = [codes], got {value!r}")
    return {str(pattern): codes(listed) for pattern, listed in value.items()}


def severity(value: Any) -> Severity:
    if not isinstance(value, str):
        raise ValueError(f"expected one of error, warning, info, got {value!r}")
    return Severity.parse(value)


def name(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"expected a name, got {value!r}")
    return value.strip()


def positive_int(value: Any) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"expected a whole number of at least 1, got {value!r}")
    return value


def _limit(value: Any, unit: str) -> float:
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            raise ValueError(f"expected a number of {unit}, got {value!r}") from None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0 or value != value:
        raise ValueError(f"expected a number of {unit} (0 = no limit), got {value!r}")
    return float(value)


def seconds(value: Any) -> float:
    return _limit(value, "seconds")


def megabytes(value: Any) -> float:
    return _limit(value, "megabytes")


def boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise ValueError(f"expected true or false, got {value!r}")


def directory(value: Any) -> str:
    """A directory path; a relative one is anchored where it was written (see ``resolve``)."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"expected a directory path, got {value!r}")
    return os.path.expanduser(value.strip())


def rule_tables(value: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict):
        raise ValueError("expected tables like [rules.GX302]")
    tables = {}
    for code, options in value.items():
        if not FULL_CODE.match(str(code).upper()):
            raise ValueError(f"{code!r} is not a rule code (GX followed by three digits)")
        if not isinstance(options, dict):
            raise ValueError(f"rules.{code} must be a table of options")
        tables[str(code).upper()] = dict(options)
    return tables


# Configuration key → converter. Keys mirror the long command-line options.
KEYS: dict[str, Callable[[Any], Any]] = {
    "select": codes,
    "extend-select": codes,
    "ignore": codes,
    "extend-ignore": codes,
    "per-file-ignores": per_file_ignores,
    "exclude": globs,
    "extend-exclude": globs,
    "fail-on": severity,
    "template": name,
    "jobs": positive_int,
    "max-seconds": seconds,
    "max-file-mb": megabytes,
    "format": name,
    "cache": boolean,
    "cache-dir": directory,
    "rules": rule_tables,
}
