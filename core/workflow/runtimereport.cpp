#include "core/workflow/runtimereport.h"

#include "core/ml/device.h"
#include "core/ml/recommendation.h"
#include "core/ml/runtimeinfo.h"
#include "core/ml/threads.h"

#include <opencv2/core/version.hpp>

namespace tagwise::workflow {

RuntimeReport RuntimeReport::current()
{
    RuntimeReport report;
    report.libTorch = QString::fromStdString(ml::libTorchInfo().summary());
    const c10::Device device = ml::selectDevice(ml::DeviceChoice::Auto);
    if (device.is_cuda()) {
        report.device = tr("GPU %1").arg(QString::fromStdString(ml::deviceText(device)));
    } else {
        const int cores = ml::coreCount();
        report.device = cores == 1 ? tr("CPU, 1 core") : tr("CPU, %1 cores").arg(cores);
        if (ml::cpuHasBfloat16())
            report.device += tr(", bfloat16 in hardware");
    }
    report.dataParallel = ml::haveDistributed() ? tr("c10d with Gloo")
                                                : tr("not built in (no Gloo headers beside this LibTorch)");
    report.libraries = QStringLiteral("Qt %1, OpenCV %2").arg(QString::fromLatin1(qVersion()), QStringLiteral(CV_VERSION));
    return report;
}

}
