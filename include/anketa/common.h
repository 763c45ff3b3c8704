#ifndef ANKETA_COMMON_H
#define ANKETA_COMMON_H

#ifdef __cplusplus
extern "C" {
#endif

/* ANKETA_API marks the functions exported from the shared library; everything
 * else is hidden (the build sets -fvisibility=hidden). */
#if defined(ANKETA_BUILDING) && defined(__GNUC__)
#define ANKETA_API __attribute__((visibility("default")))
#else
#define ANKETA_API
#endif

#if defined(__GNUC__)
#define ANKETA_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define ANKETA_PRINTF(f, a)
#endif

#ifdef __cplusplus
}
#endif

#endif
