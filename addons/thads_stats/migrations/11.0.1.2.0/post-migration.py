"""11.0.1.2.0: the new registry fields of the two seeded forms (noupdate
records): official number, legal basis, note, working-model columns."""
from odoo import SUPERUSER_ID, api

BASIS = ('Thông tư 05/2024/TT-BTP ngày 10/06/2024 của Bộ Tư pháp (thay thế Thông tư 06/2019/TT-BTP); '
         'biểu tương ứng Điều 2 điểm %s Thông tư 06/2019/TT-BTP')
NOTE = ('Cùng các cột với phiên bản theo Thông tư 06/2019/TT-BTP cho đến khi phụ lục của Thông tư 05/2024/TT-BTP '
        'được nhập; số hiệu biểu và tiêu đề cột là mô hình làm việc (domain.md §1.3, §6).')


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xml_id, letter in (('thads_stats.form_tk_viec', 'a'), ('thads_stats.form_tk_tien', 'b')):
        form = env.ref(xml_id, raise_if_not_found=False)
        if form and not form.official_number:
            form.write({'official_number': '%s)' % letter, 'legal_basis': BASIS % letter, 'note': NOTE,
                        'row_levels': 'office', 'money_scope': 'all'})
            form.column_ids.write({'working_model': True})
