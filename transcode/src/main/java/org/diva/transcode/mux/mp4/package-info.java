/**
 * Writes whole-file MP4 outputs: "faststart" rewriting that moves the movie header in front of the media data.
 */
package org.diva.transcode.mux.mp4;
