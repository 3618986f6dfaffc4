/**
 * One service class, several configurations: {@code @Parameter} fields set per pool, each set of
 * values with a memory snapshot of its own.
 */
package dev.lifecycle.examples.parameters;
