/**
 * State shared by the methods of one container: a cache and counters set up in an enter hook.
 */
package dev.lifecycle.examples.sharedstate;
