"""Stand-in for Mailpit: an SMTP server that keeps every message in memory, and Mailpit's read API."""
import email
import email.policy
import json
import socketserver
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

messages = []
lock = threading.Lock()


class Smtp(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())

    def handle(self):
        self.reply("220 mailpit stand-in ESMTP")
        recipients = []
        while line := self.rfile.readline():
            verb = line.decode(errors="replace").strip().split(" ", 1)[0].upper()
            if verb == "EHLO":
                self.reply("250-mailpit stand-in")
                self.reply("250 AUTH PLAIN LOGIN")
            elif verb == "HELO":
                self.reply("250 mailpit stand-in")
            elif verb == "AUTH":
                self.authenticate(line.decode().split())
            elif verb == "MAIL":
                recipients = []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(line.decode().split(":", 1)[1].strip().strip("<>").split(">")[0])
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                self.store(self.read_data(), recipients)
                self.reply("250 OK: queued")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            elif verb in ("RSET", "NOOP"):
                self.reply("250 OK")
            else:
                self.reply("502 Command not implemented")

    # Accepts any credentials, as Mailpit does with MP_SMTP_AUTH_ACCEPT_ANY.
    def authenticate(self, words):
        mechanism = words[1].upper() if len(words) > 1 else ""
        if mechanism == "PLAIN" and len(words) == 2:
            self.reply("334 ")
            self.rfile.readline()
        elif mechanism == "LOGIN":
            for prompt in ([] if len(words) > 2 else ["VXNlcm5hbWU6"]) + ["UGFzc3dvcmQ6"]:
                self.reply("334 " + prompt)
                self.rfile.readline()
        self.reply("235 Authentication successful")

    def read_data(self):
        lines = []
        while (line := self.rfile.readline()) not in (b".\r\n", b".\n", b""):
            lines.append(line[1:] if line.startswith(b"..") else line)
        return b"".join(lines)

    @staticmethod
    def store(raw, recipients):
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        text = parsed.get_body(("plain",))
        html = parsed.get_body(("html",))
        with lock:
            messages.append({
                "ID": uuid.uuid4().hex,
                "Subject": str(parsed["Subject"] or ""),
                "From": {"Address": str(parsed["From"] or "")},
                "To": [{"Address": r} for r in recipients],
                "Text": text.get_content() if text else "",
                "HTML": html.get_content() if html else "",
            })


class Api(BaseHTTPRequestHandler):
    def do_GET(self):
        with lock:
            if self.path.split("?")[0] == "/api/v1/messages":
                summary = [{k: m[k] for k in ("ID", "Subject", "From", "To")} for m in reversed(messages)]
                self.send(200, {"total": len(messages), "messages": summary})
                return
            found = [m for m in messages if self.path == "/api/v1/message/" + m["ID"]]
        self.send(200, found[0]) if found else self.send(404, {"error": "not found"})

    def send(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


class ThreadingSmtp(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    smtp = ThreadingSmtp(("0.0.0.0", 1025), Smtp)
    threading.Thread(target=smtp.serve_forever, daemon=True).start()
    print("mailpit stand-in: SMTP on 1025, API on 8025")
    ThreadingHTTPServer(("0.0.0.0", 8025), Api).serve_forever()
