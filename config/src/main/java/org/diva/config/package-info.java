/** Typed, validated settings from defaults, a YAML file, the environment and the command line. */
package org.diva.config;
