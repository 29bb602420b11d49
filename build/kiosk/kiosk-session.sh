#!/bin/sh
# The kiosk X session: no screen blanking, no pointer when idle, and the app
# restarted if it ever exits (a crash must not leave residents at a desktop).
#
# A keyring runs in the session so that Electron's safeStorage wraps the
# database key with it (the app refuses safeStorage's basic_text fallback, a
# password built into Chromium). gnome-keyring needs a D-Bus session bus: if the
# display manager gave us none, run this script again inside one.
if [ -z "$DBUS_SESSION_BUS_ADDRESS" ] && command -v dbus-run-session >/dev/null; then
  exec dbus-run-session -- "$0" "$@"
fi
STATE="${XDG_STATE_HOME:-$HOME/.local/state}"
mkdir -p "$STATE"
# An autologin kiosk has no login password to unlock the keyring with. A
# station may provision one (readable only by the kiosk user) in
# /etc/xiangyin/keyring-password; without it the login keyring is unlocked with
# an empty password, which still keeps the key out of the app's files but not
# from someone who copies the whole home folder: say so in the session log.
KEYRING_PASSWORD_FILE="${XIANGYIN_KEYRING_PASSWORD_FILE:-/etc/xiangyin/keyring-password}"
if command -v gnome-keyring-daemon >/dev/null; then
  if [ -r "$KEYRING_PASSWORD_FILE" ]; then
    eval "$(gnome-keyring-daemon --unlock --components=secrets <"$KEYRING_PASSWORD_FILE")"
  else
    echo "xiangyin-session: no $KEYRING_PASSWORD_FILE; unlocking the login keyring with an empty password" >>"$STATE/xiangyin-session.log"
    eval "$(printf '' | gnome-keyring-daemon --unlock --components=secrets)"
  fi
  eval "$(gnome-keyring-daemon --start --components=secrets)"
  export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
else
  echo "xiangyin-session: gnome-keyring-daemon not installed; the kiosk will refuse to start (safeStorage would fall back to basic_text)" >>"$STATE/xiangyin-session.log"
fi
xset s off -dpms s noblank 2>/dev/null || true
command -v unclutter >/dev/null && unclutter -idle 3 -root &
command -v openbox >/dev/null && openbox &
while true; do
  /opt/Xiangyin/xiangyin --password-store=gnome-libsecret 2>>"$STATE/xiangyin-session.log"
  sleep 2
done
