"""Word automatic numbering rendered as text (``一、`` ``（一）`` ``1.``).

Word stores a numbered heading as its title plus a reference to a numbering definition; the
numeral the reader sees is drawn at display time. Section headings are often numbered this way,
so the DOCX reader asks this module for the label and puts it back in front of the text.
"""

from __future__ import annotations

from typing import Optional

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CHINESE = "零一二三四五六七八九"


def chinese_numeral(value: int) -> str:
    if value <= 0:
        return str(value)
    if value < 10:
        return _CHINESE[value]
    if value < 20:
        return "十" + (_CHINESE[value - 10] if value > 10 else "")
    if value < 100:
        tens, units = divmod(value, 10)
        return _CHINESE[tens] + "十" + (_CHINESE[units] if units else "")
    return str(value)


def _roman(value: int) -> str:
    out = []
    for number, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                            (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)


def format_number(value: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional",
               "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return chinese_numeral(value)
    if fmt == "lowerLetter":
        return chr(ord("a") + (value - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (value - 1) % 26)
    if fmt == "lowerRoman":
        return _roman(value)
    if fmt == "upperRoman":
        return _roman(value).upper()
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(ch) + 0xFEE0) for ch in str(value))
    return str(value)


class Numbering:
    """Numbering definitions of a document and the running counters while paragraphs are read."""

    def __init__(self, levels: dict[str, dict[int, tuple[int, str, str]]], styles: dict[str, tuple[str, int]]):
        self.levels = levels  # numId → ilvl → (start, numFmt, lvlText)
        self.styles = styles  # styleId → (numId, ilvl) for style-linked numbering
        self.counters: dict[str, dict[int, int]] = {}

    @classmethod
    def from_document(cls, document) -> Numbering:
        levels: dict[str, dict[int, tuple[int, str, str]]] = {}
        styles: dict[str, tuple[str, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None
        if root is not None:
            abstract: dict[str, dict[int, tuple[int, str, str]]] = {}
            for node in root.iter(_W + "abstractNum"):
                abstract[node.get(_W + "abstractNumId", "")] = _levels(node)
            for num in root.iter(_W + "num"):
                ref = num.find(_W + "abstractNumId")
                base = dict(abstract.get(ref.get(_W + "val", "") if ref is not None else "", {}))
                for override in num.iter(_W + "lvlOverride"):
                    ilvl = _int(override.get(_W + "ilvl"), 0)
                    start = override.find(_W + "startOverride")
                    if start is not None and ilvl in base:
                        _, fmt, text = base[ilvl]
                        base[ilvl] = (_int(start.get(_W + "val"), 1), fmt, text)
                levels[num.get(_W + "numId", "")] = base
        try:
            for style in document.styles.element.iter(_W + "style"):
                num_pr = style.find(f"{_W}pPr/{_W}numPr")
                if num_pr is not None:
                    num_id = num_pr.find(_W + "numId")
                    ilvl = num_pr.find(_W + "ilvl")
                    if num_id is not None:
                        styles[style.get(_W + "styleId", "")] = (
                            num_id.get(_W + "val", ""), _int(ilvl.get(_W + "val") if ilvl is not None else None, 0))
        except Exception:
            pass
        return cls(levels, styles)

    def label(self, p, style_names: Optional[dict] = None) -> str:
        """The numeral Word would draw before paragraph ``p`` (advancing the counters), or ''."""
        if not self.levels:
            return ""
        num_id, ilvl = None, 0
        num_pr = p.find(f"{_W}pPr/{_W}numPr")
        if num_pr is not None:
            node = num_pr.find(_W + "numId")
            level = num_pr.find(_W + "ilvl")
            num_id = node.get(_W + "val") if node is not None else None
            ilvl = _int(level.get(_W + "val") if level is not None else None, 0)
        else:
            style = p.find(f"{_W}pPr/{_W}pStyle")
            if style is not None and style.get(_W + "val") in self.styles:
                num_id, ilvl = self.styles[style.get(_W + "val")]
        if not num_id or num_id == "0" or num_id not in self.levels:
            return ""
        definition = self.levels[num_id]
        if ilvl not in definition:
            return ""
        counters = self.counters.setdefault(num_id, {})
        start = definition[ilvl][0]
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [level for level in counters if level > ilvl]:
            del counters[deeper]
        _, fmt, text = definition[ilvl]
        if fmt in ("bullet", "none"):
            return ""
        for level in range(9):
            token = f"%{level + 1}"
            if token in text:
                value = counters.get(level, definition.get(level, (1, "", ""))[0])
                text = text.replace(token, format_number(value, definition.get(level, (1, fmt, ""))[1]))
        return text


def _levels(node) -> dict[int, tuple[int, str, str]]:
    out = {}
    for lvl in node.iter(_W + "lvl"):
        ilvl = _int(lvl.get(_W + "ilvl"), 0)
        start = lvl.find(_W + "start")
        fmt = lvl.find(_W + "numFmt")
        text = lvl.find(_W + "lvlText")
        out[ilvl] = (
            _int(start.get(_W + "val") if start is not None else None, 1),
            fmt.get(_W + "val", "decimal") if fmt is not None else "decimal",
            text.get(_W + "val", "") if text is not None else "",
        )
    return out


def _int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default
