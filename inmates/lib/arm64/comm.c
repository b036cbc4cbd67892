/* The inmate's side of the communication region protocol. */
#include "inmate.h"

bool comm_region_valid(void)
{
	return memcmp(comm_region->signature, COMM_REGION_SIGNATURE,
		      sizeof(comm_region->signature)) == 0 &&
		comm_region->revision == COMM_REGION_REVISION;
}

void comm_set_state(u32 state)
{
	comm_region->cell_state = state;
}

void comm_reply(u32 reply)
{
	comm_region->msg_to_cell = JAILHOUSE_MSG_NONE;
	/* the hypervisor must see the message cleared before the reply */
	dsb_ishst();
	comm_region->reply_from_cell = reply;
}

bool comm_poll(bool (*may_shut_down)(void))
{
	switch (comm_region->msg_to_cell) {
	case JAILHOUSE_MSG_NONE:
		return false;
	case JAILHOUSE_MSG_SHUTDOWN_REQUEST:
		if (may_shut_down && !may_shut_down()) {
			comm_reply(JAILHOUSE_MSG_REQUEST_DENIED);
			return false;
		}
		/* the state first: the hypervisor may stop the cell on the reply */
		comm_set_state(JAILHOUSE_CELL_SHUT_DOWN);
		comm_reply(JAILHOUSE_MSG_REQUEST_APPROVED);
		return true;
	case JAILHOUSE_MSG_RECONFIG_COMPLETED:
		comm_reply(JAILHOUSE_MSG_RECEIVED);
		return false;
	default:
		comm_reply(JAILHOUSE_MSG_UNKNOWN);
		return false;
	}
}
