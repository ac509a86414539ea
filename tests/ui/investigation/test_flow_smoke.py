from __future__ import annotations

from tests.ui.investigation.scenario import accepted_case


def test_open_case_shows_clock(driver, staff) -> None:
    case_id = accepted_case(staff)
    driver.sign_in("head")
    driver.open(case_id)
    assert "办理期限" in driver.pane.banner.clock_label.text()
    driver.qtbot.waitUntil(lambda: driver.pane.team.people.count() >= 3, timeout=5000)
    driver.pane.team.check([staff.ids["inv1"], staff.ids["inv2"]])
    ov = driver.ok(driver.pane.team.assign_button.click)
    assert ov.state == "INVESTIGATING"
