#pragma once

#include <QString>
#include <QStringList>

namespace tagwise::workflow {

/// Whether a weights file fits a network, for the Train workspace.
struct WeightsCheck
{
    bool fits = false;
    QString text;         ///< what loading does ("120 tensors loaded ...; new head ...") or why it cannot, in English
    int loaded = 0;       ///< when it fits: the tensors taken from the file
    QStringList replaced; ///< the head's tensors left new (the tags differ)
    QStringList ignored;  ///< tensors of the file the network has no place for
};

/**
 * Loads \a file (.safetensors or torch.save) into a fresh \a arch with \a tags
 * outputs for \a inputSize pixels, as a run would start, and says how it went.
 * Never throws. Takes as long as reading the file (a second for ResNet-50's
 * 100 MB): call it off the GUI thread.
 */
WeightsCheck checkWeights(const QString &file, const QString &arch, int tags, int inputSize);

}
