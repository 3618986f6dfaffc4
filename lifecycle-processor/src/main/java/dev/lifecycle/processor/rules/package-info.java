/**
 * Rules: what services and their lifecycle members must obey, each family in a class of its own,
 * all listed in order in {@link dev.lifecycle.processor.rules.Rules}.
 */
package dev.lifecycle.processor.rules;
