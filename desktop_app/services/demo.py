"""演示数据 (demo data): realistic, varied Chinese complaint cases in every state, fast.

Cases are written in bulk (``insert(table)`` with lists of dicts, batches of ~10,000) instead
of through the per-case services, so 1,000,000 cases take minutes, not days. The denormalised
list columns (``next_due_date``, ``next_due_clock``, ``calendar_unconfirmed``, ``party_text``,
``first_*``, ``handling_due``) are computed with the same rule-set clock specs and the same
working-day calendar as ``services.cases.refresh_derived``, through a pre-computed day table
(the calendar is asked once per day, not once per case). A test runs ``refresh_derived`` on
generated cases and checks it changes nothing.

What bulk cases do NOT get (to stay fast): audit events, generated PDF documents and service
records, acceptance-review checklists. Everything the list, search, dashboard and statistics
read is filled.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, insert, select, update

from desktop_app.domain import models as m
from desktop_app.domain.enums import CaseState, Channel, Role, SignatureStatus
from desktop_app.domain.identity import id_check_digit
from desktop_app.persistence.statistics_columns import outcome_key
from desktop_app.rules.calendar import WorkingCalendar
from desktop_app.rules.ruleset import PeriodUnit, RuleSet
from desktop_app.services.context import ServiceContext

BATCH_SIZE = 10_000
# Bump when the generated data changes (benchmarks cache generated databases by it).
# From this many new cases into a database with fewer, indexes are built after the load (SQLite).
BULK_LOAD_MIN_CASES = 20_000
DEMO_DATA_VERSION = 4  # 2: statistics columns; 3: archive number in party_text; 4: group complaints
FIRST_YEAR = 2019

# ----------------------------------------------------------------------------- vocabulary

# Common surnames, weighted roughly by frequency (王李张刘陈 ≈ 30 % of the population).
SURNAMES = ("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
            "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
            "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁",
            "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏",
            "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯",
            "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "覃", "武", "戴",
            "莫", "孔", "向", "汤", "常", "温", "康", "施", "文", "牛", "樊", "葛", "邢", "安", "齐", "易",
            "欧阳", "司马", "上官")
SURNAME_WEIGHTS = tuple([7.3, 7.2, 6.9, 5.4, 4.5] + [2.0] * 10 + [0.9] * 30
                        + [0.4] * (len(SURNAMES) - 48) + [0.02] * 3)
MALE_CHARS = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林欢阳建国志峰亮成东海"
FEMALE_CHARS = "芳娜敏静丽艳娟霞燕玲桂秀英华慧巧美娇莉萍红玉梅琳雪婷颖洁佳倩晶璐瑶怡欣月"
NEUTRAL_CHARS = "文晓春秋新子小立永金德玉振云海天明安家"

# 辽宁省铁岭市 (2112xx) and neighbours; 2 = Liaoning.
REGION_CODES = ("211202", "211204", "211221", "211223", "211224", "211281", "211282",  # 铁岭
                "210102", "210103", "210104", "210105", "210106", "210111", "210112",  # 沈阳
                "210402", "210403", "210404", "211102")
TOWNS = (("铁岭县", ("新台子镇", "阿吉镇", "平顶堡镇", "大甸子镇", "凡河镇", "腰堡镇", "镇西堡镇", "蔡牛镇",
                    "李千户镇", "熊官屯镇", "横道河子镇", "双井子镇", "鸡冠山乡", "白旗寨满族乡")),
         ("银州区", ("红旗街道", "工人街道", "铁西街道", "银州街道", "岗山街道", "龙山乡")),
         ("清河区", ("红旗街道", "向阳街道", "张相镇", "杨木林子镇")),
         ("开原市", ("新城街道", "老城街道", "八棵树镇", "庆云堡镇", "中固镇", "威远堡镇")),
         ("调兵山市", ("兀术街街道", "铁法街道", "晓明镇")),
         ("西丰县", ("西丰镇", "平岗镇", "郜家店镇", "房木镇")),
         ("昌图县", ("昌图镇", "老城镇", "八面城镇", "三江口镇", "宝力镇")))
VILLAGE_SUFFIX = ("村", "社区", "屯")
STREETS = ("人民路", "银州路", "广裕街", "柴河街", "南马路", "北大街", "新华路", "工人街", "顺城街", "太平街")

LAW_FIRMS = ("辽宁铁岭正义律师事务所", "辽宁银州律师事务所", "辽宁龙首律师事务所", "辽宁开原明德律师事务所",
             "辽宁铁岭衡平律师事务所", "辽宁调兵山诚信律师事务所", "辽宁西丰公正律师事务所", "辽宁昌图天成律师事务所",
             "辽宁凡河律师事务所", "辽宁铁岭汇通律师事务所", "辽宁至诚律师事务所", "辽宁北方律师事务所")
AID_CENTRES = ("铁岭县法律援助中心", "铁岭市法律援助中心", "开原市法律援助中心", "银州区法律援助中心",
               "清河区法律援助中心", "昌图县法律援助中心", "西丰县法律援助中心", "调兵山市法律援助中心")
JUSTICE_OFFICES = ("新台子司法所", "阿吉司法所", "平顶堡司法所", "大甸子司法所", "凡河司法所", "腰堡司法所",
                   "镇西堡司法所", "蔡牛司法所", "李千户司法所", "熊官屯司法所")
WORKSTATIONS = ("铁岭县人民法院法律援助工作站", "铁岭县看守所法律援助工作站", "铁岭县妇联法律援助工作站",
                "铁岭县残联法律援助工作站", "铁岭县总工会法律援助工作站")
CASE_CAUSES = ("劳动争议", "追索劳动报酬", "工伤保险待遇纠纷", "婚姻家庭纠纷", "离婚纠纷", "抚养费纠纷", "赡养纠纷",
               "继承纠纷", "交通事故损害赔偿", "医疗损害责任纠纷", "民间借贷纠纷", "土地承包经营权纠纷",
               "人身损害赔偿", "盗窃罪", "故意伤害罪", "诈骗罪", "危险驾驶罪", "农民工讨薪", "房屋买卖合同纠纷")
MATERIALS = ("投诉书", "身份证复印件", "法律援助决定书复印件", "委托代理协议复印件", "判决书复印件", "聊天记录截图",
             "通话录音光盘", "收费收据复印件", "证人证言", "调解书复印件")

# Complaint wording per sub-type family: (request, facts fragments).
CONDUCT = (
    ("擅自终止法律援助", "在案件审理期间未经同意擅自终止为我提供法律援助，导致我无人代理"),
    ("收取财物", "以办案需要为由向我收取费用{money}元，未出具任何票据"),
    ("不尽职", "接受指派后{days}天未与我联系，开庭前一天才第一次会见，庭审中没有提交我提供的证据"),
    ("泄露隐私", "将我的家庭住址和病情告诉了对方当事人，给我造成很大困扰"),
    ("态度恶劣", "多次电话联系均不耐烦，说“援助案件就这样”，在接待室当众训斥我"),
    ("拒绝指派", "法律援助中心以材料不全为由多次拒绝受理我的申请，但没有一次性告知需要补充什么材料"),
    ("延误期限", "没有在上诉期内提交上诉状，导致我错过上诉期限，判决已经生效"),
    ("私自转委托", "没有经过我同意就把案件交给其他人办理，我从来没见过新的代理人"),
    ("虚假承诺", "承诺一定能要回全部工资{money}元，实际调解只拿到一小部分，并劝我签字"),
    ("未告知进展", "案件判决后{days}天才告诉我结果，我想了解进展时一直说不知道"),
)
GROUND_BY_RULESET = {"2013": ("M1", "M2", "M3", "M4"), "2025": ("G1", "G2", "G3", "G4", "G5", "G6", "G7")}
GROUND_WEIGHTS = {"2013": (4, 3, 2, 1), "2025": (3, 3, 2, 2, 1, 1, 1)}

RESPONDENT_TYPE_WEIGHTS = (("LAWYER", 45), ("LAW_FIRM", 10), ("LEGAL_AID_INSTITUTION", 15),
                           ("AID_INSTITUTION_STAFF", 10), ("GRASSROOTS_WORKER", 8), ("GRASSROOTS_OFFICE", 4),
                           ("DUTY_LAWYER", 5), ("VOLUNTEER", 2), ("OUT_OF_SCOPE", 1))
CHANNEL_WEIGHTS = ((Channel.IN_PERSON_WRITTEN, 35), (Channel.IN_PERSON_ORAL, 25), (Channel.LETTER, 15),
                   (Channel.PHONE, 12), (Channel.EMAIL, 6), (Channel.FAX, 2))
ROLE_WEIGHTS = (("APPLICANT", 45), ("RECIPIENT", 45), ("INTERESTED_PARTY", 10))
SUBSTANTIATED_OUTCOMES = ("O1a", "O1b", "O1c", "O1d", "O2a", "O2b", "O2c")
RECTIFYING = frozenset({"O1b", "O1c", "O2a", "O2b"})


class FastRandom(random.Random):
    """``random.Random`` with cheaper integer/choice helpers (float-based; fine for demo data)."""

    def randint(self, a: int, b: int) -> int:  # type: ignore[override]
        return a + int(self.random() * (b - a + 1))

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:  # type: ignore[override]
        if stop is None:
            start, stop = 0, start
        return start + int(self.random() * (stop - start))

    def choice(self, seq: Any) -> Any:  # type: ignore[override]
        return seq[int(self.random() * len(seq))]


# ----------------------------------------------------------------------------- fast calendar


class DayTable:
    """Working days of a date range, asked once per day from the office's calendar.

    ``add_working_days`` and ``roll_forward`` are then list look-ups — the same answers as
    ``rules.clocks`` (start day not counted; a rest-day start counts its first working day
    as day 1; a calendar-day period ending on a rest day rolls to the next working day).
    """

    def __init__(self, calendar: WorkingCalendar, first: dt.date, last: dt.date) -> None:
        self.first = first
        n = (last - first).days + 1
        self.is_work = [calendar.is_workday(first + dt.timedelta(days=i)) for i in range(n)]
        self.workdays: list[int] = [i for i, w in enumerate(self.is_work) if w]
        self.confirmed_years = {y for y in range(first.year, last.year + 1) if calendar.is_year_confirmed(y)}

    def _idx(self, day: dt.date) -> int:
        return (day - self.first).days

    def _day(self, idx: int) -> dt.date:
        return self.first + dt.timedelta(days=idx)

    def is_workday(self, day: dt.date) -> bool:
        return self.is_work[self._idx(day)]

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        k = bisect.bisect_right(self.workdays, self._idx(start))  # working days on or before start
        return self._day(self.workdays[k + count - 1])

    def next_workday(self, day: dt.date) -> dt.date:
        k = bisect.bisect_right(self.workdays, self._idx(day))
        return self._day(self.workdays[k])

    def unconfirmed(self, start: dt.date, end: dt.date) -> bool:
        return any(y not in self.confirmed_years for y in range(min(start.year, end.year),
                                                                max(start.year, end.year) + 1))


class ClockMath:
    """Due dates of the clocks ``refresh_derived`` shows, for one rule set."""

    def __init__(self, rules: RuleSet, days: DayTable) -> None:
        self.rules, self.days = rules, days

    def due(self, code: str, start: dt.date, length: int | None = None) -> dt.date:
        spec = self.rules.clocks[code]
        n = spec.length if length is None else length
        assert n is not None
        if spec.unit is PeriodUnit.WORKING_DAYS:
            return self.days.add_working_days(start, n)
        raw = start + dt.timedelta(days=n)
        if spec.roll_forward and not self.days.is_workday(raw):
            return self.days.next_workday(raw)
        return raw


# ----------------------------------------------------------------------------- people


@dataclass
class DemoStaff:
    desk: list[tuple[int, str]]
    reviewer: tuple[int, str]
    head: tuple[int, str]
    investigators: list[tuple[int, str]]
    archivist: tuple[int, str]


DEMO_USERS = (  # username, full name, roles
    ("demo_desk1", "王丽", (Role.FRONT_DESK,)), ("demo_desk2", "李娜", (Role.FRONT_DESK,)),
    ("demo_reviewer", "赵刚", (Role.REVIEWER,)), ("demo_head", "刘强", (Role.HEAD,)),
    ("demo_inv1", "陈杰", (Role.INVESTIGATOR,)), ("demo_inv2", "周敏", (Role.INVESTIGATOR,)),
    ("demo_inv3", "黄磊", (Role.INVESTIGATOR,)), ("demo_archivist", "郑燕", (Role.ARCHIVIST,)),
)
DEMO_PASSWORD = "demo-Password-1"


def ensure_demo_staff(services: Any) -> DemoStaff:
    """The office's demo users (created once through AdminService, so passwords are real)."""
    admin = services.admin
    with services.ctx.db.session() as s:
        existing = {u.username: (u.id, u.full_name) for u in s.scalars(select(m.User))}
    for username, full_name, roles in DEMO_USERS:
        if username not in existing:
            admin.create_user(username, full_name, DEMO_PASSWORD, [r.value for r in roles])
    with services.ctx.db.session() as s:
        ids = {u.username: (u.id, u.full_name) for u in s.scalars(select(m.User))}
    return DemoStaff(desk=[ids["demo_desk1"], ids["demo_desk2"]], reviewer=ids["demo_reviewer"],
                     head=ids["demo_head"], investigators=[ids["demo_inv1"], ids["demo_inv2"], ids["demo_inv3"]],
                     archivist=ids["demo_archivist"])


