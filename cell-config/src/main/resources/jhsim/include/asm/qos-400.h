/*
 * jhsim: MinervaSys QoS-400 constants used by configuration sources
 * (the capabilities of a QoS device entry).
 */
#ifndef JHSIM_ASM_QOS_400_H
#define JHSIM_ASM_QOS_400_H

#define FLAGS_HAS_RWQOS		(1 << 0)	/* read/write QoS values */
#define FLAGS_HAS_REGUL		(1 << 1)	/* transaction-rate regulation */
#define FLAGS_HAS_DYNQOS	(1 << 2)	/* latency-driven dynamic QoS */

#endif
