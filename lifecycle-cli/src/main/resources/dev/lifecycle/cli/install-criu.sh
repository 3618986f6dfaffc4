#!/usr/bin/env bash
# install-criu - make a working CRIU (>= 4.1) available to Lifecycle.
#
# Debian 12's own criu (3.17.1) fails `criu check` on kernels >= 6.13
# ("vdso: Unexpected rt vDSO area bounds"); CRIU 4.1 is the first release that
# handles the split vDSO clock pages. This script builds CRIU 4.1.1 from Debian
# trixie's source package into <prefix>/bin/criu.
#
# Shipped in lifecycle-cli's jar (`java -jar lifecycle-cli-<version>-all.jar install-criu`, or
# `... install-criu --print > install-criu.sh`); this repository's
# scripts/install-criu.sh runs it with the prefix <repo>/.tools/criu.
#
# Usage:
#   install-criu.sh [--prefix DIR]               find a working criu or build one (needs root)
#   install-criu.sh [--prefix DIR] --print-path  print the path of a working criu, exit 1 if none
#
# The prefix is --prefix, else $LIFECYCLE_CRIU_PREFIX, else /usr/local/lib/lifecycle/criu:
# where Lifecycle's runtime looks for criu after $LIFECYCLE_CRIU and a project's .tools/criu.
# Lookup order for an existing criu: $LIFECYCLE_CRIU, <prefix>/bin/criu, then `criu` on PATH.
# A candidate counts only if `criu --version` reports >= 4.1 and (when run as root)
# `criu check` succeeds.
#
# Works on Debian 12 (bookworm) and later, through the Debian archive already configured
# in /etc/apt/sources.list.d/debian.sources; on other systems install CRIU 4.1+ from your
# distribution and point LIFECYCLE_CRIU at it.
#
# Exit codes: 0 ok, 1 failure (or no criu found with --print-path),
#             2 bad usage, 3 not root.
# Safe to run repeatedly and non-interactively (no tty, no stdin needed).

set -euo pipefail

readonly MIN_MAJOR=4
readonly MIN_MINOR=1
readonly CRIU_VERSION=4.1.1
readonly CRIU_ORIG="criu_${CRIU_VERSION}.orig.tar.xz"
# sha256 of criu_4.1.1.orig.tar.xz as downloaded from Debian's archive; used when
# the archive metadata (Sources index) does not provide a checksum.
readonly CRIU_ORIG_SHA256_PINNED="f80a66cb3726bb2116266d4759ce3bcbfab7abdb6b6d430bf20dd41911717afe"
readonly TRIXIE_SOURCES=/etc/apt/sources.list.d/lifecycle-trixie-src.sources
readonly TRIXIE_PIN=/etc/apt/preferences.d/lifecycle-trixie-pin
readonly DEBIAN_SOURCES=/etc/apt/sources.list.d/debian.sources
readonly BUILD_DEPS=(
  build-essential gcc make pkg-config python3 xz-utils ca-certificates
  protobuf-c-compiler libprotobuf-c-dev libprotobuf-dev protobuf-compiler
  python3-protobuf libnl-3-dev libnet1-dev libcap-dev libbsd-dev
  libgnutls28-dev uuid-dev libaio-dev libnftables-dev
)

