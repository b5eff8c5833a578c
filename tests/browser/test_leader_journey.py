"""An office leader hands cases over between officers and delegates a case
that another office accepts, in Vietnamese."""
import re

from conftest import click_action_menu, click_button, create_record, login, open_action, pick, save_record, shot, wait_text


def test_leader_hands_a_case_over(page):
    login(page, 'lanhdao.hn1')
    open_action(page, 'thads_case.thads_case_handover_action')
    create_record(page)
    pick(page, 'from_user_id', 'Đỗ Văn Chấp')
    pick(page, 'to_user_id', 'Vũ Thị Hành')
    page.fill('.o_field_widget[name=reason]', 'Chấp hành viên Đỗ Văn Chấp đi học tập trung')
    # add one of the giver's cases from the selection dialog
    page.click('.o_field_x2many_list .o_field_x2many_list_row_add a')
    page.wait_for_selector('.modal .o_list_view .o_data_row')
    page.locator('.modal .o_list_view .o_data_row .o_list_record_selector input').first.check()
    page.click('.modal-footer .btn-primary')
    page.wait_for_selector('.modal', state='detached')
    case_number = page.locator('.o_field_x2many_list .o_data_row td').first.inner_text()
    save_record(page)
    click_button(page, 'Gửi người nhận')
    wait_text(page, '.o_statusbar_status .btn-primary', 'Chờ người nhận')
    # the leader may confirm in the receiver's place
    click_button(page, 'Xác nhận tiếp nhận')
    wait_text(page, '.o_statusbar_status .btn-primary', 'Đã xác nhận')
    shot(page, 'handover_confirmed')
    # the case is now in the receiver's charge
    page.click('.o_field_x2many_list .o_data_row td:has-text("%s")' % case_number)
    page.wait_for_selector('.modal .o_form_view, .o_form_view .oe_title')
    assert 'Vũ Thị Hành' in page.inner_text('.modal .o_form_view') if page.locator('.modal').count() \
        else page.inner_text('.o_form_view')


def test_leader_delegates_a_case_that_another_office_accepts(page):
    login(page, 'lanhdao.hn1')
    open_action(page, 'thads_case.thads_case_action')
    page.click('.o_cp_switch_list')
    page.wait_for_selector('.o_list_view .o_data_row')
    # a case of the leader's office that can be delegated (being enforced, voluntary period, verification)
    state = page.locator('td', has_text=re.compile('^(Đang thi hành|Tự nguyện thi hành|Xác minh)$'))
    page.locator('.o_list_view .o_data_row:has-text("HN-KV01")').filter(has=state).first.click()
    page.wait_for_selector('.o_form_view .oe_title h1')
    number = page.inner_text('.oe_title h1')
    click_action_menu(page, 'Ủy thác')  # a rare act: in the Action menu
    page.wait_for_selector('.modal .o_form_view')
    page.fill('.modal input[name=document_number]', '15/QĐ-UTTHA')
    pick(page, 'target_office_id', 'khu vực 1 - Thành phố Hồ Chí Minh')  # the field is in the wizard
    page.click('.modal-footer button:has-text("Ghi nhận")')
    page.wait_for_selector('.modal', state='detached')
    wait_text(page, '.o_statusbar_status .btn-primary', 'Đã ủy thác')

    # the receiving office's leader accepts it: a new case opens there
    context = page.context.browser.new_context(viewport={'width': 1400, 'height': 900}, locale='vi-VN')
    page = context.new_page()
    login(page, 'lanhdao.hcm1')
    open_action(page, 'thads_case.thads_case_delegation_action')
    row = page.locator('.o_list_view .o_data_row:has-text("%s")' % number).first
    row.click()
    page.wait_for_selector('.o_form_view')
    wait_text(page, '.o_statusbar_status .btn-primary', 'Chờ tiếp nhận')
    click_button(page, 'Tiếp nhận và mở hồ sơ')
    wait_text(page, '.o_statusbar_status .btn-primary', 'Đã tiếp nhận')
    shot(page, 'delegation_accepted')
    new_case = page.locator('.o_form_view .o_field_widget[name=new_case_id]')
    assert new_case.inner_text().strip() and new_case.inner_text().strip() != number
    context.close()
