from django.apps import AppConfig


class RumoursConfig(AppConfig):
    name = "rumours"
    verbose_name = "News and rumours"
