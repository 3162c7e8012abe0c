/**
 * The neighbourhood pool: this server's identity (key pair, self-signed certificate, ServerId), who the members
 * are and how they are trusted (mutual TLS pinned to members' certificates), invites, membership over JGroups,
 * and the neighbours' catalogue and titles.
 */
package org.diva.server.pool;
