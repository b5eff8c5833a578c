from . import test_install
from . import test_support
from . import test_public
from . import test_email
from . import test_deadlines_follow
from . import test_rate_limit
from . import test_sla_sql
from . import test_clock_rpc
