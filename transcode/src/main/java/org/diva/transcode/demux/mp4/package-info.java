/**
 * Demuxes MP4 and QuickTime files (ISO/IEC 14496-12, classic and fragmented) into normalised packets.
 */
package org.diva.transcode.demux.mp4;
