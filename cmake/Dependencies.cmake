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
pkg_check_modules(IDN2 REQUIRED IMPORTED_TARGET libidn2)

# libcsv ships no pkg-config file in Debian.
find_path(LIBCSV_INCLUDE_DIR csv.h REQUIRED)
find_library(LIBCSV_LIBRARY csv REQUIRED)
add_library(libcsv::libcsv UNKNOWN IMPORTED)
set_target_properties(libcsv::libcsv PROPERTIES
  IMPORTED_LOCATION "${LIBCSV_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${LIBCSV_INCLUDE_DIR}")

find_library(MATH_LIBRARY m REQUIRED)
find_package(Threads REQUIRED)

# What libanketa links; the static library passes the list on to its users.
set(ANKETA_PRIVATE_DEPS PkgConfig::QRENCODE PkgConfig::PANGOCAIRO PkgConfig::YAML
    PkgConfig::PNG PkgConfig::XLSXWRITER PkgConfig::LIBZIP PkgConfig::EXPAT PkgConfig::XXHASH PkgConfig::SODIUM
    PkgConfig::IDN2
    libcsv::libcsv Threads::Threads ${MATH_LIBRARY})
