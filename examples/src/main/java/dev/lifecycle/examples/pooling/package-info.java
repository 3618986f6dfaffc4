/**
 * Resource pools (threads, database connections) created once in an enter hook, shared by
 * concurrent calls and shut down in an exit hook.
 */
package dev.lifecycle.examples.pooling;
