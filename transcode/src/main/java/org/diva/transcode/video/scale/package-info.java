/** Resizes decoded 4:2:0 frames to the encoder's picture size: a separable fixed-point filter, cheap per frame. */
package org.diva.transcode.video.scale;
