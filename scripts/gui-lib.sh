# Sourced by the scripts that drive the real window under a virtual screen
# (smoke-gui.sh, crash-gui.sh, e2e-gui.sh, screenshot.sh): a display of their
# own, a temp folder as HOME, the ok/FAIL lines and waiting for the window.
#
#   gui_begin NAME [WxH] [TOOL ...]   checks the tools, makes $tmp, starts Xvfb
#                                     on a free display (default 1280x800) and
#                                     points DISPLAY, HOME and XDG_* into $tmp;
#                                     everything started is stopped on exit
#   gui_wait_window PID [SECONDS]     sets $win once the window is shown (60 s)
#   gui_wait_exit PID [SECONDS]       sets $code once PID ended ("" if not, 10 s);
#                                     not in a subshell: only this shell can wait
#   gui_log_clean LOG                 fails when the program's output has a panic
#   ok TEXT / bad TEXT                count a check ($pass, $fail)

pass=0 fail=0
ok() { echo "  ok    $1"; pass=$((pass + 1)); }
bad() { echo "  FAIL  $1"; fail=$((fail + 1)); }

app="" xvfb="" win="" code=""
gui_cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null
  [ -n "${tmp:-}" ] && rm -rf "$tmp"
}

gui_begin() {
  local name=$1 size=${2:-1280x800} t
  shift 2 2>/dev/null || shift
  for t in Xvfb xdotool import convert "$@"; do
    command -v "$t" >/dev/null || { echo "$name: $t is missing (bash scripts/setup.sh --gui-tools)"; exit 1; }
  done
  tmp=$(mktemp -d)
  trap gui_cleanup EXIT
  # A display number nobody uses: Xvfb picks it and writes it to fd 3.
  Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp 3>"$tmp/display" >/dev/null 2>&1 &
  xvfb=$!
  for _ in $(seq 50); do [ -s "$tmp/display" ] && break; sleep 0.1; done
  export DISPLAY=":$(cat "$tmp/display")" LIBGL_ALWAYS_SOFTWARE=1
  export HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
  mkdir -p "$HOME"
}

gui_wait_window() {
  local pid=$1 tries=$((${2:-60} * 2))
  win=""
  for _ in $(seq "$tries"); do
    win=$(xdotool search --onlyvisible --name "政协履职" 2>/dev/null | head -1)
    [ -n "$win" ] && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.5
  done
  return 1
}

gui_wait_exit() {
  local pid=$1 tries=$((${2:-10} * 4))
  code=""
  for _ in $(seq "$tries"); do
    if ! kill -0 "$pid" 2>/dev/null; then
      wait "$pid"
      code=$?
      [ "$pid" = "$app" ] && app=""
      return 0
    fi
    sleep 0.25
  done
  return 1
}

gui_log_clean() {
  if grep -Eiq "panic|fatal error|segmentation" "$1"; then
    grep -Ei "panic|fatal error" "$1" | head -5
    return 1
  fi
}
