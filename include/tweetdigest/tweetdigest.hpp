#pragma once
// Umbrella header: the whole C++ API.

#include <tweetdigest/cloud.hpp>
#include <tweetdigest/common.hpp>
#include <tweetdigest/digest.hpp>
#include <tweetdigest/history.hpp>
#include <tweetdigest/ingest.hpp>
#include <tweetdigest/render.hpp>
#include <tweetdigest/terms.hpp>
#include <tweetdigest/text.hpp>
#include <tweetdigest/version.h>
