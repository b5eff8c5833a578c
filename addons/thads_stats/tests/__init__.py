from . import test_stats
from . import test_stats_access
from . import test_stats_http
from . import test_access_matrix
from . import test_forms
from . import test_forms_exemption
from . import test_forms_vks
from . import test_form_coercion
