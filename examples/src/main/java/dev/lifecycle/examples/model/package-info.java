/**
 * The pattern memory snapshots exist for: a sentiment model trained in a snap hook, restored in
 * every later container; with the demo that runs it.
 */
package dev.lifecycle.examples.model;
