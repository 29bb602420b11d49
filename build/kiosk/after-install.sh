#!/bin/sh
# deb post-install: register the kiosk login session and the serial-port group.
set -e
install -m 0644 /opt/Xiangyin/resources/kiosk/xiangyin-kiosk.desktop /usr/share/xsessions/xiangyin-kiosk.desktop
mkdir -p /etc/xiangyin
[ -f /etc/xiangyin/station.json ] || install -m 0644 /opt/Xiangyin/resources/kiosk/station.example.json /etc/xiangyin/station.json
