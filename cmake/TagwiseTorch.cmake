# What the LibTorch found by find_package(Torch) offers the engine, checked
# against that LibTorch alone (Debian's, a pip PyTorch's, or an official
# archive), never against headers of another one lying around:
# - c10d with Gloo (data-parallel training): Debian's LibTorch needs
#   libgloo-dev for Gloo's headers; without them training stays single-process;
# - CUDA's device properties (the GPU's name in logs), where its CUDA headers compile;
# - c10d's NCCL for GPUs in data-parallel jobs, where it compiles and links.
include(CheckCXXSourceCompiles)

function(tagwise_use_torch_features target)
  message(STATUS "Tagwise: LibTorch ${Torch_VERSION} from ${Torch_DIR}")
  find_path(TAGWISE_GLOO_INCLUDE gloo/context.h PATHS ${TORCH_INCLUDE_DIRS} NO_DEFAULT_PATH)
  find_path(TAGWISE_C10D_INCLUDE torch/csrc/distributed/c10d/ProcessGroupGloo.hpp PATHS ${TORCH_INCLUDE_DIRS} NO_DEFAULT_PATH)
  if(TAGWISE_GLOO_INCLUDE AND TAGWISE_C10D_INCLUDE)
    target_compile_definitions(${target} PRIVATE TAGWISE_HAVE_C10D USE_C10D_GLOO)
    target_include_directories(${target} PRIVATE ${TAGWISE_GLOO_INCLUDE} ${TAGWISE_C10D_INCLUDE})
    message(STATUS "Tagwise: data-parallel training with c10d/Gloo")
  else()
    message(STATUS "Tagwise: no Gloo headers beside this LibTorch's; data-parallel training is left out")
  endif()
  if(TORCH_CUDA_LIBRARIES OR CAFFE2_USE_CUDA)
    set(CMAKE_REQUIRED_LIBRARIES ${TORCH_LIBRARIES})
    set(CMAKE_REQUIRED_INCLUDES ${TORCH_INCLUDE_DIRS})
    set(CMAKE_REQUIRED_FLAGS "${TORCH_CXX_FLAGS} -std=c++17")
    check_cxx_source_compiles([=[
      #include <ATen/cuda/CUDAContext.h>
      int main() { return at::cuda::getDeviceProperties(0)->name[0]; }
    ]=] TAGWISE_HAVE_CUDA_CONTEXT)
    if(TAGWISE_HAVE_CUDA_CONTEXT)
      target_compile_definitions(${target} PRIVATE TAGWISE_HAVE_CUDA_CONTEXT)
    endif()
    # NCCL for the CUDA tensors of data-parallel jobs, where this LibTorch has it
    # and nccl.h is at hand (a pip PyTorch's nvidia-nccl package, the toolkit,
    # libnccl-dev); else Gloo carries them too.
    get_filename_component(_site "${Torch_DIR}/../../../.." ABSOLUTE)
    find_path(TAGWISE_NCCL_INCLUDE nccl.h PATHS ${TORCH_INCLUDE_DIRS} "${_site}/nvidia/nccl/include" ${CUDA_INCLUDE_DIRS} ${CUDAToolkit_INCLUDE_DIRS})
    if(TAGWISE_GLOO_INCLUDE AND TAGWISE_C10D_INCLUDE AND TAGWISE_NCCL_INCLUDE)
      list(APPEND CMAKE_REQUIRED_INCLUDES ${TAGWISE_C10D_INCLUDE} ${TAGWISE_NCCL_INCLUDE})
      set(CMAKE_REQUIRED_DEFINITIONS -DUSE_C10D_NCCL)
      check_cxx_source_compiles([=[
        #include <torch/csrc/distributed/c10d/PrefixStore.hpp>
        #include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
        #include <torch/csrc/distributed/c10d/TCPStore.hpp>
        int main() {
          auto store = c10::make_intrusive<c10d::TCPStore>("127.0.0.1", c10d::TCPStoreOptions());
          auto group = c10::make_intrusive<c10d::ProcessGroupNCCL>(
              c10::make_intrusive<c10d::PrefixStore>("nccl", store), 0, 1, c10d::ProcessGroupNCCL::Options::create());
          return group ? 0 : 1;
        }
      ]=] TAGWISE_HAVE_C10D_NCCL)
      if(TAGWISE_HAVE_C10D_NCCL)
        target_compile_definitions(${target} PRIVATE TAGWISE_HAVE_C10D_NCCL USE_C10D_NCCL)
        target_include_directories(${target} PRIVATE ${TAGWISE_NCCL_INCLUDE})
        message(STATUS "Tagwise: data-parallel training with NCCL for GPUs")
      endif()
    endif()
    message(STATUS "Tagwise: this LibTorch has CUDA")
  else()
    message(STATUS "Tagwise: this LibTorch is built for the CPU only")
  endif()
endfunction()
