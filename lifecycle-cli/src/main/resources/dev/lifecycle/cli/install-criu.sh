#!/usr/bin/env bash
# install-criu - make a working CRIU (>= 4.1) available to Lifecycle.
#
# Debian 12's own criu (3.17.1) fails `criu check` on kernels >= 6.13
# ("vdso: Unexpected rt vDSO area bounds"); CRIU 4.1 is the first release that
# handles the split vDSO clock pages. This script builds CRIU 4.1.1 from Debian
# trixie's source package into <prefix>/bin/criu, with one change of Lifecycle's own (the patch at
# the end of this script): asked to by LIFECYCLE_CRIU_MAP_PAGES=1, a restore maps the image's
# private pages into the process, copy on write, instead of reading them, so a restore takes
# about as long for a large image as for a small one, and clones of one image share its pages
# until they write them. `criu --version` then prints a line "Lifecycle: map-pages". And
# `criu lifecycle-restore-server` serves restores as forks of itself (a line
# "Lifecycle: restore-server").
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
  patch protobuf-c-compiler libprotobuf-c-dev libprotobuf-dev protobuf-compiler
  python3-protobuf libnl-3-dev libnet1-dev libcap-dev libbsd-dev
  uuid-dev libaio-dev
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
# Names the patch below: a criu built by an older script (or with another patch) is rebuilt.
readonly BUILD_OPTIONS="criu $CRIU_VERSION RUNDIR=$KDAT_DIR patch=lifecycle-9 NO_GNUTLS=1 nftables=no"

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
  log "applying Lifecycle's patch (on restore: pages mapped from the image, no hardware breakpoints; a restore server)"
  lifecycle_patch | patch -d "$src" -p1 --forward --quiet >"$TMP_DIR/patch.log" 2>&1 \
    || { cat "$TMP_DIR/patch.log" >&2; die "Lifecycle's patch does not apply to criu $CRIU_VERSION"; }
  local jobs
  jobs="$(nproc 2>/dev/null || echo 2)"
  if (( jobs > 2 )); then jobs=2; fi
  # Without GnuTLS (TLS for criu's page server) and nftables (locking the network of TCP
  # connections, which no worker holds at its checkpoint), which criu links whenever pkg-config
  # finds them: 13 fewer shared libraries for every criu run to load, some 2 ms of each restore.
  local pkg_config="$TMP_DIR/pkg-config-without-nftables"
  printf '%s\n' '#!/bin/sh' \
    'for arg in "$@"; do case "$arg" in libnftables*) exit 1 ;; esac; done' \
    'exec pkg-config "$@"' >"$pkg_config"
  chmod +x "$pkg_config"
  make -C "$src" -j"$jobs" criu RUNDIR="$KDAT_DIR" NO_GNUTLS=1 PKG_CONFIG="$pkg_config" \
    </dev/null >"$TMP_DIR/make.log" 2>&1 \
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

