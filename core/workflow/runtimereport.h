#pragma once

#include <QCoreApplication>
#include <QString>

namespace tagwise::workflow {

/**
 * What this program computes with, in words, for `tagwise-cli version`, the
 * start of a training run and the About box: the LibTorch (version, what it
 * was built for, the library file in use), the device an automatic choice
 * trains on, and whether data-parallel training is built in.
 */
struct RuntimeReport
{
    Q_DECLARE_TR_FUNCTIONS(RuntimeReport)

public:
    QString libTorch;      ///< "LibTorch 1.13.1, CPU only (/usr/lib/…/libtorch_cpu.so.1.13)"
    QString device;        ///< "CPU, 2 cores, bfloat16 in hardware" or "GPU cuda:0 (NVIDIA H200, 139 GiB)"
    QString dataParallel;  ///< "c10d with Gloo" or why not
    QString libraries;     ///< "Qt 6.4.2, OpenCV 4.6.0"

    static RuntimeReport current();
};

}
