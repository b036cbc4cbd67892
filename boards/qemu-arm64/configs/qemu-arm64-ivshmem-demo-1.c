/*
 * ivshmem-demo-1: peer 1 of the ivshmem demo link, for ivshmem-demo, which
 * rings the doorbell of ivshmem-demo-2. CPU 2, INTx line 136.
 */
#define IVSHMEM_DEMO_PEER	1
#include "qemu-arm64-ivshmem-demo.h"
