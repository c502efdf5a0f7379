# Compile settings every Pincart target shares, on one INTERFACE target (as qBittorrent's CommonConfig).
add_library(pincart-common INTERFACE)
target_compile_features(pincart-common INTERFACE cxx_std_20)
target_compile_definitions(pincart-common INTERFACE
    QT_NO_KEYWORDS QT_NO_FOREACH QT_USE_QSTRINGBUILDER QT_DISABLE_DEPRECATED_BEFORE=0x060400
    $<$<BOOL:${PINCART_WERROR}>:_GLIBCXX_ASSERTIONS QT_FORCE_ASSERTS>)
target_compile_options(pincart-common INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
    -Wimplicit-fallthrough -Wno-missing-field-initializers
    $<$<BOOL:${PINCART_WERROR}>:-Werror>)
if(PINCART_SANITIZE)
    target_compile_options(pincart-common INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(pincart-common INTERFACE -fsanitize=address,undefined)
endif()
