/**
 * Playback per device: which profile a client gets (pinned or recognised), the play decision for an item, the
 * URL that serves it, and the converted streams the UPnP face offers each client.
 */
package org.diva.server.playback;
