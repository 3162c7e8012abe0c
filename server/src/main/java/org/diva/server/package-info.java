/** The composition root: wires settings, catalogue, library, HTTP and starts and stops them in one order. */
package org.diva.server;
