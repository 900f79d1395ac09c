#pragma once

#include <QColor>
#include <QIcon>

namespace tagwise {

/// A small rounded square in a tag's colour, for menus, combo boxes and the tag panel.
QIcon tagSwatch(const QColor &color, int size = 14);

}
