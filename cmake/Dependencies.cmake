# Every dependency is a Debian package; scripts/setup installs them.
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)
pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET pangocairo cairo-pdf cairo-svg cairo-ps)
pkg_check_modules(YAML REQUIRED IMPORTED_TARGET yaml-0.1)
pkg_check_modules(PNG REQUIRED IMPORTED_TARGET libpng)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
pkg_check_modules(EXPAT REQUIRED IMPORTED_TARGET expat)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
# Leaflet PDFs for print: boxes and PDF/X (libqpdf), images to CMYK (lcms2).
pkg_check_modules(QPDF REQUIRED IMPORTED_TARGET libqpdf)
pkg_check_modules(LCMS2 REQUIRED IMPORTED_TARGET lcms2)

# libcsv ships no pkg-config file in Debian.
find_path(LIBCSV_INCLUDE_DIR csv.h REQUIRED)
find_library(LIBCSV_LIBRARY csv REQUIRED)
add_library(libcsv::libcsv UNKNOWN IMPORTED)
set_target_properties(libcsv::libcsv PROPERTIES
  IMPORTED_LOCATION "${LIBCSV_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${LIBCSV_INCLUDE_DIR}")

find_library(MATH_LIBRARY m REQUIRED)
find_package(Threads REQUIRED)

# What each library links; the static libraries pass the lists on to their users.
# The core (read, count) draws nothing; the render part (codes, leaflets, reports)
# brings the drawing and writing libraries.
set(ANKETA_CORE_DEPS PkgConfig::YAML PkgConfig::LIBZIP PkgConfig::EXPAT PkgConfig::XXHASH
    PkgConfig::SODIUM libcsv::libcsv Threads::Threads ${MATH_LIBRARY})
set(ANKETA_RENDER_DEPS PkgConfig::YAML PkgConfig::QRENCODE PkgConfig::PANGOCAIRO PkgConfig::PNG
    PkgConfig::XLSXWRITER PkgConfig::QPDF PkgConfig::LCMS2 ${MATH_LIBRARY})
set(ANKETA_PRIVATE_DEPS ${ANKETA_CORE_DEPS} ${ANKETA_RENDER_DEPS})
