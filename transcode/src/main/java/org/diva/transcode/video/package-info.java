/**
 * Video pictures between decoders, the scaler and encoders: the Frame type and the VideoEncoder contract.
 */
package org.diva.transcode.video;
