#pragma once

#include <QString>
#include <QtGlobal>

namespace tagwise {

struct ImageRecord;

/// Which images the grid shows: a mode and a text that file paths must contain.
struct ImageFilter
{
    enum class Mode { All, Untagged, NotReviewed, HasTag, LacksTag, Missing, Suggested };

    Mode mode = Mode::All;
    qint64 tagId = 0;  ///< the tag of HasTag / LacksTag
    QString text;      ///< case-insensitive part of the relative path; empty for any

    /// True when \a image passes both the mode and the text.
    bool matches(const ImageRecord &image) const;
    /// True unless every image passes.
    bool isActive() const;
    /// True when the mode needs a tag.
    bool needsTag() const { return mode == Mode::HasTag || mode == Mode::LacksTag; }

    bool operator==(const ImageFilter &other) const = default;
};

}
