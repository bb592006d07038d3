"""Versioned official templates (the format is "updated from time to time", so templates are data).

A template is a TOML file: the six sections with their accepted aliases, the blocks of table 二,
the rows and columns of table 三 and the cells of table 四. Built-in templates live beside this
module; a province's local variant can be added by a plugin through the ``gxlint_templates`` hook.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Optional

from .._data import load_toml
from ..normalize import label_key
from ..records import FrozenRecord

# The classes are dataclasses whose ``__init__`` is written out and whose ``repr``, ``==``, hash and
# immutability come from ``FrozenRecord`` (as in the model): ``@dataclass(frozen=True)`` compiles
# six methods per class at every start-up.


@dataclass(init=False, repr=False, eq=False)
class SectionSpec(FrozenRecord):
    number: int
    title: str
    aliases: tuple[str, ...]

    def __init__(self, number: int, title: str, aliases: tuple[str, ...]) -> None:
        fields = self.__dict__
        fields["number"] = number
        fields["title"] = title
        fields["aliases"] = aliases

    @property
    def numeral(self) -> str:
        return "一二三四五六"[self.number - 1]

    @property
    def heading(self) -> str:
        return f"{self.numeral}、{self.title}"


@dataclass(init=False, repr=False, eq=False)
class Table2Block(FrozenRecord):
    clause: str
    columns: tuple[str, ...]
    rows: tuple[str, ...]

    def __init__(self, clause: str, columns: tuple[str, ...], rows: tuple[str, ...]) -> None:
        fields = self.__dict__
        fields["clause"] = clause
        fields["columns"] = columns
        fields["rows"] = rows


@dataclass(init=False, repr=False, eq=False)
class Template(FrozenRecord):
    id: str
    name: str
    first_year: int
    last_year: int
    sections: tuple[SectionSpec, ...]
    section1_topics: tuple[str, ...]
    table2_row_header: str
    table2: tuple[Table2Block, ...]
    table3_note: str
    table3_headers: tuple[str, ...]
    table3_columns: tuple[str, ...]
    table3_groups: tuple[str, ...]
    table3_rows: tuple[str, ...]  # path keys, "三、本年度办理结果/（一）予以公开"
    table4_groups: tuple[str, ...]
    table4_columns: tuple[str, ...]
    table4_headers: tuple[str, ...]
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def __init__(
        self,
        id: str,
        name: str,
        first_year: int,
        last_year: int,
        sections: tuple[SectionSpec, ...],
        section1_topics: tuple[str, ...],
        table2_row_header: str,
        table2: tuple[Table2Block, ...],
        table3_note: str,
        table3_headers: tuple[str, ...],
        table3_columns: tuple[str, ...],
        table3_groups: tuple[str, ...],
        table3_rows: tuple[str, ...],
        table4_groups: tuple[str, ...],
        table4_columns: tuple[str, ...],
        table4_headers: tuple[str, ...],
        extra: Optional[dict] = None,
    ) -> None:
        self.__dict__.update(
            id=id,
            name=name,
            first_year=first_year,
            last_year=last_year,
            sections=sections,
            section1_topics=section1_topics,
            table2_row_header=table2_row_header,
            table2=table2,
            table3_note=table3_note,
            table3_headers=table3_headers,
            table3_columns=table3_columns,
            table3_groups=table3_groups,
            table3_rows=table3_rows,
            table4_groups=table4_groups,
            table4_columns=table4_columns,
            table4_headers=table4_headers,
            extra={} if extra is None else extra,
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return _compared(self) == _compared(other)

    def __hash__(self) -> int:  # ``extra`` is neither compared nor hashed
        return hash(_compared(self))

    @property
    def table3_labels(self) -> tuple[str, ...]:
        """Leaf labels of table 三's data rows, in template order."""
        return tuple(key.rsplit("/", 1)[-1] for key in self.table3_rows)

    def section(self, number: int) -> Optional[SectionSpec]:
        for spec in self.sections:
            if spec.number == number:
                return spec
        return None

    def applies_to(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year

    def block(self, clause: str) -> Optional[Table2Block]:
        wanted = label_key(clause)
        for block in self.table2:
            if label_key(block.clause) == wanted:
                return block
        return None


_compared = attrgetter(
    "id", "name", "first_year", "last_year", "sections", "section1_topics", "table2_row_header", "table2",
    "table3_note", "table3_headers", "table3_columns", "table3_groups", "table3_rows", "table4_groups",
    "table4_columns", "table4_headers",
)


def template_from_dict(data: dict) -> Template:
    """Build a template from parsed TOML; plugins may pass their own dictionaries."""
    first, last = data["years"]
    t3, t4, t2 = data["table3"], data["table4"], data["table2"]
    return Template(
        id=data["id"],
        name=data.get("name", data["id"]),
        first_year=int(first),
        last_year=int(last),
        sections=tuple(
            SectionSpec(int(s["number"]), s["title"], tuple(s.get("aliases", ()))) for s in data["sections"]
        ),
        section1_topics=tuple(data.get("section1", {}).get("topics", ())),
        table2_row_header=t2.get("row_header", "信息内容"),
        table2=tuple(
            Table2Block(b["clause"], tuple(b["columns"]), tuple(b["rows"])) for b in t2["blocks"]
        ),
        table3_note=t3["note"],
        table3_headers=(t3.get("header_top", "申请人情况"), *t3.get("header_groups", ())),
        table3_columns=tuple(t3["columns"]),
        table3_groups=tuple(t3.get("groups", ())),
        table3_rows=tuple(t3["rows"]),
        table4_groups=tuple(t4["groups"]),
        table4_columns=tuple(t4["columns"]),
        table4_headers=tuple(t4.get("headers", ())),
        extra={k: v for k, v in data.items() if k not in {"id", "name", "years", "sections", "section1", "table2", "table3", "table4"}},
    )


@functools.cache
def builtin_templates() -> dict[str, Template]:
    found: dict[str, Template] = {}
    for name in ("gov-2021.toml", "gov-2019.toml"):
        template = template_from_dict(load_toml(__package__, name))
        found[template.id] = template
    return found


_registry: dict[str, Template] = {}


def register_template(template: Template) -> None:
    """Add a template (from a plugin). A later registration with the same id replaces the earlier."""
    _registry[template.id] = template


def all_templates() -> dict[str, Template]:
    merged = dict(builtin_templates())
    merged.update(_registry)
    return merged


ALIASES = {"2021": "gov-2021", "2019": "gov-2019"}


def get_template(name: str) -> Template:
    templates = all_templates()
    key = ALIASES.get(str(name), str(name))
    if key not in templates:
        raise KeyError(f"unknown template {name!r} (known: {', '.join(sorted(templates))})")
    return templates[key]


def template_for_year(year: Optional[int]) -> Template:
    """2019 format for report years 2019–2020, 2021 format otherwise (and when the year is unknown)."""
    if year is not None:
        for template in builtin_templates().values():
            if template.applies_to(year):
                return template
    return builtin_templates()["gov-2021"]


__all__ = [
    "SectionSpec",
    "Table2Block",
    "Template",
    "all_templates",
    "builtin_templates",
    "get_template",
    "register_template",
    "template_for_year",
    "template_from_dict",
]
