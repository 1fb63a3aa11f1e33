from django.urls import path

from rumours import views

app_name = "rumours"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("search/suggest/", views.suggest, name="suggest"),
    path("players/<slug:slug>/", views.player_detail, name="player"),
    path("players/<slug:slug>/timeline/", views.player_timeline, name="player_timeline"),
    path("clubs/<slug:slug>/", views.club_detail, name="club"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
    path("sources/<slug:slug>/", views.source_detail, name="source"),
]
