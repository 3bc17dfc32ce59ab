"""Deterministic sample data: the quickstart's CSV, and wide or long tables for benchmarks and tests.

One generator, seeded, so that a notebook's output, a test's expectation and a
benchmark's figures all speak of the same bytes.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

REGIONS = ["North", "South", "East", "West"]
PRODUCTS = ["Laptop", "Phone", "Tablet", "Monitor", "Headset"]
CHANNELS = ["Online", "Retail", "Partner"]


def sales_frame(rows: int = 240, seed: int = 7) -> pd.DataFrame:
    """A small, realistic sales table: the quickstart's data."""
    rng = np.random.default_rng(seed)
    dates = pd.to_datetime("2023-01-01") + pd.to_timedelta(rng.integers(0, 730, rows), unit="D")
    product = rng.choice(PRODUCTS, rows)
    base_price = pd.Series(product).map(
        {"Laptop": 1200, "Phone": 800, "Tablet": 450, "Monitor": 300, "Headset": 90}
    )
    units = rng.integers(1, 20, rows)
    price = (base_price * rng.uniform(0.85, 1.15, rows)).round(2)
    frame = pd.DataFrame(
        {
            "order_id": np.arange(1001, 1001 + rows),
            "order_date": dates.strftime("%Y-%m-%d"),
            "region": rng.choice(REGIONS, rows, p=[0.3, 0.2, 0.25, 0.25]),
            "product": product,
            "channel": rng.choice(CHANNELS, rows),
            "units": units,
            "unit_price": price,
            "revenue": (units * price).round(2),
            "returned": rng.random(rows) < 0.08,
        }
    )
    return frame.sort_values("order_date", kind="stable").reset_index(drop=True)


def mixed_frame(
    rows: int, columns: int, *, seed: int = 0, null_share: float = 0.02
) -> pd.DataFrame:
    """A table of cycling column types: ints, floats, 20-level categories, dates; some nulls.

    The benchmark's shape: 10k x 100 is "small", 1M x 20 is "normal work".
    """
    rng = np.random.default_rng(seed)
    levels = np.array([f"level_{i:02d}" for i in range(20)], dtype=object)
    day0 = np.datetime64("2015-01-01")
    data: dict[str, object] = {}
    for index in range(columns):
        kind = index % 4
        if kind == 0:
            values: object = rng.integers(0, 100_000, rows).astype("float64")
        elif kind == 1:
            values = rng.normal(100, 25, rows).round(3)
        elif kind == 2:
            values = levels[rng.integers(0, 20, rows)]
        else:
            values = (day0 + rng.integers(0, 3650, rows).astype("timedelta64[D]")).astype(str)
        values = np.asarray(values)
        mask = rng.random(rows) < null_share
        if kind in (0, 1):
            values[mask] = np.nan
        else:
            values = values.astype(object)
            values[mask] = None
        name = ("int", "float", "cat", "date")[kind]
        data[f"{name}_{index:03d}"] = values
    return pd.DataFrame(data)


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    # Integer columns that hold nulls are float in numpy; write them without ".0".
    frame.to_csv(path, index=False, float_format="%.10g")
    return path


def write_quickstart_data(folder: Path) -> Path:
    return write_csv(sales_frame(), folder / "sales.csv")
