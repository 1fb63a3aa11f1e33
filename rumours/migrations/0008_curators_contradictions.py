"""Curators also review contradictions (an article disagreeing with our records): view them and mark them
resolved or dismissed. Nothing else changes; the list is written out so the migration keeps its meaning."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Curators"
PERMISSIONS = {"rumours": {"contradiction": ["view", "change"]}}


def codenames() -> list[tuple[str, str]]:
    return [
        (app, f"{action}_{model}")
        for app, models in PERMISSIONS.items()
        for model, actions in models.items()
        for action in actions
    ]


def grant(apps, schema_editor) -> None:
    app_config = apps.get_app_config("rumours")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for app_label, codename in codenames():
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def revoke(apps, schema_editor) -> None:
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=GROUP).first()
    if group:
        for app_label, codename in codenames():
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
            )


class Migration(migrations.Migration):
    dependencies = [("rumours", "0004_linking")]

    operations = [migrations.RunPython(grant, revoke)]
