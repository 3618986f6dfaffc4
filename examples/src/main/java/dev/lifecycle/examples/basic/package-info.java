/**
 * The basic enter hook: a database connection opened once per container and used by every
 * call, closed by an exit hook.
 */
package dev.lifecycle.examples.basic;
