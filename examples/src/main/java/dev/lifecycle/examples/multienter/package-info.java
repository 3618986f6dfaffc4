/**
 * Several enter hooks, inherited ones first, each building on the one before it.
 */
package dev.lifecycle.examples.multienter;
