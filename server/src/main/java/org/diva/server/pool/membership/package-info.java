/**
 * Pool membership: the pool kept in H2, invites, joining, leaving and removal, the JGroups channel over mutual
 * TLS, and the live view of the members (state, round-trip time, throughput).
 */
package org.diva.server.pool.membership;
