/**
 * Copies packets from any demuxer into a muxer without re-encoding: the "remux" branch of the play decision.
 */
package org.diva.transcode.remux;
