#pragma once

#include <string>
#include <vector>

// Deliberately free of LibTorch headers, so that any layer can list the
// architectures. createNetwork() is declared in network.h.

namespace tagwise::ml {

/// The architectures createNetwork() builds: {"smallervggnet", "resnet18", "mobilenetv2"}.
std::vector<std::string> architectureNames();

/// Whether \a arch is one of architectureNames().
bool isArchitecture(const std::string &arch);

}
