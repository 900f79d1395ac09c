#pragma once

#include <QString>

#include <stdexcept>

namespace tagwise {

/// An error on image or data-set files, worded for the user: it names the file
/// and the reason. (Single images report errors as values, see DecodedImage.)
class ImagingError final : public std::runtime_error
{
public:
    explicit ImagingError(const QString &message);
    QString message() const { return m_message; }

private:
    QString m_message;
};

}
