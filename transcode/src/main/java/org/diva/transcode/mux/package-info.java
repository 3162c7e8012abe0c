/**
 * Writes packets into a container: the Muxer contract here, one subpackage per container (ts, mp4).
 */
package org.diva.transcode.mux;
