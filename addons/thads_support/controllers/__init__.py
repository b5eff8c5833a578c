from . import main
from . import complaint
