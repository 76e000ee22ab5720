#!/usr/bin/env python3
"""A loopback SMTP sink for scripts/chaos.sh: accepts every message and writes it to DIR/NNNNNN.eml. Usage: chaos-smtp.py PORT DIR"""
import asyncio, itertools, os, sys

port, folder = int(sys.argv[1]), sys.argv[2]
os.makedirs(folder, exist_ok=True)
counter = itertools.count(len(os.listdir(folder)) + 1)


async def session(reader, writer):
    def say(line):
        writer.write((line + "\r\n").encode())

    say("220 chaos-smtp ready")
    await writer.drain()
    while line := await reader.readline():
        verb = line.decode(errors="replace").strip().split(" ")[0].upper()
        if verb in ("EHLO", "HELO"):
            say("250 chaos-smtp")
        elif verb == "DATA":
            say("354 end with <CRLF>.<CRLF>")
            await writer.drain()
            body = bytearray()
            while (data := await reader.readline()) not in (b".\r\n", b".\n", b""):
                body += data[1:] if data.startswith(b"..") else data
            path = os.path.join(folder, f"{next(counter):06d}.eml")
            with open(path + ".tmp", "wb") as f:
                f.write(body)
            os.rename(path + ".tmp", path)
            say("250 queued")
        elif verb == "QUIT":
            say("221 bye")
            await writer.drain()
            break
        else:
            say("250 ok")
        await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(session, "127.0.0.1", port)
    async with server:
        await server.serve_forever()

asyncio.run(main())
