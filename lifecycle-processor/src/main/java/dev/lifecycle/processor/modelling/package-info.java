/**
 * Model building: turns a service that passed validation into the immutable model the writers
 * read, in the order the dispatcher calls and describes its members.
 */
package dev.lifecycle.processor.modelling;
