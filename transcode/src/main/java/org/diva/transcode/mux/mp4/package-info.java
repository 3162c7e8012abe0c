/**
 * Writes whole-file MP4 outputs: the append-only {@link org.diva.transcode.mux.mp4.Mp4Muxer} (movie header at the
 * end) and "faststart" rewriting that moves the movie header in front of the media data, as a copy or as a
 * random-access view of the unchanged file.
 */
package org.diva.transcode.mux.mp4;
