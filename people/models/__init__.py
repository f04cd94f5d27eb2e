from .people import User
from .retention import RetentionRule

__all__ = ["RetentionRule", "User"]
