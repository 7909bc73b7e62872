#!/usr/bin/env bash
# Builds a free-threaded CPython (configure --disable-gil) into .bench/free-threaded/, once:
#   ./bench build --free-threaded     (runs this script)
#   ./bench run --free-threaded ...   (then runs the Python variants on it)
# Debian's archive ships CPython's source (the python3.13 source package's orig tarball is
# CPython's own release tarball) but no free-threaded interpreter, so it is built here. apt-get
# fetches the source with a source list and state of its own under .bench/free-threaded-apt/:
# the system's sources and package lists are not touched.
# 3.13, although our pinned PyO3 (0.30) builds extensions for a free-threaded CPython from 3.14 on
# only (python/rust-ext*-ft are then unavailable, saying so): Debian's archive as reached from here
# lists python3.14 (forky, sid) but serves none of its files (404), and trixie has 3.13.
# Exit 2 with the fix when something it needs is missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PREFIX="$ROOT/.bench/free-threaded"
WORK="$ROOT/.bench/free-threaded-build"
APT="$ROOT/.bench/free-threaded-apt"
SUITE="${POLYBENCH_FT_SUITE:-trixie}"   # the Debian release whose python3.13 source is used
PKG="python3.13"

say() { printf 'build: free-threaded: %s\n' "$*" >&2; }
die() { printf 'build: free-threaded: error: %s\n' "$*" >&2; exit 2; }

if [ -x "$PREFIX/bin/python3.13t" ] && "$PREFIX/bin/python3.13t" -c 'import sys; sys.exit(sys._is_gil_enabled())' 2>/dev/null; then
  say "already built, nothing to do: $PREFIX/bin/python3.13t (GIL disabled); delete $PREFIX to build it again"
  exit 0
fi

command -v apt-get >/dev/null 2>&1 || die "no apt-get here: install a free-threaded CPython 3.13t+ yourself (e.g. 'uv python install 3.13t', the python.org installer's free-threaded option on macOS, or your distribution's python3.13-nogil) and give it with ./bench run --python PATH"
for tool in gcc make tar xz; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' is missing: apt-get install -y build-essential xz-utils"
done
missing=()
for dev in libssl-dev zlib1g-dev libffi-dev libbz2-dev liblzma-dev libsqlite3-dev libreadline-dev uuid-dev; do
  dpkg -s "$dev" >/dev/null 2>&1 || missing+=("$dev")
done
[ ${#missing[@]} -eq 0 ] || die "build dependencies missing: apt-get install -y ${missing[*]}"

mkdir -p "$APT/lists/partial" "$APT/parts" "$APT/cache/archives/partial" "$WORK"
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
[ -r "$KEYRING" ] || die "$KEYRING is missing: apt-get install -y debian-archive-keyring"
printf 'deb-src [signed-by=%s] http://deb.debian.org/debian %s main\n' "$KEYRING" "$SUITE" > "$APT/sources.list"
O=(-o "Dir::Etc::sourcelist=$APT/sources.list" -o "Dir::Etc::sourceparts=$APT/parts"
   -o "Dir::State::Lists=$APT/lists" -o "Dir::Cache=$APT/cache")

say "fetching the $PKG source package from Debian $SUITE (a list of its own in $APT)"
apt-get "${O[@]}" -qq update || die "apt-get update of Debian $SUITE's sources failed (is Debian's archive reachable?)"
(cd "$WORK" && apt-get "${O[@]}" -qq source --download-only "$PKG" 2>&1 | grep -v "unsandboxed" >&2 || true)
TARBALL="$(ls "$WORK"/${PKG}_*.orig.tar.xz 2>/dev/null | sort | tail -n1 || true)"
[ -n "$TARBALL" ] || die "no ${PKG} orig tarball was downloaded into $WORK (apt-get said why above; if the mirror is mid-update, try again later)"

SRC="$WORK/src"
rm -rf "$SRC" && mkdir -p "$SRC"
tar -xf "$TARBALL" -C "$SRC" --strip-components=1
say "configuring $(basename "$TARBALL") with --disable-gil (prefix $PREFIX)"
(cd "$SRC" && ./configure --disable-gil --prefix="$PREFIX" > "$WORK/configure.log" 2>&1) \
  || die "configure failed: see $WORK/configure.log"
say "compiling (make -j$(nproc); several minutes; log: $WORK/make.log)"
(cd "$SRC" && make -j"$(nproc)" > "$WORK/make.log" 2>&1) || die "make failed: see $WORK/make.log"
(cd "$SRC" && make install > "$WORK/install.log" 2>&1) || die "make install failed: see $WORK/install.log"
"$PREFIX/bin/python3.13t" -c 'import sys; assert not sys._is_gil_enabled(), "the GIL is enabled"' \
  || die "the built interpreter runs with the GIL: see $WORK/configure.log"
say "ready: $PREFIX/bin/python3.13t (GIL disabled)"
