package dev.lifecycle.it.junit;

import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs an {@link OnlyInLauncher} fixture class in a launcher of its own; what JUnit reported. */
final class Fixtures {

  private Fixtures() {}

  static TestExecutionSummary run(Class<?> fixture) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(
        LauncherDiscoveryRequestBuilder.request()
            .selectors(DiscoverySelectors.selectClass(fixture))
            .configurationParameter(OnlyInLauncher.PARAMETER, "true")
            .build(),
        listener);
    return listener.getSummary();
  }
}
