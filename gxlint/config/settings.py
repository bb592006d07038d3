"""The run's settings and the flake8-style code selection (longest matching prefix wins)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from ..diagnostics import Severity
from ..records import Record
from .patterns import matches

# Version-control, build and cache folders, and the repository documents that sit beside reports but
# are not reports (a README.md in a reports folder would otherwise be linted as Markdown).
DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".tox", ".venv", "venv", "__pycache__", "node_modules", "build", "dist", ".gxlint_cache",
    "README*", "CHANGELOG*", "CHANGES*", "LICENSE*", "CONTRIBUTING*", "CODE_OF_CONDUCT*",
)


class _Default:
    """The default of a field with a ``default_factory``: ``__init__`` makes a new value."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<default>"


_DEFAULT: Any = _Default()


# A dataclass with its ``__init__`` written out and ``repr`` and ``==`` from gxlint.records:
# ``@dataclass`` would compile them at every start-up. ``__init__`` makes what each
# ``default_factory`` makes, as the generated one does.
@dataclass(init=False, repr=False, eq=False)
class Settings(Record):
    select: list[str] = field(default_factory=lambda: ["GX"])
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    extend_ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    extend_exclude: list[str] = field(default_factory=list)
    fail_on: Severity = Severity.INFO
    template: str = "auto"
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    jobs: Optional[int] = None
    max_seconds: float = 20.0
    max_file_mb: Optional[float] = None  # None: the per-format caps of gxlint.limits; 0: no cap
    format: str = "default"
    cache: bool = True  # reuse the findings of unchanged files (gxlint.cache)
    cache_dir: Optional[str] = None  # None: .gxlint_cache beside the configuration file, else in the current directory
    config_path: Optional[str] = None

    def __init__(
        self,
        select: list[str] = _DEFAULT,
        extend_select: list[str] = _DEFAULT,
        ignore: list[str] = _DEFAULT,
        extend_ignore: list[str] = _DEFAULT,
        per_file_ignores: dict[str, list[str]] = _DEFAULT,
        exclude: list[str] = _DEFAULT,
        extend_exclude: list[str] = _DEFAULT,
        fail_on: Severity = Severity.INFO,
        template: str = "auto",
        rules: dict[str, dict[str, Any]] = _DEFAULT,
        jobs: Optional[int] = None,
        max_seconds: float = 20.0,
        max_file_mb: Optional[float] = None,
        format: str = "default",
        cache: bool = True,
        cache_dir: Optional[str] = None,
        config_path: Optional[str] = None,
    ) -> None:
        self.select = ["GX"] if select is _DEFAULT else select
        self.extend_select = [] if extend_select is _DEFAULT else extend_select
        self.ignore = [] if ignore is _DEFAULT else ignore
        self.extend_ignore = [] if extend_ignore is _DEFAULT else extend_ignore
        self.per_file_ignores = {} if per_file_ignores is _DEFAULT else per_file_ignores
        self.exclude = list(DEFAULT_EXCLUDE) if exclude is _DEFAULT else exclude
        self.extend_exclude = [] if extend_exclude is _DEFAULT else extend_exclude
        self.fail_on = fail_on
        self.template = template
        self.rules = {} if rules is _DEFAULT else rules
        self.jobs = jobs
        self.max_seconds = max_seconds
        self.max_file_mb = max_file_mb
        self.format = format
        self.cache = cache
        self.cache_dir = cache_dir
        self.config_path = config_path

    def is_enabled(self, code: str) -> bool:
        """flake8 semantics: the longest prefix among select and ignore decides; ties go to select."""
        selected = _longest(code, self.select + self.extend_select)
        ignored = _longest(code, self.ignore + self.extend_ignore)
        if selected < 0:
            return False
        return selected >= ignored

    def explicitly_ignored(self, code: str) -> bool:
        """Disabled by an ignore entry (not merely left out of the selection)."""
        return not self.is_enabled(code) and _longest(code, self.ignore + self.extend_ignore) >= 0

    def ignored_for_file(self, code: str, path: str) -> bool:
        for pattern, codes in self.per_file_ignores.items():
            if _longest(code, codes) >= 0 and matches(path, pattern):
                return True
        return False

    def options_for(self, code: str, defaults: dict[str, Any]) -> dict[str, Any]:
        merged = dict(defaults)
        merged.update(self.rules.get(code, {}))
        return merged


def _longest(code: str, prefixes: list[str]) -> int:
    best = -1
    for prefix in prefixes:
        prefix = prefix.strip().upper()
        if prefix == "ALL":
            prefix = "GX"
        if code.startswith(prefix):
            best = max(best, len(prefix))
    return best

