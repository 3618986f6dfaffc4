/**
 * Reading: what the sources say about services, their class hierarchy, their lifecycle members and
 * the values of their annotations, read as mirrors so that class files read the same as source.
 */
package dev.lifecycle.processor.reading;
