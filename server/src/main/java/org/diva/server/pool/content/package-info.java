/** Content ids of pool titles (SHA-256 over 1 MiB chunks), their stored chunk lists, and the local content store. */
package org.diva.server.pool.content;
