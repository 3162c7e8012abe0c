/**
 * Writes whole-file MP4 outputs: "faststart" rewriting that moves the movie header in front of the media data,
 * as a copy or as a random-access view of the unchanged file.
 */
package org.diva.transcode.mux.mp4;
