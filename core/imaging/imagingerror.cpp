#include "core/imaging/imagingerror.h"

namespace tagwise {

ImagingError::ImagingError(const QString &message)
    : std::runtime_error(message.toStdString())
    , m_message(message)
{
}

}
