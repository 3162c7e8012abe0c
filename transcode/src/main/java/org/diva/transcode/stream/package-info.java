/**
 * What demuxers hand to muxers and codecs: elementary streams, timed packets and the 90 kHz clock they share.
 */
package org.diva.transcode.stream;
