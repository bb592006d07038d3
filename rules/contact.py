"""Contact information (GX3xx): phone and fax numbers, postal codes, e-mail and web addresses.

A report tells the public how to reach the agency; a wrong digit there sends people nowhere.
The text is read once by ``_contacts`` and judged here, one rule per kind of slip.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Iterable, Optional

from gxlint import regexes
from gxlint.diagnostics import Diagnostic, Severity
from gxlint.model import Report
from gxlint.region import area_codes, postal_prefixes
from gxlint.rule import Rule, RuleContext

from ._contacts import Found, lexicon, mail_addresses, phones, postal_codes, web_addresses
from ._memo import per_report
from ._phones import LANDLINE, Verdict, judge

# Compiled on first use and kept, rather than looked up in ``re``'s cache for every address.
_SPACE = regexes.lazy(r"\s")
_DOTS = regexes.lazy(r"[.,。]")
_HOST_SLIPS = regexes.lazy(r"[\s,。]")


@per_report  # several rules judge the same numbers of the same report
def judged_phones(report: Report) -> list[tuple[Found, Verdict]]:
    """Every phone number with its verdict; a bare local number borrows the area code of the
    number listed just before it (``0736-7312309、7300715``) or the agency's only area code."""
    region = report.meta.region or {}
    own_codes = region.get("area_codes") or []
    default = own_codes[0] if len(own_codes) == 1 else ""
    result: list[tuple[Found, Verdict]] = []
    previous: Optional[tuple[int, str]] = None
    for found in phones(report):
        listed = previous is not None and previous[0] == found.zone
        verdict = judge(found.folded, previous[1] if listed else default, listed)
        if verdict is None:
            continue
        if verdict.kind == LANDLINE and verdict.area_code:
            previous = (found.zone, verdict.area_code)
        result.append((found, verdict))
    return result


class PhoneNumberInvalid(Rule):
    """电话或传真号码无效：位数不对、区号不存在、号段不存在。

    报告里的电话是公众联系机关的唯一途径，少一位或多一位数字的号码打不通。号码按
    phonenumbers 库的中国号码规则核对：固定电话（含区号）、手机、400/800 号码和 12345 等
    服务号码。只有区号后的号码、没有区号且上下文也没有区号时不作判断。

    Bad::

        一、总体情况
        如对本报告有疑问，请联系（电话：0539-83868888）。

    Good::

        一、总体情况
        如对本报告有疑问，请联系（电话：0539-8386888，服务热线：12345，手机：13912345678）。
    """

    code = "GX301"
    name = "phone-number-invalid"
    severity = Severity.ERROR

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        for found, verdict in judged_phones(report):
            if not verdict.valid:
                what = "传真号码" if "传真" in found.label or "Fax" in found.label.title() else "电话号码"
                yield self.at(found.span, f"{what}「{found.raw.strip()}」无效：{verdict.problem}")


class PhoneAreaCodeJoined(Rule):
    """区号与电话号码之间没有分隔符。

    ``051086868123`` 连写时读者难以分清区号和号码，也容易抄错位数；国家标准写法是
    ``0510-86868123`` 或 ``（0510）86868123``。号码本身有效，这只是书写格式的提示。

    Bad::

        一、总体情况
        联系电话：051086868123

    Good::

        一、总体情况
        联系电话：0510-86868123
    """

    code = "GX302"
    name = "phone-area-code-not-separated"
    severity = Severity.INFO

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        for found, verdict in judged_phones(report):
            if verdict.valid and verdict.joined:
                local = verdict.national[len(verdict.area_code):]
                yield self.at(
                    found.span,
                    f"电话号码「{found.raw.strip()}」的区号与号码连写，宜写作「{verdict.area_code}-{local}」",
                )


_OWN_CONTACT_LABELS = {"电话", "联系电话", "传真", "办公电话", "咨询电话", "受理电话", "联系方式", "电话号码",
                       "传真号码", "传真电话", "Tel", "TEL", "Fax", "FAX"}


