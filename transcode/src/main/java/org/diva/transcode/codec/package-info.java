/** Parsers for codec headers (H.264 SPS, AAC AudioSpecificConfig, ...) shared by the containers that carry them. */
package org.diva.transcode.codec;
