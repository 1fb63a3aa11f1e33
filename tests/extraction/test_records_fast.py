"""`entity_mention` builds an `EntityMention` without the frozen dataclass's `__init__`: the same object."""

import dataclasses
import pickle

from rumours.extraction.records import EntityMention, entity_mention


def test_entity_mention_is_the_same_object_as_the_constructor_builds():
    args = ("player", 7, 3, 9, "Mbapp\u00e9", "alias")
    fast, plain = entity_mention(*args), EntityMention(*args)
    assert type(fast) is EntityMention
    assert fast == plain
    assert hash(fast) == hash(plain)
    assert repr(fast) == repr(plain)
    assert vars(fast) == vars(plain)
    assert list(vars(fast)) == list(vars(plain))
    assert dataclasses.asdict(fast) == dataclasses.asdict(plain)
    assert pickle.loads(pickle.dumps(fast)) == plain
    try:
        fast.start = 4
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("still frozen")
