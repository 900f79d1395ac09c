#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tagwise::ml {

/// One image to learn from: where it is and which tags it carries (0/1 per tag).
struct Sample
{
    std::string path;
    std::vector<std::uint8_t> target;
};

/**
 * What a run trains on, taken once when it starts: the tag list and the
 * training and validation samples. Saved in the run folder (dataset.json) so
 * that a stopped run can be resumed from the folder alone.
 */
struct DatasetSnapshot
{
    std::vector<std::string> tags;
    std::vector<Sample> train;
    std::vector<Sample> validation;

    /// Throws MlError when the tag list is empty or a target has the wrong length.
    void validate() const;
    /// Writes atomically; throws MlError naming the file on failure.
    void save(const std::string &path) const;
    /// Throws MlError naming the file and the reason.
    static DatasetSnapshot load(const std::string &path);
};

}
