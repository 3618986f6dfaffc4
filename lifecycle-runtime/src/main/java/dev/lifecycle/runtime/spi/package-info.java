/**
 * What generated dispatchers implement and use: {@link
 * dev.lifecycle.runtime.spi.ServiceDispatcher} and the descriptors of a service. Not for
 * hand-written code.
 */
package dev.lifecycle.runtime.spi;