class PhoneAreaCodeElsewhere(Rule):
    """固定电话的区号不属于本机关所在的城市。

    常德的机关留下北京的区号，多半是从别的报告抄来未改。只在机关所在地确定（由机关名称和
    地址查得）时核对，只核对机关自己的联系电话和传真（举报电话、上级热线可能属于别的机关）；
    区号所属城市取自 phonenumbers 的中国地理编码数据。

    Bad::

        常德市商务局2023年政府信息公开工作年度报告
        一、总体情况
        如对本报告有疑问，请联系（电话：010-12345678）。

    Good::

        常德市商务局2023年政府信息公开工作年度报告
        一、总体情况
        如对本报告有疑问，请联系（电话：0736-7312309）。
    """

    code = "GX303"
    name = "phone-area-code-outside-region"
    severity = Severity.WARNING

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        region = report.meta.region or {}
        own = region.get("area_codes") or []
        if not own:
            return
        place = region.get("city") or region.get("province")
        table = area_codes()
        for found, verdict in judged_phones(report):
            if not (verdict.valid and verdict.kind == LANDLINE) or verdict.area_code in own:
                continue
            if found.label not in _OWN_CONTACT_LABELS:
                continue  # a 举报电话 or an unlabelled number may well be another body's
            other = table.get(verdict.area_code)
            if other is None or not other.province:
                continue
            yield self.at(
                found.span,
                f"电话「{found.raw.strip()}」的区号 {verdict.area_code} 属于{other.description}，"
                f"而本机关在{place}（区号 {'、'.join(own)}）",
            )


class PostalCodeMalformed(Rule):
    """邮政编码不是 6 位数字，或开头两位不对应任何省份。

    Bad::

        一、总体情况
        通讯地址：常德经开区德山大道369号；邮政编码：41500。

    Good::

        一、总体情况
        通讯地址：常德经开区德山大道369号；邮政编码：415001。
    """

    code = "GX304"
    name = "postal-code-malformed"
    severity = Severity.ERROR

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        prefixes = postal_prefixes()
        for found in postal_codes(report):
            value = found.folded
            if not value.isdigit():
                yield self.at(found.span, f"邮政编码「{found.raw}」把数字 0 写成了字母 O")
            elif len(value) != 6:
                yield self.at(found.span, f"邮政编码「{found.raw}」应为 6 位数字，这里是 {len(value)} 位")
            elif value[:2] not in prefixes and not value.startswith("99"):
                yield self.at(found.span, f"邮政编码「{found.raw}」无效：开头 {value[:2]} 不对应任何省级邮区")


class PostalCodeElsewhere(Rule):
    """邮政编码的开头两位属于另一个省份。

    邮政编码前两位是省级邮区（湖南 41、42，江苏 21、22……）。只在机关所在省份确定时核对。

    Bad::

        常德市商务局2023年政府信息公开工作年度报告
        一、总体情况
        通讯地址：常德市武陵区朗州路1号；邮政编码：215001。

    Good::

        常德市商务局2023年政府信息公开工作年度报告
        一、总体情况
        通讯地址：常德市武陵区朗州路1号；邮政编码：415001。
    """

    code = "GX305"
    name = "postal-code-outside-province"
    severity = Severity.WARNING

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        province = (report.meta.region or {}).get("province")
        if not province:
            return
        prefixes = postal_prefixes()
        own = sorted(p for p, name in prefixes.items() if name == province)
        if not own:
            return
        for found in postal_codes(report):
            value = found.folded
            other = prefixes.get(value[:2]) if value.isdigit() and len(value) == 6 else None
            if other and other != province:
                yield self.at(
                    found.span,
                    f"邮政编码「{value}」开头 {value[:2]} 属于{other}，而本机关在{province}（{'、'.join(own)} 开头）",
                )


@cache
def _mail_syntax() -> re.Pattern:
    """Compiled on first use: only a report with an e-mail address needs it."""
    return regexes.compile(r"^[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9\-]+)+$")


def _changed(raw: str, folded: str) -> str:
    """The full-width characters of ``raw``, each once, in order."""
    return "".join(dict.fromkeys(c for c, f in zip(raw, folded) if c != f and not c.isspace()))


