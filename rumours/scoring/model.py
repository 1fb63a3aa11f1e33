"""The likelihood model, in plain Python: features in, a 0-100 score with each factor's contribution out.

A logistic model: p = sigmoid(bias + sum(weight_i * x_i)). The hand-set weights below are the prior; the
`calibrate` command fits new ones on resolved rumours. Each factor's share of the score is reported in points:
how far the score would fall (or rise) without that factor alone, so the breakdown reads naturally on a page.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

FACTORS: dict[str, str] = {
    "stage": "Stage reached",
    "agreed": "Fee or terms agreed",
    "outlets": "Independent outlets",
    "reliability": "Most reliable outlet",
    "recency": "Recent news",
    "rejected_by_seller": "Rejected by the selling club",
    "denied_by_buyer": "Denied by the buying club",
    "denied_by_player": "Denied by the player or his camp",
    "denied_by_media": "Dismissed in the media",
    "competition": "Competing clubs",
    "contract_expiring": "Contract expiring",
    "injured": "Currently injured",
}

HAND_SET_WEIGHTS: dict[str, float] = {
    "bias": -3.0,
    "stage": 2.0,
    "agreed": 2.2,
    "outlets": 0.9,
    "reliability": 1.4,
    "recency": 0.8,
    "rejected_by_seller": -0.8,
    "denied_by_buyer": -2.0,
    "denied_by_player": -1.3,
    "denied_by_media": -0.4,
    "competition": -0.9,
    "contract_expiring": 0.7,
    "injured": -0.5,
}


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@dataclass(frozen=True)
class Score:
    likelihood: int
    probability: float
    explanation: list[dict] = field(default_factory=list)


def score(features: Mapping[str, float], weights: Mapping[str, float] = HAND_SET_WEIGHTS) -> Score:
    """The likelihood with its breakdown: [{"factor", "label", "value", "points", "detail"}]."""
    terms = {name: weights.get(name, 0.0) * float(features.get(name, 0.0)) for name in FACTORS}
    z = weights.get("bias", 0.0) + sum(terms.values())
    p = sigmoid(z)
    explanation = []
    for name, term in terms.items():
        if features.get(name, 0.0) == 0.0:
            continue
        points = round(100 * (p - sigmoid(z - term)), 1)
        explanation.append(
            {
                "factor": name,
                "label": FACTORS[name],
                "value": round(float(features[name]), 3),
                "points": points,
            }
        )
    explanation.sort(key=lambda item: -abs(item["points"]))
    return Score(likelihood=max(0, min(100, round(100 * p))), probability=p, explanation=explanation)


def fit(
    rows: Sequence[Mapping[str, float]],
    outcomes: Sequence[int],
    *,
    l2: float = 0.5,
    iterations: int = 400,
    start: Mapping[str, float] = HAND_SET_WEIGHTS,
) -> dict[str, float]:
    """Fit the weights by L2-regularised Newton's method (a dozen features: no ML library needed).

    The regularisation pulls towards zero, which keeps weights sane when a factor is rare in the data.
    """
    names = ["bias", *FACTORS]
    x = [[1.0] + [float(row.get(n, 0.0)) for n in FACTORS] for row in rows]
    y = [float(o) for o in outcomes]
    w = [float(start.get(n, 0.0)) for n in names]
    k = len(names)
    for _ in range(iterations):
        grad = [0.0] * k
        hess = [[0.0] * k for _ in range(k)]
        for xi, yi in zip(x, y, strict=True):
            p = sigmoid(sum(wj * xj for wj, xj in zip(w, xi, strict=True)))
            for a in range(k):
                grad[a] += (p - yi) * xi[a]
                if xi[a] == 0.0:
                    continue
                s = p * (1 - p) * xi[a]
                for b in range(k):
                    hess[a][b] += s * xi[b]
        for a in range(1, k):  # the bias is not penalised
            grad[a] += l2 * w[a]
            hess[a][a] += l2
        for a in range(k):
            hess[a][a] += 1e-9
        step = _solve(hess, grad)
        w = [wj - sj for wj, sj in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return dict(zip(names, w, strict=True))


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting for the small Newton system."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        if abs(m[col][col]) < 1e-12:
            continue
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            for c in range(col, n + 1):
                m[r][c] -= f * m[col][c]
    out = [0.0] * n
    for r in range(n - 1, -1, -1):
        if abs(m[r][r]) < 1e-12:
            continue
        out[r] = (m[r][n] - sum(m[r][c] * out[c] for c in range(r + 1, n))) / m[r][r]
    return out


def brier(probabilities: Sequence[float], outcomes: Sequence[int]) -> float:
    if not outcomes:
        return float("nan")
    return sum((p - o) ** 2 for p, o in zip(probabilities, outcomes, strict=True)) / len(outcomes)


def reliability_table(probabilities: Sequence[float], outcomes: Sequence[int], bins: int = 10) -> list[dict]:
    """Predicted against observed frequency per probability bin: the calibration curve as rows."""
    table = []
    for i in range(bins):
        low, high = i / bins, (i + 1) / bins
        members = [
            (p, o)
            for p, o in zip(probabilities, outcomes, strict=True)
            if low <= p < high or (i == bins - 1 and p == 1.0)
        ]
        if members:
            table.append(
                {
                    "bin": f"{low:.1f}-{high:.1f}",
                    "count": len(members),
                    "predicted": sum(p for p, _ in members) / len(members),
                    "observed": sum(o for _, o in members) / len(members),
                }
            )
    return table


def spearman(a: Sequence[float], b: Sequence[float]) -> float:
    def ranks(values: Sequence[float]) -> list[float]:
        order = sorted(range(len(values)), key=lambda i: values[i])
        result = [0.0] * len(values)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
                j += 1
            for k in range(i, j + 1):
                result[order[k]] = (i + j) / 2 + 1
            i = j + 1
        return result

    ra, rb = ranks(a), ranks(b)
    n = len(a)
    mean_a, mean_b = sum(ra) / n, sum(rb) / n
    cov = sum((x - mean_a) * (y - mean_b) for x, y in zip(ra, rb, strict=True))
    var_a = math.sqrt(sum((x - mean_a) ** 2 for x in ra))
    var_b = math.sqrt(sum((y - mean_b) ** 2 for y in rb))
    return cov / (var_a * var_b) if var_a and var_b else 0.0
