from rumours.extraction import facts_to_export, score

GOLD = [
    {
        "article": "a",
        "rumours": [
            {
                "player": "Tomás Kettering",
                "to_club": "Bayern Munich",
                "status": "rejected",
                "also_ok": ["interest"],
            },
            {"player": "Dylan Marsh", "to_club": "Harbour Town", "status": "bid", "also_ok": []},
        ],
        "injuries": [{"player": "Luis Ferreiro"}],
        "contracts": [{"player": "Dylan Marsh", "club": "Harbour Town", "fact_type": "expiry"}],
        "optional": {"rumours": [{"player": "Marco Bellini", "to_club": "Bayern Munich"}]},
    }
]


def test_matching_is_accent_and_case_folded_and_optional_facts_are_not_false_positives():
    predictions = [
        {
            "article": "a",
            "rumours": [
                {"player": "TOMAS KETTERING", "to_club": "bayern munich", "status": "interest"},
                {"player": "Marco Bellini", "to_club": "Bayern Munich", "status": "linked"},
                {"player": "Aaron Cole", "to_club": "Bayern Munich", "status": "linked"},
            ],
            "injuries": [{"player": "Luis Ferreiro"}],
            "contracts": [],
        }
    ]
    s = score(predictions, GOLD)
    assert s["rumours"] | {} == {
        "precision": round(2 / 3, 4),
        "recall": 0.5,
        "f1": round(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5), 4),
        "tp": 1,
        "fp": 1,
        "fn": 1,
        "status_accuracy": 1.0,
    }
    assert s["injuries"]["f1"] == 1.0
    assert s["contracts"] == {"precision": 1.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 1}


def test_a_wrong_status_counts_against_status_accuracy_only():
    predictions = [
        {
            "article": "a",
            "rumours": [{"player": "Dylan Marsh", "to_club": "Harbour Town", "status": "completed"}],
        }
    ]
    s = score(predictions, GOLD)
    assert (s["rumours"]["tp"], s["rumours"]["status_accuracy"]) == (1, 0.0)


def test_export_uses_canonical_names(run, gaz):
    x = run("Bayern Munich are keen on Kettering. Marsh's contract expires in the summer.")
    exported = facts_to_export("stem", x, gaz)
    assert exported["article"] == "stem"
    assert exported["rumours"][0] | {"evidence": ""} == {
        "player": "Tomas Kettering",
        "from_club": "Riverside United",
        "to_club": "Bayern Munich",
        "status": "interest",
        "evidence": "",
    }
    assert [(c["player"], c["club"], c["fact_type"]) for c in exported["contracts"]] == [
        ("Dylan Marsh", "Harbour Town", "expiry")
    ]
