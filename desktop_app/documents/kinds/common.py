"""Small builders shared by several documents."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop_app.documents.base import CONTENT_WIDTH, para, rich, styles, table_style
from desktop_app.documents.fonts import HEI
from desktop_app.documents.models import Person
from desktop_app.documents.text import markup, numeric_date


def labelled(label: str, value: str) -> Paragraph:
    """"标签：值" line, label in the heavy face, value escaped."""
    return rich(f'<font name="{HEI}">{markup(label)}：</font>{markup(value)}', styles().body_flush)


def hanging(label: str, text: str) -> Paragraph:
    """问：/答： paragraph with the label hanging in the margin."""
    st = styles()
    style = st.body_flush.clone("hanging", leftIndent=36, firstLineIndent=-36)
    return rich(f'<font name="{HEI}">{markup(label)}：</font>{markup(text)}', style)


def person_summary(person: Person) -> str:
    parts = [person.name]
    if person.sex:
        parts.append(f"性别：{person.sex}")
    if person.birth_date is not None:
        parts.append(f"出生日期：{numeric_date(person.birth_date)}")
    elif person.age is not None:
        parts.append(f"年龄：{person.age}岁")
    if person.ethnicity:
        parts.append(f"民族：{person.ethnicity}")
    if person.id_number:
        parts.append(f"{person.id_type or '证件'}号码：{person.id_number}")
    return "，".join(parts)


def person_contact(person: Person) -> str:
    parts = []
    if person.employer:
        parts.append(f"工作单位：{person.employer}")
    if person.address:
        parts.append(f"住址：{person.address}")
    if person.postcode:
        parts.append(f"邮编：{person.postcode}")
    if person.phone:
        parts.append(f"联系电话：{person.phone}")
    if person.email:
        parts.append(f"电子邮箱：{person.email}")
    return "，".join(parts)


def signature_lines(labels: list[str], with_date: bool = True) -> Flowable:
    """Hand-signature lines "调查人（签名）：________  日期：____" kept together."""
    st = styles()
    rows = []
    for label in labels:
        rows.append([para(f"{label}（签名）：", st.body_flush), "",
                     para("日期：" if with_date else "", st.body_flush), ""])
    # Wide enough for the longest label on one line ("调查人员1（签名）：" would wrap at 40 mm).
    longest = max((stringWidth(f"{label}（签名）：", st.body_flush.fontName, st.body_flush.fontSize)
                   for label in labels), default=0)
    label_width = max(40 * mm, longest + 3 * mm)
    line_width = 50 * mm - (label_width - 40 * mm) / 2
    table = Table(rows, colWidths=[label_width, line_width, 16 * mm, CONTENT_WIDTH - label_width - line_width - 16 * mm],
                  rowHeights=[11 * mm] * len(rows))
    commands = [("LINEBELOW", (1, 0), (1, -1), 0.6, "black"),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]
    if with_date:
        commands.append(("LINEBELOW", (3, 0), (3, -1), 0.6, "black"))
    table.setStyle(table_style(*commands))
    return table


def keep(flowables: list[Flowable]) -> KeepTogether:
    return KeepTogether(flowables)


def gap(height_mm: float = 3) -> Spacer:
    return Spacer(1, height_mm * mm)
