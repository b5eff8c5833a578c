from odoo import api, models


class ThadsCacheMixin(models.AbstractModel):
    """Reference data that a model caches with `tools.ormcache` (the working
    calendar, the legal deadline rules): it is read on every deadline and
    changes a few times a year, so any change clears the registry's caches
    (Odoo signals the other workers to do the same)."""
    _name = 'thads.cache.mixin'
    _description = 'Reference data cached in memory'

    @api.model
    def create(self, vals):
        record = super(ThadsCacheMixin, self).create(vals)
        self.clear_caches()
        return record

    @api.multi
    def write(self, vals):
        res = super(ThadsCacheMixin, self).write(vals)
        self.clear_caches()
        return res

    @api.multi
    def unlink(self):
        res = super(ThadsCacheMixin, self).unlink()
        self.clear_caches()
        return res
