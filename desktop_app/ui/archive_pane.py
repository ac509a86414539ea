"""归档 pane: completeness checklist of a case, binding, volume + 卷内目录, volume PDF, search, lending log."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.context import UiContext
from desktop_app.ui.pane_base import Pane
from desktop_app.ui.tasks import TaskFailure, TaskHandle

CASE_ID_ROLE = Qt.ItemDataRole.UserRole
OUTCOME_FILTERS = (("", "全部结果"), ("SUBSTANTIATED", "查实"), ("UNFOUNDED", "未查实"),
                   ("NOT_ACCEPTED", "不予受理"))
RETENTIONS = ("长期", "永久", "30年", "10年")
# Documents ArchiveService.archive() (re)issues itself when binding: not a gap the archivist must fill.
GENERATED_ON_ARCHIVING = {"registration_form"}


def volume_pdf_available() -> bool:
    """Whether services/archive_volume.py (the volume PDF) is installed in this build."""
    return importlib.util.find_spec("desktop_app.services.archive_volume") is not None


def _build_volume_pdf(services: Any, case_id: int) -> Any:
    volume = getattr(services, "volume", None)
    if volume is None:
        from desktop_app.services.archive_volume import VolumeService
        volume = VolumeService(services.ctx, services.actor, services)
    return volume.build(case_id)


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.setAlternatingRowColors(True)
    return table


def _fill(table: QTableWidget, rows: list[tuple[Any, ...]], data: list[Any] | None = None) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            text = value.isoformat() if isinstance(value, dt.date) else ("" if value is None else str(value))
            item = QTableWidgetItem(text)
            if data is not None:
                item.setData(CASE_ID_ROLE, data[r])
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


class ArchivePane(Pane):
    case_loaded = Signal(int)  # case id whose checklist is shown
    archived = Signal(str)  # archive number
    search_done = Signal(int)  # number of hits
    lending_changed = Signal()
    volume_pdf_saved = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("archive_pane")
        self.case_id: int | None = None
        self.check: Any = None
        self.volume: dict[str, Any] | None = None
        self._searched = False
        layout = QVBoxLayout(self)
        self.title_label = QLabel(self.title(), self)
        self.title_label.setObjectName("paneTitle")
        layout.addWidget(self.title_label)

        open_row = QHBoxLayout()
        self.case_no = QLineEdit(self)
        self.case_no.setObjectName("caseNoInput")
        self.case_no.setPlaceholderText(self.tr("输入或扫描案号，回车打开"))
        self.open_button = QPushButton(self.tr("打开案件"), self)
        self.open_button.setObjectName("openCase")
        self.message = QLabel("", self)
        self.message.setObjectName("archiveMessage")
        self.message.setWordWrap(True)
        open_row.addWidget(QLabel(self.tr("案号："), self))
        open_row.addWidget(self.case_no, 2)
        open_row.addWidget(self.open_button)
        open_row.addWidget(self.message, 3)
        layout.addLayout(open_row)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        layout.addWidget(splitter, 1)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)

        check_box = QGroupBox(self.tr("归档材料清单（第十九条）"), left)
        check_layout = QVBoxLayout(check_box)
        self.case_header = QLabel(self.tr("尚未选择案件"), check_box)
        self.case_header.setObjectName("caseHeader")
        self.checklist = _table(check_box, "checklistTable", [self.tr("材料"), self.tr("要求"), self.tr("状态"),
                                                              self.tr("说明")])
        self.missing_label = QLabel("", check_box)
        self.missing_label.setObjectName("missingLabel")
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet("color: #861b11;")
        bind_row = QHBoxLayout()
        self.retention = QComboBox(check_box)
        self.retention.setObjectName("retention")
        self.retention.addItems(list(RETENTIONS))
        self.archive_button = QPushButton(self.tr("立卷归档"), check_box)
        self.archive_button.setObjectName("archiveButton")
        self.archive_button.setEnabled(False)
        bind_row.addWidget(QLabel(self.tr("保管期限："), check_box))
        bind_row.addWidget(self.retention)
        bind_row.addStretch(1)
        bind_row.addWidget(self.archive_button)
        for w in (self.case_header, self.checklist, self.missing_label):
            check_layout.addWidget(w)
        check_layout.addLayout(bind_row)
        left_layout.addWidget(check_box, 3)

        vol_box = QGroupBox(self.tr("案卷与卷内目录"), left)
        vol_layout = QVBoxLayout(vol_box)
        self.volume_info = QLabel(self.tr("未归档"), vol_box)
        self.volume_info.setObjectName("volumeInfo")
        self.toc = _table(vol_box, "tocTable", [self.tr("序号"), self.tr("文件材料"), self.tr("文号"),
                                                 self.tr("日期"), self.tr("页号"), self.tr("备注")])
        pdf_row = QHBoxLayout()
        self.pdf_button = QPushButton(self.tr("生成案卷PDF（预览/打印）…"), vol_box)
        self.pdf_button.setObjectName("volumePdfButton")
        self.pdf_button.setEnabled(False)
        if not volume_pdf_available():
            self.pdf_button.setToolTip(self.tr("本版本尚未包含案卷PDF功能"))
        pdf_row.addStretch(1)
        pdf_row.addWidget(self.pdf_button)
        vol_layout.addWidget(self.volume_info)
        vol_layout.addWidget(self.toc, 1)
        vol_layout.addLayout(pdf_row)
        left_layout.addWidget(vol_box, 2)

        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        search_box = QGroupBox(self.tr("档案检索"), right)
        search_layout = QVBoxLayout(search_box)
        form = QHBoxLayout()
        self.search_text = QLineEdit(search_box)
        self.search_text.setObjectName("archiveSearchText")
        self.search_text.setPlaceholderText(self.tr("案号/档号、姓名、身份证号、被投诉人、投诉内容"))
        self.search_year = QSpinBox(search_box)
        self.search_year.setObjectName("archiveSearchYear")
        self.search_year.setRange(0, 2100)
        self.search_year.setSpecialValueText(self.tr("全部年度"))
        self.search_ground = QLineEdit(search_box)
        self.search_ground.setObjectName("archiveSearchGround")
        self.search_ground.setPlaceholderText(self.tr("事项代码 M1…"))
        self.search_ground.setMaximumWidth(110)
        self.search_outcome = QComboBox(search_box)
        self.search_outcome.setObjectName("archiveSearchOutcome")
        for code, label in OUTCOME_FILTERS:
            self.search_outcome.addItem(self.tr(label), code)
        self.archived_only = QCheckBox(self.tr("仅已归档"), search_box)
        self.archived_only.setObjectName("archivedOnly")
        self.archived_only.setChecked(True)
        self.search_button = QPushButton(self.tr("检索"), search_box)
        self.search_button.setObjectName("archiveSearchButton")
        for w in (self.search_text, self.search_year, self.search_ground, self.search_outcome,
                  self.archived_only, self.search_button):
            form.addWidget(w)
        form.setStretch(0, 1)
        self.results = _table(search_box, "archiveResults", [self.tr("档号"), self.tr("案号"), self.tr("收到日期"),
                                                             self.tr("投诉人"), self.tr("被投诉人"), self.tr("事项"),
                                                             self.tr("结果"), self.tr("借出")])
        self.results_label = QLabel("", search_box)
        self.results_label.setObjectName("resultsLabel")
        search_layout.addLayout(form)
        search_layout.addWidget(self.results, 1)
        search_layout.addWidget(self.results_label)
        right_layout.addWidget(search_box, 3)

        lend_box = QGroupBox(self.tr("借阅登记"), right)
        lend_layout = QVBoxLayout(lend_box)
        self.lendings_table = _table(lend_box, "lendingTable", [self.tr("档号"), self.tr("借阅人"), self.tr("用途"),
                                                                self.tr("借出日期"), self.tr("应还日期"),
                                                                self.tr("归还日期")])
        lend_form = QFormLayout()
        self.borrower = QLineEdit(lend_box)
        self.borrower.setObjectName("borrower")
        self.purpose = QLineEdit(lend_box)
        self.purpose.setObjectName("purpose")
        self.due_on = QDateEdit(lend_box)
        self.due_on.setObjectName("dueOn")
        self.due_on.setCalendarPopup(True)
        self.due_on.setDisplayFormat("yyyy-MM-dd")
        today = ctx.clock.today() + dt.timedelta(days=14)
        self.due_on.setDate(QDate(today.year, today.month, today.day))
        lend_form.addRow(self.tr("借阅人："), self.borrower)
        lend_form.addRow(self.tr("用途："), self.purpose)
        lend_form.addRow(self.tr("应还日期："), self.due_on)
        lend_buttons = QHBoxLayout()
        self.lend_button = QPushButton(self.tr("登记借出"), lend_box)
        self.lend_button.setObjectName("lendButton")
        self.return_button = QPushButton(self.tr("登记归还（选中的记录）"), lend_box)
        self.return_button.setObjectName("returnButton")
        lend_buttons.addStretch(1)
        lend_buttons.addWidget(self.lend_button)
        lend_buttons.addWidget(self.return_button)
        lend_layout.addWidget(self.lendings_table, 1)
        lend_layout.addLayout(lend_form)
        lend_layout.addLayout(lend_buttons)
        right_layout.addWidget(lend_box, 2)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        self._lending_ids: list[int] = []
        self._complete = False
        self._set_case_actions()

        self.open_button.clicked.connect(self.open_case_no)
        self.case_no.returnPressed.connect(self.open_case_no)
        self.archive_button.clicked.connect(self.archive_case)
        self.pdf_button.clicked.connect(self._choose_pdf_file)
        self.search_button.clicked.connect(self.search)
        self.search_text.returnPressed.connect(self.search)
        self.results.cellDoubleClicked.connect(self._open_result)
        self.lend_button.clicked.connect(self.lend)
        self.return_button.clicked.connect(self.return_selected)

    def title(self) -> str:
        return self.tr("归档")

    def activated(self) -> None:
        if not self._searched:
            self.search()

    def focus_search(self) -> bool:
        self.search_text.setFocus()
        self.search_text.selectAll()
        return True

    def _failed(self, failure: TaskFailure) -> None:
        self.message.setText(failure.message)
        self.message.setStyleSheet("color: #861b11;")

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #1f4e79;")

    # -- the selected case ------------------------------------------------------
    def open_case_no(self) -> TaskHandle[Any] | None:
        case_no = self.case_no.text().strip()
        if not case_no:
            self._failed(TaskFailure(self.tr("请输入案号。"), ValueError()))
            return None
        registration = self.ctx.services.registration
        return self.ctx.tasks.read(lambda _c: registration.find_case(case_no).id, on_done=self.open_case,
                                   on_error=self._failed, key=f"archive-find:{id(self)}")

    def open_case(self, case_id: int) -> TaskHandle[Any]:
        """Show the checklist, volume and lending log of a case (also called by the main window)."""
        services = self.ctx.services

        def load(_c: Any) -> tuple[Any, Any, Any]:
            check = services.archive.check(case_id)
            try:
                volume = services.archive.volume(case_id)
            except Exception:  # noqa: BLE001 - NotFound: not archived yet
                volume = None
            return check, volume, services.archive_search.lendings(case_id)

        return self.ctx.tasks.read(load, on_done=lambda r: self._show_case(case_id, *r), on_error=self._failed,
                                   key=f"archive-case:{id(self)}")

    def _show_case(self, case_id: int, check: Any, volume: dict[str, Any] | None, lendings: list[Any]) -> None:
        self.case_id, self.check, self.volume = case_id, check, volume
        self.case_no.setText(check.case_no)
        kind = {"accepted": "受理案件", "not_accepted": "不予受理案件", "withdrawn": "撤回案件"}.get(
            check.outcome_kind, check.outcome_kind)
        self.case_header.setText(self.tr("{0}（{1}）").format(check.case_no, kind))
        gaps = [x for x in check.missing if x.document not in GENERATED_ON_ARCHIVING]
        self._complete = not gaps

        def state(line: Any) -> tuple[str, str]:
            if line.present:
                return "✔ 齐全", line.detail
            if line.required and line.document in GENERATED_ON_ARCHIVING:
                return "归档时生成", "立卷时自动生成最新版本"
            return ("✘ 缺少" if line.required else "—"), line.detail

        _fill(self.checklist, [(line.title, "必需" if line.required else "如有", *state(line))
                               for line in check.lines])
        for r, line in enumerate(check.lines):
            if line in gaps:
                for c in range(self.checklist.columnCount()):
                    self.checklist.item(r, c).setForeground(QColor("#861b11"))
        if volume is not None:
            self.missing_label.setText("")
        elif not gaps:
            self.missing_label.setText(self.tr("材料齐全，可以归档。"))
            self.missing_label.setStyleSheet("color: #1b5e20;")
        else:
            self.missing_label.setText(self.tr("不能归档，缺少：") + "；".join(x.detail for x in gaps))
            self.missing_label.setStyleSheet("color: #861b11;")
        self._show_volume(volume)
        self._show_lendings(lendings)
        self._set_case_actions()
        self.case_loaded.emit(case_id)

    def _show_volume(self, volume: dict[str, Any] | None) -> None:
        if volume is None:
            self.volume_info.setText(self.tr("尚未归档"))
            _fill(self.toc, [])
            return
        self.volume_info.setText(self.tr("档号 {0}，{1}年度，保管期限{2}，{3}归档，共{4}页。{5}").format(
            volume["archive_no"], volume["year"], volume["retention"], volume["archived_on"].isoformat(),
            volume["page_count"], volume["remarks"]))
        _fill(self.toc, [(i["seq"], i["title"], i["doc_no"], i["doc_date"],
                          f"{i['page_from']}-{i['page_to']}" if i["page_to"] > i["page_from"] else i["page_from"],
                          "补充归档" if i["appended"] else "") for i in volume["items"]])

    def _show_lendings(self, lendings: list[Any]) -> None:
        self._lending_ids = [x.id for x in lendings]
        _fill(self.lendings_table, [(x.archive_no, x.borrower, x.purpose, x.lent_on, x.due_on,
                                     x.returned_on or ("逾期未还" if x.overdue else "未还")) for x in lendings])

    def _set_case_actions(self) -> None:
        archived = self.volume is not None
        self.archive_button.setEnabled(bool(self.check is not None and self._complete and not archived))
        self.pdf_button.setEnabled(archived and volume_pdf_available())
        self.lend_button.setEnabled(archived)
        self.return_button.setEnabled(archived and bool(self._lending_ids))

    # -- actions ------------------------------------------------------------------
    def archive_case(self) -> TaskHandle[Any] | None:
        if self.case_id is None:
            return None
        case_id, retention = self.case_id, self.retention.currentText()
        archive = self.ctx.services.archive
        self.archive_button.setEnabled(False)

        def done(archive_no: str) -> None:
            self._say(self.tr("已归档，档号 {0}。").format(archive_no))
            self.archived.emit(archive_no)
            self.open_case(case_id)
            self.search()

        return self.ctx.tasks.write(lambda _c: archive.archive(case_id, retention=retention), on_done=done,
                                    on_error=self._archive_failed)

    def _archive_failed(self, failure: TaskFailure) -> None:
        self._failed(failure)
        self._set_case_actions()

    def _choose_pdf_file(self) -> None:
        if self.volume is None:
            return
        name = self.volume["archive_no"].replace("〔", "(").replace("〕", ")")
        dialog = QFileDialog(self, self.tr("保存案卷PDF"), str(Path.home() / f"{name}.pdf"), "PDF (*.pdf)")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(lambda path: self.save_volume_pdf(Path(path), open_after=True))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def save_volume_pdf(self, path: Path, *, open_after: bool = False) -> TaskHandle[Any] | None:
        """Build the whole volume as one PDF off the GUI thread; optionally open it for preview/print."""
        if self.case_id is None or not volume_pdf_available():
            return None
        case_id, services = self.case_id, self.ctx.services

        def work(_c: Any) -> str:
            result = _build_volume_pdf(services, case_id)
            path.write_bytes(result.pdf)
            return str(path)

        def done(saved: str) -> None:
            self._say(self.tr("案卷PDF已保存：{0}").format(saved))
            self.volume_pdf_saved.emit(saved)
            if open_after:
                QDesktopServices.openUrl(QUrl.fromLocalFile(saved))

        return self.ctx.tasks.read(work, on_done=done, on_error=self._failed)

    def search(self) -> TaskHandle[Any]:
        from desktop_app.services.archive_search import COUNT_CAP, ArchiveQuery  # plain data, no database

        query = ArchiveQuery(text=self.search_text.text().strip(), year=self.search_year.value() or None,
                             ground_code=self.search_ground.text().strip().upper(),
                             outcome=self.search_outcome.currentData() or "",
                             archived_only=self.archived_only.isChecked())
        search = self.ctx.services.archive_search
        self._searched = True
        # The count stops at COUNT_CAP ("超过 1000 件"): all a user needs to know to narrow the search.
        return self.ctx.tasks.read(lambda _c: (search.search(query, limit=200), search.count(query, cap=COUNT_CAP)),
                                   on_done=self._show_results, on_error=self._failed,
                                   key=f"archive-search:{id(self)}")

    def _show_results(self, result: tuple[list[Any], int]) -> None:
        hits, total = result
        _fill(self.results, [(h.archive_no or "（未归档）", h.case_no, h.received_date, h.complainant, h.respondent,
                              h.ground_code, h.outcome, h.on_loan_to) for h in hits], [h.case_id for h in hits])
        from desktop_app.services.archive_search import COUNT_CAP as cap  # a constant, no database
        counted = self.tr("超过 {0} 件").format(cap) if total > cap else self.tr("共 {0} 件").format(total)
        self.results_label.setText(counted + (self.tr("，显示前 {0} 件").format(len(hits)) if total > len(hits) else ""))
        self.search_done.emit(total)

    def _open_result(self, row: int, _col: int) -> None:
        item = self.results.item(row, 0)
        if item is not None:
            self.open_case(int(item.data(CASE_ID_ROLE)))

    def lend(self) -> TaskHandle[Any] | None:
        if self.case_id is None:
            return None
        case_id, borrower, purpose = self.case_id, self.borrower.text().strip(), self.purpose.text().strip()
        due = self.due_on.date().toPython()
        today = self.ctx.clock.today()
        archive = self.ctx.services.archive

        def done(_id: int) -> None:
            self._say(self.tr("已登记借出：{0}").format(borrower))
            self.borrower.clear()
            self.purpose.clear()
            self.lending_changed.emit()
            self.open_case(case_id)

        return self.ctx.tasks.write(lambda _c: archive.add_lending(case_id, borrower, purpose, today, due),
                                    on_done=done, on_error=self._failed)

    def return_selected(self) -> TaskHandle[Any] | None:
        rows = self.lendings_table.selectionModel().selectedRows()
        row = rows[0].row() if rows else 0
        if self.case_id is None or not self._lending_ids:
            return None
        lending_id, case_id, today = self._lending_ids[row], self.case_id, self.ctx.clock.today()
        archive = self.ctx.services.archive

        def done(_r: None) -> None:
            self._say(self.tr("已登记归还。"))
            self.lending_changed.emit()
            self.open_case(case_id)

        return self.ctx.tasks.write(lambda _c: archive.return_lending(lending_id, today), on_done=done,
                                    on_error=self._failed)

    def privacy_changed(self, hidden: bool) -> None:
        if hidden:
            self.results.setRowCount(0)
