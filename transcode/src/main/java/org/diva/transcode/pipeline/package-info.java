/**
 * Joins a demuxer, per-stream stages (copy, video transcode, audio conversion) and a muxer into one run that
 * writes a stream while it is produced.
 */
package org.diva.transcode.pipeline;
