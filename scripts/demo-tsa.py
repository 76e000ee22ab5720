#!/usr/bin/env python3
"""A demo RFC 3161 time-stamp authority on loopback for scripts/run.sh.

Each POSTed query is answered by `openssl ts -reply` with the demo TSA certificate that `Worker dev-certs` made.
For the demo only: one request at a time, no accuracy guarantees beyond the machine's clock.
"""
import argparse
import http.server
import os
import subprocess
import tempfile

MAX_QUERY_BYTES = 64 * 1024

CONFIG = """[tsa]
default_tsa = demo
[demo]
serial = {state}/serial
crypto_device = builtin
signer_cert = {certs}/tsa.pem
certs = {certs}/ca.pem
signer_key = {certs}/tsa-key.pem
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.3161.2
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--certs", required=True, help="the dev-certs folder (tsa.pem, tsa-key.pem, ca.pem)")
    args = parser.parse_args()
    state = tempfile.mkdtemp(prefix="demo-tsa-")
    with open(os.path.join(state, "serial"), "w") as serial:
        serial.write("01\n")
    config = os.path.join(state, "tsa.cnf")
    with open(config, "w") as f:
        f.write(CONFIG.format(state=state, certs=os.path.abspath(args.certs)))

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            if length <= 0 or length > MAX_QUERY_BYTES:
                self.send_error(400, "a timestamp query of at most 64 KiB is expected")
                return
            query = os.path.join(state, "query.tsq")
            reply = os.path.join(state, "reply.tsr")
            with open(query, "wb") as f:
                f.write(self.rfile.read(length))
            done = subprocess.run(["openssl", "ts", "-reply", "-config", config, "-queryfile", query, "-out", reply],
                                  capture_output=True)
            if done.returncode != 0:
                self.send_error(500, "openssl ts could not answer")
                return
            with open(reply, "rb") as f:
                body = f.read()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, fmt, *values):
            print("demo-tsa: " + fmt % values, flush=True)

    server = http.server.HTTPServer(("127.0.0.1", args.port), Handler)
    print(f"demo-tsa: listening on http://127.0.0.1:{args.port}/", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
