# cmake -DBUILD_DIR=... -DEXPECTED_TESTS=a,b [-DPREFIX=...] -P check_vendoring.cmake
# A parent project that vendors tweetdigest sees only its own tests and, when PREFIX is given,
# installs nothing of tweetdigest's.
execute_process(COMMAND ${CMAKE_CTEST_COMMAND} -N WORKING_DIRECTORY ${BUILD_DIR}
                OUTPUT_VARIABLE listing RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "ctest -N failed in ${BUILD_DIR}")
endif()
string(REGEX MATCHALL "Test +#[0-9]+: [^\n]+" lines "${listing}")
set(tests "")
foreach(line IN LISTS lines)
  string(REGEX REPLACE "Test +#[0-9]+: " "" name "${line}")
  list(APPEND tests "${name}")
endforeach()
list(SORT tests)
string(REPLACE "," ";" expected "${EXPECTED_TESTS}")
list(SORT expected)
if(NOT tests STREQUAL expected)
  message(FATAL_ERROR "the parent's tests are [${tests}], expected only [${expected}]")
endif()

if(PREFIX)
  file(REMOVE_RECURSE ${PREFIX})
  execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX}
                  RESULT_VARIABLE result OUTPUT_QUIET)
  file(GLOB_RECURSE installed LIST_DIRECTORIES false ${PREFIX}/*)
  if(installed)
    list(JOIN installed "\n  " installed)
    message(FATAL_ERROR "vendored tweetdigest installs files into the parent's prefix:\n  ${installed}")
  endif()
endif()
message(STATUS "the parent has only its own tests [${tests}] and install rules")
