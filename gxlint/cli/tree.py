"""``gxlint parse`` as text: the report tree a person debugging a misread report wants to see.

It is drawn from :func:`gxlint.serialize.report_to_dict`, the same data as ``--format json``, so
the two views cannot disagree.
"""

from __future__ import annotations

from typing import Any


def _value(value: Any, reason: Any) -> str:
    if value is None:
        return f"<{reason or 'missing'}>"
    return str(value)


def _section(section: dict, depth: int) -> list[str]:
    known = f" → {section['canonical_title']} ({section['match']})" if section.get("canonical_title") and section.get("match") != "exact" else ""
    lines = [f"{'  ' * depth}{section['numeral'] or ''} {section['title']}  [line {section['line']}]{known}"]
    for child in section.get("children", []):
        lines += _section(child, depth + 1)
    return lines


def _rows(rows: list[dict], indent: str) -> list[str]:
    lines = []
    for row in rows:
        values = ", ".join(_value(v, r) for v, r in zip(row["values"], row["reasons"]))
        where = f"line {row['line']}" if row.get("line") else "not found"
        drift = f" (written {row['written']!r})" if row.get("written") and row.get("distance") else ""
        lines.append(f"{indent}{row['key']}: {values}  [{where}]{drift}")
    return lines


def render_tree(data: dict) -> str:
    out = [f"{data['path']} ({data['kind']})"]
    for key in ("title", "agency", "year", "period", "signature_date"):
        value = data.get(key)
        if value is None:
            continue
        if key == "period":
            value = " – ".join(str(part) for part in value)
        extra = f" (from {data['year_source']})" if key == "year" and data.get("year_source") else ""
        out.append(f"  {key}: {value}{extra}")
    region = data.get("region") or {}
    if region:
        codes = ", ".join(region.get("area_codes") or [])
        place = " ".join(str(region[k]) for k in ("province", "city", "county") if region.get(k))
        out.append(f"  region: {place}" + (f" (area codes {codes})" if codes else ""))
    out.append(f"  template: {data['template']} ({data.get('template_reason') or ''})")
    out.append("sections:")
    for section in data["sections"]:
        out += _section(section, 1)
    tables = data["tables"]
    out.append("tables:")
    for block in tables.get("table2", {}).get("blocks", []):
        out.append(f"  table2 {block['clause']}  [line {block['line']}]  columns: {', '.join(block['columns'])}")
        out += _rows(block["rows"], "    ")
    if "table3" in tables:
        t3 = tables["table3"]
        out.append(f"  table3 ({t3['layout']})  [line {t3['line']}]  columns: {', '.join(t3['columns'])}")
        out += _rows(t3["rows"], "    ")
        out += [f"    problem: {p}" for p in t3.get("problems", [])]
    if "table4" in tables:
        t4 = tables["table4"]
        values = ", ".join(_value(v, r) for v, r in zip(t4["values"], t4["reasons"]))
        out.append(f"  table4  [line {t4['line']}]: {values}")
        out += [f"    problem: {p}" for p in t4.get("problems", [])]
    for block in data.get("chrome", []):
        out.append(f"chrome: {block['kind']} lines {block['line']}–{block['end_line']}")
    for item in data.get("signatures_2019", []):
        out.append(f"2019 format: {item['what']} [line {item['line']}]")
    for item in data.get("unparsed", []):
        out.append(f"unparsed: {item}")
    return "\n".join(out) + "\n"
