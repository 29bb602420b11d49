#!/bin/sh
# deb post-install: register the kiosk login session and the serial-port group.
set -e
install -m 0644 /opt/Xiangyin/resources/kiosk/xiangyin-kiosk.desktop /usr/share/xsessions/xiangyin-kiosk.desktop
mkdir -p /etc/xiangyin
if [ ! -f /etc/xiangyin/station.json ]; then
  install -m 0644 /opt/Xiangyin/resources/kiosk/station.example.json /etc/xiangyin/station.json
  # The example is production-shaped: the station refuses to start until it is completed.
  echo "Xiangyin: edit /etc/xiangyin/station.json before the first start: set sync.server to your sync server's https URL and list the station's specialists (see README, Station configuration)."
fi
