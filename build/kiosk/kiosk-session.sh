#!/bin/sh
# The kiosk X session: no screen blanking, no pointer when idle, and the app
# restarted if it ever exits (a crash must not leave residents at a desktop).
xset s off -dpms s noblank 2>/dev/null || true
command -v unclutter >/dev/null && unclutter -idle 3 -root &
command -v openbox >/dev/null && openbox &
while true; do
  /opt/Xiangyin/xiangyin 2>>"${XDG_STATE_HOME:-$HOME/.local/state}/xiangyin-session.log"
  sleep 2
done
