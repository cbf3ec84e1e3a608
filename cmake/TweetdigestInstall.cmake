# Install rules: libraries, headers, CMake package, pkg-config files and the Python package.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(TWEETDIGEST_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/tweetdigest" CACHE STRING
    "Where tweetdigestConfig.cmake is installed (relative to the prefix)")
set(TWEETDIGEST_PKGCONFIG_DIR "${CMAKE_INSTALL_LIBDIR}/pkgconfig" CACHE STRING
    "Where tweetdigest.pc is installed (relative to the prefix)")
set(TWEETDIGEST_PYTHON_INSTALL_DIR "${CMAKE_INSTALL_LIBDIR}/python3/dist-packages" CACHE STRING
    "Where the tweetdigest Python package is installed (relative to the prefix)")

set(_td_targets tweetdigest)
if(TARGET tweetdigest_c)
  list(APPEND _td_targets tweetdigest_c)
endif()

# A static libtweetdigest passes its dependencies on to consumers as link-only requirements.
# lib/ links them through the unexported tweetdigest_dependencies target; here each one is named
# directly, so the build tree and install exports resolve it (tweetdigestConfig.cmake finds them).
get_target_property(_td_type tweetdigest TYPE)
if(_td_type STREQUAL "STATIC_LIBRARY")
  get_target_property(_td_interface tweetdigest INTERFACE_LINK_LIBRARIES)
  list(REMOVE_ITEM _td_interface "$<LINK_ONLY:$<BUILD_INTERFACE:tweetdigest_dependencies>>")
  get_target_property(_td_dependencies tweetdigest_dependencies INTERFACE_LINK_LIBRARIES)
  foreach(dependency IN LISTS _td_dependencies)
    list(APPEND _td_interface "$<LINK_ONLY:${dependency}>")
  endforeach()
  set_property(TARGET tweetdigest PROPERTY INTERFACE_LINK_LIBRARIES "${_td_interface}")
endif()

install(TARGETS ${_td_targets} EXPORT tweetdigestTargets
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT tweetdigest_Runtime
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT tweetdigest_Runtime
          NAMELINK_COMPONENT tweetdigest_Development
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT tweetdigest_Development
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/tweetdigest
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT tweetdigest_Development)
if(TARGET tweetdigest_c)
  install(FILES ${PROJECT_SOURCE_DIR}/capi/tweetdigest.h
          DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/tweetdigest COMPONENT tweetdigest_Development)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/bindings/python/tweetdigest
          DESTINATION ${TWEETDIGEST_PYTHON_INSTALL_DIR} COMPONENT tweetdigest_Python
          PATTERN "__pycache__" EXCLUDE)
endif()

install(EXPORT tweetdigestTargets NAMESPACE tweetdigest::
        DESTINATION ${TWEETDIGEST_CMAKE_DIR} COMPONENT tweetdigest_Development)
export(EXPORT tweetdigestTargets NAMESPACE tweetdigest::
       FILE ${PROJECT_BINARY_DIR}/tweetdigestTargets.cmake)

set(TWEETDIGEST_STATIC OFF)
if(_td_type STREQUAL "STATIC_LIBRARY")
  set(TWEETDIGEST_STATIC ON)
endif()
set(TWEETDIGEST_PC_HAS_FONTCONFIG OFF)
set(TWEETDIGEST_PC_HAS_JPEG OFF)
set(TWEETDIGEST_PC_HAS_NET OFF)
if(TARGET PkgConfig::FONTCONFIG)
  set(TWEETDIGEST_PC_HAS_FONTCONFIG ON)
endif()
if(TARGET JPEG::JPEG)
  set(TWEETDIGEST_PC_HAS_JPEG ON)
endif()
if(TARGET tweetdigest_net)
  set(TWEETDIGEST_PC_HAS_NET ON)
endif()
if(NOT OpenSSL_FOUND)
  set(OpenSSL_FOUND OFF)
endif()
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/tweetdigestConfig.cmake.in
  ${PROJECT_BINARY_DIR}/tweetdigestConfig.cmake INSTALL_DESTINATION ${TWEETDIGEST_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/tweetdigestConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/tweetdigestConfig.cmake
              ${PROJECT_BINARY_DIR}/tweetdigestConfigVersion.cmake
        DESTINATION ${TWEETDIGEST_CMAKE_DIR} COMPONENT tweetdigest_Development)

# pkg-config: ${prefix} is found from the .pc file's own place, so a staged or moved install
# works; libdir and includedir are relative to it unless given as absolute paths.
if(IS_ABSOLUTE "${TWEETDIGEST_PKGCONFIG_DIR}")
  set(TWEETDIGEST_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH _td_pc_up "/root/${TWEETDIGEST_PKGCONFIG_DIR}" "/root")
  string(REGEX REPLACE "/$" "" _td_pc_up "${_td_pc_up}")
  set(TWEETDIGEST_PC_PREFIX "\${pcfiledir}/${_td_pc_up}")
endif()
foreach(kind LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${kind}}")
    set(TWEETDIGEST_PC_${kind} "${CMAKE_INSTALL_${kind}}")
  else()
    set(TWEETDIGEST_PC_${kind} "\${prefix}/${CMAKE_INSTALL_${kind}}")
  endif()
endforeach()
set(TWEETDIGEST_PC_REQUIRES_PRIVATE "icu-uc icu-i18n harfbuzz freetype2 zlib")
set(TWEETDIGEST_PC_LIBS_PRIVATE "-lboost_json -lboost_locale -pthread")
if(TARGET PkgConfig::FONTCONFIG)
  string(APPEND TWEETDIGEST_PC_REQUIRES_PRIVATE " fontconfig")
endif()
if(TARGET JPEG::JPEG)
  string(APPEND TWEETDIGEST_PC_LIBS_PRIVATE " -ljpeg")
endif()
if(TARGET tweetdigest_net)
  if(OpenSSL_FOUND)
    string(APPEND TWEETDIGEST_PC_REQUIRES_PRIVATE " openssl")
  endif()
endif()
configure_file(${CMAKE_CURRENT_LIST_DIR}/tweetdigest.pc.in ${PROJECT_BINARY_DIR}/tweetdigest.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/tweetdigest.pc
        DESTINATION ${TWEETDIGEST_PKGCONFIG_DIR} COMPONENT tweetdigest_Development)
if(TARGET tweetdigest_c)
  configure_file(${CMAKE_CURRENT_LIST_DIR}/tweetdigest_c.pc.in ${PROJECT_BINARY_DIR}/tweetdigest_c.pc
                 @ONLY)
  install(FILES ${PROJECT_BINARY_DIR}/tweetdigest_c.pc
          DESTINATION ${TWEETDIGEST_PKGCONFIG_DIR} COMPONENT tweetdigest_Development)
endif()
