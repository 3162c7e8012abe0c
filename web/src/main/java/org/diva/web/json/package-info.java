/** JSON API plumbing: endpoints that return values, errors as JSON with a status and a message. */
package org.diva.web.json;
