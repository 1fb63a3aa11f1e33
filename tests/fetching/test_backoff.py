"""F3 at this layer: exponential backoff with jitter, for feed poll intervals and task retries."""

import random

import pytest

from rumours.fetching.http import backoff_delay

pytestmark = pytest.mark.timeout(60)


def test_proportional_jitter_stays_within_twenty_percent_of_the_exponential():
    rng = random.Random(1234)

    for attempt in range(8):
        expected = min(3600.0, 60.0 * 2**attempt)
        for _ in range(200):
            delay = backoff_delay(attempt, base=60.0, cap=3600.0, rng=rng)
            assert 0.8 * expected <= delay <= 1.2 * expected


def test_delays_roughly_double_until_the_cap():
    rng = random.Random(7)
    means = [sum(backoff_delay(n, base=1.0, cap=1000.0, rng=rng) for _ in range(500)) / 500 for n in range(5)]

    for before, after in zip(means, means[1:], strict=False):
        assert 1.6 < after / before < 2.4


def test_jitter_actually_varies_the_delay():
    rng = random.Random(99)

    assert len({backoff_delay(3, base=10, cap=1e6, rng=rng) for _ in range(20)}) == 20


def test_full_jitter_is_uniform_between_zero_and_the_exponential():
    rng = random.Random(5)

    delays = [backoff_delay(2, base=1.0, cap=100.0, rng=rng, full_jitter=True) for _ in range(1000)]

    assert all(0.0 <= d <= 4.0 for d in delays)
    assert min(delays) < 0.5 and max(delays) > 3.5


def test_a_huge_attempt_number_is_capped_without_overflow():
    rng = random.Random(0)

    assert 0.8 * 600 <= backoff_delay(10_000, base=30.0, cap=600.0, rng=rng) <= 1.2 * 600


def test_a_seeded_rng_makes_delays_reproducible():
    first = [backoff_delay(n, base=2, cap=60, rng=random.Random(42)) for n in range(5)]
    second = [backoff_delay(n, base=2, cap=60, rng=random.Random(42)) for n in range(5)]

    assert first == second


def test_a_negative_attempt_is_a_programming_error():
    with pytest.raises(ValueError):
        backoff_delay(-1, base=1, cap=10, rng=random.Random())
