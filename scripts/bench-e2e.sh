#!/usr/bin/env bash
# End-to-end benchmark (not a test): COUNT documents (default 200) are dropped, every approval link is opened and
# approved over HTTP as a phone would, and the worker signs and files them. Prints how many were filed, throughput,
# and p50/p95 from the approval to the signed file in the archive.
# Usage: scripts/bench-e2e.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
source scripts/bench-lib.sh

count=${1:-200}
bench_setup e2e
# The per-client rate limit would otherwise stop one client approving hundreds of documents a minute.
bench_config '"Approval": { "RequestsPerMinute": 100000 }, "Intake": { "StableFor": "00:00:00.500" },'
make_pdfs "$count"
start_worker

echo "Dropping $count PDFs..."
find "$work/staging" -name '*.pdf' -exec mv -t "$route/inbox" {} +

echo "Approving each link as it arrives..."
python3 - "$work/outbox" "http://127.0.0.1:$port" "$count" <<'PY'
# Eight approvers at once, as a morning of officials on their phones would be.
import concurrent.futures, email, urllib.error, email.policy, glob, http.cookiejar, os, re, sys, time, urllib.parse, urllib.request
outbox, base, count = sys.argv[1], sys.argv[2], int(sys.argv[3])

def approve(path):
    with open(path, "rb") as f: message = email.message_from_binary_file(f, policy=email.policy.default)
    body = message.get_body(preferencelist=("plain",))
    link = re.search(r"https?://\S+/approve/[A-Za-z0-9_-]{43}", body.get_content() if body else "")
    if not link: return
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    # The link's hash is committed a moment after the .eml is written; a person is never that fast, this client is.
    for attempt in range(50):
        try:
            page = opener.open(link.group(0)).read().decode()
            break
        except urllib.error.HTTPError as e:
            if e.code != 404 or attempt == 49: raise
            time.sleep(0.1)
    field = re.search(r'name="(__tte)" value="([^"]+)"', page)
    form = urllib.parse.urlencode({"decision": "approve", "confirm": "yes", field.group(1): field.group(2)}).encode()
    opener.open(link.group(0), data=form).read()

seen, deadline = set(), time.time() + 600
with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
    while len(seen) < count and time.time() < deadline:
        new = [p for p in sorted(glob.glob(os.path.join(outbox, "*.eml"))) if p not in seen]
        seen.update(new)
        list(pool.map(approve, new))
        time.sleep(0.1)
print(f"approved {len(seen)} links")
PY

echo "Waiting for every document to be filed..."
for _ in $(seq 1 600); do
  filed=$(sql "SELECT count(*) FROM worker.documents WHERE state = 'Filed'")
  [ "$filed" -ge "$count" ] && break
  sleep 1
done
sql "SELECT 'documents by state: ' || string_agg(state || '=' || n, ', ') FROM (SELECT state, count(*) n FROM worker.documents GROUP BY state) s"
sql "SELECT format('filed: %s of $count; throughput %s documents/s (first approval to last filed); approval to filed p50 %s s, p95 %s s',
        count(*),
        round(count(*) / greatest(extract(epoch FROM max(d.filed_at) - min(s.decided_at)), 0.001)::numeric, 1),
        round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.filed_at - s.decided_at))::numeric, 2),
        round(percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM d.filed_at - s.decided_at))::numeric, 2))
     FROM worker.documents d JOIN worker.approval_steps s ON s.document_id = d.id WHERE d.state = 'Filed'"
printf 'machine load (1 min): %s on 2 cores; worker CPU %s s; peak RSS %d MB\n' "$(cut -d' ' -f1 /proc/loadavg)" "$(cpu)" \
  $(( $(awk '/^VmHWM/ {print $2}' "/proc/$worker_pid/status") / 1024 ))
ls "$route/signed"/*/ | head -n 3
