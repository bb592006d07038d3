"""The pipeline for one file: read → parse → rules → filter. Never raises for a bad input file."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Optional

from . import collector
from .config import Settings
from .diagnostics import SORT_KEY, Diagnostic, Severity
from .engine_rules import PluginFailed, UnparseableReport, UnreadableFile
from .model import Report
from .plugins import Registry
from .readers import Document, ReadError, read_bytes, read_path
from .records import Record
from .rule import Rule, RuleContext


# A dataclass with its ``__init__`` written out and ``repr`` and ``==`` from the model's records:
# ``@dataclass`` would compile those methods at every start-up.
@dataclass(init=False, repr=False, eq=False)
class FileResult(Record):
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    report: Optional[Report] = None
    document: Optional[Document] = None
    facts: dict = field(default_factory=dict)  # per rule code: what cross-report rules need later
    markers: tuple = ()  # the file's suppression comments, (line, text): they apply to cross-report findings too

    def __init__(
        self,
        path: str,
        diagnostics: Optional[list[Diagnostic]] = None,
        report: Optional[Report] = None,
        document: Optional[Document] = None,
        facts: Optional[dict] = None,
        markers: tuple = (),
    ) -> None:
        self.path = path
        self.diagnostics = [] if diagnostics is None else diagnostics
        self.report = report
        self.document = document
        self.facts = {} if facts is None else facts
        self.markers = markers


class Linter:
    """Runs the enabled rules of a registry over files, with one settings object for the run."""

    def __init__(self, settings: Settings, registry: Registry):
        self.settings = settings
        self.registry = registry
        self.rules: list[Rule] = [
            rule() for code, rule in sorted(registry.rules.items()) if settings.is_enabled(code) and not code.startswith("GX0")
        ]
        # Their findings arrive after a file is finished: an inline suppression naming one of
        # them cannot be judged unused (GX005) when the file's own findings are.
        self.related_codes = frozenset(rule.code for rule in self.rules if hasattr(rule, "check_related"))

    def lint_path(self, path: str, display: Optional[str] = None) -> FileResult:
        display = display or path
        try:
            document = read_path(path)
        except ReadError as error:
            return self._unreadable(display, str(error))
        except Exception as error:  # a reader bug must cost one file, not the run
            return self._unreadable(display, f"{type(error).__name__}: {error}")
        return self.lint_document(document, display)

    def lint_bytes(self, data: bytes, display: str) -> FileResult:
        try:
            document = read_bytes(data, display)
        except ReadError as error:
            return self._unreadable(display, str(error))
        except Exception as error:
            return self._unreadable(display, f"{type(error).__name__}: {error}")
        return self.lint_document(document, display)

    def lint_document(self, document: Document, display: str) -> FileResult:
        """Parse and check one document, with the cyclic garbage collector paused meanwhile: the
        report tree and what the rules derive from it form no cycles and stay alive until the
        report is done, so collections would walk them and free nothing. A cycle a rule does make
        is collected after the report, once the collector runs again."""
        with collector.paused():
            return self._lint_document(document, display)

    def _lint_document(self, document: Document, display: str) -> FileResult:
        from .parser import parse

        result = FileResult(display, document=document)
        try:
            report = parse(document, self.settings.template)
        except Exception as error:  # the parser must not crash the run; say so and move on
            result.diagnostics.append(
                self._engine(UnparseableReport, f"解析失败（内部错误 {type(error).__name__}: {error}）")
            )
            return self._finish(result)
        result.report = report
        if not report.sections and report.tables.table3 is None and not report.tables.table2:
            result.diagnostics.append(
                self._engine(UnparseableReport, "未识别出年度报告的任何章节或表格，无法检查")
            )
            return self._finish(result)
        for rule in self.rules:
            ctx = RuleContext(self.settings.options_for(rule.code, rule.options), self.settings)
            try:
                result.diagnostics.extend(rule.check(report, ctx) or ())
                summarize = getattr(rule, "summarize", None)
                if summarize is not None:
                    result.facts[rule.code] = summarize(report)
            except Exception as error:  # one broken rule must not silence the others
                result.diagnostics.append(
                    self._engine(
                        PluginFailed,
                        f"插件 {rule.plugin!r} 的规则 {rule.code}（{rule.name}）在检查时出错：{type(error).__name__}: {error}",
                    )
                )
        return self._finish(result)

    def check_related(self, results: list[FileResult]) -> None:
        """Cross-report rules (``summarize`` per file, ``check_related`` once) after every file.

        A rule that compares reports (this year's 上年结转 against last year's 结转下年度) defines
        ``summarize(report) -> dict`` — small, picklable facts computed where the file was parsed,
        possibly in a worker process — and ``check_related(facts_by_path, ctx)``, which yields
        diagnostics with their ``path`` set. Their findings are added to the matching results.
        """
        by_path = {result.path: result for result in results}
        silencers: dict[str, list] = {}  # path → its suppressing directives, parsed when first needed
        for rule in self.rules:
            check = getattr(rule, "check_related", None)
            if check is None:
                continue
            facts = {r.path: r.facts[rule.code] for r in results if rule.code in r.facts}
            if len(facts) < 2:
                continue
            ctx = RuleContext(self.settings.options_for(rule.code, rule.options), self.settings)
            try:
                found = list(check(facts, ctx) or ())
            except Exception as error:
                found = []
                first = next(iter(facts))
                by_path[first].diagnostics.append(
                    self._engine(PluginFailed, f"插件 {rule.plugin!r} 的规则 {rule.code} 跨报告检查出错：{type(error).__name__}: {error}").with_path(first)
                )
            for diagnostic in found:
                target = by_path.get(diagnostic.path)
                if target is None or not self.settings.is_enabled(diagnostic.code) or self.settings.ignored_for_file(diagnostic.code, target.path):
                    continue
                if target.markers and _silenced(diagnostic, target, silencers):
                    continue
                target.diagnostics.append(diagnostic)
                target.diagnostics.sort(key=SORT_KEY)

    def failed(self, display: str, rule: type[Rule], message: str) -> FileResult:
        """The result for a file the run could not check (time cap, crashed worker): one GX0 finding."""
        return self._finish(FileResult(display, [self._engine(rule, message)]))

    def _unreadable(self, display: str, why: str) -> FileResult:
        return self._finish(FileResult(display, [self._engine(UnreadableFile, f"无法读取文件：{why}")]))

    def _engine(self, rule: type[Rule], message: str) -> Diagnostic:
        return rule().at(None, message)

    def _finish(self, result: FileResult) -> FileResult:
        from .suppressions import apply_suppressions

        kept = []
        decided: dict[str, bool] = {}  # code → kept; the same for every finding of this file
        for diagnostic in result.diagnostics:
            code = diagnostic.code
            if code not in decided:
                decided[code] = self.settings.is_enabled(code) and not self.settings.ignored_for_file(code, result.path)
            if decided[code]:
                kept.append(diagnostic.with_path(result.path))
        if result.document is not None and result.document.markers:
            result.markers = tuple(result.document.markers)
            kept = apply_suppressions(result.document, kept, self.settings, pending=self.related_codes)
        if result.document is not None and result.document.kind in ("docx", "pdf"):
            kept = _with_locations(result.document, kept)
        result.diagnostics = sorted(kept, key=SORT_KEY)
        return result


def _silenced(diagnostic: Diagnostic, target: FileResult, silencers: dict[str, list]) -> bool:
    """Whether an inline suppression of the file ``diagnostic`` is about covers it."""
    from .suppressions import directives

    found = silencers.get(target.path)
    if found is None:
        found = silencers[target.path] = directives(list(target.markers))[0]
    return any(directive.covers(diagnostic) for directive in found)


def _with_locations(document: Document, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """DOCX and PDF lines are running numbers; name the paragraph, table cell or page as well."""
    places = {line.origin_line: line.location for line in document.lines if line.location}
    return [
        d if d.location or d.line not in places else replace(d, location=places[d.line]) for d in diagnostics
    ]


def fails(diagnostics: list[Diagnostic], level: Severity) -> bool:
    return any(d.severity.rank >= level.rank for d in diagnostics)
