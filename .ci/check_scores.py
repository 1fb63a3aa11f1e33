"""Fail CI when extraction falls below the acceptance floor (reads evaluate's last line, a JSON summary)."""

import json
import sys

FLOORS = {
    ("rumours", "f1"): 0.9,
    ("rumours", "status_accuracy"): 0.8,
    ("injuries", "f1"): 0.9,
    ("contracts", "f1"): 0.8,
}

summary = json.loads(sys.stdin.read())
failures = [
    f"{group} {metric} = {summary[group][metric]:.3f} < {floor}"
    for (group, metric), floor in FLOORS.items()
    if summary[group][metric] < floor
]
for line in failures:
    print("BELOW FLOOR:", line)
if failures:
    sys.exit(1)
print("Extraction scores meet the floor:", ", ".join(f"{g} {m} >= {f}" for (g, m), f in FLOORS.items()))