PREFIX="${LIFECYCLE_CRIU_PREFIX:-/usr/local/lib/lifecycle/criu}"
if [[ "${1:-}" == "--prefix" ]]; then
  [[ $# -ge 2 && -n "$2" ]] || { printf 'install-criu: --prefix needs a directory\n' >&2; exit 2; }
  PREFIX="$2"
  shift 2
fi
[[ "$PREFIX" == /* ]] || { printf 'install-criu: the prefix must be an absolute path, not %s\n' "$PREFIX" >&2; exit 2; }
LOCAL_CRIU="$PREFIX/bin/criu"
# How the local criu was built; a local criu built otherwise (or by an older script) is rebuilt.
LOCAL_BUILD="$PREFIX/build-options"
readonly PREFIX LOCAL_CRIU LOCAL_BUILD
# criu keeps its cache of the kernel's features (criu.kdat, which saves some 30 ms per run) only
# on a tmpfs, by default in /run, which is not one on every machine; /dev/shm is. The pool's CRIU
# engine keeps this directory root's alone (dev.lifecycle.pool.criu.KernelFeatureCache).
readonly KDAT_DIR=/dev/shm/lifecycle-criu
readonly BUILD_OPTIONS="criu $CRIU_VERSION RUNDIR=$KDAT_DIR"

export DEBIAN_FRONTEND=noninteractive
export LC_ALL=C

log() { printf 'install-criu: %s\n' "$*" >&2; }
die() { printf 'install-criu: ERROR: %s\n' "$*" >&2; exit 1; }

TMP_DIR=""
cleanup() {
  if [[ -n "$TMP_DIR" && -d "$TMP_DIR" ]]; then
    rm -rf -- "$TMP_DIR"
  fi
}
trap cleanup EXIT
trap 'die "failed at line $LINENO: $BASH_COMMAND"' ERR

is_root() { [[ "$(id -u)" -eq 0 ]]; }

# Prints "X.Y[.Z]" for a criu binary, or fails.
criu_version() {
  local out
  out="$("$1" --version 2>/dev/null </dev/null)" || return 1
  sed -n 's/^Version:[[:space:]]*\([0-9][0-9.]*\).*/\1/p' <<<"$out" | head -n 1 | grep . 
}

version_ok() {
  local major minor
  IFS=. read -r major minor _ <<<"$1"
  [[ "$major" =~ ^[0-9]+$ && "${minor:-0}" =~ ^[0-9]+$ ]] || return 1
  (( major > MIN_MAJOR || (major == MIN_MAJOR && ${minor:-0} >= MIN_MINOR) ))
}

# `criu check` must exit 0 or say "Looks good." Output is kept in CHECK_OUTPUT.
CHECK_OUTPUT=""
criu_check() {
  local rc=0
  CHECK_OUTPUT="$("$1" check 2>&1 </dev/null)" || rc=$?
  [[ $rc -eq 0 ]] || grep -q 'Looks good' <<<"$CHECK_OUTPUT"
}

# Usable = executable, version >= 4.1, and `criu check` passes (root only;
# without root only the version can be verified). Sets FOUND_VERSION.
FOUND_VERSION=""
usable_criu() {
  local bin="$1" quiet="${2:-}" ver
  [[ -n "$bin" && -f "$bin" && -x "$bin" ]] || return 1
  if ! ver="$(criu_version "$bin")"; then
    [[ -n "$quiet" ]] || log "$bin: cannot read its version, ignoring it"
    return 1
  fi
  if ! version_ok "$ver"; then
    [[ -n "$quiet" ]] || log "$bin: version $ver is older than $MIN_MAJOR.$MIN_MINOR, ignoring it"
    return 1
  fi
  if is_root && ! criu_check "$bin"; then
    [[ -n "$quiet" ]] || log "$bin: version $ver but 'criu check' failed, ignoring it:"$'\n'"$CHECK_OUTPUT"
    return 1
  fi
  FOUND_VERSION="$ver"
}

# Sets FOUND_CRIU to the first usable criu in lookup order.
FOUND_CRIU=""
find_criu() {
  local quiet="${1:-}" c
  local candidates=()
  if [[ -n "${LIFECYCLE_CRIU:-}" ]]; then candidates+=("$LIFECYCLE_CRIU"); fi
  candidates+=("$LOCAL_CRIU")
  c="$(command -v criu 2>/dev/null || true)"
  if [[ -n "$c" ]]; then candidates+=("$c"); fi
  for c in "${candidates[@]}"; do
    if usable_criu "$c" "$quiet"; then
      FOUND_CRIU="$c"
      return 0
    fi
  done
  return 1
}

# The URIs of the Debian main archive configured in debian.sources (deb822),
# i.e. of the stanza(s) whose Suites contain the plain release codename.
debian_archive_uris() {
  local codename="$1"
  [[ -r "$DEBIAN_SOURCES" ]] || die "$DEBIAN_SOURCES not found; cannot tell which Debian archive to use"
  awk -v want="$codename" '
    function flush() {
      if (uris != "" && hit) print uris
      uris = ""; hit = 0
    }
    /^[[:space:]]*$/ { flush(); next }
    /^#/ { next }
    tolower($1) == "uris:" { uris = $0; sub(/^[^:]*:[[:space:]]*/, "", uris) }
    tolower($1) == "suites:" { for (i = 2; i <= NF; i++) if ($i == want) hit = 1 }
    END { flush() }
  ' "$DEBIAN_SOURCES" | tr ' ' '\n' | grep -v '^$' | sort -u | tr '\n' ' ' | sed 's/ $//'
}

setup_trixie_source() {
  local codename uris
  # shellcheck disable=SC1091
  codename="$(. /etc/os-release && printf '%s' "${VERSION_CODENAME:-}")"
  [[ -n "$codename" ]] || die "cannot read VERSION_CODENAME from /etc/os-release"
  uris="$(debian_archive_uris "$codename")"
  [[ -n "$uris" ]] || die "no URIs for suite '$codename' in $DEBIAN_SOURCES"
  log "adding deb-src for trixie ($uris) in $TRIXIE_SOURCES, pinned to priority 1 in $TRIXIE_PIN"
  local new_sources
  new_sources="$(cat <<EOF
# Added by Lifecycle's install-criu: source packages only, used to
# build CRIU $CRIU_VERSION. Binary packages from trixie are never installed.
Types: deb-src
URIs: $uris
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
)"
  local new_pin
  new_pin="$(cat <<'EOF'
# Added by Lifecycle's install-criu: never upgrade anything to trixie.
Package: *
Pin: release n=trixie
Pin-Priority: 1
EOF
)"
  [[ -f "$TRIXIE_SOURCES" && "$(cat "$TRIXIE_SOURCES")" == "$new_sources" ]] \
    || printf '%s\n' "$new_sources" >"$TRIXIE_SOURCES"
  [[ -f "$TRIXIE_PIN" && "$(cat "$TRIXIE_PIN")" == "$new_pin" ]] \
    || printf '%s\n' "$new_pin" >"$TRIXIE_PIN"
}

# sha256 of the orig tarball from the trixie Sources index (empty if unknown).
expected_sha256_from_index() {
  apt-cache showsrc criu 2>/dev/null | awk -v file="$CRIU_ORIG" -v ver="$CRIU_VERSION" '
    /^Package:/ { inver = 0; insum = 0 }
    /^Version:/ { inver = index($2, ver "-") == 1 }
    /^[^ ]/ && !/^Checksums-Sha256:/ { insum = 0 }
    /^Checksums-Sha256:/ { insum = 1; next }
    inver && insum && $3 == file { print $1; exit }
  '
}

build_criu() {
  TMP_DIR="$(mktemp -d /tmp/lifecycle-criu.XXXXXX)"
  local apt_opts=(-o APT::Sandbox::User=root -o Dpkg::Use-Pty=0 -o Acquire::Retries=3)

  setup_trixie_source
  log "apt-get update"
  apt-get "${apt_opts[@]}" -q update </dev/null >"$TMP_DIR/apt-update.log" 2>&1 \
    || { cat "$TMP_DIR/apt-update.log" >&2; die "apt-get update failed"; }

  log "downloading the criu $CRIU_VERSION source from trixie"
  # The .dsc may answer 404 while the tarball downloads fine: judge by the tarball.
  (cd "$TMP_DIR" && apt-get "${apt_opts[@]}" -q source --download-only "criu/trixie" \
      </dev/null >"$TMP_DIR/apt-source.log" 2>&1) || true
  if [[ ! -s "$TMP_DIR/$CRIU_ORIG" ]]; then
    cat "$TMP_DIR/apt-source.log" >&2
    die "$CRIU_ORIG was not downloaded (does trixie still ship criu $CRIU_VERSION?)"
  fi

  local expected actual source
  expected="$(expected_sha256_from_index || true)"
  source="trixie Sources index"
  if [[ -z "$expected" ]]; then
    expected="$CRIU_ORIG_SHA256_PINNED"
    source="value pinned in this script"
  fi
  actual="$(sha256sum "$TMP_DIR/$CRIU_ORIG" | cut -d' ' -f1)"
  [[ "$actual" == "$expected" ]] \
    || die "sha256 mismatch for $CRIU_ORIG: got $actual, expected $expected ($source)"
  if [[ "$actual" != "$CRIU_ORIG_SHA256_PINNED" ]]; then
    log "note: the archive's tarball differs from the sha256 pinned in this script"
  fi
  log "sha256 of $CRIU_ORIG verified against the $source"

  log "installing build dependencies from bookworm"
  apt-get "${apt_opts[@]}" -q install -y --no-install-recommends "${BUILD_DEPS[@]}" \
    </dev/null >"$TMP_DIR/apt-install.log" 2>&1 \
    || { cat "$TMP_DIR/apt-install.log" >&2; die "installing build dependencies failed"; }

  log "unpacking and building (make -j2 criu)"
  tar -xJf "$TMP_DIR/$CRIU_ORIG" -C "$TMP_DIR"
  local src
  src="$(find "$TMP_DIR" -mindepth 1 -maxdepth 1 -type d -name 'criu-*' | head -n 1)"
  [[ -n "$src" && -f "$src/Makefile" ]] || die "unexpected layout in $CRIU_ORIG"
  local jobs
  jobs="$(nproc 2>/dev/null || echo 2)"
  if (( jobs > 2 )); then jobs=2; fi
  make -C "$src" -j"$jobs" criu RUNDIR="$KDAT_DIR" </dev/null >"$TMP_DIR/make.log" 2>&1 \
    || { tail -n 60 "$TMP_DIR/make.log" >&2; die "make criu failed (last 60 lines above)"; }
  [[ -x "$src/criu/criu" ]] || die "build finished but $src/criu/criu is missing"

  log "installing the binary to $LOCAL_CRIU"
  mkdir -p "$(dirname "$LOCAL_CRIU")"
  install -m 0755 "$src/criu/criu" "$LOCAL_CRIU.tmp.$$"
  mv -f "$LOCAL_CRIU.tmp.$$" "$LOCAL_CRIU"
  printf '%s\n' "$BUILD_OPTIONS" >"$LOCAL_BUILD"
}

main() {
  case "${1:-}" in
    --print-path)
      [[ $# -eq 1 ]] || { log "usage: install-criu [--prefix DIR] [--print-path]"; exit 2; }
      if find_criu quiet; then printf '%s\n' "$FOUND_CRIU"; exit 0; fi
      exit 1
      ;;
    "") ;;
    -h|--help)
      sed -n '2,/^$/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
      exit 0
      ;;
    *) log "unknown argument: $1 (usage: install-criu [--prefix DIR] [--print-path])"; exit 2 ;;
  esac

  if ! is_root; then
    log "root is needed (criu check, apt-get, building CRIU); rerun as root (sudo)"
    exit 3
  fi

  # Serialise concurrent runs (e.g. parallel CI jobs on one machine).
  exec 9>/var/lock/lifecycle-install-criu.lock
  flock 9

  if [[ -x "$LOCAL_CRIU" && "$(cat "$LOCAL_BUILD" 2>/dev/null)" != "$BUILD_OPTIONS" ]]; then
    log "$LOCAL_CRIU was built without '$BUILD_OPTIONS': building it again"
    rm -f -- "$LOCAL_CRIU"
  fi

  if find_criu; then
    log "working criu $FOUND_VERSION already available; 'criu check' passed"
    log "OK: $FOUND_CRIU (version $FOUND_VERSION)"
    exit 0
  fi

  log "no working criu >= $MIN_MAJOR.$MIN_MINOR found; building CRIU $CRIU_VERSION from Debian trixie's source"
  build_criu

  usable_criu "$LOCAL_CRIU" || die "the freshly built $LOCAL_CRIU does not work"
  log "criu check output:"
  printf '%s\n' "$CHECK_OUTPUT" | sed 's/^/install-criu:   /' >&2
  log "OK: $LOCAL_CRIU (version $FOUND_VERSION)"
}

main "$@"
