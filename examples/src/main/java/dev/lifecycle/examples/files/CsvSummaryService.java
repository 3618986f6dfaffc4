package dev.lifecycle.examples.files;

import dev.lifecycle.Enter;
import dev.lifecycle.Exit;
import dev.lifecycle.Method;
import dev.lifecycle.Service;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A file processor: it spools each upload to a temporary file, summarises it from disk, and keeps
 * a summary file for later download. All its files live in one working directory, which an enter
 * hook creates and an exit hook removes.
 *
 * <p>Why an exit hook rather than cleaning up in each call: the summaries must outlive the call
 * that wrote them, and a call that fails halfway (a malformed upload) leaves its spooled file
 * behind. Deleting the whole directory when the container stops catches both, and it runs however
 * the container stops. {@code File.deleteOnExit()} would not do: it only covers files, only on a
 * normal JVM exit, and only files that still exist then, while a container may stop long before
 * its JVM does.
 */
@Service(maxConcurrentInputs = 4)
public class CsvSummaryService {

  private Path workDirectory;

  @Enter
  void createWorkDirectory() throws IOException {
    workDirectory = Files.createTempDirectory("csv-summary-");
  }

  /**
   * Summarises a CSV upload of {@code key,amount} lines: the total amount per key. Writes the
   * upload to a spool file first (as a web server would), then reads it back.
   *
   * @return the summary, keys sorted
   * @throws IllegalArgumentException when a line is malformed; its spool file stays until exit
   */
  @Method
  public Map<String, Long> summarise(String name, String csv) throws IOException {
    Path upload = Files.createTempFile(workDirectory, "upload-", ".csv");
    Files.writeString(upload, csv);
    Map<String, Long> totals = new TreeMap<>();
    try (BufferedReader lines = Files.newBufferedReader(upload)) {
      int number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String[] fields = line.split(",");
        if (fields.length != 2 || !fields[1].strip().matches("-?\\d{1,15}")) {
          throw new IllegalArgumentException(
              "line " + number + " of " + name + " is not 'key,amount': " + line);
        }
        totals.merge(fields[0].strip(), Long.parseLong(fields[1].strip()), Long::sum);
      }
    }
    Path summary = Files.createTempFile(workDirectory, "summary-", ".txt");
    Files.writeString(summary, totals.entrySet().stream()
        .map(entry -> entry.getKey() + " " + entry.getValue())
        .collect(Collectors.joining("\n", "", "\n")));
    return totals;
  }

  /** The files this container holds, by name. */
  @Method
  public List<String> files() throws IOException {
    try (Stream<Path> files = Files.list(workDirectory)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  /** Deletes the working directory with everything in it, deepest first. */
  @Exit
  void removeWorkDirectory() throws IOException {
    if (workDirectory == null) {
      return; // createWorkDirectory() failed: there is nothing to remove
    }
    List<Path> paths;
    try (Stream<Path> tree = Files.walk(workDirectory)) {
      paths = tree.sorted(Comparator.reverseOrder()).toList();
    }
    List<IOException> failures = new ArrayList<>();
    for (Path path : paths) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        failures.add(e); // go on: delete what can be deleted, then report what could not
      }
    }
    if (!failures.isEmpty()) {
      IOException failure = new IOException("could not delete " + failures.size() + " files");
      failures.forEach(failure::addSuppressed);
      throw failure;
    }
  }

  /** The working directory; for tests. */
  public Path workDirectory() {
    return workDirectory;
  }
}
