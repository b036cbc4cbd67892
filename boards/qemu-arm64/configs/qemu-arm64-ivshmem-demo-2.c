/*
 * ivshmem-demo-2: peer 2 of the ivshmem demo link, for ivshmem-demo, which
 * rings the doorbell of ivshmem-demo-1. CPU 3, INTx line 137.
 */
#define IVSHMEM_DEMO_PEER	2
#include "qemu-arm64-ivshmem-demo.h"
