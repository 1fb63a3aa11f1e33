"""The Curators group, with exactly the permissions curation needs.

Curators review rumours (approve, reject, fix the stage, merge), fix who is who (players, their aliases,
club aliases, contracts, injuries, unknown names), mark outcomes (which write contracts) and ask for an
article to be extracted again (a change to the article). They read clubs, sources and feeds for context.

Deliberately absent: any auth.* permission (curators do not manage users or groups); change_source (a
source's reliability tier is an editorial policy, not a curation call); anything on feeds but viewing (no
delete_feed); add/delete on rumours, and anything but view on mentions (evidence is what an article says and
is never edited by hand: merges move it through the curation services, a wrong sentence is fixed by
re-extracting the article); delete on players, contracts and injuries (merge or end them instead).
Aliases may be deleted: a wrong alias makes extraction find the wrong player, and removing it is the fix.

The list is written out here, not imported, so the migration keeps meaning what it meant when it ran.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Curators"
PERMISSIONS = {
    "rumours": {
        "rumour": ["view", "change"],
        "mention": ["view"],
        "article": ["view", "change"],
        "candidate": ["view", "change"],
        "source": ["view"],
        "feed": ["view"],
    },
    "players": {
        "player": ["view", "change", "add"],
        "playeralias": ["view", "change", "add", "delete"],
        "club": ["view"],
        "clubalias": ["view", "change", "add", "delete"],
        "contract": ["view", "change", "add"],
        "injury": ["view", "change", "add"],
    },
}


def _codenames() -> list[tuple[str, str]]:
    return [
        (app, f"{action}_{model}")
        for app, models in PERMISSIONS.items()
        for model, actions in models.items()
        for action in actions
    ]


def create_group(apps, schema_editor) -> None:
    # Permissions are normally created after the whole migrate run (post_migrate); on a fresh database they
    # do not exist yet, so create them now for the apps involved. It is idempotent.
    for app_label in PERMISSIONS:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    wanted = []
    for app_label, codename in _codenames():
        wanted.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    group.permissions.set(wanted)


def delete_group(apps, schema_editor) -> None:
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("players", "0001_initial"),
        ("rumours", "0007_contradictions"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
