"""A leader migrates a legacy book in the browser (issue 17): a file above
the bulk limit goes the bulk path, its reading and its parts run as queue
jobs of the server (the job runner of the tested server, no test shortcut),
and the form shows the progress, then the counts and the rejected row.

The events are dated in November 2026, after every period the demo and the
statistics journey close, so that this import changes none of their figures."""
import os
import tempfile
import time

from playwright.sync_api import expect

from conftest import click_button, create_record, login, open_action, save_record, shot, wait_text

HEADER = ('key,office,kind,court,judgment_number,judgment_date,decision_number,decision_date,executor,'
          'creditor_name,creditor_id,debtor_name,debtor_id,obligation,amount_due,event,event_date,document,'
          'ground,amount')
CASES = 2100  # above thads_case.import_bulk_limit (2 000): the bulk path


def legacy_file():
    prefix = 'BR%d' % int(time.time())
    lines = [HEADER]
    for number in range(1, CASES + 1):
        lines.append('%s-%d,HN-KV01,theo_yeu_cau,TAND khu vực 1,%d/2026/DS-ST,01/10/2026,%d/QĐ-THADS,05/11/2026,'
                     'chv.hn1,Trần Có,079185000456,Lê Văn Nợ %d,0791900%05d,Trả nợ,50.000.000,notify,06/11/2026,'
                     'TB-%d,,' % (prefix, number, number, number, number, number, number))
        lines.append('%s-%d,,,,,,,,,,,,,,,collect,10/11/2026,PT-%d,,20.000.000' % (prefix, number, number))
    # one row refused: an office that does not exist
    lines.append('%s-X,XX-9,theo_yeu_cau,TAND,1/2026,01/10/2026,1/QĐ,05/11/2026,chv.hn1,,,Lê Nợ,079190099999,'
                 'Trả nợ,100,,,,,' % prefix)
    path = os.path.join(tempfile.mkdtemp(), 'so_thu_ly_cu.csv')
    with open(path, 'w', encoding='utf-8') as handle:
        handle.write('\n'.join(lines) + '\n')
    return path


def number(page, field):
    text = page.inner_text('.o_form_view .o_field_widget[name=%s]' % field).strip()
    return int(text.replace('.', '').replace(',', '') or 0)


def test_leader_imports_a_legacy_book_on_the_bulk_path(page):
    login(page, 'lanhdao.hn1')
    open_action(page, 'thads_case.thads_case_import_action')
    wait_text(page, '.o_control_panel .breadcrumb', 'Nhập dữ liệu cũ')
    create_record(page)
    page.set_input_files('.o_form_view .o_field_widget[name=file] input[type=file]', legacy_file())
    # the file's name shows in the field once it is uploaded
    expect(page.locator('.o_form_view .o_field_binary_file input.o_input')).to_have_value('so_thu_ly_cu.csv')
    save_record(page)
    click_button(page, 'Nhập')
    page.wait_for_selector('.o_statusbar_status .btn-primary:has-text("Đang chạy"), '
                           '.o_statusbar_status .btn-primary:has-text("Hoàn thành")')
    # the server's job runner reads the file, then runs the parts; the
    # officer reloads the form to follow the progress
    deadline = time.time() + 240
    while time.time() < deadline:
        page.reload()
        page.wait_for_selector('.o_form_view .o_statusbar_status')
        if 'Hoàn thành' in page.inner_text('.o_statusbar_status .btn-primary'):
            break
        time.sleep(2)
    wait_text(page, '.o_statusbar_status .btn-primary', 'Hoàn thành')
    assert number(page, 'case_total') == CASES + 1
    assert number(page, 'created_count') == CASES
    assert number(page, 'error_count') == 1
    wait_text(page, '.o_form_view .o_field_widget[name=error_ids]', 'XX-9')
    assert '100' in page.inner_text('.o_form_view .o_field_widget[name=progress]')
    shot(page, 'legacy_import_done')
