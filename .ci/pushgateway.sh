#!/usr/bin/env bash
# Starts a throw-away Prometheus Pushgateway on a free local port, for the tests that push to a real one.
#   source .ci/pushgateway.sh && start_pushgateway && ... && stop_pushgateway
# Installs Debian's prometheus-pushgateway when it is missing, and prometheus (for promtool, which checks the alert
# rules and reads metrics files back).

install_prometheus_tools() {
  local missing=()
  command -v prometheus-pushgateway >/dev/null || missing+=(prometheus-pushgateway)
  command -v promtool >/dev/null || missing+=(prometheus)
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "ci: installing ${missing[*]}" >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

start_pushgateway() {
  install_prometheus_tools
  PGW_DIR="$(mktemp -d /tmp/spock-pushgateway.XXXXXX)"
  local port
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  prometheus-pushgateway --web.listen-address="127.0.0.1:$port" --persistence.file="" \
    >"$PGW_DIR/pushgateway.log" 2>&1 &
  PGW_PID=$!
  local tries=0
  until python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/-/ready', timeout=1)" \
      2>/dev/null; do
    tries=$((tries + 1))
    if [ "$tries" -ge 50 ] || ! kill -0 "$PGW_PID" 2>/dev/null; then
      echo "ci: the Pushgateway did not start:" >&2
      cat "$PGW_DIR/pushgateway.log" >&2
      return 1
    fi
    sleep 0.2
  done
  export SPOCK_TEST_PUSHGATEWAY_URL="http://127.0.0.1:$port"
  echo "ci: Pushgateway on $SPOCK_TEST_PUSHGATEWAY_URL" >&2
}

stop_pushgateway() {
  if [ -n "${PGW_PID:-}" ]; then
    kill "$PGW_PID" 2>/dev/null || true
    wait "$PGW_PID" 2>/dev/null || true
  fi
  if [ -n "${PGW_DIR:-}" ]; then
    rm -rf "$PGW_DIR"
  fi
}
