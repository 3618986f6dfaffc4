package dev.lifecycle.it.services;

import dev.lifecycle.Service;

/** {@link BlockingService}'s calls, three at a time. */
@Service(maxConcurrentInputs = 3)
public class ParallelService extends BlockingService {}
