/* Talking to the hypervisor through the communication region. */
#ifndef INMATE_COMM_H
#define INMATE_COMM_H

#include "abi.h"

/* Whether the region carries Jailhouse's signature and ABI revision. */
bool comm_region_valid(void);

void comm_set_state(u32 state);

/* Answers msg_to_cell with reply (clearing the message first, as the protocol wants). */
void comm_reply(u32 reply);

/*
 * Answers a pending message: a shutdown request is approved when
 * may_shut_down (NULL: always) says so, a reconfiguration notice is
 * acknowledged, anything else is answered as unknown. Returns true when a
 * shutdown was just approved: the cell is then marked shut down and the
 * caller should stop.
 */
bool comm_poll(bool (*may_shut_down)(void));

#endif
