/**
 * Play-to: DiVA as a UPnP AV control point that finds MediaRenderers, keeps a record of each (description, state
 * followed through GENA LastChange events, last error) and drives AVTransport and RenderingControl.
 */
package org.diva.upnp.render;
