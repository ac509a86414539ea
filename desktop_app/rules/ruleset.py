"""Rule sets: the statute as versioned data (DESIGN §3).

A rule set (规则版本) is one JSON file under ``resources/rules/``. It names the date range it
governs, the complaint grounds (投诉事项), acceptance conditions (受理条件), non-acceptance
reasons (不予受理情形), outcomes (处理结果), clocks (办理时限), documents (文书) and the
archive checklist (归档材料). A complaint is handled under the set in force on its receipt
date.

Loading is strict: an unknown or missing key, a wrong type, a bad date, a duplicate code or a
reference to a code that does not exist raises :class:`RuleFileError`, whose message names the
file, the key path (``clocks.C1.length``) and the problem, in Chinese and English.

Collections of coded entries are JSON objects keyed by code (``"clocks": {"C1": {...}}``), so
key paths are readable and an administrator's patch is a plain JSON merge patch (RFC 7386).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import string
import types
import typing
from collections.abc import Iterable, Mapping
from enum import Enum
from pathlib import Path
from typing import Any

from desktop_app.domain.enums import Channel, ComplainantRole, LabeledEnum
from desktop_app.domain.errors import DomainError

SCHEMA_VERSION = 1

#: Document kind codes every rule set must define (other layers rely on exactly these).
DOCUMENT_KINDS: tuple[str, ...] = (
    "registration_form", "oral_record", "poa", "supplement_notice", "acceptance_notice",
    "non_acceptance_notice", "service_receipt", "explanation_request", "file_callup",
    "evidence_list", "department_opinion", "stop_order", "extension_approval",
    "extension_notice", "transcript", "investigation_report", "handling_decision",
    "transfer_letter", "reply", "supervision_record", "withdrawal_record",
    "reconsideration_record",
)
#: Clocks the lifecycle needs in every rule set.
REQUIRED_CLOCKS: tuple[str, ...] = ("C1", "C2", "C3", "C5", "C6", "C7")
NUMBER_PATTERN_FIELDS = frozenset({"office_short", "office_code", "year", "seq"})


class RuleFileError(DomainError):
    """A rule file (or a patch to one) is malformed. ``file`` and ``key_path`` locate it."""

    def __init__(self, file: str, key_path: str, problem_zh: str, problem_en: str):
        where = key_path or "（根）"
        message = (f"规则文件 {file} 中的 {where}：{problem_zh}"
                   f"（rule file {file}, key {key_path or '<root>'}: {problem_en}）")
        super().__init__(message, field=key_path or None, code="RULE_FILE")
        self.file = file
        self.key_path = key_path
        self.problem_zh = problem_zh
        self.problem_en = problem_en


class RuleSetNotFound(DomainError):
    """No rule set governs the given date, or no set has the given id."""


# --------------------------------------------------------------------------- vocabularies

class PeriodUnit(LabeledEnum):
    WORKING_DAYS = ("working_days", "个工作日")
    CALENDAR_DAYS = ("calendar_days", "日")


class RespondentKind(LabeledEnum):
    INSTITUTION = ("institution", "机构")
    INDIVIDUAL = ("individual", "个人")
    OUT_OF_SCOPE = ("out_of_scope", "不属于被投诉人范围")


class ClockEvent(LabeledEnum):
    """Events that start or stop a clock (计时起止事件)."""

    RECEIVED = ("RECEIVED", "收到投诉")
    ACCEPTED = ("ACCEPTED", "作出受理决定")
    DECIDED = ("DECIDED", "作出处理决定")
    ACCEPTANCE_NOTICE_SENT = ("ACCEPTANCE_NOTICE_SENT", "发出受理或不予受理通知书")
    REPLY_SENT = ("REPLY_SENT", "发出处理答复书")
    SUPPLEMENT_NOTICE_SENT = ("SUPPLEMENT_NOTICE_SENT", "发出补正告知")
    SUPPLEMENT_RECEIVED = ("SUPPLEMENT_RECEIVED", "收到补正材料")
    INVESTIGATION_STARTED = ("INVESTIGATION_STARTED", "开始调查（首次调查活动）")
    EXPLANATION_REQUESTED = ("EXPLANATION_REQUESTED", "要求被投诉人说明情况")
    EXPLANATION_RECEIVED = ("EXPLANATION_RECEIVED", "收到被投诉人说明")
    RECTIFICATION_ORDERED = ("RECTIFICATION_ORDERED", "责令限期整改")
    RECTIFICATION_VERIFIED = ("RECTIFICATION_VERIFIED", "整改情况核实")


class ReasonCategory(LabeledEnum):
    ART8 = ("condition", "不符合受理条件")
    ART9 = ("exclusion", "不予受理情形")
    POLICY = ("policy", "本机关工作规定")


class SupplementPolicy(LabeledEnum):
    REQUIRED = ("required", "应当一次性告知补正")
    PRACTICE = ("practice", "工作惯例（法无明文）")
    NONE = ("none", "不适用")


class ChecklistCondition(LabeledEnum):
    """When an archive checklist item is required."""

    ALWAYS = ("always", "一律")
    ORAL = ("oral", "口头投诉")
    AGENT = ("agent", "委托代理人投诉")
    EXTENDED = ("extended", "延长办理期限")
    TRANSFERRED = ("transferred", "有移送")
    STOP_ORDER = ("stop_order", "责令停止违法违规行为")
    DELIVERABLE = ("deliverable", "可以送达（非匿名）")


# --------------------------------------------------------------------------- entries

@dataclasses.dataclass(frozen=True)
class Article:
    """条文. ``code`` is the article number as a string ("9")."""

    code: str
    text: str
    items: tuple[str, ...] = ()

    @property
    def number(self) -> int:
        return int(self.code)


@dataclasses.dataclass(frozen=True)
class ChannelSpec:
    code: str
    allowed: bool
    written: bool
    needs_signature: bool
    note: str | None = None


@dataclasses.dataclass(frozen=True)
class ComplainantRoleSpec:
    code: str
    label: str
    article: int | None
    note: str | None = None


@dataclasses.dataclass(frozen=True)
class RespondentType:
    code: str
    label: str
    kind: RespondentKind
    note: str | None = None

    @property
    def in_scope(self) -> bool:
        return self.kind is not RespondentKind.OUT_OF_SCOPE


@dataclasses.dataclass(frozen=True)
class Ground:
    """投诉事项 (2013: Art. 5 items)."""

    code: str
    label: str
    article: int | None
    item: int | None
    confirmed: bool
    note: str | None = None


@dataclasses.dataclass(frozen=True)
class SubType:
    """细分类型 (昌图 survey P1–P13), mapped to one ground."""

    code: str
    label: str
    ground: str
    source: str


@dataclasses.dataclass(frozen=True)
class Condition:
    """受理条件 (2013: Art. 8 items A1–A5)."""

    code: str
    label: str
    article: int | None
    item: int | None
    hint: str
    failure_reason: str
    supplementable: bool


@dataclasses.dataclass(frozen=True)
class NonAcceptanceReason:
    """不予受理理由 with the sentence the notice prints."""

    code: str
    label: str
    category: ReasonCategory
    article: int | None
    item: int | None
    notice_text: str
    condition: str | None = None
    requires_other_procedure: bool = False
    note: str | None = None


@dataclasses.dataclass(frozen=True)
class Outcome:
    """处理结果 per respondent (2013: Art. 14)."""

    code: str
    label: str
    group: str
    article: int | None
    item: int | None
    substantiated: bool | None
    requires_due_date: bool = False
    requires_transfer_target: bool = False
    requires_minor_conditions: bool = False
    combinable: bool = False
    creates_supervision_task: bool = False


@dataclasses.dataclass(frozen=True)
class ClockSpec:
    """办理时限. ``length`` None means the length is set per case (e.g. in a decision)."""

    code: str
    label: str
    start_event: ClockEvent
    stop_event: ClockEvent
    length: int | None
    unit: PeriodUnit
    roll_forward: bool
    article: int | None
    item: int | None
    extendable: bool
    extension_requires_approval: bool
    warn_at_days: tuple[int, ...] = ()
    due_soon_working_days: int = 2
    configurable: bool = False
    note: str | None = None


@dataclasses.dataclass(frozen=True)
class Features:
    merging_allowed: bool
    entrusted_investigation: bool
    one_time_supplement_notice: SupplementPolicy
    supplement_pauses_acceptance_clock: bool
    oral_requires_writing_difficulty: bool
    phone_policy: str


@dataclasses.dataclass(frozen=True)
class DocumentSpec:
    code: str
    title: str
    article: int | None
    item: int | None
    statutory: bool
    number_pattern: str | None = None
    note: str | None = None


@dataclasses.dataclass(frozen=True)
class ChecklistItem:
    document: str
    condition: ChecklistCondition
    min_count: int = 1
    needs_service_record: bool = False
    waivable_reason: str | None = None
    note: str | None = None


@dataclasses.dataclass(frozen=True)
class ArchiveChecklist:
    """归档材料 (2013: Art. 19) per way the case ended."""

    accepted: tuple[ChecklistItem, ...]
    not_accepted: tuple[ChecklistItem, ...]
    withdrawn: tuple[ChecklistItem, ...]

    def for_outcome(self, kind: str) -> tuple[ChecklistItem, ...]:
        return {"accepted": self.accepted, "not_accepted": self.not_accepted,
                "withdrawn": self.withdrawn}[kind]


@dataclasses.dataclass(frozen=True)
class RuleSet:
    schema_version: int
    id: str
    title: str
    issuer: str
    document_number: str
    document_number_confirmed: bool
    published: dt.date | None
    effective_from: dt.date
    effective_to: dt.date | None
    basis: tuple[str, ...]
    time_limits_confirmed: bool
    time_limits_note: str | None
    articles_confirmed: bool
    unconfirmed_citation: str | None
    notes: tuple[str, ...]
    articles: Mapping[str, Article]
    channels: Mapping[str, ChannelSpec]
    complainant_roles: Mapping[str, ComplainantRoleSpec]
    respondent_types: Mapping[str, RespondentType]
    grounds: Mapping[str, Ground]
    sub_types: Mapping[str, SubType]
    acceptance_conditions: Mapping[str, Condition]
    non_acceptance_reasons: Mapping[str, NonAcceptanceReason]
    minor_conditions: tuple[str, ...]
    outcomes: Mapping[str, Outcome]
    clocks: Mapping[str, ClockSpec]
    features: Features
    documents: Mapping[str, DocumentSpec]
    archive_checklist: ArchiveChecklist

    # ---- lookups (raise RuleSetNotFound with a Chinese message for unknown codes)
    def _lookup(self, table: Mapping[str, Any], code: str, what: str) -> Any:
        try:
            return table[code]
        except KeyError:
            raise RuleSetNotFound(
                f"规则版本 {self.id} 中没有代码为“{code}”的{what}；可选：{'、'.join(table)}",
                code="RULE_CODE") from None

    def reason(self, code: str) -> NonAcceptanceReason:
        return self._lookup(self.non_acceptance_reasons, code, "不予受理理由")

    def ground(self, code: str) -> Ground:
        return self._lookup(self.grounds, code, "投诉事项")

    def condition(self, code: str) -> Condition:
        return self._lookup(self.acceptance_conditions, code, "受理条件")

    def outcome(self, code: str) -> Outcome:
        return self._lookup(self.outcomes, code, "处理结果")

    def clock(self, code: str) -> ClockSpec:
        return self._lookup(self.clocks, code, "办理时限")

    def document(self, code: str) -> DocumentSpec:
        return self._lookup(self.documents, code, "文书")

    def respondent_type(self, code: str) -> RespondentType:
        return self._lookup(self.respondent_types, code, "被投诉人类型")

    def sub_type(self, code: str) -> SubType:
        return self._lookup(self.sub_types, code, "细分类型")

    def governs(self, day: dt.date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day <= self.effective_to)

    def citation(self, article: int | None, item: int | None = None) -> str:
        """《法律援助投诉处理办法》第九条第（三）项 — or the unconfirmed-citation text."""
        if article is None:
            return f"《{self.title}》{self.unconfirmed_citation or ''}"
        text = f"《{self.title}》第{chinese_number(article)}条"
        if item is not None:
            text += f"第（{chinese_number(item)}）项"
        return text

    def article_text(self, article: int) -> str | None:
        entry = self.articles.get(str(article))
        return entry.text if entry else None

    def format_document_number(self, kind: str, *, office_short: str, year: int, seq: int,
                               office_code: str = "") -> str | None:
        """文号 of a document kind, e.g. ``X司援投受字〔2025〕第7号``; None when it has none."""
        pattern = self.document(kind).number_pattern
        if pattern is None:
            return None
        return pattern.format(office_short=office_short, office_code=office_code,
                              year=year, seq=seq)

    # ---- serialisation and patching
    def to_dict(self) -> dict[str, Any]:
        return _dump(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], source: str = "<dict>") -> "RuleSet":
        ruleset = _build(cls, data, source, "")
        _validate(ruleset, source)
        return ruleset

    @classmethod
    def from_file(cls, path: Path) -> "RuleSet":
        return cls.from_dict(_read_json(path), path.name)

    def apply_patch(self, patch: Mapping[str, Any], source: str = "<patch>") -> "RuleSet":
        """A new, validated rule set: this one with a JSON merge patch (RFC 7386) applied.

        Objects merge; ``null`` removes a coded entry (an object) or clears a scalar field;
        anything else replaces. The id cannot change.
        """
        if not isinstance(patch, Mapping):
            raise RuleFileError(source, "", "修改内容必须是 JSON 对象", "patch must be an object")
        if "id" in patch and patch["id"] != self.id:
            raise RuleFileError(source, "id", f"不能修改规则版本编号（{self.id}）",
                                "the rule set id cannot be changed")
        merged = _merge_patch(self.to_dict(), patch)
        return RuleSet.from_dict(merged, f"{self.id}.json + {source}")


# --------------------------------------------------------------------------- registry

class RuleRegistry:
    """All rule sets, selected by the complaint's receipt date."""

    def __init__(self, rulesets: Iterable[RuleSet]):
        ordered = sorted(rulesets, key=lambda r: r.effective_from)
        ids = [r.id for r in ordered]
        if len(set(ids)) != len(ids):
            raise RuleFileError("<registry>", "id", f"规则版本编号重复：{ids}", f"duplicate ids {ids}")
        for earlier, later in zip(ordered, ordered[1:]):
            if earlier.effective_to is None or earlier.effective_to >= later.effective_from:
                raise RuleFileError(
                    f"{later.id}.json", "effective_from",
                    f"与规则版本 {earlier.id} 的施行期间重叠（{earlier.id} 须在 {later.effective_from} 之前截止）",
                    f"overlaps rule set {earlier.id}")
        self._rulesets = tuple(ordered)

    @classmethod
    def from_directory(cls, directory: Path) -> "RuleRegistry":
        files = sorted(Path(directory).glob("*.json"))
        if not files:
            raise RuleFileError(str(directory), "", "目录中没有规则文件（*.json）", "no rule files found")
        return cls(RuleSet.from_file(path) for path in files)

    @classmethod
    def load_default(cls) -> "RuleRegistry":
        from desktop_app.resources import resource_path
        return cls.from_directory(resource_path("rules"))

    def all(self) -> tuple[RuleSet, ...]:
        return self._rulesets

    def get(self, ruleset_id: str) -> RuleSet:
        for ruleset in self._rulesets:
            if ruleset.id == ruleset_id:
                return ruleset
        raise RuleSetNotFound(f"没有编号为“{ruleset_id}”的规则版本；可选："
                              f"{'、'.join(r.id for r in self._rulesets)}", code="RULESET_ID")

    def for_date(self, received: dt.date) -> RuleSet:
        """The rule set in force on the receipt date (受理适用收到投诉之日施行的规则)."""
        for ruleset in self._rulesets:
            if ruleset.governs(received):
                return ruleset
        first = self._rulesets[0].effective_from
        if received < first:
            raise RuleSetNotFound(
                f"收到日期 {received.isoformat()} 早于最早的规则版本施行日 {first.isoformat()}"
                f"（《法律援助投诉处理办法》自2014年1月1日起施行），请核对收到日期。",
                code="RULESET_DATE")
        raise RuleSetNotFound(f"没有规则版本适用于 {received.isoformat()}，请检查规则文件的施行期间。",
                              code="RULESET_DATE")

    def replace(self, ruleset: RuleSet) -> "RuleRegistry":
        """A registry with ``ruleset`` in place of the set with the same id (after a patch)."""
        self.get(ruleset.id)
        return RuleRegistry(ruleset if r.id == ruleset.id else r for r in self._rulesets)