class PeopleFactory:
    """Names, 身份证号 (valid GB 11643 check digit), phones, addresses."""

    def __init__(self, rng: FastRandom) -> None:
        self.rng = rng
        self._surnames = list(SURNAMES)
        self._cum = list(_cumulative(SURNAME_WEIGHTS))

    def name(self, male: bool) -> str:
        r = self.rng
        surname = self._surnames[bisect.bisect_right(self._cum, r.random() * self._cum[-1])]
        pool = MALE_CHARS if male else FEMALE_CHARS
        if r.random() < 0.35:  # one-character given names: 张伟, 王芳 …
            return surname + r.choice(pool)
        first = r.choice(NEUTRAL_CHARS + pool) if r.random() < 0.4 else r.choice(pool)
        return surname + first + r.choice(pool)

    def id_number(self, birth: dt.date, male: bool) -> str:
        r = self.rng
        seq = r.randrange(0, 50) * 2 + (1 if male else 0)  # 17th digit: odd = male
        first17 = f"{r.choice(REGION_CODES)}{birth:%Y%m%d}{r.randrange(0, 10)}{seq:02d}"
        return first17 + id_check_digit(first17)

    def phone(self) -> str:
        r = self.rng
        return r.choice(("13", "15", "18", "17", "19")) + f"{r.randrange(0, 10)}{r.randrange(0, 100_000_000):08d}"

    def address(self) -> str:
        r = self.rng
        county, towns = r.choice(TOWNS)
        if r.random() < 0.5:
            return f"辽宁省铁岭市{county}{r.choice(towns)}{r.choice(('东', '西', '南', '北', '新', '前', '后'))}" \
                   f"{r.choice(('山', '河', '屯', '台', '岗', '堡'))}{r.choice(VILLAGE_SUFFIX)}{r.randrange(1, 12)}组{r.randrange(1, 80)}号"
        return f"辽宁省铁岭市{county}{r.choice(STREETS)}{r.randrange(1, 300)}号{r.randrange(1, 8)}单元{r.randrange(1, 7)}0{r.randrange(1, 4)}室"


