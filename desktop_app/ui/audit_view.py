"""审计记录 of one case: who, when, what (before → after), in Chinese."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from desktop_app.ui.tasks import TaskFailure


class AuditView(QDialog):
    def __init__(self, ctx: Any, case_id: int, case_no: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id = case_id
        self.setObjectName("auditView")
        self.setWindowTitle(self.tr("审计记录 {0}").format(case_no))
        self.resize(900, 560)
        self.status = QLabel(self.tr("正在读取……"))
        self.status.setObjectName("auditStatus")
        self.tree = QTreeWidget()
        self.tree.setObjectName("auditTree")
        self.tree.setHeaderLabels([self.tr("时间"), self.tr("操作人"), self.tr("操作"), self.tr("内容"),
                                   self.tr("修改前"), self.tr("修改后")])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.status)
        lay.addWidget(self.tree)
        lay.addWidget(buttons)
        self.reload()

    def reload(self) -> Any:
        audit = self.ctx.services.audit
        # events_for_case records that the history was viewed: the write lane.
        return self.ctx.tasks.write(lambda _: audit.events_for_case(self.case_id), on_done=self._show,
                                    on_error=self._fail)

    def _show(self, entries: list[Any]) -> None:
        self.tree.clear()
        for e in entries:
            item = QTreeWidgetItem([f"{e.at:%Y-%m-%d %H:%M:%S}", e.user_name, e.action_label, e.summary, "", ""])
            for field, before, after in e.changes():
                QTreeWidgetItem(item, ["", "", "", field, before, after])
            self.tree.addTopLevelItem(item)
        self.tree.expandAll()
        for col in range(4):
            self.tree.resizeColumnToContents(col)
        self.status.setText(self.tr("共 {0} 条记录").format(len(entries)))

    def _fail(self, failure: TaskFailure) -> None:
        self.status.setText(failure.message)
