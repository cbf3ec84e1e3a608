/* TD_API marks every exported declaration. C-compatible. */
#ifndef TWEETDIGEST_EXPORT_H
#define TWEETDIGEST_EXPORT_H

#if defined(_WIN32) || defined(__CYGWIN__)
#  if defined(TD_BUILDING_LIBRARY)
#    define TD_API __declspec(dllexport)
#  elif defined(TD_SHARED)
#    define TD_API __declspec(dllimport)
#  else
#    define TD_API
#  endif
#elif defined(__GNUC__) || defined(__clang__)
#  define TD_API __attribute__((visibility("default")))
#else
#  define TD_API
#endif

#endif
