/*
 * jhsim: MinervaSys QoS definitions shared by configurations and tools.
 */
#ifndef JHSIM_JAILHOUSE_QOS_COMMON_H
#define JHSIM_JAILHOUSE_QOS_COMMON_H

#define QOS_DEV_NAMELEN		15
#define QOS_PARAM_NAMELEN	16

struct qos_setting {
	char dev_name[QOS_DEV_NAMELEN];
	char param_name[QOS_PARAM_NAMELEN];
	__u32 value;
};

#endif
