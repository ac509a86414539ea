"""备份与恢复 (administrator): list backups, back up now, restore a chosen file (verified first)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.tasks import TaskFailure


class BackupDialog(QDialog):
    def __init__(self, ctx: Any, backup_service: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.backup = backup_service
        self.restored_from: Path | None = None
        self.setObjectName("backupDialog")
        self.setWindowTitle(self.tr("备份与恢复"))
        self.resize(640, 420)
        self.list = QListWidget()
        self.list.setObjectName("backupList")
        self.status = QLabel()
        self.status.setObjectName("backupStatus")
        self.status.setWordWrap(True)
        self.create_button = QPushButton(self.tr("立即备份"))
        self.create_button.setObjectName("backupCreate")
        self.restore_button = QPushButton(self.tr("从所选备份恢复…"))
        self.restore_button.setObjectName("backupRestore")
        self.file_button = QPushButton(self.tr("从文件恢复…"))
        close = QPushButton(self.tr("关闭"))
        self.create_button.clicked.connect(self.create_backup)
        self.restore_button.clicked.connect(lambda: self._confirm_restore(self.selected_path()))
        self.file_button.clicked.connect(self._choose_file)
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        for b in (self.create_button, self.restore_button, self.file_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("备份保存在：{0}").format(getattr(backup_service, "directory", ""))))
        lay.addWidget(self.list)
        lay.addWidget(self.status)
        lay.addLayout(row)
        self.reload()

    def reload(self) -> Any:
        return self.ctx.tasks.read(lambda _: self.backup.list(), on_done=self._show, on_error=self._fail)

    def _show(self, backups: list[Any]) -> None:
        self.list.clear()
        for b in backups:
            item = QListWidgetItem(b.label)
            item.setData(256, str(b.path))
            self.list.addItem(item)
        if backups:
            self.list.setCurrentRow(0)
        self.restore_button.setEnabled(bool(backups))

    def selected_path(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(256)) if item else None

    def _fail(self, failure: TaskFailure) -> None:
        self.status.setText(failure.message)
        self.setEnabled(True)

    def create_backup(self) -> Any:
        self.status.setText(self.tr("正在备份……"))
        return self.ctx.tasks.write(lambda _: self.backup.create(), on_done=self._created, on_error=self._fail)

    def _created(self, info: Any) -> None:
        self.status.setText(self.tr("已备份到 {0}").format(info.path))
        self.reload()

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("选择备份文件"), "", self.tr("数据库备份 (*.db);;所有文件 (*)"))
        if name:
            self._confirm_restore(Path(name))

    def _confirm_restore(self, path: Path | None) -> None:
        if path is None:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("从备份恢复"), self.tr(
            "将用备份 {0} 替换当前数据库。\n恢复前会先校验备份；当前数据库另存为 *.before-restore。\n"
            "恢复后程序需要重新启动。确定恢复吗？").format(path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("restoreConfirm")
        box.accepted.connect(lambda: self.restore(path))
        box.buttonClicked.connect(lambda b: self.restore(path) if box.standardButton(b) ==
                                  QMessageBox.StandardButton.Yes else None)
        box.open()

    def restore(self, path: Path) -> Any:
        self.status.setText(self.tr("正在校验并恢复……"))
        self.setEnabled(False)
        return self.ctx.tasks.write(lambda _: self.backup.restore(path), on_done=lambda before: self._restored(
            path, before), on_error=self._fail)

    def _restored(self, path: Path, before: Path) -> None:
        self.setEnabled(True)
        self.restored_from = path
        self.status.setText(self.tr("已从 {0} 恢复。原数据库保存在 {1}。请重新启动程序。").format(path.name, before))
