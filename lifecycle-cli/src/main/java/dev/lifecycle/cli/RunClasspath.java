package dev.lifecycle.cli;

import dev.lifecycle.pool.ContainerPool;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** {@code lifecycle run}'s class paths: the one it is given, and the one its workers run on. */
final class RunClasspath {

  private RunClasspath() {}

  /**
   * The entries of {@code --classpath} as {@code java -cp} reads them: {@code DIR/*} for every jar
   * in DIR, in name order; an entry that does not exist is ignored with a warning.
   *
   * @throws UsageException when no entry is left
   */
  static List<Path> parse(String text, String command, PrintStream err) throws UsageException {
    List<Path> entries = new ArrayList<>();
    for (String entry : text.split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      if (entry.endsWith("/*")) { // as java -cp: every jar in the directory, in name order
        entries.addAll(jarsIn(Path.of(entry.substring(0, entry.length() - 2)), command, err));
        continue;
      }
      Path p = Path.of(entry).toAbsolutePath().normalize();
      if (!Files.exists(p)) {
        // As java -cp does; a class path that lacks the service fails below, naming it.
        err.println(command + ": warning: the --classpath entry " + entry + " does not exist; ignored");
        continue;
      }
      entries.add(p);
    }
    if (entries.isEmpty()) {
      throw new UsageException(command + ": --classpath is empty");
    }
    return entries;
  }

  private static List<Path> jarsIn(Path dir, String command, PrintStream err) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
          .map(f -> f.toAbsolutePath().normalize()).sorted().toList();
    } catch (IOException e) {
      err.println(command + ": warning: the --classpath entry " + dir + "/* cannot be listed (" + e.getMessage()
          + "); ignored");
      return List.of();
    }
  }

  /**
   * The workers' class path: the service's, then this tool's own (which holds lifecycle-pool and
   * what it needs) unless the service's has lifecycle-pool already.
   */
  static List<Path> withLifecycleJars(List<Path> classpath) throws MalformedURLException {
    try (URLClassLoader own = new URLClassLoader(urls(classpath), null)) {
      if (own.getResource(ContainerPool.class.getName().replace('.', '/') + ".class") != null) {
        return classpath;
      }
    } catch (IOException e) {
      // closing a loader of jars: nothing to do
    }
    List<Path> workers = new ArrayList<>(classpath);
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry).toAbsolutePath().normalize();
      if (!entry.isBlank() && !workers.contains(p)) {
        workers.add(p);
      }
    }
    return workers;
  }

  static URL[] urls(List<Path> classpath) throws MalformedURLException {
    URL[] urls = new URL[classpath.size()];
    for (int i = 0; i < urls.length; i++) {
      urls[i] = classpath.get(i).toUri().toURL();
    }
    return urls;
  }
}
