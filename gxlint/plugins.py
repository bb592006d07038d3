"""Plugin loading: entry points → pluggy → a registry of rules, readers, formats and templates.

A plugin that fails to import or whose hook raises is recorded as a :class:`PluginFailure` (the
engine reports it as ``GX003`` naming the plugin and the hook) and the run goes on with the
others. Two plugins registering the same code is a hard error naming both.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from dataclasses import dataclass, field
from typing import Any, Callable, NamedTuple, Optional

import pluggy

from . import hookspecs, regexes
from .records import FrozenRecord, Record
from .rule import CODE, Rule

GROUP = "gxlint"


# Dataclasses with ``__init__`` written out and ``repr``, ``==``, hash and immutability from the
# model's records: ``@dataclass`` would compile their methods at every start-up.


@dataclass(init=False, repr=False, eq=False)
class ReaderSpec(FrozenRecord):
    kind: str
    suffixes: tuple[str, ...]
    read: Callable[[bytes, str], Any]

    def __init__(self, kind: str, suffixes: tuple[str, ...], read: Callable[[bytes, str], Any]) -> None:
        fields = self.__dict__
        fields["kind"] = kind
        fields["suffixes"] = suffixes
        fields["read"] = read


@dataclass(init=False, repr=False, eq=False)
class FormatSpec(FrozenRecord):
    name: str
    factory: Callable[..., Any]

    def __init__(self, name: str, factory: Callable[..., Any]) -> None:
        fields = self.__dict__
        fields["name"] = name
        fields["factory"] = factory


@dataclass(init=False, repr=False, eq=False)
class PluginFailure(FrozenRecord):
    plugin: str
    hook: str
    error: str

    def __init__(self, plugin: str, hook: str, error: str) -> None:
        fields = self.__dict__
        fields["plugin"] = plugin
        fields["hook"] = hook
        fields["error"] = error


class DuplicateCodeError(Exception):
    """Two plugins claim the same rule code."""


class PluginError(Exception):
    """A plugin's rule is malformed (bad code, missing name)."""


@dataclass(init=False, repr=False, eq=False)
class Registry(Record):
    rules: dict[str, type[Rule]] = field(default_factory=dict)
    formats: dict[str, FormatSpec] = field(default_factory=dict)
    failures: list[PluginFailure] = field(default_factory=list)
    plugins: list[str] = field(default_factory=list)

    def __init__(
        self,
        rules: Optional[dict[str, type[Rule]]] = None,
        formats: Optional[dict[str, FormatSpec]] = None,
        failures: Optional[list[PluginFailure]] = None,
        plugins: Optional[list[str]] = None,
    ) -> None:
        self.rules = {} if rules is None else rules
        self.formats = {} if formats is None else formats
        self.failures = [] if failures is None else failures
        self.plugins = [] if plugins is None else plugins

    def rule(self, code: str) -> Optional[type[Rule]]:
        return self.rules.get(code.upper())


def _entry_points():
    """The ``gxlint`` entry points of the installed distributions.

    ``importlib.metadata`` parses every installed distribution's metadata and imports ``email``
    to do it — 40–60 ms on every run and again in every worker. Reading only the
    ``entry_points.txt`` files of the distributions in the directories on ``sys.path`` gives the
    same answer (the first distribution of a name on ``sys.path`` wins) in a few milliseconds;
    for anything else on ``sys.path`` (a zip archive) importlib.metadata is asked after all.
    """
    found = _scan_entry_points()
    if found is not None:
        return found
    from importlib.metadata import entry_points

    eps = entry_points()
    if hasattr(eps, "select"):
        return list(eps.select(group=GROUP))
    return list(eps.get(GROUP, []))  # Python 3.9


class _EntryPoint(NamedTuple):
    name: str
    value: str  # module[:attr.attr] [extras]

    def load(self) -> Any:
        match = _ENTRY_VALUE.match(self.value)
        if match is None:
            raise ValueError(f"malformed entry point value {self.value!r}")
        target = importlib.import_module(match["module"])
        for attr in match["attr"].split(".") if match["attr"] else ():
            target = getattr(target, attr)
        return target


_ENTRY_VALUE = regexes.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$")


