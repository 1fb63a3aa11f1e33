from django.contrib import admin
from django.urls import include, path

from rumours.api import api
from rumours.views import healthz

admin.site.site_header = "Touchline curation"
admin.site.site_title = "Touchline"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("api/", api.urls),
    path("feeds/", include("rumours.feeds")),
    path("", include("rumours.urls")),
]
