"""Base classes for gxlint's value objects: dataclasses whose ``__init__`` is written out.

``@dataclass`` compiles new source for each ``__init__``, ``__repr__`` and ``__eq__`` of every
class each time its module is imported (≈ 1 ms a class, paid on every run). A class that derives
from :class:`Record` or :class:`FrozenRecord` stays a dataclass (``fields``, ``asdict`` and
``replace`` work) but is declared ``@dataclass(init=False, repr=False, eq=False)`` with its own
``__init__``, and takes ``repr`` and ``==`` from here. This module is light (no gxlint imports), so
the configuration, the diagnostics and the plugin pack can use it without loading the model.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError, fields
from operator import attrgetter
from typing import Any, Callable

__all__ = ["Record", "FrozenRecord", "NEW_LIST"]


class Record:
    """``repr`` and ``==`` for the model's dataclasses, as ``@dataclass`` would write them.

    ``@dataclass`` compiles new source for each ``__init__``, ``__repr__`` and ``__eq__`` of every
    class each time the module is imported, which cost ≈ 10 ms of every run. So the classes stay
    dataclasses (``fields``, ``asdict`` and ``replace`` work) but their ``__init__`` is written out
    and ``repr`` and ``==`` come from here, compiled once with the module: same output, same
    comparison (fields in order, same class only), and instances stay unhashable like any mutable
    dataclass. ``tests/test_parser_model.py`` checks each ``__init__`` against the fields.
    """

    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        names = _field_names(type(self))
        return f"{type(self).__qualname__}(" + ", ".join(f"{name}={getattr(self, name)!r}" for name in names) + ")"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        values = _field_values(type(self))
        return values(self) == values(other)


class FrozenRecord(Record):
    """:class:`Record` for value objects that ``@dataclass(frozen=True)`` would make: fields cannot
    be assigned after ``__init__`` (which fills ``self.__dict__``), and equal instances hash alike."""

    __slots__ = ()

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __hash__(self) -> int:
        return hash(_field_values(type(self))(self))


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_FIELD_VALUES: dict[type, Callable[[Any], tuple]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


def _field_values(cls: type) -> Callable[[Any], tuple]:
    """The tuple of an instance's field values, read in C (rules compare paragraphs and lines)."""
    values = _FIELD_VALUES.get(cls)
    if values is None:
        names = _field_names(cls)
        if len(names) > 1:
            values = attrgetter(*names)
        else:
            def values(instance: Any, _names: tuple[str, ...] = names) -> tuple:
                return tuple(getattr(instance, name) for name in _names)
        _FIELD_VALUES[cls] = values
    return values


class _NewList:
    """Default of a list field: each instance gets a new empty list (``field(default_factory=list)``)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<new list>"


NEW_LIST: Any = _NewList()
