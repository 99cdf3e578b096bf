# Third-party libraries, all from Debian 12 packages (scripts/setup installs them).
find_package(PkgConfig REQUIRED)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n)
find_package(SQLite3 REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(CLI11 2.1 REQUIRED)
find_package(fmt 9 REQUIRED)
find_package(spdlog 1.10 REQUIRED)
find_package(Threads REQUIRED)

# Debian's libsoci-dev ships no CMake config: find the libraries directly.
find_path(SOCI_INCLUDE_DIR soci/soci.h REQUIRED)
find_library(SOCI_CORE_LIBRARY soci_core REQUIRED)
find_library(SOCI_SQLITE3_LIBRARY soci_sqlite3 REQUIRED)
find_library(SOCI_POSTGRESQL_LIBRARY soci_postgresql REQUIRED)
find_package(PostgreSQL 15 REQUIRED)
# Both engines the store speaks: SQLite (one office) and PostgreSQL (a province or the nation).
add_library(soci_bundle INTERFACE)
target_include_directories(soci_bundle SYSTEM INTERFACE ${SOCI_INCLUDE_DIR})
target_link_libraries(soci_bundle INTERFACE
  ${SOCI_SQLITE3_LIBRARY} ${SOCI_POSTGRESQL_LIBRARY} ${SOCI_CORE_LIBRARY} SQLite::SQLite3
  PostgreSQL::PostgreSQL ${CMAKE_DL_LIBS})

# The server core: Boost.Beast over Asio (header-only, libboost-dev), one network thread that
# multiplexes every connection (api/http_core.cpp).
find_package(Boost 1.74 REQUIRED)
# cpp-httplib 0.11.4 (a compiled library) is the HTTP client of the API tests; its pkg-config
# flags (OpenSSL, zlib, brotli) must match how Debian built it.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)

# Reports: OOXML packages (libzip + pugixml) and spreadsheets (libxlsxwriter).
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
pkg_check_modules(PUGIXML REQUIRED IMPORTED_TARGET pugixml)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
pkg_check_modules(EXPAT REQUIRED IMPORTED_TARGET expat)
