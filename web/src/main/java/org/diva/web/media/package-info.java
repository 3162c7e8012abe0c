/** Serving files over HTTP: byte ranges, multipart ranges, conditional requests, without heap copies. */
package org.diva.web.media;
