#!/usr/bin/env bash
# Approval page benchmark (not a test): a 10-page letter is dropped, its emailed link opened as a phone's browser would
# (cookies kept, nothing cached before). Prints the page's HTML+CSS bytes, the first page image's bytes at phone width,
# and the time from opening the link to the first page image received (page HTML, which waits for page 1 to be drawn,
# then the image), cold and again from the worker's cache.
# Usage: scripts/bench-approval-page.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
source scripts/bench-lib.sh

ensure_packages qpdf:qpdf pdftoppm:poppler-utils
bench_setup approvalpage
bench_config '"Approval": { "RequestsPerMinute": 100000 }, "Intake": { "StableFor": "00:00:00.500" },'
start_worker

letter=../shared/corpus/pdflatex-4-pages.pdf
qpdf --empty --pages "$letter" "$letter" "$letter" 1-2 -- "$work/staging/surat-10-halaman.pdf"
echo "Dropping a $(qpdf --show-npages "$work/staging/surat-10-halaman.pdf")-page letter..."
mv "$work/staging/surat-10-halaman.pdf" "$route/inbox/"

python3 - "$work/outbox" "http://127.0.0.1:$port" <<'PY'
import email, email.policy, glob, http.cookiejar, os, re, sys, time, urllib.error, urllib.request
outbox, base = sys.argv[1], sys.argv[2]
deadline = time.time() + 120
while time.time() < deadline and not glob.glob(os.path.join(outbox, "*.eml")): time.sleep(0.2)
path = sorted(glob.glob(os.path.join(outbox, "*.eml")))[0]
with open(path, "rb") as f: message = email.message_from_binary_file(f, policy=email.policy.default)
link = re.search(r"https?://\S+/approve/[A-Za-z0-9_-]{43}", message.get_body(preferencelist=("plain",)).get_content()).group(0)

def open_page():
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    for attempt in range(50):  # a 404 only from a worker older than migration 0009, which committed the hash after the send
        try:
            start = time.perf_counter()
            html = opener.open(link).read()
            break
        except urllib.error.HTTPError as e:
            if e.code != 404 or attempt == 49: raise
            time.sleep(0.1)
    sources = re.findall(rb'<img class="page" src="([^"]+)"', html)
    first = opener.open(base + sources[0].decode()).read()
    return time.perf_counter() - start, html, sources, first, opener

cold, html, sources, first, opener = open_page()
warm, *_ = open_page()
start = time.perf_counter()
rest = [len(opener.open(base + s.decode()).read()) for s in sources[1:]]
others = time.perf_counter() - start
print(f"approval page HTML+CSS: {len(html)} bytes (budget 30000); page images listed: {len(sources)}")
print(f"first page image: {len(first)} bytes at 780 px wide (budget 150000); pages 2-{len(sources)}: "
      f"{min(rest)}-{max(rest)} bytes, drawn on request in {others:.2f} s together")
print(f"time to first preview (open link -> first page image received): {cold:.2f} s cold, {warm:.2f} s from cache (budget 1 s)")
PY
printf 'machine load (1 min): %s on 2 cores\n' "$(cut -d' ' -f1 /proc/loadavg)"
