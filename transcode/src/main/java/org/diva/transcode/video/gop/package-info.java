/**
 * The video half of a transcode: compressed packets split at keyframes into GOPs, each decoded, scaled and encoded
 * to H.264 as an independent task on the injected executor, the results put back in order as they finish.
 */
package org.diva.transcode.video.gop;
