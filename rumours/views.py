"""Reader pages. Read-only: every view here is GET-only."""

from django.db.models import Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from players.models import Club, Player
from rumours.models import Article, Rumour, Source


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    rumours = (
        Rumour.objects.visible().select_related("player", "from_club", "to_club").order_by("-last_seen")[:50]
    )
    return render(request, "rumours/home.html", {"rumours": rumours})


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()
    players = clubs = []
    if q:
        players = (
            Player.objects.active()
            .filter(Q(name__icontains=q) | Q(aliases__alias__icontains=q))
            .distinct()[:50]
        )
        clubs = Club.objects.filter(Q(name__icontains=q) | Q(aliases__alias__icontains=q)).distinct()[:50]
    return render(request, "rumours/search.html", {"q": q, "players": players, "clubs": clubs})


@require_GET
def player_detail(request: HttpRequest, slug: str) -> HttpResponse:
    player = get_object_or_404(Player, slug=slug)
    return render(request, "rumours/player.html", {"player": player})


@require_GET
def club_detail(request: HttpRequest, slug: str) -> HttpResponse:
    club = get_object_or_404(Club, slug=slug)
    return render(request, "rumours/club.html", {"club": club})


@require_GET
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    return render(request, "rumours/article.html", {"article": article})


@require_GET
def source_detail(request: HttpRequest, slug: str) -> HttpResponse:
    source = get_object_or_404(Source, slug=slug)
    return render(request, "rumours/source.html", {"source": source})


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})
