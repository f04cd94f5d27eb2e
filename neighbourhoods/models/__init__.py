from .neighbourhoods import Neighbourhood
from .postcodes import Postcode

__all__ = ["Neighbourhood", "Postcode"]
