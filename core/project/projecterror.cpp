#include "core/project/projecterror.h"

namespace tagwise {

ProjectError::ProjectError(const QString &message)
    : std::runtime_error(message.toStdString())
    , m_message(message)
{
}

}
