/**
 * Where the neighbourhood catalogue meets the swarm: a neighbour's item is played by its content id, pulled from
 * every household that holds the same bytes.
 */
package org.diva.server.pool.bridge;
