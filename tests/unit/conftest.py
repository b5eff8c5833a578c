"""Make each addon's pure `lib` package importable without Odoo.

`addons/thads_accounts/lib` is importable as `thads_accounts_lib`, and so on:
the pure modules must not import odoo (test_pure_libs.py proves it).
"""
import importlib.util
import os
import sys

ADDONS = os.path.join(os.path.dirname(__file__), '..', '..', 'addons')

for _name in sorted(os.listdir(ADDONS)):
    _init = os.path.join(ADDONS, _name, 'lib', '__init__.py')
    if os.path.isfile(_init):
        _spec = importlib.util.spec_from_file_location(
            _name + '_lib', _init, submodule_search_locations=[os.path.dirname(_init)])
        _module = importlib.util.module_from_spec(_spec)
        sys.modules[_spec.name] = _module
        _spec.loader.exec_module(_module)

