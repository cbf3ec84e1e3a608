# Compiles data files into a target: td::resources::find("dir/name") returns their bytes.
set(_td_embed_source "${CMAKE_CURRENT_LIST_DIR}/embed_resources.cpp")

function(tweetdigest_embed_resources target root)
  file(GLOB_RECURSE files CONFIGURE_DEPENDS LIST_DIRECTORIES false RELATIVE "${root}" "${root}/*")
  list(FILTER files EXCLUDE REGEX "(^|/)(README|NOTICE|CMakeLists)[^/]*$")
  list(SORT files)
  if(NOT TARGET tweetdigest_embed)
    add_executable(tweetdigest_embed "${_td_embed_source}")
    target_compile_features(tweetdigest_embed PRIVATE cxx_std_20)
  endif()
  set(output "${CMAKE_CURRENT_BINARY_DIR}/${target}_resources.cpp")
  set(inputs "")
  foreach(f IN LISTS files)
    list(APPEND inputs "${root}/${f}")
  endforeach()
  add_custom_command(
    OUTPUT "${output}"
    COMMAND tweetdigest_embed "${output}" "${root}" ${files}
    DEPENDS tweetdigest_embed ${inputs}
    COMMENT "Embedding ${target} resources"
    VERBATIM)
  target_sources(${target} PRIVATE "${output}")
endfunction()
