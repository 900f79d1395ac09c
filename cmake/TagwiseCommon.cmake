# One INTERFACE target carries the compile settings every Tagwise target shares.
add_library(tagwise_common INTERFACE)
target_compile_features(tagwise_common INTERFACE cxx_std_20)
target_compile_definitions(tagwise_common INTERFACE TAGWISE_VERSION="${PROJECT_VERSION}")
target_compile_definitions(tagwise_common INTERFACE
  QT_DISABLE_DEPRECATED_BEFORE=0x060400
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_NO_URL_CAST_FROM_STRING
  QT_USE_QSTRINGBUILDER)
target_compile_options(tagwise_common INTERFACE -Wall -Wextra -Wno-unused-parameter)

# LibTorch's headers clash with Qt's `slots`/`signals` keywords: every target
# that may see a torch header links this too (and uses Q_SIGNALS/Q_SLOTS/Q_EMIT).
add_library(tagwise_no_qt_keywords INTERFACE)
target_compile_definitions(tagwise_no_qt_keywords INTERFACE QT_NO_KEYWORDS)

# tagwise_add_layer(NAME DIR LINKS...): a static library from every .cpp in DIR
# and its subfolders (ui/labeling, ui/train, ...).
function(tagwise_add_layer name dir)
  file(GLOB_RECURSE _sources CONFIGURE_DEPENDS ${dir}/*.cpp ${dir}/*.h)
  add_library(${name} STATIC ${_sources})
  target_link_libraries(${name} PUBLIC tagwise_common ${ARGN})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
  set_target_properties(${name} PROPERTIES AUTOMOC ON POSITION_INDEPENDENT_CODE ON LINKER_LANGUAGE CXX)
endfunction()
