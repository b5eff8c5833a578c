from . import test_stats