def _cumulative(weights: tuple[float, ...]) -> Iterator[float]:
    total = 0.0
    for w in weights:
        total += w
        yield total


def _weighted(rng: random.Random, pairs: tuple[tuple[Any, int], ...]) -> Any:
    total = sum(w for _, w in pairs)
    x = rng.random() * total
    for value, w in pairs:
        x -= w
        if x < 0:
            return value
    return pairs[-1][0]


# ----------------------------------------------------------------------------- generator


@dataclass
class DemoResult:
    cases: int
    seconds: float
    by_state: dict[str, int] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    first_id: int = 0
    last_id: int = 0


@dataclass
class _Batch:
    complaints: list[dict[str, Any]] = field(default_factory=list)
    complainants: list[dict[str, Any]] = field(default_factory=list)
    agents: list[dict[str, Any]] = field(default_factory=list)
    respondents: list[dict[str, Any]] = field(default_factory=list)
    materials: list[dict[str, Any]] = field(default_factory=list)
    supplements: list[dict[str, Any]] = field(default_factory=list)
    decisions: list[dict[str, Any]] = field(default_factory=list)
    tasks: list[dict[str, Any]] = field(default_factory=list)
    volumes: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    transcripts: list[dict[str, Any]] = field(default_factory=list)
    transcript_investigators: list[dict[str, Any]] = field(default_factory=list)
    turns: list[dict[str, Any]] = field(default_factory=list)
    pages: list[dict[str, Any]] = field(default_factory=list)
    acts: list[dict[str, Any]] = field(default_factory=list)
    act_investigators: list[dict[str, Any]] = field(default_factory=list)

    def tables(self) -> list[tuple[Any, list[dict[str, Any]]]]:
        return [(m.Complaint, self.complaints), (m.Complainant, self.complainants), (m.Agent, self.agents),
                (m.Respondent, self.respondents), (m.MaterialReceived, self.materials),
                (m.SupplementRequest, self.supplements), (m.HandlingDecision, self.decisions),
                (m.SupervisionTask, self.tasks), (m.ArchiveVolume, self.volumes), (m.CaseEvent, self.events),
                (m.InvestigationAct, self.acts), (m.ActInvestigator, self.act_investigators),
                (m.Transcript, self.transcripts), (m.TranscriptInvestigator, self.transcript_investigators),
                (m.TranscriptTurn, self.turns), (m.TranscriptPage, self.pages)]