def _mail_problems(found: Found, has_at: bool) -> list[str]:
    if not has_at:
        return ["缺少“@”"]
    problems = []
    raw = found.raw
    if raw != found.folded:
        wide = _changed(raw, found.folded)
        problems.append(f"含全角字符「{wide}」")
    if _SPACE.search(raw):
        problems.append("中间有空格")
    domain = _SPACE.sub("", found.folded.split("@", 1)[1])
    if "," in domain or "。" in domain:
        problems.append("域名中用了逗号或句号代替“.”")
    if "." not in domain.replace(",", ".").replace("。", "."):
        problems.append("域名缺少后缀（如 .com、.gov.cn）")
    else:
        tld = _DOTS.split(domain)[-1].lower()
        if tld in lexicon()["tld_slips"]:
            problems.append(f"域名后缀「.{tld}」拼错")
    if not problems and not _mail_syntax().match(found.folded):
        problems.append("格式不正确")
    return problems


class MailAddressMalformed(Rule):
    """电子邮箱地址写错：缺少 @、逗号代替点、全角字符、空格、后缀拼错。

    Bad::

        一、总体情况
        如对本报告有疑问，请联系（电子邮箱：hdqswj@163,com）。

    Good::

        一、总体情况
        如对本报告有疑问，请联系（电子邮箱：hdqswj@hedong.gov.cn）。
    """

    code = "GX306"
    name = "mail-address-malformed"
    severity = Severity.ERROR

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        for found, has_at in mail_addresses(report):
            problems = _mail_problems(found, has_at)
            if problems:
                yield self.at(found.span, f"电子邮箱「{found.raw}」有误：{'；'.join(problems)}")


class MailAddressPersonal(Rule):
    """机关的联系邮箱是个人免费邮箱（163.com、qq.com 等）。

    合法，但不像机关的正式联系方式，经办人离岗后也容易失联。提示性质。

    Bad::

        一、总体情况
        如对本报告有疑问，请联系（电子邮箱：hdqswj8386888@163.com）。

    Good::

        一、总体情况
        如对本报告有疑问，请联系（电子邮箱：swj@hedong.gov.cn）。
    """

    code = "GX307"
    name = "mail-address-personal"
    severity = Severity.INFO

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        personal = set(lexicon()["personal_mail_domains"])
        for found, has_at in mail_addresses(report):
            if not has_at or _mail_problems(found, has_at):
                continue
            domain = found.folded.split("@", 1)[1].lower()
            if domain in personal:
                yield self.at(found.span, f"联系邮箱「{found.raw}」是个人免费邮箱（{domain}），宜使用机关的公务邮箱")


def _url_problems(address) -> list[str]:
    found = address.found
    problems = []
    if address.scheme and (address.scheme not in ("http", "https", "ftp") or address.separator != "://"):
        written = found.folded[: found.folded.index(address.host[:1], 0)].strip() if address.host else ""
        problems.append(f"协议头「{written}」应为 http:// 或 https://")
    if found.raw != found.folded:
        wide = _changed(found.raw, found.folded)
        problems.append(f"含全角字符「{wide}」")
    host = address.host
    if "," in host:
        problems.append("域名中有逗号")
    if "。" in host:
        problems.append("域名中用了句号“。”")
    if _SPACE.search(host):
        problems.append("域名中有空格")
    tld = _DOTS.split(_SPACE.sub("", host))[-1].lower()
    if tld in lexicon()["tld_slips"]:
        problems.append(f"域名后缀「.{tld}」拼错")
    return problems


class WebAddressMalformed(Rule):
    """网址写错：``http//``、``htp://``、域名里的逗号、空格、全角点。

    Bad::

        本年度报告电子版可从河东区人民政府门户网站（http//www.hedong.gov.cn/）下载。
        一、总体情况

    Good::

        本年度报告电子版可从河东区人民政府门户网站（http://www.hedong.gov.cn/）下载。
        一、总体情况
    """

    code = "GX308"
    name = "web-address-malformed"
    severity = Severity.ERROR

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        for address in web_addresses(report):
            problems = _url_problems(address)
            if problems:
                yield self.at(address.found.span, f"网址「{address.found.raw}」有误：{'；'.join(problems)}")


