import factory

from neighbourhoods.models import Neighbourhood


class NeighbourhoodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Neighbourhood
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Neighbourhood {n}")
    population = 5000
