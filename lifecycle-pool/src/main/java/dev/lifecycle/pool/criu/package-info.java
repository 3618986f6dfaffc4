/**
 * The CRIU snapshot engine, {@link dev.lifecycle.pool.criu.CriuEngine}, the pool's default:
 * every line that knows criu's command line, options, log or version is in this package.
 */
package dev.lifecycle.pool.criu;
