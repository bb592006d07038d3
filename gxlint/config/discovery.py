"""Finding and reading the configuration file.

``gxlint.toml`` and ``.gxlint.toml`` hold the settings at top level; ``pyproject.toml`` holds them
under ``[tool.gxlint]`` and counts only when it has that table (the ruff way, so that a project's
unrelated ``pyproject.toml`` does not hide a configuration further up). Within one directory the
dedicated files win over ``pyproject.toml``; the nearest directory walking up from the current one
wins over directories further up.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Optional

from ..records import Record

CANDIDATES = ("gxlint.toml", ".gxlint.toml", "pyproject.toml")


class _NewDict:
    """Default of ``ConfigFile.values``: each instance gets a new empty dict."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<new dict>"


_NEW_DICT: Any = _NewDict()


class ConfigError(Exception):
    """A configuration problem the user must fix; the message names the file and the key."""


# A dataclass with its ``__init__`` written out and ``repr`` and ``==`` from gxlint.records:
# ``@dataclass`` would compile them at every start-up.
@dataclass(init=False, repr=False, eq=False)
class ConfigFile(Record):
    path: Optional[str]  # None: no configuration file was used
    values: dict[str, Any] = field(default_factory=dict)

    def __init__(self, path: Optional[str], values: dict[str, Any] = _NEW_DICT) -> None:
        self.path = path
        self.values = {} if values is _NEW_DICT else values

    @property
    def directory(self) -> str:
        return os.path.dirname(os.path.abspath(self.path)) if self.path else os.getcwd()

    @property
    def section(self) -> str:
        """Where the keys live in the file, for messages."""
        if self.path and os.path.basename(self.path) == "pyproject.toml":
            return "[tool.gxlint]"
        return "the top level"


def _read_toml(path: str) -> dict[str, Any]:
    from .._toml import toml

    try:
        with open(path, "rb") as handle:
            return toml.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot read configuration file ({error.strerror or error})") from None
    except toml.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: not UTF-8 ({error.reason})") from None


def _tool_table(data: dict[str, Any], path: str) -> Optional[dict[str, Any]]:
    tool = data.get("tool")
    if not isinstance(tool, dict) or "gxlint" not in tool:
        return None
    table = tool["gxlint"]
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.gxlint] must be a table")
    return table


def read_config(path: str) -> ConfigFile:
    """Read one named configuration file (``--config``)."""
    data = _read_toml(path)
    if os.path.basename(path) == "pyproject.toml":
        data = _tool_table(data, path) or {}
    return ConfigFile(path, data)


def find_config(start: Optional[str] = None) -> ConfigFile:
    """The nearest configuration walking up from ``start`` (the current directory), or none."""
    directory = os.path.abspath(start or os.getcwd())
    while True:
        for name in CANDIDATES:
            candidate = os.path.join(directory, name)
            if not os.path.isfile(candidate):
                continue
            data = _read_toml(candidate)
            if name == "pyproject.toml":
                table = _tool_table(data, candidate)
                if table is None:
                    continue
                data = table
            return ConfigFile(candidate, data)
        parent = os.path.dirname(directory)
        if parent == directory:
            return ConfigFile(None)
        directory = parent


def load_config(config: Optional[str], isolated: bool) -> ConfigFile:
    """``--isolated`` ignores every file; ``--config FILE`` names one; otherwise discovery."""
    if isolated:
        return ConfigFile(None)
    if config:
        return read_config(config)
    return find_config()
