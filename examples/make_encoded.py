"""Write the legacy-encoded copies of two examples, to show and test encoding detection.

Run from the repository root: ``python examples/make_encoded.py``. It writes
``tunis-harvest-2025-07-13.cp1256.txt`` (windows-1256, as older Arabic sites
and Windows tools save text) and ``jeddah-rain-1447-04-05.utf16.txt`` (UTF-16
little-endian with a BOM, as Windows Notepad saves "Unicode"). Both outputs
are committed; khabar must read them to the same article as their UTF-8
sources.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent

COPIES = (
    ("tunis-harvest-2025-07-13.txt", "tunis-harvest-2025-07-13.cp1256.txt", "cp1256", False),
    ("jeddah-rain-1447-04-05.txt", "jeddah-rain-1447-04-05.utf16.txt", "utf-16-le", True),
)


def main() -> None:
    for source, target, encoding, bom in COPIES:
        text = (HERE / source).read_text(encoding="utf-8")
        # Windows tools write CRLF line ends; readers must not care.
        data = text.replace("\n", "\r\n").encode(encoding)
        if bom:
            data = "\ufeff".encode(encoding) + data
        (HERE / target).write_bytes(data)
        print(f"{target}: {len(data):,} bytes, {encoding}{' with BOM' if bom else ''}")


if __name__ == "__main__":
    main()
