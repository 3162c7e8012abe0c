/** Demuxes Matroska and WebM into normalised packets, with Cues-based seeking and live (unknown-size) files. */
package org.diva.transcode.demux.matroska;
