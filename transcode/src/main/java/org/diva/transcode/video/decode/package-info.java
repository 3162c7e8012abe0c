/**
 * Video decoders for the transcoder: JCodec's H.264, MPEG-1/2 and MPEG-4 Part 2 decoders behind one interface that
 * takes demuxed packets and gives unsigned 4:2:0 frames in presentation order, refusing up front what JCodec cannot
 * decode.
 */
package org.diva.transcode.video.decode;
