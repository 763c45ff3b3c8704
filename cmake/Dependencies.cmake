# Every dependency is a Debian package; scripts/setup installs them.

# anketa_pkg(PREFIX module...): the pkg-config modules as imported target
# PkgConfig::PREFIX. Each is remembered in ANKETA_PKG_DEPS ("PREFIX:mod:mod"),
# from which anketaConfig.cmake finds the same modules for the users of the
# static libraries; lib/CMakeLists.txt refuses a PkgConfig:: target made otherwise.
set(ANKETA_PKG_DEPS "")
macro(anketa_pkg prefix)
  pkg_check_modules(${prefix} REQUIRED IMPORTED_TARGET ${ARGN})
  string(REPLACE ";" ":" _anketa_mods "${ARGN}")
  list(APPEND ANKETA_PKG_DEPS "${prefix}:${_anketa_mods}")
endmacro()

anketa_pkg(QRENCODE libqrencode)
anketa_pkg(PANGOCAIRO pangocairo cairo-pdf cairo-svg cairo-ps)
anketa_pkg(YAML yaml-0.1)
anketa_pkg(PNG libpng)
anketa_pkg(XLSXWRITER xlsxwriter)
anketa_pkg(LIBZIP libzip)
anketa_pkg(EXPAT expat)
anketa_pkg(XXHASH libxxhash)
anketa_pkg(SODIUM libsodium)
anketa_pkg(IDN2 libidn2)
anketa_pkg(GLIB glib-2.0)
# Leaflet PDFs for print: boxes and PDF/X (libqpdf), images to CMYK (lcms2).
anketa_pkg(QPDF libqpdf)
anketa_pkg(LCMS2 lcms2)

# libcsv ships no pkg-config file in Debian.
find_path(LIBCSV_INCLUDE_DIR csv.h REQUIRED)
find_library(LIBCSV_LIBRARY csv REQUIRED)
add_library(libcsv::libcsv UNKNOWN IMPORTED)
set_target_properties(libcsv::libcsv PROPERTIES
  IMPORTED_LOCATION "${LIBCSV_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${LIBCSV_INCLUDE_DIR}")

# libm: the libraries name it "m", so their exported targets carry no absolute path.
find_library(MATH_LIBRARY m REQUIRED)
find_package(Threads REQUIRED)

# What each library links; the static libraries pass the lists on to their users.
# The core (read, count) draws nothing; the render part (codes, leaflets, reports)
# brings the drawing and writing libraries.
set(ANKETA_CORE_DEPS PkgConfig::YAML PkgConfig::LIBZIP PkgConfig::EXPAT PkgConfig::XXHASH
    PkgConfig::SODIUM PkgConfig::IDN2 PkgConfig::GLIB libcsv::libcsv Threads::Threads m)
set(ANKETA_RENDER_DEPS PkgConfig::YAML PkgConfig::QRENCODE PkgConfig::PANGOCAIRO PkgConfig::PNG
    PkgConfig::XLSXWRITER PkgConfig::QPDF PkgConfig::LCMS2 m)
set(ANKETA_PRIVATE_DEPS ${ANKETA_CORE_DEPS} ${ANKETA_RENDER_DEPS})
