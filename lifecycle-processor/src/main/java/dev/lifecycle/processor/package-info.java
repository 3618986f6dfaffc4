/**
 * The Lifecycle annotation processor: each round it reads services, checks them by the rules,
 * prints the findings and, for clean services, builds the model and writes the dispatcher.
 */
package dev.lifecycle.processor;
