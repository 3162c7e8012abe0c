/** DiVA's HTTP front door: one Jetty server, routing, and the plumbing shared by the API, media and UPnP. */
package org.diva.web;
