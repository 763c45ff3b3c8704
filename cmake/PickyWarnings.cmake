# The curated warning list, applied per target by anketa_warnings().
set(ANKETA_WARNINGS
  -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2
  -Wcast-qual -Wundef -Wvla -Wwrite-strings -Wpointer-arith -Wno-unused-parameter)

set(ANKETA_SAN_FLAGS "")
if(ANKETA_SANITIZE)
  set(ANKETA_SAN_FLAGS -fsanitize=address,undefined -fno-omit-frame-pointer
      -fno-sanitize-recover=undefined)
  if(ANKETA_FUZZ AND CMAKE_C_COMPILER_ID MATCHES "Clang")
    # Coverage instrumentation of the library, so libFuzzer sees inside it.
    list(APPEND ANKETA_SAN_FLAGS -fsanitize=fuzzer-no-link)
  endif()
endif()

function(anketa_warnings target)
  target_compile_options(${target} PRIVATE ${ANKETA_WARNINGS})
  target_compile_definitions(${target} PRIVATE _POSIX_C_SOURCE=200809L _DEFAULT_SOURCE)
  if(ANKETA_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(ANKETA_SANITIZE)
    target_compile_options(${target} PRIVATE ${ANKETA_SAN_FLAGS})
    target_link_options(${target} PRIVATE ${ANKETA_SAN_FLAGS})
  endif()
endfunction()