# --------------------------------------------------------------------------- helpers

_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1–99 in Chinese numerals as used in article citations (第二十一条)."""
    if not 0 < n < 100:
        raise ValueError(n)
    tens, units = divmod(n, 10)
    if tens == 0:
        return _DIGITS[units]
    return (("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[units] if units else ""))


def _read_json(path: Path) -> Any:
    name = path.name

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                raise RuleFileError(name, key, f"代码或键“{key}”重复出现", f"duplicate key {key!r}")
            result[key] = value
        return result

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(name, "", f"无法读取文件（须为 UTF-8 编码）：{exc}", f"cannot read: {exc}") from exc
    try:
        return json.loads(text, object_pairs_hook=no_duplicates)
    except json.JSONDecodeError as exc:
        raise RuleFileError(name, f"第{exc.lineno}行第{exc.colno}列", f"JSON 格式错误：{exc.msg}",
                            f"invalid JSON at line {exc.lineno}: {exc.msg}") from exc


def _merge_patch(target: Any, patch: Any) -> Any:
    if not isinstance(patch, Mapping):
        return patch
    result = dict(target) if isinstance(target, Mapping) else {}
    for key, value in patch.items():
        if value is None and isinstance(result.get(key), Mapping):
            result.pop(key, None)  # removes an entry (a reason, a clock …)
        elif value is None:
            result[key] = None  # clears a nullable field; from_dict decides whether that is allowed
        else:
            result[key] = _merge_patch(result.get(key), value)
    return result


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


_TYPE_ZH = {str: "文本", int: "整数", bool: "true/false", dt.date: "日期（YYYY-MM-DD）"}


def _build(cls: type, data: Any, file: str, path: str, code: str | None = None) -> Any:
    """Build a frozen dataclass from JSON data, strictly."""
    if not isinstance(data, Mapping):
        raise RuleFileError(file, path, "应为 JSON 对象", "expected an object")
    hints = typing.get_type_hints(cls)
    fields = [f for f in dataclasses.fields(cls)]
    names = {f.name for f in fields}
    keyed = code is not None
    for key in data:
        if key not in names or (keyed and key == "code"):
            raise RuleFileError(file, _join(path, str(key)), "未知的键（拼写错误或不属于此处）", "unknown key")
    values: dict[str, Any] = {}
    for f in fields:
        if keyed and f.name == "code":
            values["code"] = code
            continue
        sub = _join(path, f.name)
        if f.name not in data:
            has_default = (f.default is not dataclasses.MISSING
                           or f.default_factory is not dataclasses.MISSING)
            if has_default:
                continue
            raise RuleFileError(file, sub, "缺少必填的键", "missing required key")
        values[f.name] = _convert(hints[f.name], data[f.name], file, sub)
    return cls(**values)


def _convert(tp: Any, value: Any, file: str, path: str) -> Any:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        return _convert(inner[0], value, file, path)
    if value is None:
        raise RuleFileError(file, path, "不能为空（null）", "must not be null")
    if tp is bool:
        if not isinstance(value, bool):
            raise RuleFileError(file, path, f"应为 true/false，实际为 {value!r}", f"expected boolean, got {value!r}")
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise RuleFileError(file, path, f"应为整数，实际为 {value!r}", f"expected integer, got {value!r}")
        return value
    if tp is str:
        if not isinstance(value, str) or not value.strip():
            raise RuleFileError(file, path, f"应为非空文本，实际为 {value!r}", f"expected non-empty text, got {value!r}")
        return value
    if tp is dt.date:
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise RuleFileError(file, path, f"应为 YYYY-MM-DD 格式的日期，实际为 {value!r}",
                                f"expected a YYYY-MM-DD date, got {value!r}")
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise RuleFileError(file, path, f"日期 {value} 不存在", f"no such date {value}") from None
    if isinstance(tp, type) and issubclass(tp, Enum):
        allowed = [m.value for m in tp]  # type: ignore[attr-defined]
        if value not in allowed:
            raise RuleFileError(file, path, f"取值“{value}”无效，可选：{'、'.join(allowed)}",
                                f"invalid value {value!r}; allowed: {allowed}")
        return tp(value)
    if origin is tuple:
        if not isinstance(value, list):
            raise RuleFileError(file, path, "应为列表（JSON 数组）", "expected a list")
        return tuple(_convert(args[0], v, file, f"{path}[{i}]") for i, v in enumerate(value))
    if origin in (Mapping, typing.Mapping) or tp is Mapping:
        if not isinstance(value, Mapping):
            raise RuleFileError(file, path, "应为以代码为键的 JSON 对象", "expected an object keyed by code")
        entry_type = args[1]
        built = {str(k): _build(entry_type, v, file, _join(path, str(k)), code=str(k))
                 for k, v in value.items()}
        return types.MappingProxyType(built)
    if dataclasses.is_dataclass(tp):
        return _build(tp, value, file, path)
    raise TypeError(f"unsupported type {tp!r} at {path}")  # programming error


def _dump(obj: Any, *, keyed: bool = False) -> Any:
    if dataclasses.is_dataclass(obj):
        return {f.name: _dump(getattr(obj, f.name)) for f in dataclasses.fields(obj)
                if not (keyed and f.name == "code")}
    if isinstance(obj, Mapping):
        return {k: _dump(v, keyed=True) for k, v in obj.items()}
    if isinstance(obj, tuple):
        return [_dump(v) for v in obj]
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, dt.date):
        return obj.isoformat()
    return obj


def _validate(rs: RuleSet, file: str) -> None:
    """Cross-field checks: dates, references, citations, required codes."""

    def fail(path: str, zh: str, en: str) -> typing.NoReturn:
        raise RuleFileError(file, path, zh, en)

    if rs.schema_version != SCHEMA_VERSION:
        fail("schema_version", f"不支持的格式版本 {rs.schema_version}（应为 {SCHEMA_VERSION}）",
             f"unsupported schema version {rs.schema_version}")
    if rs.effective_to is not None and rs.effective_to < rs.effective_from:
        fail("effective_to", "截止日期早于施行日期", "effective_to is before effective_from")
    if not rs.time_limits_confirmed and not rs.time_limits_note:
        fail("time_limits_note", "时限未核实时必须填写向用户显示的说明", "required when time limits are unconfirmed")
    if not rs.articles_confirmed and not rs.unconfirmed_citation:
        fail("unconfirmed_citation", "条款未核实时必须填写引用说明", "required when articles are unconfirmed")
    for key in rs.articles:
        if not key.isdigit():
            fail(f"articles.{key}", "条文编号应为数字", "article keys must be numbers")

    def check_ref(path: str, article: int | None, item: int | None) -> None:
        if article is None:
            if item is not None:
                fail(f"{path}.item", "未指明条文时不能指明项", "item given without article")
            return
        entry = rs.articles.get(str(article))
        if entry is None:
            fail(f"{path}.article", f"引用的第{article}条不在 articles 中", f"article {article} not in articles")
        if item is not None and not 1 <= item <= len(entry.items):
            fail(f"{path}.item", f"第{article}条没有第{item}项", f"article {article} has no item {item}")

    channel_codes = {c.value for c in Channel}
    for key in rs.channels:
        if key not in channel_codes:
            fail(f"channels.{key}", f"未知的投诉渠道代码，可选：{'、'.join(sorted(channel_codes))}", "unknown channel")
    role_codes = {r.value for r in ComplainantRole}
    for key, role in rs.complainant_roles.items():
        if key not in role_codes:
            fail(f"complainant_roles.{key}", f"未知的投诉人身份代码，可选：{'、'.join(sorted(role_codes))}", "unknown role")
        check_ref(f"complainant_roles.{key}", role.article, None)
    if not any(t.kind is RespondentKind.OUT_OF_SCOPE for t in rs.respondent_types.values()):
        fail("respondent_types", "必须有一个“不属于被投诉人范围”（out_of_scope）的类型", "needs an out_of_scope type")
    for key, ground in rs.grounds.items():
        check_ref(f"grounds.{key}", ground.article, ground.item)
    for key, sub in rs.sub_types.items():
        if sub.ground not in rs.grounds:
            fail(f"sub_types.{key}.ground", f"引用了不存在的投诉事项“{sub.ground}”", f"dangling ground {sub.ground!r}")
    for key, cond in rs.acceptance_conditions.items():
        check_ref(f"acceptance_conditions.{key}", cond.article, cond.item)
        if cond.failure_reason not in rs.non_acceptance_reasons:
            fail(f"acceptance_conditions.{key}.failure_reason",
                 f"引用了不存在的不予受理理由“{cond.failure_reason}”", f"dangling reason {cond.failure_reason!r}")
    for key, reason in rs.non_acceptance_reasons.items():
        path = f"non_acceptance_reasons.{key}"
        check_ref(path, reason.article, reason.item)
        if reason.condition is not None and reason.condition not in rs.acceptance_conditions:
            fail(f"{path}.condition", f"引用了不存在的受理条件“{reason.condition}”", f"dangling condition {reason.condition!r}")
        if rs.citation(reason.article, reason.item) not in reason.notice_text:
            fail(f"{path}.notice_text", f"通知书文字应包含条款引用“{rs.citation(reason.article, reason.item)}”",
                 "notice text must contain the citation of its article and item")
    for key, outcome in rs.outcomes.items():
        check_ref(f"outcomes.{key}", outcome.article, outcome.item)
    if any(o.requires_minor_conditions for o in rs.outcomes.values()) and not rs.minor_conditions:
        fail("minor_conditions", "有结果需要勾选“情节轻微”等条件，但未列出这些条件", "minor conditions missing")
    for code in REQUIRED_CLOCKS:
        if code not in rs.clocks:
            fail(f"clocks.{code}", "缺少必需的时限", "required clock missing")
    for key, clock in rs.clocks.items():
        path = f"clocks.{key}"
        check_ref(path, clock.article, clock.item)
        if clock.length is not None and clock.length <= 0:
            fail(f"{path}.length", f"时限长度应为正整数，实际为 {clock.length}", "length must be positive")
        if clock.length is None and not clock.configurable:
            fail(f"{path}.length", "未设定长度的时限必须标为 configurable", "a clock without length must be configurable")
        for i, day in enumerate(clock.warn_at_days):
            if day <= 0 or (clock.length is not None and day >= clock.length):
                fail(f"{path}.warn_at_days[{i}]", f"预警天数 {day} 应在 1 与时限长度之间", "warning day out of range")
        if clock.due_soon_working_days < 0:
            fail(f"{path}.due_soon_working_days", "不能为负数", "must not be negative")
    missing = [k for k in DOCUMENT_KINDS if k not in rs.documents]
    if missing:
        fail(f"documents.{missing[0]}", f"缺少文书种类：{'、'.join(missing)}", f"missing document kinds {missing}")
    for key, doc in rs.documents.items():
        path = f"documents.{key}"
        if key not in DOCUMENT_KINDS:
            fail(path, f"未知的文书种类代码，可选：{'、'.join(DOCUMENT_KINDS)}", "unknown document kind")
        check_ref(path, doc.article, doc.item)
        if doc.number_pattern is not None:
            try:
                names = {name for _, name, _, _ in string.Formatter().parse(doc.number_pattern) if name is not None}
            except ValueError as exc:
                fail(f"{path}.number_pattern", f"文号格式有误：{exc}", f"bad pattern: {exc}")
            unknown = names - NUMBER_PATTERN_FIELDS
            if unknown or "seq" not in names:
                fail(f"{path}.number_pattern",
                     f"文号格式只能使用 {{office_short}}、{{office_code}}、{{year}}、{{seq}}，且必须含 {{seq}}；"
                     f"发现：{'、'.join(sorted(unknown)) or '缺少 seq'}", "bad placeholders")
    for kind in ("accepted", "not_accepted", "withdrawn"):
        seen: set[tuple[str, str]] = set()
        for i, item in enumerate(rs.archive_checklist.for_outcome(kind)):
            path = f"archive_checklist.{kind}[{i}]"
            if item.document not in rs.documents:
                fail(f"{path}.document", f"引用了不存在的文书种类“{item.document}”", f"dangling document {item.document!r}")
            if (item.document, item.condition.value) in seen:
                fail(f"{path}.document", f"文书“{item.document}”在同一清单中重复", "duplicate checklist item")
            seen.add((item.document, item.condition.value))
            if item.min_count < 1:
                fail(f"{path}.min_count", "至少为 1", "must be at least 1")