class PortalNotGovernmentDomain(Rule):
    """“门户网站”的网址不在政府域名（.gov.cn）下。

    政府门户网站应使用 .gov.cn 域名；写成其他域名，可能是链接抄错或指向了非官方镜像。提示性质。

    Bad::

        本年度报告电子版可在常德经开区政府门户网站（http://www.cdjkq.com/）下载。
        一、总体情况

    Good::

        本年度报告电子版可在常德经开区政府门户网站（http://cdjkq.changde.gov.cn/）下载。
        一、总体情况
    """

    code = "GX309"
    name = "portal-not-government-domain"
    severity = Severity.INFO

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        suffixes = tuple(lexicon()["government_domain_suffixes"])
        for address in web_addresses(report):
            found = address.found
            before = found.paragraph.text[max(0, found.start - 20): found.start]
            if "门户网站" not in before and "政府网站" not in before:
                continue
            host = _HOST_SLIPS.sub(".", address.host).lower().rstrip(".")
            if _url_problems(address) or host.endswith(suffixes):
                continue
            yield self.at(found.span, f"门户网站网址「{found.raw}」不是政府域名（{host}，应以 .gov.cn 结尾）")


_REPORT_CONTACT = regexes.compile(r"报告.*(?:联系|疑问|咨询)|(?:联系|疑问|咨询).*报告")


class ContactValueConflict(Rule):
    """同一联系标签在报告中给出两个不同的值。

    报告前言写“联系电话：0736-7312309”，结尾又写“联系电话：0736-7312300”，读者不知道该打哪一个，
    其中一个多半是旧号码。只比较报告自己的联系说明（“如对本报告有疑问，请联系……”）中同一
    标签（电话、传真、邮编、邮箱）的值；同处列出的几个号码视为一组，与前面任何一组都不重合时
    才报告。

    Bad::

        如对本报告有疑问，请联系（联系电话：0736-7312309）。

        六、其他需要报告的事项

        对本报告如有意见建议，请联系：联系电话：0736-7312300。

    Good::

        如对本报告有疑问，请联系（联系电话：0736-7312309）。

        六、其他需要报告的事项

        对本报告如有意见建议，请联系：联系电话：0736-7312309。
    """

    code = "GX310"
    name = "contact-value-conflict"
    severity = Severity.WARNING

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        values: list[tuple[str, int, str, Found]] = []
        for found, verdict in judged_phones(report):
            if found.label in _OWN_CONTACT_LABELS and verdict.valid:
                values.append((found.label, found.zone, verdict.national, found))
        prefixes = postal_prefixes()
        for found in postal_codes(report):
            if len(found.folded) == 6 and found.folded[:2] in prefixes:
                values.append((found.label, found.zone, found.folded, found))
        for found, has_at in mail_addresses(report):
            if found.label and not _mail_problems(found, has_at):
                values.append((found.label, found.zone, found.folded.lower(), found))
        # only the report's own contact statements (如对本报告有疑问，请联系…): a list of other
        # bodies' numbers under the same label is no conflict
        values = [v for v in values if _REPORT_CONTACT.search(v[3].paragraph.text)]
        groups: dict[str, dict[int, list[tuple[str, Found]]]] = {}
        for label, zone, value, found in values:
            groups.setdefault(label, {}).setdefault(zone, []).append((value, found))
        for label, zones in groups.items():
            seen: dict[str, Found] = {}
            for members in zones.values():
                if seen and not any(value in seen for value, _ in members):
                    first_value, first = next(iter(seen.items()))
                    value, found = members[0]
                    yield self.at(
                        found.span,
                        f"「{label}」前面（第 {first.span.line} 行）为 {first.raw.strip()}，这里为 {found.raw.strip()}，两者不一致",
                    )
                for value, found in members:
                    seen.setdefault(value, found)


RULES = (
    PhoneNumberInvalid,
    PhoneAreaCodeJoined,
    PhoneAreaCodeElsewhere,
    PostalCodeMalformed,
    PostalCodeElsewhere,
    MailAddressMalformed,
    MailAddressPersonal,
    WebAddressMalformed,
    PortalNotGovernmentDomain,
    ContactValueConflict,
)
