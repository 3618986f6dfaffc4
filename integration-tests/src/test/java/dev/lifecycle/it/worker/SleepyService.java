package dev.lifecycle.it.worker;

import dev.lifecycle.Method;
import dev.lifecycle.Service;

/** One call at a time that sleeps as long as asked, and says in worker files how it ended. */
@Service(maxConcurrentInputs = 1)
public class SleepyService {

  @Method
  public String sleep(String name, long millis) throws InterruptedException {
    WorkerFiles.append("calls", "start:" + name);
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      WorkerFiles.append("calls", "interrupted:" + name);
      throw e;
    }
    WorkerFiles.append("calls", "end:" + name);
    return name;
  }
}