# Lifecycle's change to criu 4.1.1: with LIFECYCLE_CRIU_MAP_PAGES=1, the restorer maps each run of
# a private mapping's pages from pages-*.img (MAP_PRIVATE | MAP_FIXED, so copy on write) where it
# would read them. Read as before: a stack that grows down, shared or huge-page memory, the vDSO,
# 32-bit tasks, an image on a noexec file system or shorter than its page map says, a mapping the
# kernel refuses, and the first page of every mapping and of every large block of glibc's malloc
# inside one, so that mremap (realloc) never grows a mapping of the image's file past its end
# (the pages to look at for such a block: those Lifecycle lists in lifecycle-malloc-blocks-*.img
# when it checkpoints, else every page). No page is populated (but a locked mapping's, which
# mlock fills): a clone faults in those it touches.
# Locked (mlock) and no-reserve mappings keep those flags. The image must then stay unchanged while a clone runs: Lifecycle's store never
# writes an image again, and deleting it is safe (the mapping keeps the file). One difference to
# read memory: MADV_DONTNEED on such a page brings back the image's copy instead of zeros;
# neither HotSpot nor glibc's malloc assumes zeros there.
# And on every restore, criu stops each restored thread at its last sigreturn by tracing its
# syscalls, as criu itself does where there are no hardware breakpoints, instead of setting one:
# a thread's first debug register write costs some 10 ms in a virtual machine.
# And the restorer's stacks and sigframes are not zeroed again: a new anonymous mapping is zero,
# and writing it faulted in some 40 KB of pages for every thread of the clone.
# And a command, `criu lifecycle-restore-server`, that a JVM starts once and that forks itself for
# each restore it is sent (criu's arguments, the files for its fds 0 to 2, one environment
# variable) instead of the JVM starting a criu: no exec, dynamic linking and processor probing on
# the way of every clone (criu/lifecycle-server.c). The server detects the kernel's features once
# before its first fork, and each restore inherits them (criu/kerndat.c). `criu --version` then
# also prints "Lifecycle: restore-server".
lifecycle_patch() {
  cat <<'PATCH'
--- a/criu/include/restorer.h
+++ b/criu/include/restorer.h
@@ -135,6 +135,7 @@
 
 struct restore_vma_io {
 	int nr_iovs;
+	int map; /* Lifecycle: map these pages from the image, copy on write, instead of reading them */
 	loff_t off;
 	struct iovec iovs[0];
 };
@@ -167,6 +168,12 @@
 	int vma_ios_fd;
 	struct restore_vma_io *vma_ios;
 	unsigned int vma_ios_n;
+	/*
+	 * Lifecycle: the offsets in the page image, ascending, of the pages that start as the header
+	 * of a block glibc's malloc mapped; malloc_blocks_n < 0 when the image came without that list.
+	 */
+	unsigned long *malloc_blocks;
+	int malloc_blocks_n;
 
 	struct restore_posix_timer *posix_timers;
 	unsigned int posix_timers_n;
--- a/criu/include/pagemap.h
+++ b/criu/include/pagemap.h
@@ -106,7 +106,7 @@
 struct task_restore_args;
 
 int pagemap_enqueue_iovec(struct page_read *pr, void *buf, unsigned long len, struct list_head *to);
-int pagemap_render_iovec(struct list_head *from, struct task_restore_args *ta);
+int pagemap_render_iovec(struct list_head *from, struct task_restore_args *ta, int pages_id);
 
 /*
  * Create a shallow copy of page_read object.
--- a/criu/mem.c
+++ b/criu/mem.c
@@ -1466,7 +1466,7 @@
 		return -1;
 
 	ta->vma_ios_fd = img_raw_fd(pages);
-	return pagemap_render_iovec(&rsti(t)->vma_io, ta);
+	return pagemap_render_iovec(&rsti(t)->vma_io, ta, rsti(t)->pages_img_id);
 }
 
 int prepare_vmas(struct pstree_item *t, struct task_restore_args *ta)
--- a/criu/pagemap.c
+++ b/criu/pagemap.c
@@ -1,5 +1,9 @@
 #include <fcntl.h>
 #include <stdio.h>
+#include <stdlib.h>
+#include <string.h>
+#include <sys/stat.h>
+#include <sys/statvfs.h>
 #include <unistd.h>
 #include <linux/falloc.h>
 #include <sys/uio.h>
@@ -299,9 +303,98 @@
 	return 0;
 }
 
-int pagemap_render_iovec(struct list_head *from, struct task_restore_args *ta)
+/*
+ * Lifecycle: whether this restore maps the private pages from the page image fd (copy on write)
+ * instead of reading them, asked for with LIFECYCLE_CRIU_MAP_PAGES=1. Never with auto-dedup (it
+ * punches holes in the image as it reads), lazy pages (they arrive later, through userfaultfd), or
+ * an image on a noexec file system.
+ */
+static int map_pages_from_image(int fd)
+{
+	static int asked = -1;
+	const char *value;
+	struct statvfs fs;
+
+	if (asked < 0) {
+		value = getenv("LIFECYCLE_CRIU_MAP_PAGES");
+		asked = value && !strcmp(value, "1") && !opts.auto_dedup && !opts.lazy_pages;
+	}
+	if (!asked)
+		return 0;
+	/* The process could never make such memory executable again (a JIT's code, say). */
+	if (fstatvfs(fd, &fs) == 0 && (fs.f_flag & ST_NOEXEC)) {
+		pr_info("Lifecycle: the image is on a noexec file system: reading its pages\n");
+		return 0;
+	}
+	pr_info("Lifecycle: mapping private pages from the image instead of reading them\n");
+	return 1;
+}
+
+/*
+ * Lifecycle: reads the list that Lifecycle writes next to a page image it checkpointed,
+ * lifecycle-malloc-blocks-<id>.img: the offsets (64-bit, ascending) of the image's pages that
+ * start as glibc's header of a block it mapped. With it the restorer looks at those pages only,
+ * instead of at every page it maps (which would fault each one in). Without it (an image of some
+ * other making), malloc_blocks_n is -1 and every page is looked at.
+ */
+static int read_malloc_blocks(struct task_restore_args *ta, int pages_id, off_t image_size)
+{
+	char name[64];
+	struct stat st;
+	unsigned long *blocks;
+	int fd, n, i;
+
+	snprintf(name, sizeof(name), "lifecycle-malloc-blocks-%d.img", pages_id);
+	fd = openat(get_service_fd(IMG_FD_OFF), name, O_RDONLY);
+	if (fd < 0) {
+		pr_info("Lifecycle: no %s: every mapped page is looked at\n", name);
+		return 0;
+	}
+	/* The list's offsets are 64-bit; this restorer's are unsigned long: one size. */
+	BUILD_BUG_ON(sizeof(*blocks) != sizeof(uint64_t));
+	/* At most one offset per page of the image: the file's size bounds the memory it takes. */
+	if (fstat(fd, &st) || st.st_size % sizeof(*blocks) ||
+	    st.st_size / sizeof(*blocks) > image_size / PAGE_SIZE + 1 || st.st_size / sizeof(*blocks) > INT_MAX) {
+		pr_err("Lifecycle: %s is not a list of 64-bit offsets, at most one per page of the image\n", name);
+		close(fd);
+		return -1;
+	}
+	n = st.st_size / sizeof(*blocks);
+	ta->malloc_blocks = (unsigned long *)rst_mem_align_cpos(RM_PRIVATE);
+	blocks = n ? rst_mem_alloc(n * sizeof(*blocks), RM_PRIVATE) : NULL;
+	if (n && !blocks) {
+		close(fd);
+		return -1;
+	}
+	if (n && read_all(fd, blocks, st.st_size) != st.st_size) {
+		pr_perror("Lifecycle: can't read %s", name);
+		close(fd);
+		return -1;
+	}
+	close(fd);
+	for (i = 1; i < n; i++) {
+		if (blocks[i] <= blocks[i - 1]) {
+			pr_err("Lifecycle: the offsets in %s are not ascending\n", name);
+			return -1;
+		}
+	}
+	ta->malloc_blocks_n = n;
+	pr_info("Lifecycle: %d pages of the image start as a block of glibc's malloc\n", n);
+	return 0;
+}
+
+int pagemap_render_iovec(struct list_head *from, struct task_restore_args *ta, int pages_id)
 {
 	struct page_read_iov *piov;
+	int map = map_pages_from_image(ta->vma_ios_fd);
+	struct stat image;
+
+	/* Until the list is read, if pages are mapped at all: every mapped page is looked at. */
+	ta->malloc_blocks = NULL;
+	ta->malloc_blocks_n = -1;
+	/* A mapping past the file's end would fault (SIGBUS) later, not fail now: those are read. */
+	if (map && fstat(ta->vma_ios_fd, &image))
+		map = 0;
 
 	ta->vma_ios = (struct restore_vma_io *)rst_mem_align_cpos(RM_PRIVATE);
 	ta->vma_ios_n = 0;
@@ -315,13 +408,14 @@
 			return -1;
 
 		rio->nr_iovs = piov->nr;
+		rio->map = map && piov->end <= image.st_size;
 		rio->off = piov->from;
 		memcpy(rio->iovs, piov->to, piov->nr * sizeof(struct iovec));
 
 		ta->vma_ios_n++;
 	}
 
-	return 0;
+	return map ? read_malloc_blocks(ta, pages_id, image.st_size) : 0;
 }
 
 int pagemap_enqueue_iovec(struct page_read *pr, void *buf, unsigned long len, struct list_head *to)
