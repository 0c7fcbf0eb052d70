// IAMLINT_CHECK(cond): an always-on invariant check. A broken invariant is a
// bug in iamlint, never a problem with the user's input (input problems are
// Diagnostics), so it aborts with file:line instead of returning an error.
#ifndef IAMLINT_ENGINE_BASE_CHECK_H_
#define IAMLINT_ENGINE_BASE_CHECK_H_

#include <cstdio>
#include <cstdlib>

#define IAMLINT_CHECK(cond)                                                          \
  do {                                                                               \
    if (!(cond)) {                                                                   \
      std::fprintf(stderr, "%s:%d: iamlint internal error: check failed: %s\n",     \
                   __FILE__, __LINE__, #cond);                                       \
      std::abort();                                                                  \
    }                                                                                \
  } while (0)

#endif  // IAMLINT_ENGINE_BASE_CHECK_H_
