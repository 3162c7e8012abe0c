/**
 * A private network for tests: a network namespace joined to the test JVM by a veth pair, and a jUPnP control
 * point running in a JVM inside it, so SSDP and HTTP really cross an interface and never reach a real one.
 */
package org.diva.upnp.lab;
