/* tweetdigest version: the single source of truth, parsed by CMake. C-compatible. */
#ifndef TWEETDIGEST_VERSION_H
#define TWEETDIGEST_VERSION_H

#define TD_VERSION_MAJOR 0
#define TD_VERSION_MINOR 1
#define TD_VERSION_PATCH 0
#define TD_VERSION_STRING "0.1.0"

#define TD_VERSION_ENCODE(major, minor, patch) ((major) * 10000 + (minor) * 100 + (patch))
#define TD_VERSION TD_VERSION_ENCODE(TD_VERSION_MAJOR, TD_VERSION_MINOR, TD_VERSION_PATCH)
#define TD_VERSION_ATLEAST(major, minor, patch) (TD_VERSION >= TD_VERSION_ENCODE(major, minor, patch))

#endif