--- a/criu/pie/restorer.c
+++ b/criu/pie/restorer.c
@@ -1622,6 +1622,178 @@
 }
 
 /*
+ * Lifecycle: the vma that holds addr, or NULL. Runs come in address order, as the vmas do, so the
+ * search goes on from the last one found (*hint).
+ */
+static VmaEntry *vma_holding(struct task_restore_args *args, int *hint, unsigned long addr)
+{
+	int v;
+
+	for (v = *hint; v < args->vmas_n && args->vmas[v].end <= addr; v++)
+		;
+	if (v == args->vmas_n || args->vmas[v].start > addr) {
+		for (v = 0; v < args->vmas_n; v++)
+			if (args->vmas[v].start <= addr && addr < args->vmas[v].end)
+				break;
+		if (v == args->vmas_n)
+			return NULL;
+	}
+	*hint = v;
+	return args->vmas + v;
+}
+
+/* Lifecycle: reads len bytes of the page image at off into addr, however many reads it takes. */
+static int read_pages_fully(int fd, unsigned long addr, unsigned long len, loff_t off)
+{
+	struct iovec left = { .iov_base = (void *)addr, .iov_len = len };
+	ssize_t r;
+
+	while (left.iov_len) {
+		r = preadv_limited(fd, &left, 1, off, 0);
+		if (r <= 0) {
+			pr_err("Can't read pages data (%d)\n", (int)r);
+			return -1;
+		}
+		left.iov_base += r;
+		left.iov_len -= r;
+		off += r;
+	}
+	return 0;
+}
+
+/*
+ * Lifecycle: maps len bytes of the page image at off to addr, private, with the vma's protection
+ * (and write, as the restorer has every vma until its last pass). No page is put in the page
+ * tables now (but those of a locked vma, which mlock fills): the process faults in, from the page
+ * cache, the pages it touches (a read fault maps the cached pages around it too), and a page it
+ * writes is copied on its first write. Most pages of a JVM are never touched between a restore and
+ * its first results, so filling the tables at once would cost every clone that time for nothing.
+ * Returns whether the pages are mapped; if not, the memory is anonymous again, to be read into.
+ */
+static bool map_from_image(struct task_restore_args *args, VmaEntry *vma, unsigned long addr, unsigned long len,
+			   loff_t off)
+{
+	unsigned long keep_flags = vma->flags & (MAP_LOCKED | MAP_NORESERVE);
+
+	if (sys_mmap((void *)addr, len, vma->prot | PROT_WRITE, MAP_PRIVATE | MAP_FIXED | keep_flags,
+		     args->vma_ios_fd, off) == addr)
+		return true;
+	/* Refused (exec on a noexec mount, say), perhaps after the old mapping went: anonymous again. */
+	if (sys_mmap((void *)addr, len, vma->prot | PROT_WRITE, MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS | keep_flags, -1,
+		     0) != addr)
+		pr_err("Can't make %lx:%lu anonymous again\n", addr, len);
+	return false;
+}
+
+/*
+ * Lifecycle: glibc's malloc gives a large block a mapping of its own and later grows it with
+ * mremap (realloc). Such mappings sit next to each other and the kernel shows them as one vma, so
+ * a block may start inside a vma whose pages this restore maps from the image: mremap would then
+ * grow a mapping of the image's file, whose pages past the file's end do not exist (SIGBUS). So
+ * the page at addr, if it starts as such a block does (glibc's header: no offset, a size of whole
+ * pages marked "mmapped"), is read instead, which splits the mapping there: mremap of the block
+ * then fails, and glibc copies it. A page that only looks like one costs a read.
+ */
+static int keep_block_start_anonymous(struct task_restore_args *args, VmaEntry *vma, unsigned long addr, loff_t off)
+{
+	unsigned long *header = (unsigned long *)addr;
+	unsigned long size = header[1] & ~7UL; /* glibc keeps its flags in the size's low bits */
+
+	if (header[0] != 0 || (header[1] & 7UL) != 2 || size < 2 * PAGE_SIZE || (size & (PAGE_SIZE - 1)) ||
+	    size > vma->end - addr)
+		return 0;
+	if (sys_mmap((void *)addr, PAGE_SIZE, vma->prot | PROT_WRITE,
+		     MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS | (vma->flags & (MAP_LOCKED | MAP_NORESERVE)), -1,
+		     0) != addr) {
+		pr_err("Can't make the page at %lx anonymous again\n", addr);
+		return -1;
+	}
+	return read_pages_fully(args->vma_ios_fd, addr, PAGE_SIZE, off);
+}
+
+/*
+ * Lifecycle: keeps every block start in the len bytes at start (the image's bytes at off, just
+ * mapped) anonymous. The pages to look at are those Lifecycle listed when it checkpointed (a
+ * header the block's size proves wrong is left mapped), else every page, blocks' insides too: a
+ * block whose size was misread must not hide the next one.
+ */
+static int keep_block_starts_anonymous(struct task_restore_args *args, VmaEntry *vma, unsigned long start,
+				       unsigned long len, loff_t off)
+{
+	unsigned long addr;
+	int lo, hi;
+
+	if (args->malloc_blocks_n < 0) {
+		for (addr = start; addr < start + len; addr += PAGE_SIZE)
+			if (keep_block_start_anonymous(args, vma, addr, off + (addr - start)))
+				return -1;
+		return 0;
+	}
+	/* The first listed offset at or after off. */
+	for (lo = 0, hi = args->malloc_blocks_n; lo < hi;) {
+		int mid = lo + (hi - lo) / 2;
+
+		if (args->malloc_blocks[mid] < (unsigned long)off)
+			lo = mid + 1;
+		else
+			hi = mid;
+	}
+	for (; lo < args->malloc_blocks_n && args->malloc_blocks[lo] < (unsigned long)off + len; lo++) {
+		unsigned long at = args->malloc_blocks[lo];
+
+		if (at & (PAGE_SIZE - 1))
+			continue;
+		if (keep_block_start_anonymous(args, vma, start + (at - off), at))
+			return -1;
+	}
+	return 0;
+}
+
+/*
+ * Lifecycle: restores one run of pages (which may span several adjacent vmas) by mapping them
+ * from the page image at off, private and copy on write, where a read would copy them: the clone
+ * shares the page cache's copy until it writes a page, so restoring is nearly free of the image's
+ * size and clones of one image share its memory.
+ *
+ * Only ordinary private memory of a 64-bit task is mapped: a stack that grows down must stay one
+ * growable anonymous area, the vDSO stays as criu makes it, and glibc's headers below are read as
+ * 64-bit ones. And the first page of every vma is read, not mapped: each mapping then stays
+ * at least two areas, which the kernel refuses to move or grow as one (mremap), so that glibc's
+ * realloc of a large block copies it instead of growing a mapping of the image's file past the
+ * file's end. Whatever cannot be mapped (the image's file system refuses, noexec say) is read.
+ */
+static int restore_pages_run(struct task_restore_args *args, int *hint, unsigned long start, unsigned long len,
+			     loff_t off, unsigned long *read_bytes)
+{
+	while (len) {
+		VmaEntry *vma = vma_holding(args, hint, start);
+		unsigned long piece = vma ? min(len, (unsigned long)vma->end - start) : len;
+		unsigned long read = piece, keep;
+
+		if (vma && !args->compatible_mode && !(start & (PAGE_SIZE - 1)) && !(piece & (PAGE_SIZE - 1)) &&
+		    !(off & (PAGE_SIZE - 1)) && vma_entry_is(vma, VMA_AREA_REGULAR) &&
+		    !vma_entry_is(vma, VMA_AREA_AIORING) && !vma_entry_is(vma, VMA_AREA_VDSO) &&
+		    !vma_entry_is(vma, VMA_AREA_VVAR) && !vma_entry_is(vma, VMA_PREMMAPED) &&
+		    (vma->flags & MAP_PRIVATE) && !(vma->flags & (MAP_GROWSDOWN | MAP_HUGETLB | MAP_SHARED))) {
+			keep = start == vma->start ? PAGE_SIZE : 0;
+			if (keep < piece && map_from_image(args, vma, start + keep, piece - keep, off + keep)) {
+				read = keep;
+				if (vma_entry_is(vma, VMA_ANON_PRIVATE) &&
+				    keep_block_starts_anonymous(args, vma, start + keep, piece - keep, off + keep))
+					return -1;
+			}
+		}
+		if (read && read_pages_fully(args->vma_ios_fd, start, read, off))
+			return -1;
+		*read_bytes += read;
+		start += piece;
+		off += piece;
+		len -= piece;
+	}
+	return 0;
+}
+
+/*
  * The main routine to restore task via sigreturn.
  * This one is very special, we never return there
  * but use sigreturn facility to restore core registers
@@ -1823,6 +1995,24 @@
 		int nr = rio->nr_iovs;
 		ssize_t r;
 
+		if (rio->map) {
+			int k, hint = 0;
+			loff_t off = rio->off;
+			unsigned long read_bytes = 0;
+
+			pr_info("Lifecycle: restoring %d runs of pages\n", rio->nr_iovs);
+			for (k = 0; k < rio->nr_iovs; k++) {
+				if (restore_pages_run(args, &hint, (unsigned long)rio->iovs[k].iov_base,
+						      rio->iovs[k].iov_len, off, &read_bytes))
+					goto core_restore_end;
+				off += rio->iovs[k].iov_len;
+			}
+			pr_info("Lifecycle: pages restored: %lu bytes mapped, %lu bytes read\n",
+				(unsigned long)(off - rio->off) - read_bytes, read_bytes);
+			rio = ((void *)rio) + RIO_SIZE(rio->nr_iovs);
+			continue;
+		}
+
 		while (nr) {
 			pr_debug("Preadv %lx:%d... (%d iovs)\n", (unsigned long)iovs->iov_base, (int)iovs->iov_len, nr);
 			/*
--- a/criu/config.c
+++ b/criu/config.c
@@ -1047,6 +1047,9 @@
 			pr_msg("Version: %s\n", CRIU_VERSION);
 			if (strcmp(CRIU_GITID, "0"))
 				pr_msg("GitID: %s\n", CRIU_GITID);
+			/* Lifecycle: how its runtime tells this build from a stock criu. */
+			pr_msg("Lifecycle: map-pages\n");
+			pr_msg("Lifecycle: restore-server\n");
 			exit(0);
 		case 'h':
 			*usage_error = false;
