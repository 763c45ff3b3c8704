#!/bin/sh
# Installs the build into a scratch prefix, moves the prefix and runs the
# commands from there, then builds and runs programs against the installed
# library through pkg-config, and checks that the commands, man pages and data
# files are where GNUInstallDirs puts them.
set -eu
build=$1
src=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/anketa-install.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
cmake --install "$build" --prefix "$scratch/first" > /dev/null

# A prefix moved after install finds its own libraries, templates and
# profiles: nothing of the build or source tree is compiled in.
mv "$scratch/first" "$scratch/moved"
prefix=$scratch/moved
for f in "$prefix"/bin/* "$prefix"/lib*/libanketa*.so.*.* "$prefix"/lib*/*/libanketa*.so.*.*; do
  [ -f "$f" ] || continue
  objcopy -O binary --only-section=.rodata "$f" "$scratch/rodata"
  if grep -qaF -e "$src" -e "$(cd "$build" && pwd)" "$scratch/rodata"; then
    echo "$f: a path of the source or build tree is compiled in"; exit 1
  fi
done
cd "$scratch"
m=$scratch/m.csv
env -u ANKETA_DATADIR -u LD_LIBRARY_PATH "$prefix/bin/qrgen" -c "$src/share/examples/demo-campaign.yaml" \
  --no-files -l item > "$m"
env -u ANKETA_DATADIR -u LD_LIBRARY_PATH "$prefix/bin/leaflet" -q -t item -o "$scratch/items.pdf" "$m" ||
  { echo "moved prefix: leaflet -t item failed"; exit 1; }
env -u ANKETA_DATADIR -u LD_LIBRARY_PATH "$prefix/bin/ingest" -q -p yandex-forms --tz +03:00 -o "$scratch/r.csv" \
  "$src/share/examples/exports/yandex-forms-2024-03.csv" 2>/dev/null ||
  { echo "moved prefix: ingest -p yandex-forms failed"; exit 1; }
[ "$(wc -l < "$scratch/r.csv")" -gt 1 ] || { echo "moved prefix: ingest wrote no responses"; exit 1; }
env -u ANKETA_DATADIR -u LD_LIBRARY_PATH "$prefix/bin/anketa" tally --version | grep -q '^tally (anketa)' ||
  { echo "moved prefix: anketa tally failed"; exit 1; }
# The installed completion finds the templates beside the moved commands.
names=$(env -u ANKETA_DATADIR PATH="$prefix/bin:$PATH" bash --norc --noprofile -c '
  source "$1/share/bash-completion/completions/leaflet"
  COMP_WORDS=(leaflet -t ""); COMP_CWORD=2; _anketa_complete; echo "${COMPREPLY[*]}"' sh "$prefix")
[ "$names" = "authority direction grid item post reply" ] ||
  { echo "moved prefix: leaflet -t completes to '$names'"; exit 1; }
pcdir=$(find "$prefix" -name anketa.pc -printf "%h\n" | head -1)
[ -n "$pcdir" ] || { echo "anketa.pc not installed"; exit 1; }
libdir=$(dirname "$pcdir")
for f in bin/qrgen bin/anketa share/man/man1/qrgen.1 share/man/man1/anketa.1 \
         share/man/man5/anketa-campaign.5 share/man/man7/anketa.7 \
         share/anketa/examples/demo-campaign.yaml include/anketa/anketa.h include/anketa/version.h \
         share/doc/anketa/LICENSE share/bash-completion/completions/anketa \
         share/bash-completion/completions/leaflet share/zsh/site-functions/_anketa; do
  [ -e "$prefix/$f" ] || { echo "missing after install: $f"; exit 1; }
done
cat > "$prefix/consumer.c" <<'C'
#include <stdio.h>
#include <anketa/anketa.h>
int main(void)
{
    struct anketa_error err;
    struct anketa_qr *qr = anketa_qr_encode("https://example.ru/", ANKETA_QR_EC_M, &err);
    printf("anketa %s, %d modules\n", anketa_version(), qr ? qr->width : 0);
    anketa_qr_free(qr);
    return qr == NULL;
}
C
export PKG_CONFIG_PATH="$pcdir"
# shellcheck disable=SC2046
cc -o "$prefix/consumer" "$prefix/consumer.c" $(pkg-config --cflags --libs anketa-render)
LD_LIBRARY_PATH="$libdir" "$prefix/consumer"

# The core links nothing that draws: a counting node installs none of it.
cat > "$prefix/core.c" <<'C'
#include <stdio.h>
#include <anketa/anketa.h>
int main(void)
{
    printf("anketa %s: %s\n", anketa_version(), anketa_version_details());
    return 0;
}
C
# shellcheck disable=SC2046
cc -o "$prefix/core" "$prefix/core.c" $(pkg-config --cflags --libs anketa)
for prog in "$prefix/core" "$prefix/bin/ingest" "$prefix/bin/tally"; do
  drawn=$(LD_LIBRARY_PATH="$libdir" ldd "$prog" | grep -E 'cairo|pango|qrencode|xlsxwriter' || true)
  [ -z "$drawn" ] || { echo "$prog links drawing libraries: $drawn"; exit 1; }
done
LD_LIBRARY_PATH="$libdir" "$prefix/core" | grep -q "^anketa " || { echo "core consumer failed"; exit 1; }

# The installed libraries export anketa_* names only, static as shared: no
# internal helper (xstrdup, chart_new...) can clash with a program's own.
for lib in "$libdir"/libanketa*.a "$libdir"/libanketa*.so; do
  case $lib in *.so) dyn=-D ;; *) dyn=-g ;; esac
  other=$(nm $dyn --defined-only "$lib" | awk 'NF == 3 && $3 !~ /^(anketa_|_edata$|_end$|__bss_start$)/ {print $3}')
  [ -z "$other" ] || { echo "$lib exports internal names:" $other; exit 1; }
done
# A program links the static libraries alone.
# shellcheck disable=SC2046
cc -o "$prefix/static" "$prefix/consumer.c" $(pkg-config --cflags anketa-render) \
   "$libdir/libanketa-render.a" "$libdir/libanketa.a" \
   $(pkg-config --static --libs anketa-render | sed 's/-lanketa-render//; s/-lanketa\b//')
"$prefix/static" > /dev/null

# C++ includes the headers as they are (extern "C") and links through pkg-config.
cat > "$prefix/consumer.cpp" <<'CXX'
#include <anketa/anketa.h>
#include <iostream>
int main()
{
    anketa_error err;
    anketa_qr *qr = anketa_qr_encode("https://example.ru/", ANKETA_QR_EC_M, &err);
    std::cout << "anketa " << anketa_version() << ", " << (qr ? qr->width : 0) << " modules\n";
    anketa_qr_free(qr);
    return qr == nullptr;
}
CXX
# shellcheck disable=SC2046
c++ -o "$prefix/consumer-cxx" "$prefix/consumer.cpp" $(pkg-config --cflags --libs anketa-render)
LD_LIBRARY_PATH="$libdir" "$prefix/consumer-cxx" | grep -q "^anketa .*, 25 modules$" ||
  { echo "C++ consumer failed"; exit 1; }

# A CMake project asks for a version and links the static targets: the
# package finds their dependencies itself and names no absolute library path.
if grep -E '^ *INTERFACE_LINK_LIBRARIES "[^"]*(^|;)/' "$libdir"/cmake/anketa/anketaTargets.cmake; then
  echo "exported targets link absolute paths"; exit 1
fi
mkdir "$scratch/cm"
cat > "$scratch/cm/CMakeLists.txt" <<'CM'
cmake_minimum_required(VERSION 3.20)
project(consumer LANGUAGES C CXX)
find_package(anketa 0.1 REQUIRED)
add_executable(consumer-static consumer.cpp)
target_link_libraries(consumer-static PRIVATE anketa::anketa_render_static)
add_executable(core-static core.c)
target_link_libraries(core-static PRIVATE anketa::anketa_static)
find_package(anketa 0.2 QUIET)
if(anketa_FOUND)
  message(FATAL_ERROR "anketa ${anketa_VERSION} taken for 0.2")
endif()
CM
cp "$prefix/consumer.cpp" "$prefix/core.c" "$scratch/cm/"
cmake -S "$scratch/cm" -B "$scratch/cm/build" -DCMAKE_PREFIX_PATH="$prefix" > "$scratch/cm.log" 2>&1 &&
  cmake --build "$scratch/cm/build" >> "$scratch/cm.log" 2>&1 ||
  { cat "$scratch/cm.log"; echo "CMake consumer failed"; exit 1; }
for prog in consumer-static core-static; do
  ldd "$scratch/cm/build/$prog" | grep -q libanketa && { echo "$prog: not linked statically"; exit 1; }
  env -u LD_LIBRARY_PATH "$scratch/cm/build/$prog" | grep -q "^anketa " || { echo "$prog failed"; exit 1; }
done
