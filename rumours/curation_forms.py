"""Forms of the curation admin: the intermediate pages of actions and the player merge page."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect

from players import clock
from players.models import Club, Player
from rumours.curation import SETTABLE_STAGES
from rumours.models import CLOSED_STAGES, CuratorState, Rumour, Stage


def _player_widget() -> AutocompleteSelect:
    # The autocomplete view is addressed through a registered foreign key to Player (Rumour.player), and
    # answers only users who may view players.
    return AutocompleteSelect(Rumour._meta.get_field("player"), admin.site)


def _club_widget() -> AutocompleteSelect:
    return AutocompleteSelect(Rumour._meta.get_field("to_club"), admin.site)


class DateInput(forms.DateInput):
    """The browser's own date picker: no admin calendar JavaScript needed, ISO dates on the wire."""

    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class RejectForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        max_length=2000,
        help_text="Readers never see it; curators and the history do.",
    )


class StageForm(forms.Form):
    stage = forms.ChoiceField(choices=[(s.value, s.label) for s in Stage if s in SETTABLE_STAGES])


class DeadForm(forms.Form):
    reason = forms.CharField(required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class CompletedForm(forms.Form):
    on = forms.DateField(label="Joined on", widget=DateInput(), help_text="The new contract starts this day.")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["on"].initial = clock.today()


class RenewedForm(forms.Form):
    until = forms.DateField(label="New contract until", widget=DateInput())
    on = forms.DateField(label="Signed on", widget=DateInput())

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["on"].initial = clock.today()

    def clean(self) -> dict:
        data = super().clean()
        if data.get("until") and data.get("on") and data["until"] <= data["on"]:
            raise forms.ValidationError("The new contract must end after the day it is signed.")
        return data


class MergeRumoursForm(forms.Form):
    survivor = forms.ModelChoiceField(
        queryset=Rumour.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        help_text="The other rumour's evidence moves to this one; readers then see only this one.",
    )

    def __init__(self, *args, rumours, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["survivor"].queryset = rumours


class NewPlayerForm(forms.Form):
    club = forms.ModelChoiceField(
        queryset=Club.objects.all(),
        required=False,
        widget=_club_widget(),
        help_text="His current club, if known: he then gets an open-ended contract there.",
    )


class AliasForm(forms.Form):
    player = forms.ModelChoiceField(queryset=Player.objects.active(), widget=_player_widget())


class MergePlayersForm(forms.Form):
    survivor = forms.ModelChoiceField(
        queryset=Player.objects.active(),
        widget=_player_widget(),
        help_text="The player who stays.",
    )
    merged = forms.ModelChoiceField(
        queryset=Player.objects.active(),
        widget=_player_widget(),
        help_text="The duplicate: his mentions, aliases, contracts, injuries and rumours move to the "
        "survivor, and his page redirects there.",
    )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("survivor") and data.get("survivor") == data.get("merged"):
            raise forms.ValidationError("Pick two different players.")
        return data


class RumourForm(forms.ModelForm):
    class Meta:
        model = Rumour
        fields = [
            "player",
            "from_club",
            "to_club",
            "window",
            "fee_amount",
            "fee_currency",
            "is_loan",
            "curator_state",
            "curator_note",
            "stage",
            "stage_set_by_curator",
        ]

    def clean(self) -> dict:
        data = super().clean()
        if "stage" in self.changed_data and data.get("stage") in CLOSED_STAGES:
            self.add_error(
                "stage",
                "Completed, renewed and dead are outcomes: use the 'Mark …' actions in the rumour list, "
                "which also record the contracts.",
            )
        rejecting = (
            "curator_state" in self.changed_data and data.get("curator_state") == CuratorState.REJECTED
        )
        if rejecting and not (data.get("curator_note") or "").strip():
            self.add_error("curator_note", "A rejection needs a reason.")
        return data