--- a/criu/cr-restore.c
+++ b/criu/cr-restore.c
@@ -1847,7 +1847,12 @@
 				return -1;
 			}
 
-			ret = compel_stop_pie(pid, rsti(item)->breakpoint, fault_injected(FI_NO_BREAKPOINTS));
+			/*
+			 * Lifecycle: stop the task at its sigreturn by tracing its syscalls, never by a
+			 * hardware breakpoint. Setting a thread's first debug register costs some 10 ms in
+			 * a virtual machine, on every restore; the few syscalls left to trace cost less.
+			 */
+			ret = compel_stop_pie(pid, rsti(item)->breakpoint, true);
 			if (ret < 0)
 				return -1;
 		}
@@ -3232,7 +3237,11 @@
 		goto err;
 	}
 
-	memzero(mem, memzone_size);
+	/*
+	 * Lifecycle: not zeroed again. A new anonymous mapping is zero already, and writing it would
+	 * fault in every page of every thread's restorer stack (some 40 KB a thread, 24 threads in a
+	 * small JVM), where a thread uses the top of its stack and its sigframe only.
+	 */
 	mz = mem;
 	mem += memzone_size;
 
@@ -3304,6 +3313,7 @@
 	RST_MEM_FIXUP_PPTR(task_args->helpers);
 	RST_MEM_FIXUP_PPTR(task_args->zombies);
 	RST_MEM_FIXUP_PPTR(task_args->vma_ios);
