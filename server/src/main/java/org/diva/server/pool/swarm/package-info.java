/** Reading a title from every neighbour that holds it at once, verified chunk by chunk, as a seekable channel. */
package org.diva.server.pool.swarm;
