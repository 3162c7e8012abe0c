/**
 * Demuxes MPEG transport streams (PAT/PMT driven, 188- and 192-byte packets) and program streams (VOB, .mpg) into
 * normalised access units with 90 kHz time stamps.
 */
package org.diva.transcode.demux.mpeg;
