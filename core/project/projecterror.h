#pragma once

#include <QString>

#include <stdexcept>

namespace tagwise {

/// An error on runtime data, worded for the user: it names the file (when
/// there is one) and the reason.
class ProjectError final : public std::runtime_error
{
public:
    explicit ProjectError(const QString &message);
    QString message() const { return m_message; }

private:
    QString m_message;
};

}
