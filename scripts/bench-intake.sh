#!/usr/bin/env bash
# Intake benchmark (not a test): COUNT PDFs (default 1,000) appear in one inbox at once; prints the seconds until
# every one is recorded and its approval job enqueued, and the worker's memory before, at peak and after.
# Usage: scripts/bench-intake.sh [COUNT]
# Uses the production defaults (StableFor 2 s) against a throw-away database on the local PostgreSQL.
# Figures and the command are in the README.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

count=${1:-1000}
source scripts/bench-lib.sh
bench_setup intake
bench_config ""
echo "Making $count distinct PDFs..."
make_pdfs "$count"
start_worker
rss_before=$(rss)
cpu_before=$(cpu)
peak=$rss_before

echo "Dropping $count PDFs at once..."
start=$(date +%s.%N)
# Renames within one file system, the way a copy tool finishes: the files appear together.
find "$work/staging" -name '*.pdf' -exec mv -t "$route/inbox" {} +
done_count=0
while [ "$done_count" -lt "$count" ]; do
  sleep 0.2
  now_rss=$(rss); [ "$now_rss" -gt "$peak" ] && peak=$now_rss
  done_count=$(sql "SELECT count(DISTINCT document_id) FROM worker.follow_ups WHERE kind = 'StartApproval' AND dispatched_at IS NOT NULL")
  elapsed=$(echo "$(date +%s.%N) - $start" | bc)
  if [ "$(echo "$elapsed > 300" | bc)" -eq 1 ]; then echo "gave up after 300 s with $done_count of $count"; exit 1; fi
done
end=$(date +%s.%N)
cpu_after=$(cpu)
sleep 2
rss_after=$(rss)
hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$worker_pid/status")

documents=$(sql "SELECT count(*) FROM worker.documents")
jobs=$(sql "SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%IApprovalStarter%'")
printf 'files dropped:             %d\n' "$count"
printf 'documents recorded:        %d (jobs enqueued: %d)\n' "$documents" "$jobs"
printf 'time to all enqueued:      %.1f s (includes StableFor 2 s)\n' "$(echo "$end - $start" | bc)"
printf 'first to last recorded:    %s s\n' "$(sql "SELECT round(extract(epoch FROM max(received_at) - min(received_at))::numeric, 1) FROM worker.documents")"
printf 'worker CPU in that time:   %s s (user + system)\n' "$(echo "$cpu_after - $cpu_before" | bc)"
printf 'machine load (1 min):      %s (2 cores; other work on the machine slows the run)\n' "$(cut -d' ' -f1 /proc/loadavg)"
printf 'worker RSS before / peak / after: %d / %d / %d MB (VmHWM since start: %d MB)\n' \
  $((rss_before / 1024)) $((peak / 1024)) $((rss_after / 1024)) $((hwm / 1024))
printf 'left in inbox / .processing / failed: %d / %d / %d\n' \
  "$(find "$route/inbox" -maxdepth 1 -type f | wc -l)" "$(find "$route/inbox/.processing" -type f | wc -l)" "$(find "$route/failed" -type f | wc -l)"
