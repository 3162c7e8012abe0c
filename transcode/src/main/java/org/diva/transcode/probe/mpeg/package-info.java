/**
 * Probes MPEG transport streams (.ts, .m2ts) and program streams (.mpg, .vob); its TS, PSI and PES parsing is
 * shared with the demuxer in org.diva.transcode.demux.mpeg.
 */
package org.diva.transcode.probe.mpeg;