def _scan_entry_points() -> Optional[list[_EntryPoint]]:
    """None when some ``sys.path`` entry is not a directory that can be listed."""
    found: list[_EntryPoint] = []
    seen: set[str] = set()
    for entry in sys.path:
        directory = entry or "."
        if not os.path.isdir(directory):
            if os.path.exists(directory):
                return None  # a zip archive: only importlib.metadata reads those
            continue
        try:
            names = os.listdir(directory)
        except OSError:
            continue
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            project = re.sub(r"[-_.]+", "_", name.rsplit(".", 1)[0].split("-")[0]).lower()
            if project in seen:
                continue
            seen.add(project)
            found.extend(_read_group(os.path.join(directory, name, "entry_points.txt")))
    return found


def _read_group(path: str) -> list[_EntryPoint]:
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return []
    section, found = None, []
    for line in map(str.strip, lines):
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
        elif section == GROUP and "=" in line:
            name, value = line.split("=", 1)
            found.append(_EntryPoint(name.strip(), value.strip()))
    return found


def load(extra_plugins: tuple[Any, ...] = ()) -> Registry:
    """Load every installed plugin (and ``extra_plugins``, for tests) into a registry."""
    from .engine_rules import ENGINE_RULES

    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    registry = Registry()
    for rule in ENGINE_RULES:
        rule.plugin = "gxlint"
        registry.rules[rule.code] = rule
    seen = set()
    for ep in _entry_points():
        if ep.name in seen:
            continue
        seen.add(ep.name)
        try:
            module = ep.load()
        except Exception as error:  # a broken plugin must not take the run down
            registry.failures.append(PluginFailure(ep.name, "import", _describe(error)))
            continue
        if not manager.is_registered(module):  # one module under two entry-point names runs once
            manager.register(module, name=ep.name)
            registry.plugins.append(ep.name)
    for index, plugin in enumerate(extra_plugins):
        if manager.is_registered(plugin):  # a test's extra plugin that is also installed
            continue
        name = getattr(plugin, "__name__", f"plugin-{index}")
        manager.register(plugin, name=name)
        registry.plugins.append(name)
    _collect(manager, registry)
    return registry


def _collect(manager: pluggy.PluginManager, registry: Registry) -> None:
    from .readers import register_reader
    from .templates import register_template, template_from_dict

    for impl in manager.hook.gxlint_templates.get_hookimpls():
        for template in _call(impl, "gxlint_templates", registry):
            register_template(template_from_dict(template) if isinstance(template, dict) else template)
    for impl in manager.hook.gxlint_readers.get_hookimpls():
        for spec in _call(impl, "gxlint_readers", registry):
            register_reader(spec.kind, list(spec.suffixes), spec.read)
    for impl in manager.hook.gxlint_formats.get_hookimpls():
        for spec in _call(impl, "gxlint_formats", registry):
            registry.formats[spec.name] = spec
    for impl in manager.hook.gxlint_rules.get_hookimpls():
        for rule in _call(impl, "gxlint_rules", registry):
            _add_rule(registry, rule, impl.plugin_name)


def _call(impl, hook: str, registry: Registry) -> list:
    try:
        return list(impl.function() or [])
    except Exception as error:
        registry.failures.append(PluginFailure(impl.plugin_name, hook, _describe(error)))
        return []


def _add_rule(registry: Registry, rule: type[Rule], plugin: str) -> None:
    if not CODE.match(rule.code or "") or not rule.name:
        raise PluginError(f"plugin {plugin!r}: rule {rule.__name__} needs a code like GX123 and a name")
    existing = registry.rules.get(rule.code)
    if existing is not None and existing is not rule:
        raise DuplicateCodeError(
            f"rule code {rule.code} is registered twice: by plugin {existing.plugin!r} "
            f"({existing.__name__}) and by plugin {plugin!r} ({rule.__name__})"
        )
    rule.plugin = plugin
    registry.rules[rule.code] = rule


def _describe(error: BaseException) -> str:
    import traceback  # only for a plugin that failed

    frame = traceback.extract_tb(sys.exc_info()[2])[-1:] if sys.exc_info()[2] else []
    where = f" ({frame[0].filename}:{frame[0].lineno})" if frame else ""
    return f"{type(error).__name__}: {error}{where}"