+	RST_MEM_FIXUP_PPTR(task_args->malloc_blocks);
 	RST_MEM_FIXUP_PPTR(task_args->inotify_fds);
 
 	task_args->compatible_mode = core_is_compat(core);
--- a/criu/crtools.c
+++ b/criu/crtools.c
@@ -46,6 +46,7 @@
 
 #include "setproctitle.h"
 #include "sysctl.h"
+#include "lifecycle-server.h"
 
 void flush_early_log_to_stderr(void) __attribute__((destructor));
 
@@ -129,6 +130,15 @@
 	cr_pb_init();
 	__setproctitle_init(argc, argv, envp);
 
+	/* Lifecycle: each restore of the server's goes on from here in a child of its own. */
+	if (argc == 2 && !strcmp(argv[1], LIFECYCLE_RESTORE_SERVER)) {
+		argc = lifecycle_serve_restores(&argv);
+		if (argc < 0) {
+			fprintf(stderr, "criu " LIFECYCLE_RESTORE_SERVER ": cannot start: %s\n", strerror(errno));
+			return 1;
+		}
+	}
+
 	if (argc < 2)
 		goto usage;
 
--- a/criu/kerndat.c
+++ b/criu/kerndat.c
@@ -1797,8 +1797,27 @@
 	return ret;
 }
 
