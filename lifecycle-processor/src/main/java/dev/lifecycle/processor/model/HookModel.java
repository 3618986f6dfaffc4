package dev.lifecycle.processor.model;

/**
 * One hook of a service, ready to generate.
 *
 * @param kind its phase
 * @param declaringClass the canonical name of the class that declares it
 * @param methodName the method the dispatcher calls (virtually, so an override runs instead)
 */
public record HookModel(HookKind kind, String declaringClass, String methodName) {}
