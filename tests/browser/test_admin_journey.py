"""An office administrator creates an account with a role and cannot
grant a national group, in Vietnamese."""
import time

from conftest import create_record, login, open_action, pick, save_record, shot, wait_text


def add_role(page, role):
    page.click('.o_notebook a[role=tab]:has-text("Vai trò")')
    page.click('.o_field_widget[name=role_line_ids] .o_field_x2many_list_row_add a')
    pick(page, 'role_id', role)


def test_office_admin_creates_an_account_and_cannot_grant_national_groups(page):
    login(page, 'quantri.hn')
    open_action(page, 'thads_accounts.res_users_action')
    create_record(page)
    page.fill('.o_field_widget[name=name]', 'Nguyễn Văn Mới')
    page.fill('.o_field_widget[name=login]', 'chv.hn.moi.%d' % time.time())  # the test can run again
    pick(page, 'thads_office_id', 'khu vực 1 - Hà Nội')
    page.select_option('select.o_field_widget[name=thads_job_title]', label='Chấp hành viên sơ cấp')
    add_role(page, 'THADS: Chấp hành viên')
    save_record(page)
    wait_text(page, '.o_field_widget[name=role_line_ids]', 'THADS: Chấp hành viên')
    shot(page, 'admin_user_created')

    # a national role: refused with the reason, nothing saved
    page.click('.o_form_button_edit')
    page.wait_for_selector('.o_form_view.o_form_editable')
    add_role(page, 'THADS: Quản trị viên toàn quốc')
    page.click('.o_form_button_save')
    wait_text(page, '.modal', 'chỉ được gán các vai trò không có quyền cấp quốc gia')
    # the refusal's dialog is titled in Vietnamese, not "Odoo Server Error" (issue 18)
    title = page.inner_text('.modal .modal-title')
    assert 'Thông báo của hệ thống' in title and 'Odoo' not in title, title
    shot(page, 'admin_national_refused')
    page.click('.modal-footer .btn-primary')
    page.click('.o_form_button_cancel')
    page.click('.modal-footer .btn-primary')  # discard the change
    page.wait_for_selector('.o_form_view.o_form_readonly')
    assert 'toàn quốc' not in page.inner_text('.o_field_widget[name=role_line_ids]')
