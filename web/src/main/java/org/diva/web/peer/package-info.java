/** The peer API's own HTTPS server: mutual TLS on the peer port, and who the caller is by its certificate. */
package org.diva.web.peer;
