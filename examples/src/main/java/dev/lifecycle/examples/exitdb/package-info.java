/**
 * An exit hook that closes what an enter hook opened, here a database connection, on every
 * kind of stop.
 */
package dev.lifecycle.examples.exitdb;
