"""Batch analysis at scale: many inputs in, Parquet tables out, on local cores or Apache Spark.

``run_batch`` plans the inputs into units, runs one code path per unit
(:mod:`khabar.batch.partition`) on the local process pool or on Spark, and
writes the tables and a run report; ``load_batch`` imports that output into
the corpus store. pyspark and pyarrow are imported only when used.
"""

from khabar.batch.load import load_batch
from khabar.batch.runner import run_batch

__all__ = ["load_batch", "run_batch"]
