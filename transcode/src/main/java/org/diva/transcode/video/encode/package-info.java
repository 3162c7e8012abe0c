/**
 * H.264 encoders behind {@link org.diva.transcode.video.VideoEncoder}: JCodec's baseline encoder with a per-GOP bit
 * budget, until DiVA's own faster encoder replaces it.
 */
package org.diva.transcode.video.encode;
