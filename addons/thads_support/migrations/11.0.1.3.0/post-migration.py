"""11.0.1.3.0: the shipped complaint limit rows are `noupdate`; give them the
legal basis, pause basis and `final` flag the data file now has, only where
the database still holds the text shipped before (an administrator's edit is
kept).  New rows (the second-round acceptance of the 2014 law) are created by
the data file itself."""
import logging
import os
import xml.etree.ElementTree as ET

_logger = logging.getLogger(__name__)

HERE = os.path.dirname(__file__)
DATA = os.path.join(HERE, '..', '..', 'data', 'thads_complaint_procedure_data.xml')
# the text each field had in 11.0.1.2.0, for the rows this version changes
OLD = {
    'limit_complaint_2014_9': {'legal_basis': 'Luật THADS 2008 (sửa đổi 2014), Điều 146 khoản 2: biện pháp bảo đảm '
                                              '(phong tỏa tài khoản) 05 ngày làm việc'},
    'limit_complaint_2014_13': {'legal_basis': 'Luật THADS 2008 (sửa đổi 2014), Điều 146 khoản 2: biện pháp bảo đảm '
                                               'khác (Điều 140 khoản 2 điểm b) 05 ngày làm việc'},
    'limit_complaint_2026_10': {'legal_basis': 'Luật THADS 106/2025/QH15, Điều 102: biện pháp bảo đảm 05 ngày làm '
                                               'việc'},
    'limit_complaint_2026_11': {'legal_basis': 'Luật THADS 106/2025/QH15, Điều 102: biện pháp bảo đảm 05 ngày làm '
                                               'việc'},
    'limit_denunciation_2014_2': {'legal_basis': 'Luật THADS 2008 (sửa đổi 2014), Điều 157: 60 ngày kể từ ngày thụ '
                                                 'lý'},
    'limit_denunciation_2014_3': {'legal_basis': 'Luật THADS 2008 (sửa đổi 2014), Điều 157: vụ việc phức tạp không '
                                                 'quá 90 ngày'},
    'limit_denunciation_2014_4': {'legal_basis': 'Luật THADS 2008 (sửa đổi 2014), Điều 157: vụ việc phức tạp không '
                                                 'quá 90 ngày'},
}
PAUSE_2014 = ('Luật Tố cáo 25/2018/QH14, Điều 34 khoản 2: thời gian tạm đình chỉ việc giải quyết tố cáo không tính '
              'vào thời hạn giải quyết tố cáo (tạm đình chỉ khi chờ kết quả của cơ quan khác hoặc giám định bổ sung, '
              'giám định lại, khoản 1)')
for _name in ('limit_denunciation_2014_2', 'limit_denunciation_2014_3', 'limit_denunciation_2014_4'):
    OLD[_name]['pause_basis'] = PAUSE_2014
OLD['limit_denunciation_2014_1'] = {'legal_basis': (
    'Luật Tố cáo 25/2018/QH14, Điều 24 khoản 1: xử lý ban đầu, kiểm tra điều kiện thụ lý trong 07 ngày làm việc kể '
    'từ ngày nhận được tố cáo (xác minh nhiều nơi: không quá 10 ngày làm việc); thụ lý theo Điều 29')}


def _shipped():
    for record in ET.parse(DATA).getroot().iter('record'):
        if record.get('id') in OLD:
            yield record.get('id'), {f.get('name'): (f.get('eval') or f.text or '').strip()
                                     for f in record.iter('field')}


def migrate(cr, version):
    if not version:
        return
    changed = 0
    for xmlid, values in _shipped():
        cr.execute("SELECT res_id FROM ir_model_data WHERE module = 'thads_support' AND name = %s", (xmlid,))
        row = cr.fetchone()
        if not row:
            continue
        for field, old in OLD[xmlid].items():
            cr.execute('UPDATE thads_complaint_limit SET %s = %%s WHERE id = %%s AND %s = %%s' % (field, field),
                       (values[field], row[0], old))
            changed += cr.rowcount
            if field == 'legal_basis' and cr.rowcount:
                cr.execute('UPDATE thads_complaint_limit SET final = %s, verified = %s WHERE id = %s',
                           (values.get('final') == 'True', values.get('verified') == 'True', row[0]))
    _logger.info('thads_support: %d legal texts of the complaint time limits brought to 11.0.1.3.0', changed)
