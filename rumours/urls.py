from django.urls import path

from rumours import views

app_name = "rumours"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("players/<slug:slug>/", views.player_detail, name="player"),
    path("clubs/<slug:slug>/", views.club_detail, name="club"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
    path("sources/<slug:slug>/", views.source_detail, name="source"),
]
