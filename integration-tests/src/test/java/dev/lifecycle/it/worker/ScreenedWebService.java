package dev.lifecycle.it.worker;

import dev.lifecycle.Service;
import dev.lifecycle.WebEndpoint;

/** Two endpoints, to see which requests a pool's web address refuses before any container starts. */
@Service
public class ScreenedWebService {

  @WebEndpoint(path = "/sum")
  public int sum(int a, int b) {
    return a + b;
  }

  @WebEndpoint(method = "GET", path = "/echo")
  public String echo(String text) {
    return text;
  }
}
