#!/usr/bin/env bash
# Benchmarks the PDF signer (not a test): peak memory signing a ~200 MB PDF, and batch throughput
# signing 1,000 PDFs of ~100 KB with RSA-2048 in one process. Targets: < 150 MB RSS, >= 100 files/s.
# Usage: scripts/bench-sign.sh [WORK_DIR]   (default: a fresh temporary directory, removed afterwards)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$(mktemp -d -t bench-sign-XXXXXX)}"
[ -n "${1:-}" ] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work"

command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install -y time)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "needs python3 to generate the test PDFs" >&2; exit 2; }

echo "== building Release"
dotnet build -c Release "$root/Worker/Worker.csproj" -v q -nologo >/dev/null
worker=(dotnet "$root/Worker/bin/Release/net10.0/Worker.dll")
"${worker[@]}" dev-certs "$work/certs" >/dev/null

# A PDF whose pages each draw one big uncompressed grayscale image of random bytes (incompressible).
make_pdf() { # make_pdf OUT PAGES SIDE
python3 - "$@" <<'PY'
import os, sys
out, pages, side = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
f = open(out, "wb"); offsets = {}
def obj(n, body, stream=None):
    offsets[n] = f.tell()
    f.write(f"{n} 0 obj\n".encode() + body)
    if stream is not None:
        f.write(b"\nstream\n")
        left = stream
        while left:
            chunk = min(left, 1 << 20); f.write(os.urandom(chunk)); left -= chunk
        f.write(b"\nendstream")
    f.write(b"\nendobj\n")
f.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
kids = " ".join(f"{3 + 3*i} 0 R" for i in range(pages))
obj(1, b"<< /Type /Catalog /Pages 2 0 R >>")
obj(2, f"<< /Type /Pages /Count {pages} /Kids [{kids}] >>".encode())
for i in range(pages):
    p, c, im = 3 + 3*i, 4 + 3*i, 5 + 3*i
    obj(p, f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {c} 0 R /Resources << /XObject << /Im0 {im} 0 R >> >> >>".encode())
    draw = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
    offsets[c] = f.tell(); f.write(f"{c} 0 obj\n<< /Length {len(draw)} >>\nstream\n".encode() + draw + b"\nendstream\nendobj\n")
    obj(im, f"<< /Type /XObject /Subtype /Image /Width {side} /Height {side} /ColorSpace /DeviceGray /BitsPerComponent 8 /Length {side*side} >>".encode(), side*side)
size = max(offsets) + 1
xref = f.tell()
f.write(f"xref\n0 {size}\n0000000000 65535 f\r\n".encode())
for n in range(1, size): f.write(f"{offsets[n]:010d} 00000 n\r\n".encode())
f.write(f"trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
PY
}

echo "== generating a ~200 MB PDF"
make_pdf "$work/big.pdf" 4 7200
ls -l "$work/big.pdf" | awk '{printf "input: %.1f MB\n", $5/1048576}'

echo "== signing it (peak resident memory)"
/usr/bin/time -v "${worker[@]}" sign "$work/big.pdf" -o "$work/big-signed.pdf" \
  --pkcs12 "$work/certs/signer.p12" --password-file "$work/certs/signer.pass" 2> "$work/time.txt"
rss_kb=$(awk -F: '/Maximum resident set size/ {gsub(/ /,"",$2); print $2}' "$work/time.txt")
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")
printf "peak RSS: %.1f MB (target < 150 MB), wall time %s\n" "$(echo "$rss_kb / 1024" | bc -l)" "$wall"

echo "== generating 1,000 PDFs of ~100 KB"
mkdir -p "$work/batch-in" "$work/batch-out"
make_pdf "$work/batch-in/doc-0000.pdf" 1 316
for i in $(seq 1 999); do cp "$work/batch-in/doc-0000.pdf" "$work/batch-in/doc-$(printf %04d "$i").pdf"; done
ls -l "$work/batch-in/doc-0000.pdf" | awk '{printf "each input: %.1f KB\n", $5/1024}'

echo "== batch signing with RSA-2048 in one process"
/usr/bin/time -v "${worker[@]}" sign "$work"/batch-in/*.pdf --out-dir "$work/batch-out" \
  --pkcs12 "$work/certs/signer.p12" --password-file "$work/certs/signer.pass" 2> "$work/time-batch.txt" | tail -1
rss_kb=$(awk -F: '/Maximum resident set size/ {gsub(/ /,"",$2); print $2}' "$work/time-batch.txt")
printf "batch peak RSS: %.1f MB, wall time (with start-up) %s\n" "$(echo "$rss_kb / 1024" | bc -l)" \
  "$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time-batch.txt")"
