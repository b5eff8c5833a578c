"""A complaint received at the desk by the leader of Hà Nội region 1,
accepted, decided (upheld, the enforcement decision revoked), and the case
shows the revocation (Vietnamese UI)."""
import datetime
import re

from conftest import click_button, login, open_action, save_record, shot, wait_text

# a demo case of the leader's office that a revocation can reach, read with the leader's session
REVOCABLE = """async () => {
    const response = await fetch('/web/dataset/call_kw/thads.case/search_read', {
        method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({jsonrpc: '2.0', method: 'call', params: {
            model: 'thads.case', method: 'search_read',
            args: [[['state', 'in', ['new', 'voluntary', 'verification', 'enforcing']]], ['name']],
            kwargs: {limit: 1, order: 'id'}}})});
    return (await response.json()).result;
}"""


def test_complaint_received_accepted_decided_revokes_the_case(page):
    login(page, 'lanhdao.hn1')
    cases = page.evaluate(REVOCABLE)
    assert cases, 'a demo case to revoke'
    case_name = cases[0]['name']
    open_action(page, 'thads_support.thads_complaint_action')
    page.click('.o_cp_buttons button:has-text("Tạo")')
    page.wait_for_selector('.o_form_view.o_form_editable')
    page.fill('.o_field_widget[name=applicant_name]', 'Nguyễn Văn Khiếu Nại')
    page.fill('.o_field_widget[name=applicant_email]', 'khieunai.trinhduyet@example.com')
    known = (datetime.date.today() - datetime.timedelta(days=2)).strftime('%d/%m/%Y')
    page.fill('.o_field_widget[name=date_known] input', known)
    page.keyboard.press('Escape')
    # the case by its exact name (another number may contain it)
    field_input = page.locator('.o_form_view .o_field_many2one[name=case_id] input').first
    field_input.click()
    field_input.type(case_name, delay=20)
    page.locator('.ui-autocomplete:visible li').filter(
        has_text=re.compile(r'^\s*%s\s*$' % re.escape(case_name))).first.click()
    page.fill('.o_field_widget[name=content]', 'Khiếu nại quyết định thi hành án ban hành không đúng thẩm quyền.')
    shot(page, 'complaint_new')
    save_record(page)
    wait_text(page, '.o_statusbar_status .btn-primary', 'Đã tiếp nhận')
    click_button(page, 'Thụ lý')
    wait_text(page, '.o_statusbar_status .btn-primary', 'Đã thụ lý')
    page.click('.o_form_button_edit')
    page.wait_for_selector('.o_form_view.o_form_editable')
    page.click('.o_notebook a:has-text("Quyết định giải quyết")')
    page.select_option('select.o_field_widget[name=proposed_outcome]', label='Đúng')
    page.fill('.o_field_widget[name=decision_number]', '09/QĐ-GQKN')
    page.select_option('select.o_field_widget[name=effect]', label='Thu hồi quyết định thi hành án')
    save_record(page)
    click_button(page, 'Ra quyết định')
    wait_text(page, '.o_statusbar_status .btn-primary', 'Đã giải quyết')
    shot(page, 'complaint_decided')
    # the effect on the case: its state follows the revocation event
    page.click('.o_form_view a.o_form_uri[name=case_id]')
    wait_text(page, '.o_form_view .o_statusbar_status .btn-primary', 'Đã thu hồi')
    wait_text(page, '.o_form_view', '09/QĐ-GQKN')
    shot(page, 'complaint_case_revoked')
