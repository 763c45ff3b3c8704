/* ANKETA_INTERNAL marks a helper of the core that the render library also
 * calls: exported from the shared core, but declared only in lib/'s private
 * headers, never installed, and no part of the public API. */
#ifndef ANKETA_INTERNAL_H
#define ANKETA_INTERNAL_H

#if defined(ANKETA_BUILDING) && defined(__GNUC__)
#define ANKETA_INTERNAL __attribute__((visibility("default")))
#else
#define ANKETA_INTERNAL
#endif

#endif
