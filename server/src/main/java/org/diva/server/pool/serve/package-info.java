/** The peer API's content endpoints: held titles' bytes and chunk lists to members, under a fair upload cap. */
package org.diva.server.pool.serve;
