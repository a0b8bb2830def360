#!/bin/sh
# Prints the port `ntm serve --port 0` chose, read from the line it writes to stderr (LOG), once
# it is there; fails after 10 s.  Shared by tests/browser/app.sh and scripts/web-screenshots.sh.
#   scripts/serve-port.sh LOG
for _ in $(seq 100); do
    port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$1")
    [ -n "$port" ] && { echo "$port"; exit 0; }
    sleep 0.1
done
echo "the server did not start:" >&2
cat "$1" >&2
exit 1
