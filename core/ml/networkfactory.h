#pragma once

#include <string>
#include <vector>

// Deliberately free of LibTorch headers, so that any layer can list the
// architectures. createNetwork() is declared in network.h.

namespace tagwise::ml {

/// The architectures createNetwork() builds, spelled as torchvision does: {"smallervggnet",
/// "smallervggnet_p2", "resnet18", "resnet34", "resnet50", "mobilenet_v2", "vgg16", "vgg16_bn"}.
std::vector<std::string> architectureNames();

/// The name in architectureNames() that \a arch means (it also takes the older
/// "mobilenetv2"); empty when it is none.
std::string canonicalArchitecture(const std::string &arch);

/// Whether \a arch names one of architectureNames(), or an older name of one.
bool isArchitecture(const std::string &arch);

}
