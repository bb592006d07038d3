"""Defaults ← configuration file ← command line, merged into one :class:`Settings`.

``select``, ``ignore``, ``exclude`` and the other plain keys given on the command line replace the
file's value; the ``extend-*`` keys add to it (the flake8 way). Codes, templates, formats and rule
options are checked against the loaded plugins, so a typo is an error that names the key and the
place it was written instead of a rule that silently never runs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Optional

from ..records import NEW_LIST, Record
from .discovery import _NEW_DICT, ConfigError, ConfigFile
from .patterns import normalize
from .schema import FULL_CODE, KEYS
from .settings import Settings

EXTENDING = {"extend-select", "extend-ignore", "extend-exclude"}
CODE_KEYS = ("select", "extend-select", "ignore", "extend-ignore")
ENVIRONMENT = {"cache-dir": "GXLINT_CACHE_DIR", "cache": "GXLINT_NO_CACHE"}


# A dataclass with its ``__init__`` written out and ``repr`` and ``==`` from gxlint.records:
# ``@dataclass`` would compile them at every start-up.
@dataclass(init=False, repr=False, eq=False)
class Resolved(Record):
    """The settings, plus where each value came from (for error messages after plugins load)."""

    settings: Settings
    origins: dict[str, str] = field(default_factory=dict)  # key → "FILE key 'k'" / "option --k"
    code_uses: list[tuple[str, list[str]]] = field(default_factory=list)

    def __init__(
        self,
        settings: Settings,
        origins: dict[str, str] = _NEW_DICT,
        code_uses: list[tuple[str, list[str]]] = NEW_LIST,
    ) -> None:
        self.settings = settings
        self.origins = {} if origins is _NEW_DICT else origins
        self.code_uses = [] if code_uses is NEW_LIST else code_uses


def validate_file(config: ConfigFile) -> dict[str, Any]:
    """Convert every key of the file, or raise naming the file and the key."""
    values = {}
    for key, raw in config.values.items():
        converter = KEYS.get(key)
        if converter is None:
            known = ", ".join(sorted(KEYS))
            raise ConfigError(f"{config.path}: unknown key {key!r} in {config.section} (known keys: {known})")
        try:
            values[key] = converter(raw)
        except ValueError as error:
            raise ConfigError(f"{config.path}: bad value for key {key!r}: {error}") from None
    return values


def _from_environment() -> dict[str, Any]:
    """The cache settings of the environment (ruff's ``RUFF_CACHE_DIR``, ``RUFF_NO_CACHE``): below the
    command line, above the configuration file, so that a CI job can move or disable the cache."""
    values: dict[str, Any] = {}
    directory = os.environ.get("GXLINT_CACHE_DIR", "").strip()
    if directory:
        values["cache-dir"] = os.path.expanduser(directory)
    if os.environ.get("GXLINT_NO_CACHE", "").strip().lower() not in ("", "0", "false", "no"):
        values["cache"] = False
    return values


def _anchor(patterns: list[str], base: str) -> list[str]:
    return [normalize(pattern, base) for pattern in patterns]


def resolve(config: ConfigFile, cli: dict[str, Any]) -> Resolved:
    """Merge the file's values and the command line's (``cli`` holds only options actually given)."""
    from_file = validate_file(config)
    settings = Settings(config_path=config.path)
    resolved = Resolved(settings)
    cwd = os.getcwd()
    layers = [
        (from_file, config.directory, lambda k: f"{config.path}: key {k!r}"),
        (_from_environment(), cwd, lambda k: f"environment variable {ENVIRONMENT[k]}"),
        (cli, cwd, lambda k: f"option --{k}"),
    ]
    for values, base, where in layers:
        for key, value in values.items():
            if key in ("exclude", "extend-exclude"):
                value = _anchor(value, base)
            elif key == "cache-dir":
                value = os.path.normpath(os.path.join(base, value))
            elif key == "per-file-ignores":
                value = {normalize(pattern, base): listed for pattern, listed in value.items()}
            attribute = key.replace("-", "_")
            if key in EXTENDING:
                setattr(settings, attribute, getattr(settings, attribute) + value)
            else:
                setattr(settings, attribute, value)
            resolved.origins[key] = where(key)
            if key in CODE_KEYS:
                resolved.code_uses.append((where(key), value))
            elif key == "per-file-ignores":
                resolved.code_uses.append((where(key), [c for listed in value.values() for c in listed]))
    return resolved


def check_against(resolved: Resolved, registry: Any, formats: Optional[set[str]] = None) -> None:
    """Raise :class:`ConfigError` for codes, rule options, templates or formats nobody provides."""
    from ..templates import get_template

    known = set(registry.rules)
    for where, listed in resolved.code_uses:
        for code in listed:
            if FULL_CODE.match(code) and code not in known:
                raise ConfigError(f"{where}: unknown rule code {code!r}{_failed_plugins(registry)}")
    settings = resolved.settings
    for code, options in settings.rules.items():
        where = resolved.origins.get("rules", "rules")
        rule = registry.rules.get(code)
        if rule is None:
            raise ConfigError(f"{where}: [rules.{code}]: unknown rule code {code!r}{_failed_plugins(registry)}")
        for option, value in options.items():
            if option not in rule.options:
                accepted = ", ".join(sorted(rule.options)) or "none"
                raise ConfigError(f"{where}: [rules.{code}]: unknown option {option!r} (options of {code}: {accepted})")
            _check_type(where, code, option, value, rule.options[option])
    if settings.template != "auto":
        try:
            get_template(settings.template)
        except KeyError as error:
            raise ConfigError(f"{resolved.origins.get('template', 'template')}: {error.args[0]}") from None
    if formats is not None and settings.format not in formats:
        raise ConfigError(
            f"{resolved.origins.get('format', 'format')}: unknown format {settings.format!r} "
            f"(known: {', '.join(sorted(formats))})"
        )


def _check_type(where: str, code: str, option: str, value: Any, default: Any) -> None:
    if default is None:
        return
    expected = type(default)
    ok = isinstance(value, expected) and not (isinstance(value, bool) and expected is not bool)
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        ok = True
    if not ok:
        raise ConfigError(
            f"{where}: [rules.{code}]: option {option!r} must be {expected.__name__} "
            f"like the default {default!r}, got {value!r}"
        )


def _failed_plugins(registry: Any) -> str:
    names = sorted({failure.plugin for failure in getattr(registry, "failures", [])})
    return f" (plugins that failed to load: {', '.join(names)})" if names else ""
