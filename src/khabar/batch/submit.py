"""Driver script for ``spark-submit``: ``khabar batch --engine spark`` with the rest of the arguments.

``spark-submit`` wants a Python file, not a module or a console script, so this
file is that entry point; it ships inside the khabar wheel::

    spark-submit --master yarn --conf spark.executor.memory=2g \\
        "$(python -c 'import khabar.batch.submit as m; print(m.__file__)')" \\
        /shared/crawl/ --out /shared/out/

The master and every setting come from ``spark-submit`` (no ``--master``
here). Nothing runs on import.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    from khabar.cli import app

    args = list(sys.argv[1:] if argv is None else argv)
    app(["batch", "--engine", "spark", *args], prog_name="khabar batch")


if __name__ == "__main__":
    main()
