#pragma once

#include "core/ml/normalization.h"

#include <string>
#include <vector>

namespace tagwise::ml {

/**
 * What prediction needs besides the weights: a folder holding weights.pt
 * (the network's parameters and buffers) and bundle.json (this struct).
 * Training writes it to RUN_DIR/model/; bundle.json is written last, so its
 * presence means the bundle is complete.
 */
struct ModelBundle
{
    std::string architecture;
    int inputSize = 0;
    std::vector<std::string> tags;
    std::vector<float> thresholds;  ///< one per tag
    Normalization normalization;
    double beta = 2.0;              ///< of the F-beta the thresholds were tuned for
    int epoch = 0;                  ///< the epoch the weights come from
    double fbeta = 0.0;             ///< validation F-beta with these thresholds

    static constexpr const char *kJsonName = "bundle.json";
    static constexpr const char *kWeightsName = "weights.pt";

    /**
     * The bundle folder \a path means: \a path itself when it holds
     * bundle.json, else \a path/model (a run folder). Throws MlError naming
     * \a path when neither does.
     */
    static std::string locate(const std::string &path);

    /// Reads \a dir/bundle.json; throws MlError naming the file and the reason.
    static ModelBundle read(const std::string &dir);
    /// Writes \a dir/bundle.json atomically (the weights are written by the caller, before).
    void write(const std::string &dir) const;

    /// Throws MlError naming what is inconsistent (thresholds per tag, sizes, ...).
    void validate() const;
};

}
