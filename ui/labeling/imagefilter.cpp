#include "ui/labeling/imagefilter.h"

#include "core/project/projectstore.h"

namespace tagwise {

bool ImageFilter::matches(const ImageRecord &image) const
{
    bool pass = true;
    switch (mode) {
    case Mode::All:
        break;
    case Mode::Untagged:
        pass = image.tags.empty();
        break;
    case Mode::NotReviewed:
        pass = !image.reviewed;
        break;
    case Mode::HasTag:
        pass = image.hasTag(tagId);
        break;
    case Mode::LacksTag:
        pass = !image.hasTag(tagId);
        break;
    case Mode::Missing:
        pass = image.missing;
        break;
    case Mode::Suggested:
        pass = !image.suggested.empty();
        break;
    }
    return pass && (text.isEmpty() || image.path.contains(text, Qt::CaseInsensitive));
}

bool ImageFilter::isActive() const
{
    return mode != Mode::All || !text.isEmpty();
}

}
