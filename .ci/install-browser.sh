#!/bin/sh
# Install Debian's Chromium and chromedriver for the browser tests (tests/test_ui_browser.py).
# Idempotent; runs as root without sudo. Never downloads a browser build from elsewhere.
set -eu

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    echo "install-browser: /usr/bin/chromium and /usr/bin/chromedriver already present; nothing to do"
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "install-browser: needs root to apt-get install chromium chromium-driver" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
echo "install-browser: apt-get update"
apt-get update
echo "install-browser: apt-get install -y --no-install-recommends chromium chromium-driver"
apt-get install -y --no-install-recommends chromium chromium-driver
echo "install-browser: installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
