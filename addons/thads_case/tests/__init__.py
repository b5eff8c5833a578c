from . import test_lifecycle
from . import test_deadlines
from . import test_handover_delegation
from . import test_import
from . import test_access
from . import test_rules_data
from . import test_kanban
from . import test_access_bypass
