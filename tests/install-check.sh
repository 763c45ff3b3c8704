#!/bin/sh
# Installs the build into a scratch prefix, then builds and runs a program
# against the installed library through pkg-config, and checks that the
# commands, man pages and data files are where GNUInstallDirs puts them.
set -eu
build=$1
prefix=$(mktemp -d "${TMPDIR:-/tmp}/anketa-install.XXXXXX")
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" > /dev/null
pcdir=$(find "$prefix" -name anketa.pc -printf "%h\n" | head -1)
[ -n "$pcdir" ] || { echo "anketa.pc not installed"; exit 1; }
libdir=$(dirname "$pcdir")
for f in bin/qrgen share/man/man1/qrgen.1 share/man/man5/anketa-campaign.5 \
         share/anketa/examples/demo-campaign.yaml include/anketa/anketa.h include/anketa/version.h; do
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
