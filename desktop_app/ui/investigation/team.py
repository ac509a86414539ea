"""调查组 (T7): at least two investigators, none from the unit complained about (回避)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from desktop_app.domain.enums import CaseState, Role
from desktop_app.services.investigation_extra import CaseInvestigation

from .common import Section


class TeamSection(Section):
    def __init__(self, host, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(host, parent)
        layout = QVBoxLayout(self)
        self.current = QLabel(self)
        self.current.setObjectName("teamCurrent")
        self.current.setWordWrap(True)
        layout.addWidget(self.current)
        hint = QLabel(QCoreApplication.translate("TeamSection", "调查须由两名以上工作人员进行（第十二条）；被投诉单位的人员应当回避。"
                                      "勾选调查人员后按“指派调查组”。"), self)
        hint.setWordWrap(True)
        hint.setObjectName("paneHint")
        layout.addWidget(hint)
        self.people = QListWidget(self)
        self.people.setObjectName("teamPeople")
        layout.addWidget(self.people, 1)
        self.assign_button = QPushButton(QCoreApplication.translate("TeamSection", "指派调查组(&A)"), self)
        self.assign_button.setObjectName("assignTeam")
        self.assign_button.clicked.connect(self.assign)
        layout.addWidget(self.assign_button)
        layout.addWidget(self.message)

    def set_people(self, people: list) -> None:  # list[UserInfo]
        checked = set(self.checked_ids())
        self.people.clear()
        for u in people:
            item = QListWidgetItem(f"{u.full_name}（{u.unit_name}）", self.people)
            item.setData(Qt.ItemDataRole.UserRole, u.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if u.id in checked else Qt.CheckState.Unchecked)

    def check(self, user_ids: list[int]) -> None:
        for i in range(self.people.count()):
            item = self.people.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in user_ids
                               else Qt.CheckState.Unchecked)

    def checked_ids(self) -> list[int]:
        return [self.people.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.people.count())
                if self.people.item(i).checkState() == Qt.CheckState.Checked]

    def update_case(self, ov: CaseInvestigation) -> None:
        super().update_case(ov)
        names = "、".join(f"{p.name}（{p.unit}）" for p in ov.team)
        self.current.setText(QCoreApplication.translate("TeamSection", "当前调查组：{0}").format(names) if names
                             else QCoreApplication.translate("TeamSection", "尚未指派调查组。"))
        self.assign_button.setEnabled(ov.state == CaseState.ACCEPTED)
        if ov.team and not self.checked_ids():
            self.check([p.id for p in ov.team])

    def assign(self) -> None:
        ids = self.checked_ids()
        if len(ids) < 2:
            # Refused here already: the statute needs two or more (the service says the same).
            self.message.show_error(QCoreApplication.translate("TeamSection", "调查须由两名以上工作人员进行（第十二条），当前只选了{0}人。")
                                    .format(len(ids)))
            return
        case_id = self.case_id()
        self.write(lambda s: s.investigation.start_investigation(case_id, ids),
                   done=QCoreApplication.translate("TeamSection", "已指派调查组，案件进入调查。"))


def investigators_of(services) -> list:  # type: ignore[no-untyped-def]
    return services.admin.users_with_role(Role.INVESTIGATOR)
