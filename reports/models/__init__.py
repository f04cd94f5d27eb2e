from .reports import REPORTS, DeprivationArea, Export

__all__ = ["REPORTS", "DeprivationArea", "Export"]
