/**
 * The play decision: a pure function of a probed file and a device profile that says whether the device gets the
 * file as it is, remuxed into MPEG-TS (MP4 for devices that do not open it) or transcoded, with the target
 * parameters and the reasons in words.
 */
package org.diva.transcode.decision;
