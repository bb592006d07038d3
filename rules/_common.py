"""What the structure (GX1) and template-drift (GX4) rules share: the template a report is held
to, how sections, headings and tables are named in messages, and the wording lexicon."""

from __future__ import annotations

import functools
import re
from typing import Optional

from gxlint._data import load_toml
from gxlint.model import BoundTable, Paragraph, Report, Section, Span
from gxlint.normalize import label_key, words_key
from gxlint.templates import Template, get_template, template_for_year

NUMERALS = "一二三四五六七八九十"
TABLE_NAMES = {"table2": "表二", "table3": "表三", "table4": "表四"}


def expected_template(report: Report) -> Template:
    """The template the report must follow: the configured one, or the one for its year."""
    try:
        return get_template(report.meta.template)
    except KeyError:
        return template_for_year(report.year)


def is_2021_format(template: Template) -> bool:
    """Requirements introduced by 国办公开办函〔2021〕30号 apply to templates for 2021 on."""
    return template.first_year >= 2021


def section_heading(template: Template, number: int) -> str:
    """The heading as the template writes it: ``五、存在的主要问题及改进情况``."""
    spec = template.section(number)
    title = spec.title if spec is not None else ""
    return f"{NUMERALS[number - 1]}、{title}"


def section_name(template: Template, number: int) -> str:
    """``第五部分「五、存在的主要问题及改进情况」`` for messages."""
    return f"第{NUMERALS[number - 1]}部分「{section_heading(template, number)}」"


def heading_span(section: Section) -> Span:
    """The heading line from its first visible character (indentation is not the heading)."""
    text = section.line.text
    return section.line.span(len(text) - len(text.lstrip()))


def written(section: Section) -> str:
    """The heading as the report writes it (without Markdown ``#``), for quoting in a message."""
    return section.heading.lstrip("#").strip()


def body_paragraphs(section: Section) -> list[Paragraph]:
    """The section's prose, sub-sections included, without the signature lines at the end."""
    return [p for p in section.all_paragraphs() if p.kind != "signature" and p.text.strip()]


def same_words(a: str, b: str) -> bool:
    return words_key(a) == words_key(b)


NIL_MAX = 40  # longer texts say something, whatever they start with


def is_nil(text: str) -> bool:
    """True when the whole text is "无", "暂无。", "无相关情况" or nothing at all."""
    if len(text) > NIL_MAX:
        return False
    return re.match(lexicon()["nil"]["pattern"], words_key(text)) is not None


def mentions(key: str, phrases) -> bool:
    """Whether ``key`` (a :func:`label_key` of the text, computed once) holds one of the phrases."""
    return any(label_key(phrase) in key for phrase in phrases)


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    return load_toml(__package__, "structure.toml")


def table_name(table: BoundTable) -> str:
    """``表二「第二十条第（一）项」``, ``表三``, ``表四``."""
    name = TABLE_NAMES.get(table.name, table.name)
    return f"{name}「{table.block}」" if table.block else name


def quote_lines(items: list[tuple[str, Optional[Span]]], limit: int = 8) -> str:
    """``「本年新制作数量」（第 23 行）、「本年增/减」（第 37、50 行）`` — one entry per text."""
    lines: dict[str, list[int]] = {}
    for text, span in items:
        entry = lines.setdefault(text, [])
        if span is not None and span.line not in entry:
            entry.append(span.line)
    parts = []
    for text, numbers in list(lines.items())[:limit]:
        where = f"（第 {'、'.join(map(str, numbers))} 行）" if numbers else ""
        parts.append(f"「{text}」{where}")
    more = f"等 {len(lines)} 处" if len(lines) > limit else ""
    return "、".join(parts) + more


def section_extent(report: Report, section: Section) -> list[Section]:
    """The section and the unrecognised top-level headings after it, up to the next statutory one.

    An overview whose points are numbered 一、二、 at the top level still has its text under those
    headings; it belongs to the statutory section before them.
    """
    # By identity first: list.index compares every earlier section field by field.
    index = next((i for i, candidate in enumerate(report.sections) if candidate is section), None)
    if index is None:
        index = report.sections.index(section)
    extent = [section]
    for following in report.sections[index + 1 :]:
        if following.number is not None:
            break
        extent.append(following)
    return extent


def table_found(report: Report, number: int) -> bool:
    """Whether the binder found the table of section 二, 三 or 四."""
    tables = report.tables
    if number == 2:
        return bool(tables.table2)
    table = tables.table3 if number == 3 else tables.table4
    return table is not None and table.found


def found_tables(report: Report) -> list[BoundTable]:
    """The tables the binder matched to the template (every 表二 block, 表三, 表四)."""
    tables = [*report.tables.table2, report.tables.table3, report.tables.table4]
    return [t for t in tables if t is not None and t.found]
