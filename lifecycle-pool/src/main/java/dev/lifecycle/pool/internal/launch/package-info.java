/**
 * Starting worker JVMs: their command line, their output into log files, and the pool's private
 * directory for sockets, logs and restore states. Not an API.
 */
package dev.lifecycle.pool.internal.launch;
