from odoo import api, models


class ThadsStatFiguresMixin(models.AbstractModel):
    """Records that only this addon's compute, close, unlock and compare
    methods write (report rows, locks, reconciliation differences): any
    other create, write or unlink raises the model's `_refuse_direct`
    message (thads_stat_internal.refuse_direct)."""
    _name = 'thads.stat.figures.mixin'
    _description = 'Figures written only by the statistics methods'

    def _refuse_direct(self):
        raise NotImplementedError

    @api.model
    def create(self, vals):
        self._refuse_direct()
        return super(ThadsStatFiguresMixin, self).create(vals)

    @api.multi
    def write(self, vals):
        self._refuse_direct()
        return super(ThadsStatFiguresMixin, self).write(vals)

    @api.multi
    def unlink(self):
        self._refuse_direct()
        return super(ThadsStatFiguresMixin, self).unlink()
