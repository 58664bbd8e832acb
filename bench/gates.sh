#!/usr/bin/env bash
# Quick accuracy gates run by .ci/run: a small slice of each benchmark, failing
# below a pinned floor so that a regression cannot land silently. The floors sit
# a little under the measured figures in the README.
set -euo pipefail
cd "$(dirname "$0")/.."
gate() { echo "-- gate: $*"; "$@"; }

gate python -m bench.clitics --quick --min-accuracy 0.95
gate python -m bench.ingest --quick --min-rate text=300,jsonl=300,html=50
gate python -m bench.ner --quick --min-f1 0.70
gate python -m bench.entities --quick --min-b3 0.93 --min-nisba 0.93
gate python -m bench.time --quick --min-accuracy 0.95
gate python -m bench.quantities --quick --min-accuracy 0.9
gate python -m bench.quotes --quick --min-f1 0.81
gate python -m bench.quote_constructions --min-rate 0.99
gate python -m bench.sweep --quick
gate python -m bench.dedup --quick --min-f1 0.85
# uses $KHABAR_TEST_PG (set by .ci/run) for the PostgreSQL half
gate python -m bench.store --quick --min-rate 300 --max-p95-ms 50 --min-recall 0.9 ${KHABAR_TEST_PG:+--pg "$KHABAR_TEST_PG"}
# REST API under load: 20 clients on a 10,000-article store; server CPU per search is
# gated (latency depends on whatever else the machine runs), p95 only loosely.
gate python -m bench.load --db "sqlite:///bench/out/load-10k.db" --build 10000 --clients 20 --seconds 5 \
  --endpoints search --max-search-cpu-ms 8 --max-search-p95-ms 400
