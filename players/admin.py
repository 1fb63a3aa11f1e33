from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from players.models import Club, ClubAlias, Contract, Injury, Player, PlayerAlias, Staff, StaffAlias


class ClubAliasInline(admin.TabularInline):
    model = ClubAlias
    extra = 1


class PlayerAliasInline(admin.TabularInline):
    model = PlayerAlias
    extra = 1


class StaffAliasInline(admin.TabularInline):
    model = StaffAlias
    extra = 1


class ContractInline(admin.TabularInline):
    model = Contract
    fk_name = "player"
    extra = 0
    autocomplete_fields = ["club", "parent_club"]
    fields = ["club", "start_date", "end_date", "weekly_wage", "wage_currency", "is_loan", "parent_club"]


class InjuryInline(admin.TabularInline):
    model = Injury
    extra = 0
    autocomplete_fields = ["club"]
    fields = [
        "description",
        "body_part",
        "occurred_on",
        "expected_absence",
        "expected_return",
        "status",
        "club",
    ]


@admin.register(Club)
class ClubAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "league", "country", "stadium"]
    list_filter = ["league", "country"]
    search_fields = ["name", "short_name", "aliases__alias", "stadium", "city"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ClubAliasInline]


@admin.register(ClubAlias)
class ClubAliasAdmin(admin.ModelAdmin):
    """Club aliases on their own: curators fix what a club is called without rights on the club."""

    list_display = ["alias", "club"]
    list_select_related = ["club"]
    search_fields = ["alias", "club__name"]
    autocomplete_fields = ["club"]


@admin.register(Player)
class PlayerAdmin(SimpleHistoryAdmin):
    list_display = ["name", "known_as", "position", "shirt_number", "nationality", "date_of_birth"]
    list_filter = ["position", "nationality"]
    search_fields = ["name", "known_as", "aliases__alias"]
    autocomplete_fields = ["merged_into"]
    readonly_fields = ["merged_into"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PlayerAliasInline, ContractInline, InjuryInline]


@admin.register(Staff)
class StaffAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "club", "nationality"]
    list_filter = ["role"]
    list_select_related = ["club"]
    search_fields = ["name", "aliases__alias", "club__name"]
    autocomplete_fields = ["club"]
    inlines = [StaffAliasInline]


@admin.register(Contract)
class ContractAdmin(SimpleHistoryAdmin):
    list_display = ["player", "club", "start_date", "end_date", "weekly_wage", "wage_currency", "is_loan"]
    list_filter = ["is_loan", "wage_currency", "club__league"]
    list_select_related = ["player", "club"]
    search_fields = ["player__name", "player__known_as", "club__name"]
    autocomplete_fields = ["player", "club", "parent_club"]
    date_hierarchy = "end_date"


@admin.register(Injury)
class InjuryAdmin(SimpleHistoryAdmin):
    list_display = ["player", "description", "body_part", "status", "occurred_on", "expected_absence"]
    list_filter = ["status", "body_part"]
    list_select_related = ["player"]
    search_fields = ["player__name", "player__known_as", "description"]
    autocomplete_fields = ["player", "club"]
