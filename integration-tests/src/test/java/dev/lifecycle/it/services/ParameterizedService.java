package dev.lifecycle.it.services;

import dev.lifecycle.Enter;
import dev.lifecycle.Method;
import dev.lifecycle.Parameter;
import dev.lifecycle.Service;

/**
 * A service configured by its parameters: the snap hook builds from them, and records what it saw
 * (and that the constructor ran) in the {@link Journal}.
 */
@Service(enableMemorySnapshot = true)
public class ParameterizedService {

  /** How large a model to load. */
  public enum Size { SMALL, LARGE }

  @Parameter(required = true) Size size;
  @Parameter int threads = 2;
  @Parameter boolean verbose;
  @Parameter Double temperature;
  @Parameter String label = "default";

  private String built;

  public ParameterizedService() {
    Journal.write("constructed");
  }

  @Enter(snap = true)
  void load() {
    built = size + "/" + threads + "/" + verbose + "/" + temperature + "/" + label;
    Journal.write("snap " + built);
  }

  /** What the snap hook built from the parameters. */
  @Method
  public String built() {
    return built;
  }
}
