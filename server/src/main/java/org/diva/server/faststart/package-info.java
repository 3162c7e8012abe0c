/** Direct play of MP4s stored with their movie header last: served as faststart layouts, cached per file. */
package org.diva.server.faststart;
