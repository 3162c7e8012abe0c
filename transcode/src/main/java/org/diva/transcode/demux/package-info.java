/**
 * Reads the packets of a container from a SeekableByteChannel: the Demuxer contract here, one subpackage per
 * container family (mp4, matroska, mpeg).
 */
package org.diva.transcode.demux;
