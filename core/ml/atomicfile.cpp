#include "core/ml/atomicfile.h"

#include "core/ml/mlerror.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <unistd.h>

namespace tagwise::ml {

namespace {

[[noreturn]] void fail(const std::string &path, const std::string &what, int error)
{
    throw MlError(path + ": " + what + ": " + std::strerror(error));
}

}

void writeFileAtomically(const std::string &path, const std::string &bytes)
{
    const std::string temp = path + ".part";
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        fail(temp, "cannot create", errno);
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int error = errno;
            ::close(fd);
            ::unlink(temp.c_str());
            fail(temp, "cannot write", error);
        }
        written += std::size_t(n);
    }
    if (::fsync(fd) != 0) {
        const int error = errno;
        ::close(fd);
        ::unlink(temp.c_str());
        fail(temp, "cannot flush to disk", error);
    }
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temp.c_str());
        fail(temp, "cannot close", error);
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const int error = errno;
        ::unlink(temp.c_str());
        fail(path, "cannot replace", error);
    }
    // The rename itself lives in the folder: flush that too, or a power cut may undo it.
    std::string folder = std::filesystem::path(path).parent_path().string();
    if (folder.empty())
        folder = ".";
    const int dirFd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
}

std::string readFileBytes(const std::string &path)
{
    std::ifstream stream(path, std::ios::binary);
    if (!stream)
        throw MlError(path + ": cannot open for reading: " + std::strerror(errno));
    std::ostringstream buffer;
    buffer << stream.rdbuf();
    if (stream.bad())
        throw MlError(path + ": read error");
    return buffer.str();
}

}
