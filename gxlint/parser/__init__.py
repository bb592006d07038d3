"""Text view → report tree: sections, paragraphs, chrome and tables bound to the template.

The steps, each decided from the lines alone: top-level headings (table 三's row labels excluded
by name), the table region of each of sections 二/三/四 (from its first anchor such as
``第二十条第（一）项``, the 勾稽关系 note or ``行政复议`` to the section's end), sub-headings and
paragraphs outside those regions, page chrome, title and signature lines. Tables are tokenised
and handed to the binders; metadata is extracted last because the year chooses the template.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Optional

from .. import collector, regexes
from ..bind.labels import LabelSet
from ..bind.table2 import bind_table2
from ..bind.table3 import bind_table3
from ..bind.table4 import bind_table4
from ..metadata import extract
from ..model import ChromeBlock, Line, Paragraph, Report, Section, Tables, seal
from ..normalize import label_key
from ..readers import Document
from ..templates import all_templates, builtin_templates, get_template
from .chrome import chrome_kind
from .headings import MAX_TITLE, HeadingShape, heading_shape
from .tokens import is_number_row, tokenize

SECTION_CUTOFF = 70.0
_SENTENCE_END = regexes.compile(r"[。！？!?；;：:]$")
_PROSE = regexes.compile(r"[。；]|[，,].*[，,]")
_DATE_LINE = regexes.compile(r"^\s*20\d\d\s*(年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{0,4}|[-./]\d{1,2}[-./]\d{1,2})\s*$")
_SIGNER = regexes.compile(r"(人民政府|委员会|管委会|办公室|局|厅|中心|政府|开发区|街道办事处)\s*$")


def _table_row_heads() -> frozenset[str]:
    heads = set()
    for template in builtin_templates().values():
        for key in template.table3_rows:
            heads.add(label_key(key.split("/")[0]))
    return frozenset(heads)


class _SectionTitles:
    """Canonical section titles and their aliases, for recognising the six statutory headings.

    Titles and aliases of every registered template count (a province's variant may word a heading
    its own way); only the official 2021 wording is ``exact``.
    """

    def __init__(self, templates: dict) -> None:
        template = templates["gov-2021"]
        self.by_label: dict[str, tuple[int, str]] = {}
        for spec in template.sections:
            self.by_label[spec.title] = (spec.number, "exact")
            for alias in spec.aliases:
                self.by_label[alias] = (spec.number, "alias")
        for other in templates.values():
            for spec in other.sections:
                for label in (spec.title, *spec.aliases):
                    self.by_label.setdefault(label, (spec.number, "alias"))
        self.labels = LabelSet(self.by_label, cutoff=SECTION_CUTOFF)
        self.titles = {spec.number: spec.title for spec in template.sections}

    def identify(self, title: str) -> tuple[Optional[int], Optional[str]]:
        hit = self.labels.match(title)
        if hit is None:
            return None, None
        number, how = self.by_label[hit.canonical]
        return number, (how if hit.distance == 0 else "variant")


_TITLES: Optional[_SectionTitles] = None
_TITLES_FOR: tuple = ()
_ROW_HEADS: Optional[frozenset] = None


def parse(document: Document, template: str = "auto") -> Report:
    """The report tree of ``document``, with the cyclic garbage collector paused meanwhile.

    Parsing makes thousands of objects (tokens, cells, spans, label matches, paragraphs) that form
    no reference cycles and stay alive until the tree is done: every collection the allocations set
    off would walk them and free nothing, and the promoted survivors set off full collections of
    the whole heap. Paused, parsing takes about a third less time; what it frees is freed by
    reference counting as before.
    """
    with collector.paused():
        return _parse(document, template)


def _parse(document: Document, template: str) -> Report:
    global _TITLES, _TITLES_FOR, _ROW_HEADS
    templates = all_templates()
    if _TITLES is None or _TITLES_FOR != tuple(templates):
        _TITLES, _TITLES_FOR, _ROW_HEADS = _SectionTitles(templates), tuple(templates), _table_row_heads()
    lines = document.lines
    wrap_width = _wrap_width(document)
    sections, boundaries = _top_level(lines, _TITLES, _ROW_HEADS)
    chrome: list[ChromeBlock] = []
    table_lines: dict[int, list[Line]] = {}
    first = boundaries[0] if boundaries else len(lines)
    preamble_lines = lines[:first]
    for index, section in enumerate(sections):
        start = boundaries[index] + 1
        end = boundaries[index + 1] if index + 1 < len(boundaries) else len(lines)
        body = lines[start:end]
        region_start = _table_region(body, section.number)
        if region_start is not None:
            prose, table = _split_region(body[region_start:])
            table_lines.setdefault(section.number, []).extend(table)
            _fill_section(section, body[:region_start] + prose, chrome, _ROW_HEADS, wrap_width)
        else:
            _fill_section(section, body, chrome, _ROW_HEADS, wrap_width)
    title, preamble = _preamble(preamble_lines, chrome)
    signature = _signature(sections)
    for section in sections:
        for paragraph in section.all_paragraphs():
            paragraph.section = section.number

    meta = extract(title, preamble, sections, signature, template)
    tables = _bind_tables(table_lines, meta.template)
    report = Report(
        path=document.path,
        lines=lines,
        sections=sections,
        preamble=title + preamble,
        chrome=_merge_chrome(chrome),
        tables=tables,
        meta=meta,
        source_kind=document.kind,
        markers=[f"{line}:{text}" for line, text in document.markers],
    )
    report.unparsed = _unparsed(tables)
    seal(report)
    return report


def _top_level(lines: list[Line], titles: _SectionTitles, row_heads) -> tuple[list[Section], list[int]]:
    sections: list[Section] = []
    boundaries: list[int] = []
    candidates: dict[int, list[tuple[int, str, Optional[int], int]]] = {}
    for index, line in enumerate(lines):
        text = line.text
        if not text or line.cell or "|" in text or (text.isdigit() and not line.heading_level):
            continue  # blank, a table row or cell, or a number alone (a cell of a table laid out one per line)
        shape = heading_shape(text, row_heads)
        if shape is None and not line.heading_level:
            continue  # most lines: neither written nor marked as a heading
        if shape is None or shape.level != 1 or not shape.numeral:
            shape = _unnumbered_heading(line, shape)
            if shape is None or titles.identify(shape.title)[0] is None:
                continue
        number, how = titles.identify(shape.title)
        if number is not None:
            candidates.setdefault(number, []).append((len(sections), how, shape.value, number))
        sections.append(Section(shape.numeral, shape.title, 1, line))
        boundaries.append(index)
    # A title seen twice (a table of contents, a local outline numbered 一…六 before the statutory
    # one): the statutory sections are the repeats that keep the six in order, and among those the
    # closest wording that has a body and is numbered as the format.
    def penalty(candidate, number) -> int:
        position, how, value = candidate
        end = boundaries[position + 1] if position + 1 < len(boundaries) else len(lines)
        has_body = any(line.text.strip() for line in lines[boundaries[position] + 1 : end])
        return 4 * (how == "variant") + 2 * (not has_body) + (value != number)

    for number, (position, how, _) in _in_order(candidates, penalty).items():
        section = sections[position]
        section.number, section.match, section.canonical_title = number, how, titles.titles[number]
    return sections, boundaries


def _unnumbered_heading(line: Line, shape: Optional[HeadingShape]) -> Optional[HeadingShape]:
    """A heading the format marks (HTML ``<h2>``, Word heading style, Markdown ``#``) but that
    carries no numeral (``总体情况``); it counts as a top-level section only under a statutory title."""
    if shape is not None and shape.numeral:
        return None
    if shape is None and not line.heading_level:
        return None
    title = shape.title if shape is not None else line.text.strip()
    return HeadingShape(1, "", title, None) if title and len(title) <= MAX_TITLE else None


def _in_order(candidates: dict, penalty) -> dict:
    """One candidate per number: the longest chain in document order, then the lowest penalty."""
    best: dict = {}  # candidate -> (chain length, -penalty, previous candidate)
    # Candidates of smaller numbers, by position, with the best chain ending at or before each:
    # one binary search per candidate instead of a scan of all earlier ones (a page repeating a
    # heading thousands of times stays linear).
    positions: list[int] = []
    prefix_best: list[tuple[tuple[int, int], object]] = []
    for number in sorted(candidates):
        for candidate in candidates[number]:
            k = bisect.bisect_left(positions, candidate[0])
            (length, score), previous = prefix_best[k - 1] if k else ((0, 0), None)
            best[candidate] = (length + 1, score - penalty(candidate[:3], number), previous)
        done = sorted(best, key=lambda c: c[0])
        positions, prefix_best, running = [], [], None
        for candidate in done:
            value = (best[candidate][0], best[candidate][1])
            if running is None or value > running[0]:
                running = (value, candidate)
            positions.append(candidate[0])
            prefix_best.append(running)
    chosen: dict = {}
    last = max(best, key=lambda c: best[c][:2], default=None)
    while last is not None:
        chosen[last[3]] = last[:3]
        last = best[last][2]
    for number, found in candidates.items():  # out of order whichever is taken: the best wording
        if number not in chosen:
            chosen[number] = min(found, key=lambda c, n=number: penalty(c[:3], n))[:3]
    return chosen


_ANCHORS = {
    2: ("第二十条", "信息内容"),
    3: ("勾稽", "申请人情况", "一、本年新收"),
    4: ("行政复议", "行政诉讼"),
}


def _table_region(body: list[Line], number: Optional[int]) -> Optional[int]:
    wanted = _ANCHORS.get(number or 0)
    if not wanted:
        return None
    starts = tuple(label_key(anchor) for anchor in wanted)
    inside = "勾稽" if "勾稽" in wanted else None  # the 勾稽关系 note may come anywhere in its line
    for index, line in enumerate(body):
        key = label_key(line.text)
        if len(key) > 60 and "勾稽" not in key:
            continue
        if key.startswith(starts) or (inside is not None and inside in key):
            return index
    return None


def _split_region(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """Inside a table region, long sentences are prose and chrome is chrome; the rest is table."""
    prose, table = [], []
    for line in lines:
        if not line.cell and (line.chrome or (line.text and _outside_table(line.text))):  # a blank line is table
            prose.append(line)
        else:
            table.append(line)
    return prose, table


@functools.lru_cache(maxsize=8192)
def _outside_table(line: str) -> bool:
    """A line of a table region that is a long sentence or page chrome.

    A pure function of the text, decided once per distinct line: table regions repeat the same
    rows and notes within a report and from report to report.
    """
    text = line.strip()
    if "|" not in text and len(text) >= 40 and _PROSE.search(text) and "勾稽" not in text and not is_number_row(text):
        return True
    return chrome_kind(text) is not None


def _wrap_width(document: Document) -> int:
    """For PDF text: a line this long or longer was wrapped, so its paragraph goes on."""
    if document.kind != "pdf":
        return 0
    lengths = sorted(len(line.text.strip()) for line in document.lines if not line.cell and line.text.strip())
    if len(lengths) < 10:
        return 0
    return max(10, int(lengths[int(len(lengths) * 0.9)] * 0.85))


def _fill_section(section: Section, body: list[Line], chrome: list[ChromeBlock], row_heads,
                  wrap_width: int = 0) -> None:
    """Sub-headings, paragraphs and chrome of one section.

    Text layouts put one paragraph per line. PDF text wraps paragraphs at the page width: there a
    paragraph goes on while its lines are full-width and do not end a sentence, across page marks.
    """
    stack = [section]
    pending: list[Line] = []

    def flush() -> None:
        if pending:
            stack[-1].paragraphs.append(Paragraph("".join(line.text for line in pending), list(pending)))
            pending.clear()

    for line in body:
        text = line.text
        if not text or text.isspace():
            if pending:
                flush()
            continue
        kind = line.chrome or chrome_kind(text)
        if kind is not None:
            if pending and not wrap_width:
                flush()
            chrome.append(ChromeBlock([line], kind))
            continue
        shape = heading_shape(text, row_heads) if not line.cell else None
        if shape is not None and shape.level >= 2 and shape.numeral:
            flush()
            while len(stack) > 1 and stack[-1].level >= shape.level:
                stack.pop()
            child = Section(shape.numeral, shape.title, shape.level, line)
            stack[-1].children.append(child)
            stack.append(child)
            continue
        if not wrap_width:  # one paragraph per line (nothing is pending)
            stack[-1].paragraphs.append(Paragraph(text, [line]))
            continue
        pending.append(line)
        stripped = text.strip()
        if line.cell or len(stripped) < wrap_width or _SENTENCE_END.search(stripped):
            flush()
    flush()


def _preamble(lines: list[Line], chrome: list[ChromeBlock]) -> tuple[list[Paragraph], list[Paragraph]]:
    title: list[Paragraph] = []
    preamble: list[Paragraph] = []
    previous: Optional[Line] = None
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        kind = line.chrome or chrome_kind(text)
        if kind is not None:
            chrome.append(ChromeBlock([line], kind))
            previous = None  # a site name above the page chrome is not part of the title
            continue
        markdown = re.match(r"^\s*#{1,6}\s+", line.text)
        bare = text[markdown.end() - (len(line.text) - len(line.text.lstrip())) :] if markdown else text
        if not title and "报告" in bare and len(bare) <= 60 and not re.search(r"[。；]", bare):
            if previous is not None and preamble and preamble[-1].lines[0] is previous and _looks_like_name(previous.text):
                paragraph = preamble.pop()
                paragraph.kind = "title"
                title.append(paragraph)
            title.append(Paragraph(line.text, [line], kind="title"))
        else:
            preamble.append(Paragraph(line.text, [line]))
        previous = line
    return title, preamble


def _looks_like_name(text: str) -> bool:
    text = text.strip()
    return 2 <= len(text) <= 30 and not re.search(r"[，。,:：；\d]", text)


def _signature(sections: list[Section]) -> list[Paragraph]:
    """Trailing short lines of the last section: the signing agency and the date."""
    if not sections:
        return []
    last = sections[-1]
    while last.children:
        last = last.children[-1]
    found: list[Paragraph] = []
    while last.paragraphs:
        paragraph = last.paragraphs[-1]
        text = paragraph.text.strip()
        if len(text) <= 30 and (_DATE_LINE.match(text) or (_SIGNER.search(text) and not re.search(r"[。，,]", text))):
            paragraph.kind = "signature"
            found.insert(0, last.paragraphs.pop())
            if len(found) == 3:
                break
        else:
            break
    if found:
        sections[-1].paragraphs.extend(found) if last is sections[-1] else last.paragraphs.extend(found)
    return found


def _bind_tables(table_lines: dict[int, list[Line]], template_id: str) -> Tables:
    layout = get_template(template_id)
    templates = builtin_templates()
    other = templates["gov-2019"] if layout.id != "gov-2019" else templates["gov-2021"]
    tables = Tables()
    signatures = []
    if 2 in table_lines:
        tables.table2, found = bind_table2(tokenize(table_lines[2]), layout, other)
        signatures.extend(found)
    if 3 in table_lines:
        tokens = tokenize(table_lines[3])
        table3, found = bind_table3(tokens, layout, other)
        if found and layout.id != "gov-2019":
            table3, _ = bind_table3(tokens, other, layout)  # bind to the layout the report uses
        elif not found and layout.id == "gov-2019" and _has_2021_rows(tokens, layout):
            table3, _ = bind_table3(tokens, other, layout)
        tables.table3 = table3
        signatures.extend(found)
    if 4 in table_lines:
        tables.table4 = bind_table4(tokenize(table_lines[4]), layout)
    tables.signatures_2019 = signatures
    return tables


def _has_2021_rows(tokens, layout) -> bool:
    marker = label_key("1.申请人无正当理由逾期不补正")
    return any(label_key(t.text).startswith(marker) or marker in label_key(t.text) for t in tokens)


def _merge_chrome(blocks: list[ChromeBlock]) -> list[ChromeBlock]:
    """Adjacent chrome lines (blank lines between allowed) form one block."""
    merged: list[ChromeBlock] = []
    for block in sorted(blocks, key=lambda b: b.lines[0].number):
        if merged and block.lines[0].number - merged[-1].lines[-1].number <= 2 and block.kind == merged[-1].kind:
            merged[-1].lines.extend(block.lines)
        else:
            merged.append(ChromeBlock(list(block.lines), block.kind))
    return merged


def _unparsed(tables: Tables) -> list[str]:
    notes = []
    for table in [*tables.table2, tables.table3, tables.table4]:
        if table is None:
            continue
        notes.extend(f"{table.name}: {problem}" for problem in table.problems)
        notes.extend(f"{table.name}: 未识别的标签“{m.raw}”（第 {m.span.line} 行）" for m in table.extra_labels if m.span)
    return notes
