#!/usr/bin/env bash
# Drive the window as a screen reader does: start it on the seeds under Xvfb with the AT-SPI bus
# on, then look for PHRASE in the accessibility tree (names and texts of every node).
# usage: scripts/atspi_check.sh [BINARY] [PHRASE]
# needs: xvfb at-spi2-core python3-pyatspi dbus (Debian packages); exits 0 when PHRASE is found.
set -euo pipefail
bin=$(realpath "${1:-target/release/techdivide}")
phrase=${2:-Billions of dollars in market value}
export XDG_RUNTIME_DIR=$(mktemp -d)
TECHDIVIDE_DATA_DIR=$(mktemp -d)
export TECHDIVIDE_DATA_DIR
probe=$(mktemp --suffix=.py)
cat > "$probe" <<'PY'
import sys, time
import pyatspi
want = sys.argv[1]
def walk(acc, out):
    text = ''
    try:
        text = acc.queryText().getText(0, -1)
    except Exception:
        pass
    out.append((acc.getRoleName(), acc.name or '', text))
    for i in range(acc.childCount):
        child = acc.getChildAtIndex(i)
        if child is not None:
            walk(child, out)
    return out
app = None
for _ in range(30):
    desk = pyatspi.Registry.getDesktop(0)
    app = next((desk.getChildAtIndex(i) for i in range(desk.childCount)
                if (desk.getChildAtIndex(i).name or '') == 'techdivide'), None)
    if app:
        break
    time.sleep(1)
if app is None:
    sys.exit('the window never showed up on the AT-SPI bus')
nodes = walk(app, [])
hits = [n for n in nodes if want in n[1] or want in n[2]]
print(f'{len(nodes)} nodes; {len(hits)} hold {want!r}')
for role, name, text in hits[:3]:
    print(f'  {role}: {(name or text)[:100]}')
sys.exit(0 if hits else 1)
PY
dbus-run-session -- bash -c '
  /usr/libexec/at-spi-bus-launcher --launch-immediately &
  sleep 2
  for p in IsEnabled ScreenReaderEnabled; do
    dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus \
      org.freedesktop.DBus.Properties.Set string:org.a11y.Status string:$p variant:boolean:true >/dev/null
  done
  xvfb-run -a -s "-screen 0 1280x800x24" bash -c "timeout 90 \"$1\" >/dev/null 2>&1 & sleep 8; /usr/bin/python3 \"$2\" \"$3\"; rc=\$?; kill %1 2>/dev/null; exit \$rc"
' _ "$bin" "$probe" "$phrase" 2> >(grep -v -e dbus-daemon -e SpiRegistry >&2)
