#include "core/formats/exportselection.h"

#include "core/project/projectstore.h"

namespace tagwise::formats {

QList<const ImageRecord *> exportedImages(const ProjectStore &store)
{
    QList<const ImageRecord *> result;
    for (const ImageRecord &image : store.images()) {
        if (!image.missing && (image.reviewed || !image.tags.empty()))
            result.append(&image);
    }
    return result;
}

}
