"""Likelihood that a rumoured move happens: an explainable logistic model over a few evidence factors.

`rumour_rescore(ids)` is the entry point writers call after new evidence or a curator's decision.
"""


def rumour_rescore(rumour_ids, **kwargs) -> int:
    from rumours.scoring.service import rumour_rescore as rescore

    return rescore(rumour_ids, **kwargs)


def source_track_records_update() -> int:
    from rumours.scoring.service import source_track_records_update as update

    return update()


def rumours_rescore_open() -> int:
    from rumours.scoring.service import rumours_rescore_open as rescore_open

    return rescore_open()
