"""A citizen sends a petition and looks it up; the support officer works the
queue in the kanban and finds the overdue requests (Vietnamese UI)."""
import re

from conftest import URL, login, open_action, shot, wait_text


def test_citizen_submits_and_looks_up(page):
    page.goto(URL + '/ho-tro-truc-tuyen/gui/kien-nghi-phan-anh')
    wait_text(page, 'h1', 'Kiến nghị, phản ánh')
    page.select_option('select[name=office_id]', index=1)
    page.fill('input[name=applicant_name]', 'Ngô Thị Kiến Nghị')
    page.fill('input[name=applicant_id_number]', '001190007777')
    page.fill('input[name=applicant_email]', 'kiennghi@example.com')
    page.fill('textarea[name=content]', 'Đề nghị xem xét việc chậm thi hành án.')
    shot(page, 'public_petition_form')
    page.click('button[type=submit]')
    code = page.inner_text('.o_thads_receipt_code')
    assert re.match(r'^HT-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$', code)
    page.goto(URL + '/ho-tro-truc-tuyen/tra-cuu')
    page.fill('input[name=code]', code)
    page.fill('input[name=id_number]', '001190007777')
    page.click('button[type=submit]')
    wait_text(page, '.o_thads_lookup_result', 'Đã tiếp nhận')
    shot(page, 'public_lookup')


def test_support_officer_works_the_queue(page):
    login(page, 'hotro.hn1')
    open_action(page, 'thads_support.thads_support_request_action_enforcement')
    page.wait_for_selector('.o_kanban_view .o_kanban_record')
    wait_text(page, '.o_kanban_header', 'Bước 1')
    shot(page, 'support_kanban')
    # the overdue filter is a stored field: the overdue demo request is there
    page.click('.o_control_panel .o_searchview_more') if page.is_visible('.o_searchview_more') else None
    page.click('.o_filters_menu_button, button:has-text("Bộ lọc")')
    page.click('.o_filters_menu a:has-text("Quá hạn")')
    page.wait_for_selector('.o_kanban_record:has-text("Quá hạn")')
    page.locator('.o_kanban_record:has-text("Quá hạn")').first.click()
    page.wait_for_selector('.o_form_view .o_statusbar_status')
    wait_text(page, '.o_form_view', 'Thời hạn (ngày làm việc)')
    shot(page, 'support_request_form')