class DemoGenerator:
    """Writes ``n`` cases received between 2019-01-01 and ``today``."""

    def __init__(self, ctx: ServiceContext, staff: DemoStaff, *, seed: int = 0,
                 transcript_share: float = 0.25) -> None:
        self.ctx = ctx
        self.staff = staff
        self.rng = FastRandom(seed)
        self.people = PeopleFactory(self.rng)
        self.today = ctx.clock.today()
        self.now = ctx.clock.now()
        first = dt.date(FIRST_YEAR - 1, 12, 1)
        self.days = DayTable(ctx.calendar(), first, dt.date(self.today.year + 2, 12, 31))
        self.math = {rid: ClockMath(ctx.rule_set(rid), self.days) for rid in ("2013", "2025")}
        self.transcript_share = transcript_share
        self._receipt_days = self._receipt_day_pool()
        self._want: CaseState | None = None

    def _receipt_day_pool(self) -> list[dt.date]:
        # Working days mostly; letters and e-mail also arrive on rest days.
        out, d = [], dt.date(FIRST_YEAR, 1, 1)
        while d <= self.today:
            out.append(d)
            d += dt.timedelta(days=1)
        return out

    # -- one case -------------------------------------------------------------------------------
    def _received(self, recent: bool = False) -> tuple[dt.datetime, Channel]:
        r = self.rng
        channel: Channel = _weighted(r, CHANNEL_WEIGHTS)
        # More complaints in later years (legal aid grew): sample by a rising density.
        span = len(self._receipt_days)
        idx = span - 1 - r.randrange(0, 8) if recent else int(span * (r.random() ** 0.8))
        day = self._receipt_days[min(idx, span - 1)]
        walk_in = channel in (Channel.IN_PERSON_ORAL, Channel.IN_PERSON_WRITTEN, Channel.PHONE, Channel.FAX)
        if not self.days.is_workday(day) and (walk_in or r.random() < 0.7):
            day = self.days.next_workday(day)
            if day > self.today:
                day = self._receipt_days[span - 1 - r.randrange(0, 30)]
                while not self.days.is_workday(day):
                    day -= dt.timedelta(days=1)
        at = dt.datetime.combine(day, dt.time(r.randrange(8, 17), r.randrange(0, 60), r.randrange(0, 60)))
        if day == self.today and at > self.now:
            at = self.now.replace(microsecond=0) - dt.timedelta(minutes=r.randrange(1, 60))
            if at.date() != day:
                at = dt.datetime.combine(day, dt.time(8, 0))
        return at, channel

    def _plan(self, received: dt.date, math: ClockMath) -> dict[str, Any]:
        """Choose the path and the dates of each step; the state is the last step reached by today."""
        r, today, days = self.rng, self.today, self.days
        p: dict[str, Any] = {"state": CaseState.REGISTERED}
        path = r.random()
        late = r.random() < 0.04  # a few cases run late: overdue badges on the dashboard
        review_days = r.randint(1, 4) if not late else r.randint(5, 8)
        decided_on = days.add_working_days(received, review_days)
        if decided_on > today:
            p["state"] = _weighted(r, ((CaseState.RECEIVED, 2), (CaseState.REGISTERED, 4),
                                       (CaseState.UNDER_REVIEW, 3), (CaseState.AWAITING_SUPPLEMENT, 1)))
            return p
        if path < 0.03:  # merged into an earlier case on the same matter
            p.update(state=CaseState.MERGED, merged_on=decided_on)
            return p
        if path < 0.07:  # supplement requested, maybe still waiting
            sent = days.add_working_days(received, 1)
            if sent <= today:
                p["supplement"] = (sent, r.choice((5, 7, 10)))
                due = math.due("C5", sent, p["supplement"][1])
                if due >= today - dt.timedelta(days=3):
                    p["state"] = CaseState.AWAITING_SUPPLEMENT
                    return p
                p["supplement_received"] = min(due, today)
        notice_on = decided_on + dt.timedelta(days=r.choice((0, 0, 1, 1, 2)))
        p.update(decided_on=decided_on, notice_on=notice_on if notice_on <= today else None)
        if path < 0.30:
            p.update(state=CaseState.NOT_ACCEPTED, decision="NOT_ACCEPT")
            if p["notice_on"] and (today - decided_on).days > r.randint(30, 400):
                p.update(state=CaseState.ARCHIVED, closed_on=decided_on + dt.timedelta(days=r.randint(20, 120)))
            return p
        p.update(decision="ACCEPT", accepted_on=decided_on, state=CaseState.ACCEPTED)
        c2_due = math.due("C2", decided_on)
        if path < 0.35:  # withdrawn during handling
            w = decided_on + dt.timedelta(days=r.randint(2, 30))
            if w <= today:
                p.update(state=CaseState.WITHDRAWN, closed_on=w)
                if (today - w).days > 200 and r.random() < 0.6:
                    p.update(state=CaseState.ARCHIVED, closed_on=w + dt.timedelta(days=r.randint(20, 90)))
            return p
        started = decided_on + dt.timedelta(days=r.randint(1, 7))
        if started > today:
            return p
        p.update(state=CaseState.INVESTIGATING, investigation_started=started)
        handling = r.randint(15, 44) if not late else r.randint(46, 60)
        decided = min(decided_on + dt.timedelta(days=handling), max(c2_due, decided_on + dt.timedelta(days=handling)))
        drafted = decided - dt.timedelta(days=r.randint(2, 7))
        if drafted > today:
            return p
        p["state"] = CaseState.DECISION_DRAFTED
        if decided > today:
            return p
        p.update(state=CaseState.DECIDED, handling_decided_on=decided,
                 substantiated=r.random() < 0.45)
        reply = days.add_working_days(decided, r.randint(1, 5) if not late else r.randint(6, 9))
        if reply > today:
            return p
        p.update(state=CaseState.REPLIED, reply_sent_on=reply)
        if p["substantiated"] and r.random() < 0.5:
            task_due = decided + dt.timedelta(days=r.choice((15, 30, 30, 60)))
            verified = task_due - dt.timedelta(days=r.randint(0, 10))
            p["task"] = (task_due, verified if verified <= today and r.random() < 0.95 else None)
            p["state"] = CaseState.SUPERVISING
            end = verified if p["task"][1] else None
        else:
            end = reply
        if end is not None and (today - end).days > r.randint(20, 150):
            p.update(state=CaseState.ARCHIVED, closed_on=end + dt.timedelta(days=r.randint(10, 60)))
            if p["closed_on"] > today:
                p["closed_on"] = today
            if r.random() < 0.01 or self._want is CaseState.REOPENED:  # reconsideration ordered a new handling
                reopen = p["closed_on"] + dt.timedelta(days=r.randint(30, 120))
                if reopen <= today:
                    p.update(state=CaseState.REOPENED, reopened_on=reopen, closed_on=None,
                             handling_decided_on=None, reply_sent_on=None)
        return p

    def _texts(self, ground: str, money: int, days_: int) -> tuple[str, str, str]:
        r = self.rng
        subject, fact = r.choice(CONDUCT)
        other_subject, other = r.choice(CONDUCT)
        fact = fact.format(money=money, days=days_)
        other = other.format(money=money // 2 or 100, days=days_ + 3)
        request = r.choice(("请求依法调查处理", "要求对承办律师进行处理并更换承办人", "请求责令退还所收费用",
                            "要求法律援助中心重新指派律师", "请求查明情况并给予答复")) + f"（{subject}）"
        facts = (f"{r.randint(2018, 2026)}年{r.randint(1, 12)}月，我因{r.choice(CASE_CAUSES)}向法律援助机构申请法律援助，"
                 f"被指派的承办人员{fact}。" + (f"此外还{other}。" if r.random() < 0.5 else "")
                 + r.choice(("", "我多次反映无果，", "对方当事人已经申请执行，")) + "特此投诉。")
        reasons = r.choice(("违反《法律援助法》有关规定", "未依法履行法律援助义务", "损害了受援人的合法权益", ""))
        return request, facts, reasons

    def _respondent(self, rtype: str) -> tuple[str, str, str]:
        r = self.rng
        if rtype in ("LAWYER", "DUTY_LAWYER"):
            firm = r.choice(LAW_FIRMS)
            return self.people.name(r.random() < 0.6), firm, f"1{r.randint(1000, 9999)}{r.randint(2005, 2023)}1{r.randint(0, 99999):05d}"
        if rtype == "LAW_FIRM":
            return r.choice(LAW_FIRMS), "", f"3{r.randint(1000, 9999)}{r.randint(2000, 2020)}1{r.randint(0, 99999):05d}"
        if rtype == "LEGAL_AID_INSTITUTION":
            return r.choice(AID_CENTRES), "", ""
        if rtype == "AID_INSTITUTION_STAFF":
            return self.people.name(r.random() < 0.5), r.choice(AID_CENTRES), ""
        if rtype == "GRASSROOTS_WORKER":
            return self.people.name(r.random() < 0.6), r.choice(JUSTICE_OFFICES), ""
        if rtype == "GRASSROOTS_OFFICE":
            return r.choice(JUSTICE_OFFICES), "", ""
        if rtype == "VOLUNTEER":
            return self.people.name(r.random() < 0.5), r.choice(WORKSTATIONS), ""
        return r.choice(("铁岭县某物业公司", "某保险公司铁岭支公司", "铁岭县某村民委员会")), "", ""

    def _case(self, b: _Batch, cid: int, seqs: dict[int, int], office: m.Office, ids: dict[str, int],
              merge_targets: list[int], want: CaseState | None = None) -> str:
        r, now, days = self.rng, self.now, self.days
        for _ in range(5000):  # ``want``: draw until the plan reaches that state (first cases of a run)
            self._want = want
            received_at, channel = self._received(recent=want in _RECENT_STATES)
            received = received_at.date()
            rules_id = "2025" if received >= dt.date(2025, 6, 15) else "2013"
            math = self.math[rules_id]
            p = self._plan(received, math)
            if want is None or p["state"] is want:
                break
        state: CaseState = p["state"]
        if state is CaseState.RECEIVED and not channel.needs_signature:
            channel = Channel.IN_PERSON_ORAL  # only unsigned oral/phone records stay in RECEIVED
        year = received.year
        seqs[year] = seq = seqs.get(year, 0) + 1
        case_no = office.case_number_format.format(short=office.short_name or office.code, code=office.code,
                                                   year=year, seq=seq)
        desk_id, desk_name = r.choice(self.staff.desk)
        head_id = self.staff.head[0]
        inv = r.sample(self.staff.investigators, 2)
        anonymous = r.random() < 0.01

        # Parties -------------------------------------------------------------------------------
        # Mostly one complainant, some couples, now and then a group (集体投诉, ≥ 3: statistic S4).
        share = r.random()
        n_complainants = 0 if anonymous else (r.randint(3, 6) if share < 0.01 else 2 if share < 0.09 else 1)
        parts = [case_no]
        first_name, first_id = ("（匿名）" if anonymous else ""), ""
        for pos in range(n_complainants):
            male = r.random() < 0.55
            birth = dt.date(r.randint(1940, 2004), r.randint(1, 12), r.randint(1, 28))
            name = self.people.name(male)
            idn = self.people.id_number(birth, male)
            phone = self.people.phone()
            sig = SignatureStatus.PENDING.value
            if channel.needs_signature and state is not CaseState.RECEIVED:
                sig = r.choice((SignatureStatus.SIGNED.value, SignatureStatus.SIGNED.value,
                                SignatureStatus.THUMBPRINTED.value))
            ids["complainant"] += 1
            b.complainants.append(dict(
                id=ids["complainant"], complaint_id=cid, position=pos, name=name, sex="M" if male else "F",
                birth_date=birth, ethnicity=r.choice(("汉族",) * 8 + ("满族", "蒙古族", "回族", "朝鲜族")),
                id_type="RESIDENT_ID", id_number=idn, phone=phone, address=self.people.address(),
                role=_weighted(r, ROLE_WEIGHTS), signature=sig,
                special_groups=(["ELDERLY"] if birth.year < 1960 else []) + (["DISABLED"] if r.random() < 0.04 else [])))
            parts += [name, idn, phone]
            if pos == 0:
                first_name, first_id = name, idn
        if n_complainants and r.random() < 0.05:
            name = self.people.name(r.random() < 0.5)
            birth = dt.date(r.randint(1960, 2000), r.randint(1, 12), r.randint(1, 28))
            idn, phone = self.people.id_number(birth, True), self.people.phone()
            ids["agent"] += 1
            b.agents.append(dict(id=ids["agent"], complaint_id=cid, name=name, id_number=idn, phone=phone,
                                 relationship_text=r.choice(("子女", "配偶", "兄弟姐妹", "朋友")),
                                 poa_submitted=True, poa_received_on=received,
                                 poa_scope=["SUBMIT", "RECEIVE_DOCUMENTS"], poa_term="至本投诉处理完毕"))
            parts += [name, idn, phone]
        rtype_pool = RESPONDENT_TYPE_WEIGHTS
        rtypes = [_weighted(r, rtype_pool)]
        if r.random() < 0.1:
            rtypes.append("LEGAL_AID_INSTITUTION" if rtypes[0] != "LEGAL_AID_INSTITUTION" else "LAWYER")
        first_resp, first_rtype = "", ""
        for pos, rtype in enumerate(rtypes):
            name, unit, licence = self._respondent(rtype)
            ids["respondent"] += 1
            b.respondents.append(dict(id=ids["respondent"], complaint_id=cid, position=pos, type_code=rtype,
                                      name=name, unit_name=unit, licence_no=licence, case_received_date=received,
                                      case_decided_on=p.get("handling_decided_on"), case_office_code="",
                                      outcome_key="", substantiated=None))
            p.setdefault("respondent_rows", []).append(b.respondents[-1])
            parts += [name, unit, licence]
            if pos == 0:
                first_resp, first_rtype = name, rtype
            p.setdefault("respondent_ids", []).append(ids["respondent"])

        grounds = GROUND_BY_RULESET[rules_id]
        ground = r.choices(grounds, weights=GROUND_WEIGHTS[rules_id])[0]
        money = r.choice((200, 500, 800, 1000, 1500, 2000, 3000, 5000))
        request, facts, reasons = self._texts(ground, money, r.randint(5, 60))
        aid_year = max(2015, year - r.randint(0, 2))
        aid_no = f"铁县援〔{aid_year}〕第{r.randint(1, 900):03d}号" if r.random() < 0.8 else ""
        if aid_no:
            parts.insert(1, aid_no)

        # Materials ----------------------------------------------------------------------------
        if channel in (Channel.IN_PERSON_WRITTEN, Channel.LETTER, Channel.FAX, Channel.EMAIL):
            ids["material"] += 1
            b.materials.append(dict(id=ids["material"], complaint_id=cid, name="投诉书", pages=r.randint(1, 4),
                                    is_original=channel is not Channel.FAX, received_on=received))
            if r.random() < 0.5:
                ids["material"] += 1
                b.materials.append(dict(id=ids["material"], complaint_id=cid, name=r.choice(MATERIALS[1:]),
                                        pages=r.randint(1, 6), is_original=False, received_on=received))

        # Clocks as refresh_derived computes them ----------------------------------------------
        accepted = p.get("accepted_on")
        decided = p.get("handling_decided_on")
        nulled = state in (CaseState.WITHDRAWN, CaseState.MERGED) or p.get("decision") == "NOT_ACCEPT"
        if nulled:
            accepted_c, decided_c = None, None
        else:
            accepted_c, decided_c = accepted, decided
        clocks: dict[str, tuple[dt.date, dt.date, bool]] = {}  # code -> (start, due, stopped)
        c1 = math.due("C1", received)
        clocks["C1"] = (received, c1, p.get("notice_on") is not None)
        sup = p.get("supplement")
        if sup:
            clocks["C5"] = (sup[0], math.due("C5", sup[0], sup[1]), p.get("supplement_received") is not None)
        if accepted_c:
            c2 = math.due("C2", accepted_c)
            clocks["C2"] = (accepted_c, c2, decided_c is not None)
            clocks["C6"] = (accepted_c, math.due("C6", accepted_c), p.get("investigation_started") is not None)
            if decided_c:
                clocks["C3"] = (decided_c, math.due("C3", decided_c), p.get("reply_sent_on") is not None)
        open_due = [(due, code) for code, (_, due, stopped) in clocks.items()
                    if not stopped and state in _OPEN_CLOCK_STATES.get(code, ())]
        task = p.get("task")
        if task and state in (CaseState.SUPERVISING, CaseState.REPLIED, CaseState.DECIDED) and task[1] is None:
            open_due.append((task[0], "C4"))
        next_due, next_clock = min(open_due) if open_due else (None, "")
        unconfirmed = any(days.unconfirmed(start, due) for start, due, _ in clocks.values())

        # Child records of the later steps -------------------------------------------------------
        if sup:
            b.supplements.append(dict(complaint_id=cid, items=["投诉人身份证明", "被投诉人的具体行为及时间"],
                                      due_date=sup[0] + dt.timedelta(days=sup[1]),
                                      requested_by_id=self.staff.reviewer[0],
                                      created_at=dt.datetime.combine(sup[0], dt.time(10, 0)),
                                      fulfilled_on=p.get("supplement_received")))
        handler_id = None
        started = p.get("investigation_started")
        if started:
            handler_id = inv[0][0]
            with_transcript = r.random() < self.transcript_share
            if with_transcript:
                self._transcript(b, cid, ids, started, inv, first_name or "投诉人", first_resp, facts)
            else:
                ids["act"] += 1
                b.acts.append(dict(id=ids["act"], complaint_id=cid, kind="INTERVIEW", title="询问投诉人",
                                   occurred_on=started, place="铁岭县司法局接待室", counterpart=first_name,
                                   summary="听取投诉人陈述，核对投诉事项。", details={}, completed_on=started,
                                   created_by_id=inv[0][0], created_at=dt.datetime.combine(started, dt.time(9, 30))))
                for uid, _ in inv:
                    b.act_investigators.append(dict(act_id=ids["act"], user_id=uid))
        if decided:
            for rid, resp_row in zip(p["respondent_ids"], p["respondent_rows"]):
                ids["decision"] += 1
                codes = ([r.choice(SUBSTANTIATED_OUTCOMES)] if p["substantiated"]
                         else [r.choice(("O3a", "O3b"))])
                resp_row["outcome_key"] = outcome_key(codes)
                resp_row["substantiated"] = bool(p["substantiated"])
                b.decisions.append(dict(
                    id=ids["decision"], complaint_id=cid, respondent_id=rid, outcome_codes=codes,
                    facts_found="经调查，" + ("投诉反映的问题基本属实。" if p["substantiated"] else "投诉反映的问题缺乏证据证实。"),
                    basis="《法律援助投诉处理办法》第十四条", measures="责令改正" if set(codes) & RECTIFYING else "",
                    proposed_by_id=inv[0][0], proposed_at=dt.datetime.combine(decided, dt.time(10, 0))))
            if task:
                b.tasks.append(dict(complaint_id=cid, decision_id=ids["decision"], measure="限期整改并书面报告整改情况",
                                    due_date=task[0], status="VERIFIED_DONE" if task[1] else "OPEN",
                                    report_received_on=task[1], verified_on=task[1],
                                    verified_by_id=head_id if task[1] else None,
                                    created_at=dt.datetime.combine(decided, dt.time(11, 0))))
        merged_into = None
        if state is CaseState.MERGED:
            merged_into = merge_targets[r.randrange(len(merge_targets))] if merge_targets else None
            if merged_into is None:
                state = CaseState.REGISTERED
                next_due, next_clock = c1, "C1"
            else:
                b.events.append(dict(complaint_id=cid, kind="MERGE", occurred_on=p["merged_on"], organ="", result="",
                                     note="同一事项重复投诉，并案办理", data={"into": merged_into},
                                     created_by_id=self.staff.reviewer[0],
                                     created_at=dt.datetime.combine(p["merged_on"], dt.time(15, 0))))
        if state is CaseState.WITHDRAWN or (state is CaseState.ARCHIVED and p.get("decision") == "ACCEPT"
                                            and decided is None):
            b.events.append(dict(complaint_id=cid, kind="WITHDRAWAL", occurred_on=p["closed_on"], organ="", result="",
                                 note="投诉人书面申请撤回投诉", data={"signed": True},
                                 created_by_id=desk_id, created_at=dt.datetime.combine(p["closed_on"], dt.time(14, 0))))
        if state is CaseState.REOPENED:
            b.events.append(dict(complaint_id=cid, kind="REOPEN", occurred_on=p["reopened_on"],
                                 organ="铁岭市司法局", result="责令重新处理", note="行政复议决定责令重新处理",
                                 data={}, created_by_id=head_id,
                                 created_at=dt.datetime.combine(p["reopened_on"], dt.time(9, 0))))
        if state is CaseState.ARCHIVED:
            ids["volume"] += 1
            closed = p["closed_on"]
            archive_no = f"{office.short_name or office.code}投档〔{closed.year}〕{ids['volume']:07d}号"
            parts.append(archive_no)  # as refresh_derived: the archive number is searchable
            b.volumes.append(dict(complaint_id=cid, archive_no=archive_no,
                                  year=closed.year, retention="长期", archived_on=closed,
                                  archived_by_id=self.staff.archivist[0], page_count=r.randint(8, 60),
                                  created_at=dt.datetime.combine(closed, dt.time(16, 0))))

        sensitive = r.random() < 0.01
        signed_at = (received_at + dt.timedelta(minutes=30)) if channel.needs_signature and state is not CaseState.RECEIVED else None
        b.complaints.append(dict(
            id=cid, case_no=case_no, office_id=office.id, year=year, seq=seq, rule_set_id=rules_id,
            state=state.value, received_at=received_at, received_date=received, channel=channel.value,
            receiver_name=desk_name, registered_by_id=desk_id, registered_at=received_at, transferred_from="",
            anonymous=anonymous, sensitive=sensitive, sensitive_reason="涉及未成年人" if sensitive else "",
            priority="URGENT" if r.random() < 0.03 else "NORMAL",
            writing_difficulty="不识字" if channel is Channel.IN_PERSON_ORAL and r.random() < 0.2 else "",
            record_signature=(SignatureStatus.SIGNED.value if signed_at else SignatureStatus.PENDING.value),
            record_signature_note="", record_signed_at=signed_at,
            request_text=request, facts_text=facts, reasons_text=reasons,
            event_time_text=f"{received.year - r.randint(0, 1)}年{r.randint(1, 12)}月", ground_code=ground,
            subtype_codes=[], aid_case_no=aid_no, aid_case_cause=r.choice(CASE_CAUSES) if aid_no else "",
            aid_institution=r.choice(AID_CENTRES) if aid_no else "",
            aid_case_type=r.choice(("CIVIL", "CRIMINAL", "ADMINISTRATIVE", "NON_LITIGATION")) if aid_no else "",
            aid_litigation=(r.random() < 0.7) if aid_no else None, aid_case_open=(r.random() < 0.4) if aid_no else None,
            aid_handler=first_resp if first_rtype in ("LAWYER", "DUTY_LAWYER") else "",
            decision=p.get("decision", ""),
            decision_reasons=([r.choice(_NOT_ACCEPT_REASONS[rules_id])] if p.get("decision") == "NOT_ACCEPT" else []),
            decision_date=p.get("decided_on"), decided_by_id=head_id if p.get("decision") else None,
            competent_organ="", decision_note="",
            accepted_on=accepted, acceptance_notice_sent_on=p.get("notice_on"),
            handling_due=clocks["C2"][1] if "C2" in clocks else None, continuing_violation=False,
            handling_decided_on=decided, handling_approved_by_id=head_id if decided else None,
            substantiated=p.get("substantiated") if decided else None, reply_sent_on=p.get("reply_sent_on"),
            closed_on=p.get("closed_on") if state in (CaseState.ARCHIVED, CaseState.WITHDRAWN) else
            (p.get("merged_on") if state is CaseState.MERGED else None),
            handler_id=handler_id, merged_into_id=merged_into, related_case_ids=[], new_evidence_note="",
            next_due_date=next_due, next_due_clock=next_clock, calendar_unconfirmed=unconfirmed,
            acceptance_due=clocks["C1"][1], reply_due=clocks["C3"][1] if "C3" in clocks else None,
            complainant_count=n_complainants,
            party_text=" ".join(x for x in parts if x), first_complainant=first_name,
            first_complainant_id_no=first_id, first_respondent=first_resp, respondent_type=first_rtype,
            source_office_code="", imported=False, created_at=received_at, updated_at=now, version=1))
        return state.value

    def _transcript(self, b: _Batch, cid: int, ids: dict[str, int], day: dt.date,
                    inv: list[tuple[int, str]], complainant: str, respondent: str, facts: str) -> None:
        r = self.rng
        ids["transcript"] += 1
        tid = ids["transcript"]
        start = dt.datetime.combine(day, dt.time(r.randint(8, 15), r.choice((0, 15, 30, 45))))
        pages = r.randint(1, 3)
        b.transcripts.append(dict(
            id=tid, complaint_id=cid, started_at=start, ended_at=start + dt.timedelta(minutes=r.randint(30, 120)),
            place="铁岭县司法局询问室", recorder_id=inv[1][0], interviewee_name=complainant, interviewee_role="COMPLAINANT",
            interviewee_sex="U", opening_text=f"我们是铁岭县司法局工作人员{inv[0][1]}、{inv[1][1]}，现依法就投诉事项向你了解情况。",
            status="FROZEN", page_count=pages, content_hash=f"{r.getrandbits(128):032x}",
            frozen_at=start + dt.timedelta(hours=3), created_by_id=inv[0][0], created_at=start, updated_at=start))
        for uid, _ in inv:
            b.transcript_investigators.append(dict(transcript_id=tid, user_id=uid))
        qa = [("你与本案是什么关系？", "我是受援人本人。"),
              ("你投诉的是谁？", f"我投诉的是{respondent}。"),
              ("请你陈述投诉的事实和理由。", facts),
              ("你有什么证据？", r.choice(("有收据和聊天记录。", "有通话录音。", "没有书面证据，有证人。"))),
              ("你的请求是什么？", "请求依法处理。"),
              ("以上所说是否属实？", "属实。")]
        for seq, (q, a) in enumerate(qa, start=1):
            b.turns.append(dict(transcript_id=tid, seq=seq, question=q, answer=a))
        printed = f"{r.getrandbits(128):032x}"
        for page in range(1, pages + 1):
            b.pages.append(dict(transcript_id=tid, page_no=page, printed_hash=printed,
                                status=r.choice(("SIGNED", "SIGNED", "THUMBPRINTED")), recorded_by_id=inv[0][0],
                                recorded_at=start + dt.timedelta(hours=2)))

    # -- bulk -------------------------------------------------------------------------------------
    def run(self, n: int, *, batch_size: int = BATCH_SIZE,
            progress: Callable[[int, int], None] | None = None) -> DemoResult:
        started = time.perf_counter()
        db = self.ctx.db
        with db.session() as s:
            office = s.scalars(select(m.Office).where(m.Office.code == self.ctx.office_code)).one()
            s.expunge(office)
            ids = {"complaint": s.scalar(select(func.max(m.Complaint.id))) or 0}
            for key, model in (("complainant", m.Complainant), ("agent", m.Agent), ("respondent", m.Respondent),
                               ("material", m.MaterialReceived), ("decision", m.HandlingDecision),
                               ("volume", m.ArchiveVolume), ("transcript", m.Transcript),
                               ("act", m.InvestigationAct)):
                ids[key] = s.scalar(select(func.max(model.id))) or 0
            seqs = {row.year: row.last_value for row in s.scalars(select(m.NumberSequence).where(
                m.NumberSequence.office_code == office.code, m.NumberSequence.kind == "case"))}
        first_id = ids["complaint"] + 1
        by_state: Counter[str] = Counter()
        rows: Counter[str] = Counter()
        # Into a (nearly) empty SQLite database: build the secondary indexes and the search index
        # once at the end (a sort per index) instead of row by row (random b-tree inserts).
        deferred = _SqliteDeferredIndexes(db, first_id) if db.is_sqlite and n >= max(
            BULK_LOAD_MIN_CASES, first_id) else None
        if deferred:
            deferred.drop()
        try:
            self._insert_batches(n, batch_size, progress, ids, seqs, office, by_state, rows)
        finally:
            if deferred:
                deferred.rebuild()
        return self._finish(n, started, office, seqs, ids, by_state, rows, first_id)
    def _insert_batches(self, n: int, batch_size: int, progress: Callable[[int, int], None] | None,
                        ids: dict[str, int], seqs: dict[int, int], office: m.Office, by_state: Counter[str],
                        rows: Counter[str]) -> None:
        db = self.ctx.db
        done = 0
        recent_pre: list[int] = []  # earlier cases a repeat complaint can be merged into
        while done < n:
            b = _Batch()
            for _ in range(min(batch_size, n - done)):
                ids["complaint"] += 1
                cid = ids["complaint"]
                # The first cases of a run cover every state, so even `demo --cases 20` shows them all.
                want = _FORCED_ORDER[done + len(b.complaints)] if done + len(b.complaints) < len(_FORCED_ORDER) \
                    and n >= len(_FORCED_ORDER) else None
                state = self._case(b, cid, seqs, office, ids, recent_pre, want)
                by_state[state] += 1
                if state not in (CaseState.MERGED.value,):
                    recent_pre.append(cid)
                    if len(recent_pre) > 1000:
                        del recent_pre[:500]
            with db.write_session_factory() as s, s.begin():
                conn = s.connection()
                for model, data in b.tables():
                    if data:
                        bulk_insert(conn, model.__table__, data)
                        rows[model.__tablename__] += len(data)
            done += len(b.complaints)
            if progress:
                progress(done, n)

    def _finish(self, n: int, started: float, office: m.Office, seqs: dict[int, int], ids: dict[str, int],
                by_state: Counter[str], rows: Counter[str], first_id: int) -> DemoResult:
        db = self.ctx.db
        with db.write_session_factory() as s, s.begin():
            for year, last in seqs.items():
                hit = s.execute(update(m.NumberSequence).where(
                    m.NumberSequence.office_code == office.code, m.NumberSequence.year == year,
                    m.NumberSequence.kind == "case").values(last_value=last))
                if hit.rowcount == 0:
                    s.add(m.NumberSequence(office_code=office.code, year=year, kind="case", last_value=last))
        with db.engine.connect() as conn:  # planner statistics: without them SQLite picks poor indexes
            if db.is_postgres:  # and PostgreSQL's visibility map, for index-only scans after a bulk load
                conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
            else:
                conn.exec_driver_sql("ANALYZE")
                conn.commit()
        return DemoResult(cases=n, seconds=time.perf_counter() - started, by_state=dict(by_state),
                          rows=dict(rows), first_id=first_id, last_id=ids["complaint"])


class _SqliteDeferredIndexes:
    """Drop the secondary indexes and search triggers of the case tables for a bulk load; rebuild them.

    Rebuilt from their own stored SQL (``sqlite_master``), so every index — declared on the
    model or created by a migration — comes back exactly as it was; the search index gets the
    new cases in one pass. Unique indexes stay (they guard the data while it is written).
    """

    def __init__(self, db: Any, first_id: int) -> None:
        self.db = db
        self.first_id = first_id
        self.indexes: list[str] = []
        self.triggers: list[str] = []

    def drop(self) -> None:
        tables = ", ".join(f"'{model.__tablename__}'" for model, _rows in _Batch().tables())
        with self.db.engine.begin() as conn:
            for name, sql in conn.exec_driver_sql(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                    f"AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN ({tables})").all():
                conn.exec_driver_sql(f'DROP INDEX "{name}"')
                self.indexes.append(sql)
            for name, sql in conn.exec_driver_sql(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'complaints_fts_%'").all():
                conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
                self.triggers.append(sql)

    def rebuild(self) -> None:
        from desktop_app.persistence import search

        with self.db.engine.begin() as conn:
            for sql in self.indexes:
                conn.exec_driver_sql(sql)
            for sql in self.triggers:
                conn.exec_driver_sql(sql)
            if self.triggers:
                conn.exec_driver_sql(search.sqlite_index_cases_sql(), (self.first_id,))


def bulk_insert(conn: Any, table: Any, rows: list[dict[str, Any]]) -> None:
    """``executemany`` straight on the driver with the column types' own bind processors.

    Same stored values as ``conn.execute(insert(table), rows)`` (defaults filled, dates and
    JSON converted by SQLAlchemy's processors) at a fraction of the per-row overhead.
    """
    dialect = conn.dialect
    keys = list(rows[0])
    present = set(keys)
    cols = [table.c[k] for k in keys]
    extra: list[tuple[Any, Any]] = []
    for col in table.c:
        if col.name in present or col.primary_key:
            continue
        default = col.default
        if default is None:
            continue
        value = default.arg({}) if default.is_callable else default.arg  # type: ignore[operator]
        extra.append((col, value))
    all_cols = cols + [c for c, _ in extra]
    procs = [c.type._cached_bind_processor(dialect) for c in all_cols]
    extra_values = []
    for (col, value), proc in zip(extra, procs[len(cols):]):
        extra_values.append(proc(value) if proc else value)
    key_procs = list(zip(keys, procs[:len(cols)]))
    data = [tuple([(pr(r[k]) if pr and r[k] is not None else r[k]) for k, pr in key_procs] + extra_values)
            for r in rows]
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    names = ", ".join(dialect.identifier_preparer.quote(c.name) for c in all_cols)
    sql = f"INSERT INTO {dialect.identifier_preparer.format_table(table)} ({names}) VALUES ({', '.join([mark] * len(all_cols))})"
    conn.exec_driver_sql(sql, data)


_RECENT_STATES = frozenset({CaseState.RECEIVED, CaseState.REGISTERED, CaseState.UNDER_REVIEW,
                            CaseState.AWAITING_SUPPLEMENT})
# MERGED last: it needs an earlier case to be merged into.
_FORCED_ORDER = [st for st in CaseState if st is not CaseState.MERGED] + [CaseState.MERGED]
_OPEN_CLOCK_STATES: dict[str, frozenset[CaseState]] = {}
_NOT_ACCEPT_REASONS: dict[str, tuple[str, ...]] = {}


def _init_tables() -> None:
    from desktop_app.rules.ruleset import RuleRegistry
    from desktop_app.services.cases import OPEN_CLOCK_STATES

    for code, states in OPEN_CLOCK_STATES.items():
        _OPEN_CLOCK_STATES[code] = frozenset(states)
    registry = RuleRegistry.load_default()
    for rid in ("2013", "2025"):
        _NOT_ACCEPT_REASONS[rid] = tuple(registry.get(rid).non_acceptance_reasons)


_init_tables()


def generate_demo(services: Any, n: int, *, seed: int = 0, batch_size: int = BATCH_SIZE,
                  transcript_share: float = 0.25,
                  progress: Callable[[int, int], None] | None = None) -> DemoResult:
    """Fill the database of ``services`` with ``n`` more demo cases (reproducible per seed)."""
    if n < 0:
        raise ValueError("n must be ≥ 0")
    staff = ensure_demo_staff(services)
    gen = DemoGenerator(services.ctx, staff, seed=seed, transcript_share=transcript_share)
    return gen.run(n, batch_size=batch_size, progress=progress)
