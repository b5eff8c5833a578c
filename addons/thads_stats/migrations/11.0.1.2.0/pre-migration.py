"""11.0.1.2.0: the form registry (issue 19).  The two seeded forms become the
TT 05/2024/TT-BTP versions (from 26/07/2024); the data file then adds the
TT 06/2019/TT-BTP versions (05/01/2020-25/07/2024), which would overlap the
old records (valid from 2020 without end): move them first.  The records
are noupdate, so the update does not touch them otherwise."""


def migrate(cr, version):
    if not version:
        return
    cr.execute("""UPDATE thads_stat_form SET date_from = '2024-07-26', date_to = NULL, regime = 'TT 05/2024/TT-BTP'
                   WHERE id IN (SELECT res_id FROM ir_model_data WHERE module = 'thads_stats'
                                   AND model = 'thads.stat.form' AND name IN ('form_tk_viec', 'form_tk_tien'))""")
