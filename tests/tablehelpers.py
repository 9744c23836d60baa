"""Helpers shared by the data tests."""


def row(frame, **keys):
    """The single row of ``frame`` matching all ``keys`` (fails unless exactly one)."""
    mask = None
    for column, wanted in keys.items():
        hit = frame[column] == wanted
        mask = hit if mask is None else mask & hit
    matched = frame[mask.fillna(False)]
    assert len(matched) == 1, f"{keys}: {len(matched)} rows"
    return matched.iloc[0]
