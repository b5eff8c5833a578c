"""An enforcement officer works their cases in the browser, in Vietnamese."""
from conftest import login, open_action, shot, wait_text


def test_officer_sees_the_thads_app_in_vietnamese(page):
    login(page, 'chv.hn1')
    open_action(page, 'thads_case.thads_case_action_my')
    app = page.locator('#oe_main_menu_navbar a[data-menu-xmlid="thads_accounts.thads_root_menu"]')
    assert app.inner_text().strip() == 'Thi hành án dân sự'
    wait_text(page, '.o_control_panel .breadcrumb', 'Hồ sơ của tôi')


def test_officer_cases_kanban_and_a_transition(page):
    login(page, 'chv.hn1')
    open_action(page, 'thads_case.thads_case_action_my')
    page.wait_for_selector('.o_kanban_view .o_kanban_record')
    wait_text(page, '.o_kanban_header', 'Đã ra quyết định')
    shot(page, 'cases_kanban')
    # open a case whose decision is issued and notify it through the wizard
    column = page.locator('.o_kanban_group:has(.o_kanban_header:has-text("Đã ra quyết định"))')
    column.locator('.o_kanban_record').first.click()
    page.wait_for_selector('.o_form_view .o_statusbar_status')
    number = page.inner_text('.oe_title h1')
    page.click('button:has-text("Thông báo quyết định")')
    page.wait_for_selector('.modal .o_form_view')
    page.fill('.modal input[name=document_number]', '99/TB-THADS')
    shot(page, 'case_event_wizard')
    page.click('.modal button:has-text("Ghi nhận")')
    page.wait_for_selector('.modal', state='detached')
    wait_text(page, '.o_statusbar_status .btn-primary', 'Tự nguyện thi hành')
    assert page.inner_text('.oe_title h1') == number
    shot(page, 'case_form')
