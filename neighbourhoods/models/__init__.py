from .neighbourhoods import Neighbourhood

__all__ = ["Neighbourhood"]
