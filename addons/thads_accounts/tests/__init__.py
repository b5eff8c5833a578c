from . import test_menu
from . import test_office
from . import test_access
from . import test_password
from . import test_calendar
from . import test_http
from . import test_translations
