#pragma once

#include <cstdint>
#include <string>
#include <vector>

// Plain C++ (no LibTorch), like metrics.h.

namespace tagwise::ml {

/**
 * A model's probabilities for the images of one split, with their truth: what
 * Review shows without running the network again. Stored with the run as
 * RUN_DIR/predictions/<split>.bin (kFolder, fileName()).
 */
struct PredictionSet
{
    std::string split;                 ///< "validation" or "test"
    int epoch = 0;                     ///< the epoch of the weights that predicted
    std::vector<std::string> tags;
    std::vector<std::string> paths;    ///< one per row, absolute
    std::vector<float> probabilities;  ///< rows() x tags.size(), row-major
    std::vector<std::uint8_t> truth;   ///< the same shape; 0 or 1

    std::size_t rows() const { return paths.size(); }

    static constexpr const char *kFolder = "predictions";
    /// "<split>.bin"
    static std::string fileName(const std::string &split);

    /// Throws MlError when the sizes disagree.
    void validate() const;
    /**
     * Writes atomically, with a CRC-32 (atomicfile.h): a header ("TWPRED01"
     * and a JSON object with the split, epoch, tags and paths), then the
     * probabilities as little-endian float32 and the truth as bytes.
     * Throws MlError naming the file.
     */
    void save(const std::string &path) const;
    /// Throws MlError naming the file and the reason (missing, damaged, malformed).
    static PredictionSet load(const std::string &path);
};

}
