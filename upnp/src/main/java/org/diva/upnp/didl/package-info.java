/**
 * DIDL-Lite, the XML in which ContentDirectory answers: a small model of containers, items and resources, and a
 * writer that escapes exactly once and emits only what the client's Filter asks for.
 */
package org.diva.upnp.didl;