+/*
+ * Lifecycle: the kernel's features are detected once per process. A restore server detects them
+ * before it forks its first restore, and every restore, a child of its own, inherits them: no
+ * cache file read, no CPU probed and no ptrace tried again, each a fraction of a millisecond.
+ */
+static bool kerndat_detected;
+
+static int kerndat_detect(void);
+
 int kerndat_init(void)
 {
+	if (kerndat_detected)
+		return 0;
+	if (kerndat_detect())
+		return -1;
+	kerndat_detected = true;
+	return 0;
+}
+
+static int kerndat_detect(void)
+{
 	int ret;
 
 	ret = kerndat_try_load_cache();
--- a/criu/Makefile.crtools
+++ b/criu/Makefile.crtools
@@ -35,6 +35,7 @@
 obj-y			+= irmap.o
 obj-y			+= kcmp-ids.o
 obj-y			+= kerndat.o
+obj-y			+= lifecycle-server.o
 obj-y			+= libnetlink.o
 obj-y			+= log.o
 obj-y			+= lsm.o
--- a/criu/include/lifecycle-server.h
+++ b/criu/include/lifecycle-server.h
@@ -0,0 +1,13 @@
+#ifndef __CR_LIFECYCLE_SERVER_H__
+#define __CR_LIFECYCLE_SERVER_H__
+
+/* Lifecycle: the command that makes criu a restore server, see lifecycle-server.c. */
+#define LIFECYCLE_RESTORE_SERVER "lifecycle-restore-server"
+
+/*
+ * Serves restores until its input ends (then exits); returns in each forked child the number of
+ * criu arguments it was given, *argv pointing at them, or -1 when the server cannot start.
+ */
+extern int lifecycle_serve_restores(char ***argv);
+
+#endif
--- a/criu/lifecycle-server.c
+++ b/criu/lifecycle-server.c
@@ -0,0 +1,275 @@
+/*
+ * Lifecycle: a restore server. Started once as "criu lifecycle-restore-server" by a JVM that
+ * restores many clones, it forks itself for every restore instead of the JVM starting a new criu:
+ * no exec of a helper and of criu, no dynamic loading, no detection of the kernel's features and
+ * no probing of the CPU, for each clone.
+ *
+ * On its standard input, requests: a 32-bit little-endian length, then that many bytes of
+ * NUL-terminated strings: an id (no spaces), the child's stdin, stdout and stderr ("r<path>" read,
+ * "a<path>" append, "w<path>" truncate, both created 0600), one environment
+ * assignment ("NAME=value", or empty), then criu's arguments (argv[0] first). On its standard
+ * output, one line per event: "<id> started <pid>", "<id> exited <code>" (128 + the signal when
+ * a signal ended it) or "<id> refused <reason>". It ends when its standard input ends (the JVM is
+ * gone) or after IDLE_SECONDS without a request while no restore is under way; a restore under
+ * way then runs to its end, as a criu the JVM had started would.
+ *
+ * The forked child returns from lifecycle_serve_restores() with its arguments, and main() goes on
+ * as if criu had been started with them.
+ */
+#include <errno.h>
+#include <fcntl.h>
+#include <poll.h>
+#include <signal.h>
+#include <stdint.h>
+#include <stdio.h>
+#include <stdlib.h>
+#include <string.h>
+#include <sys/signalfd.h>
+#include <sys/wait.h>
+#include <unistd.h>
+
+#include "cr_options.h"
+#include "kerndat.h"
+#include "log.h"
+#include "util.h"
+#include "lifecycle-server.h"
+
+#define MAX_REQUEST (64 * 1024)
+#define MAX_ARGS 256
+#define MAX_RUNNING 1024
+#define IDLE_SECONDS 60
+
+struct running {
+	pid_t pid;
+	char id[64];
+};
+
+static struct running running[MAX_RUNNING];
+static int nr_running;
+
+static void say(const char *id, const char *what, const char *detail)
+{
+	char line[512];
+	int len = snprintf(line, sizeof(line), "%s %s %s\n", id, what, detail);
+
+	if (len >= (int)sizeof(line))
+		len = sizeof(line) - 1, line[len - 1] = '\n';
+	/* One write of less than PIPE_BUF: lines never interleave. A gone reader ends us at EOF. */
+	if (write(STDOUT_FILENO, line, len) != len)
+		_exit(0);
+}
+
+/*
+ * Opened without waiting: a FIFO nobody has open at its other end fails the one request (ENXIO)
+ * instead of holding up every restore behind it. The child gets a blocking descriptor.
+ */
+static int open_spec(const char *spec)
+{
+	int fd, flags;
+
+	switch (spec[0]) {
+	case 'r':
+		fd = open(spec + 1, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
+		break;
+	case 'a':
+		fd = open(spec + 1, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NONBLOCK, 0600);
+		break;
+	case 'w':
+		fd = open(spec + 1, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NONBLOCK, 0600);
+		break;
+	default:
+		errno = EINVAL;
+		return -1;
+	}
+	if (fd < 0)
+		return -1;
+	flags = fcntl(fd, F_GETFL);
+	if (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0) {
+		close(fd);
+		return -1;
+	}
+	return fd;
+}
+
+static void reap(void)
+{
+	int status, i;
+	pid_t pid;
+	char code[16];
+
+	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
+		for (i = 0; i < nr_running; i++)
+			if (running[i].pid == pid)
+				break;
+		if (i == nr_running)
+			continue; /* a grandchild reparented here: nobody waits for it */
+		snprintf(code, sizeof(code), "%d",
+			 WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
+		say(running[i].id, "exited", code);
+		running[i] = running[--nr_running];
+	}
+}
+
+static int valid_id(const char *id)
+{
+	return id[0] != '\0' && strlen(id) < sizeof(running[0].id) && !strchr(id, ' ');
+}
+
+/*
+ * Splits a request into its strings; returns the number of criu arguments, or -1 with *reason set.
+ * fields[0..4] are the id, the three redirections and the assignment; args the rest.
+ */
+static int parse_request(char *buf, uint32_t len, char *fields[5], char *args[MAX_ARGS + 1],
+			 const char **reason)
+{
+	uint32_t pos = 0;
+	int n = 0, nargs = 0;
+
+	if (len == 0 || buf[len - 1] != '\0') {
+		*reason = "a request must end with a NUL";
+		return -1;
+	}
+	if (!valid_id(buf)) {
+		*reason = "the id must be 1 to 63 characters without spaces";
+		return -1;
+	}
+	while (pos < len) {
+		char *s = buf + pos;
+
+		if (n < 5)
+			fields[n++] = s;
+		else if (nargs < MAX_ARGS)
+			args[nargs++] = s;
+		else {
+			*reason = "too many arguments";
+			return -1;
+		}
+		pos += strlen(s) + 1;
+	}
+	if (n < 5 || nargs < 2) {
+		*reason = "a request needs an id, three redirections, an assignment and arguments";
+		return -1;
+	}
+	args[nargs] = NULL;
+	return nargs;
+}
+
+int lifecycle_serve_restores(char ***argv_out)
+{
+	static char request[MAX_REQUEST];
+	static char *args[MAX_ARGS + 1];
+	sigset_t chld, old;
+	struct pollfd fds[2];
+	int sfd;
+
+	/*
+	 * Once for all the restores: each child then finds the kernel's features detected. Should
+	 * the detection fail here, every restore tries again itself and says why in its log.
+	 */
+	init_opts();
+	if (kerndat_init())
+		fprintf(stderr, "criu " LIFECYCLE_RESTORE_SERVER ": kernel features not detected in"
+				" advance; each restore detects them\n");
+	/* What the detection logged is the server's: not copied into every restore's log. */
+	flush_early_log_buffer(STDERR_FILENO);
+
+	sigemptyset(&chld);
+	sigaddset(&chld, SIGCHLD);
+	if (sigprocmask(SIG_BLOCK, &chld, &old) < 0)
+		return -1;
+	sfd = signalfd(-1, &chld, SFD_CLOEXEC | SFD_NONBLOCK);
+	if (sfd < 0)
+		return -1;
+	signal(SIGPIPE, SIG_IGN);
+
+	for (;;) {
+		struct signalfd_siginfo info;
+		char *fields[5];
+		const char *reason = NULL;
+		int child_fds[3], i, nargs, ready;
+		uint32_t len;
+		uint8_t head[4];
+		pid_t pid;
+
+		fds[0] = (struct pollfd){ .fd = STDIN_FILENO, .events = POLLIN };
+		fds[1] = (struct pollfd){ .fd = sfd, .events = POLLIN };
+		ready = poll(fds, 2, nr_running ? -1 : IDLE_SECONDS * 1000);
+		if (ready < 0 && errno == EINTR)
+			continue;
+		if (ready < 0)
+			return -1;
+		if (ready == 0)
+			exit(0); /* idle, nothing under way */
+		if (fds[1].revents) {
+			while (read(sfd, &info, sizeof(info)) == sizeof(info))
+				;
+			reap();
+		}
+		if (!fds[0].revents)
+			continue;
+		if (read_all(STDIN_FILENO, head, sizeof(head)) != sizeof(head))
+			exit(0); /* the JVM is gone */
+		len = head[0] | head[1] << 8 | head[2] << 16 | (uint32_t)head[3] << 24;
+		if (len > MAX_REQUEST)
+			exit(1); /* not a client of ours: nothing after this can be trusted */
+		if (read_all(STDIN_FILENO, request, len) != (ssize_t)len)
+			exit(0);
+		nargs = parse_request(request, len, fields, args, &reason);
+		if (nargs < 0) {
+			/* Answered by its id when it has one, so that its sender is not left waiting. */
+			say(len && request[len - 1] == '\0' && valid_id(request) ? request : "?", "refused",
+			    reason);
+			continue;
+		}
+		if (nr_running == MAX_RUNNING) {
+			say(fields[0], "refused", "too many restores under way");
+			continue;
+		}
+		for (i = 0; i < 3; i++) {
+			child_fds[i] = open_spec(fields[1 + i]);
+			if (child_fds[i] < 0) {
+				char detail[300];
+
+				snprintf(detail, sizeof(detail), "cannot open %s: %s", fields[1 + i] + 1,
+					 strerror(errno));
+				while (i-- > 0)
+					close(child_fds[i]);
+				say(fields[0], "refused", detail);
+				break;
+			}
+		}
+		if (i < 3)
+			continue;
+		pid = fork();
+		if (pid == 0) {
+			close(sfd);
+			for (i = 0; i < 3; i++)
+				if (dup2(child_fds[i], i) < 0)
+					_exit(127);
+			for (i = 0; i < 3; i++)
+				if (child_fds[i] > 2)
+					close(child_fds[i]);
+			signal(SIGPIPE, SIG_DFL);
+			sigprocmask(SIG_SETMASK, &old, NULL);
+			if (fields[4][0] && putenv(fields[4]))
+				_exit(127);
+			*argv_out = args;
+			return nargs;
+		}
+		for (i = 0; i < 3; i++)
+			close(child_fds[i]);
+		if (pid < 0) {
+			say(fields[0], "refused", strerror(errno));
+			continue;
+		}
+		running[nr_running].pid = pid;
+		strcpy(running[nr_running].id, fields[0]);
+		nr_running++;
+		{
+			char text[16];
+
+			snprintf(text, sizeof(text), "%d", pid);
+			say(fields[0], "started", text);
+		}
+	}
+}
PATCH
}

main "$@"
